import type { ReactNode } from 'react';
import { ProjectTabs } from '@/components/projects/project-tabs';
import { ClientMessages } from '@/i18n/client-messages';

export default async function OfficeProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  return (
    <ClientMessages route="(portal)/office/projects/[projectId]">
      <ProjectTabs base={`/office/projects/${projectId}`} />
      {children}
    </ClientMessages>
  );
}
