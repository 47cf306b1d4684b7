import { ChangesPage } from '@/components/project-lifecycle/changes-page';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectChanges } from '@/server/projects/changes';
import { commissionDecideChangeAction } from './actions';

// 变更 for staff: the final approval, which applies the change.
export default async function CommissionChangesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:all');
  const { projectId } = await params;
  const data = await orNotFound(getProjectChanges(db(), actor, projectId));
  return <ChangesPage data={data} role="STAFF" decide={commissionDecideChangeAction} />;
}
