import { DashboardView } from '@/components/dashboard-view';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getDashboard } from '@/server/dashboard/get-dashboard';

export default async function DashboardPage() {
  const actor = await requirePermission('read:dashboard:own');
  return <DashboardView actor={actor} data={await getDashboard(db(), actor)} />;
}
