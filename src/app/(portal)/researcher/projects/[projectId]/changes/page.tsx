import { ChangesPage } from '@/components/project-lifecycle/changes-page';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectChanges } from '@/server/projects/changes';
import { requestChangeAction, withdrawChangeAction } from './actions';

// 变更 for the PI: request a change (extension, PI, members, budget) and withdraw one not yet decided.
export default async function ResearcherChangesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:own');
  const { projectId } = await params;
  const data = await orNotFound(getProjectChanges(db(), actor, projectId));
  return <ChangesPage data={data} role="PI" request={requestChangeAction} withdraw={withdrawChangeAction} />;
}
