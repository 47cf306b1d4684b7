import { redirect } from 'next/navigation';
import { ROLE_HOME } from '@/domain/auth/roles';
import { requireUser } from '@/server/auth/session';

/** Where "home" is depends on the active role. */
export default async function DashboardRedirect() {
  const actor = await requireUser();
  redirect(ROLE_HOME[actor.role]);
}
