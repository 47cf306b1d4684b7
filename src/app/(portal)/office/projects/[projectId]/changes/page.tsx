import { ChangesPage } from '@/components/project-lifecycle/changes-page';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectChanges } from '@/server/projects/changes';
import { institutionDecideChangeAction } from './actions';

// 变更 for the institution office: the first approval of its institution's projects' requests.
export default async function OfficeChangesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:institution');
  const { projectId } = await params;
  const data = await orNotFound(getProjectChanges(db(), actor, projectId));
  return <ChangesPage data={data} role="OFFICE" decide={institutionDecideChangeAction} />;
}
