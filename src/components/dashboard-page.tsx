import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getDashboard } from '@/server/dashboard/get-dashboard';
import { DashboardView } from './dashboard-view';

/** Every role's home page: the same page, the active role's content. */
export default async function DashboardPage() {
  const actor = await requirePermission('read:dashboard:own');
  return <DashboardView actor={actor} data={await getDashboard(db(), actor)} />;
}
