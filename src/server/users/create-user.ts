import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZCreateUser } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { policyCheckedHash } from '../account/password';
import { validateRoleGrants } from './role-grants';

/**
 * The system admin opens an account with an initial password the person must change at first login. A researcher
 * gets a talent record at their host institution (the RESEARCHER role's scope) in the same transaction.
 */
export async function createUser(client: Db, actor: Actor, input: z.output<typeof ZCreateUser>) {
  assertCan(actor, 'manage:user:all');
  const passwordHash = await policyCheckedHash(client, input.initialPassword, input.email, 'initialPassword');
  await validateRoleGrants(client, input.roles);
  const researcher = input.roles.find((r) => r.role === 'RESEARCHER');

  return client.$transaction(async (tx) => {
    const taken = await tx.user.count({ where: { email: input.email } });
    if (taken) throw new DomainError('CONFLICT', 'checkFields', { email: 'emailTaken' });
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        locale: input.locale,
        passwordHash,
        mustChangePassword: true,
        roles: {
          create: input.roles.map((r) => ({ role: r.role, institutionId: r.institutionId, grantedById: actor.userId })),
        },
        ...(researcher ? { researcherProfile: { create: { institutionId: researcher.institutionId! } } } : {}),
      },
      select: { id: true, email: true, name: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'user.create',
      entityType: 'User',
      entityId: user.id,
      summary: { email: user.email, name: user.name, roles: input.roles },
    });
    return user;
  });
}
