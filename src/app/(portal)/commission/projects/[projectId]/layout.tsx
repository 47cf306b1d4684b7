import type { ReactNode } from 'react';
import { ProjectTabs } from '@/components/projects/project-tabs';

export default async function CommissionProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  return (
    <>
      <ProjectTabs base={`/commission/projects/${projectId}`} />
      {children}
    </>
  );
}
