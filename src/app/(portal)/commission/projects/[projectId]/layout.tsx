import type { ReactNode } from 'react';
import { ProjectTabs } from '@/components/projects/project-tabs';
import { ClientMessages } from '@/i18n/client-messages';

export default async function CommissionProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  return (
    <ClientMessages route="(portal)/commission/projects/[projectId]">
      <ProjectTabs base={`/commission/projects/${projectId}`} />
      {children}
    </ClientMessages>
  );
}
