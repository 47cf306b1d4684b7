import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/server/auth/session';

/** Account pages work for every role, and before a forced password change. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  return <AppShell actor={actor}>{children}</AppShell>;
}
