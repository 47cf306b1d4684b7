import 'server-only';
import type { Role } from '@/domain/auth/roles';
import { ROLE_HOME } from '@/domain/auth/roles';
import { DomainError } from '@/lib/errors';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';

/**
 * Makes another of the person's own roles the active one. The role is checked against the database, never taken on
 * trust from the request: a forged role name is simply not held.
 */
export async function switchRole(client: Db, actor: Actor, role: Role): Promise<{ home: string }> {
  if (!actor.sessionId) throw new DomainError('UNAUTHENTICATED');
  const held = await client.roleAssignment.findUnique({
    where: { userId_role: { userId: actor.userId, role } },
    select: { id: true },
  });
  if (!held) throw new DomainError('FORBIDDEN', 'roleNotHeld');
  if (role !== actor.role) {
    await client.$transaction(async (tx) => {
      await tx.session.update({ where: { id: actor.sessionId! }, data: { activeRole: role } });
      await recordAudit(tx, {
        actor,
        action: 'auth.switch_role',
        entityType: 'Session',
        entityId: actor.sessionId,
        summary: { from: actor.role, to: role },
      });
    });
  }
  return { home: ROLE_HOME[role] };
}
