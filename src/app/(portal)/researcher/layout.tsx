import { RoleGate } from '@/components/shell/role-gate';
import { requireUser } from '@/server/auth/session';

export default async function Layout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  return (
    <RoleGate actor={actor} roles={['RESEARCHER']}>
      {children}
    </RoleGate>
  );
}
