import type { Role } from '@/domain/auth/roles';
import { requireUser } from '@/server/auth/session';
import { RoleGate } from './role-gate';

/** The layout of a role's URL segment (/researcher, /office, …): see RoleGate. */
export function roleLayout(roles: Role[]) {
  return async function RoleLayout({ children }: { children: React.ReactNode }) {
    const actor = await requireUser();
    return (
      <RoleGate actor={actor} roles={roles}>
        {children}
      </RoleGate>
    );
  };
}
