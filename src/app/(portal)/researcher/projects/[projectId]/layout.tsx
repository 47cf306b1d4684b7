import type { ReactNode } from 'react';
import { ProjectTabs } from '@/components/projects/project-tabs';
import { ClientMessages } from '@/i18n/client-messages';

export default async function ResearcherProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  return (
    <ClientMessages route="(portal)/researcher/projects/[projectId]">
      <ProjectTabs base={`/researcher/projects/${projectId}`} />
      {children}
    </ClientMessages>
  );
}
