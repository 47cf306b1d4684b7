import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZSetUserRoles } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { validateRoleGrants } from './role-grants';

/**
 * Replaces a person's roles. An administrator cannot change their own roles (no self-escalation); the role rules
 * (scoped institutions, 三员分立) are the pure checkRoleSet. Open sessions follow on their next request. Removing
 * the RESEARCHER role keeps the talent record (it is history), it just stops being reachable as a researcher.
 */
export async function setUserRoles(client: Db, actor: Actor, input: z.output<typeof ZSetUserRoles>) {
  assertCan(actor, 'manage:user:all');
  if (input.id === actor.userId) throw new DomainError('VALIDATION', 'checkFields', { roles: 'cannotChangeOwnRoles' });
  await validateRoleGrants(client, input.roles);
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.id },
      select: { id: true, roles: { select: { role: true, institutionId: true } } },
    });
    if (!user) throw new DomainError('NOT_FOUND');
    const bumped = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new DomainError('STALE');
    // The talent record follows the RESEARCHER role's host institution (a transfer moves it; records are kept).
    const researcher = input.roles.find((r) => r.role === 'RESEARCHER');
    if (researcher?.institutionId) {
      await tx.researcherProfile.upsert({
        where: { userId: input.id },
        create: { userId: input.id, institutionId: researcher.institutionId },
        update: { institutionId: researcher.institutionId, version: { increment: 1 } },
      });
    }
    await tx.roleAssignment.deleteMany({ where: { userId: input.id } });
    await tx.roleAssignment.createMany({
      data: input.roles.map((r) => ({
        userId: input.id,
        role: r.role,
        institutionId: r.institutionId,
        grantedById: actor.userId,
      })),
    });
    await recordAudit(tx, {
      actor,
      action: 'user.set_roles',
      entityType: 'User',
      entityId: input.id,
      summary: { from: user.roles, to: input.roles },
    });
    return { id: input.id };
  });
}
