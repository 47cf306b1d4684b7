import { redirect } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/server/auth/session';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  if (actor.mustChangePassword) redirect('/account/password');
  return <AppShell actor={actor}>{children}</AppShell>;
}
