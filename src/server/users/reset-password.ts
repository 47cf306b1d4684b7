import 'server-only';
import { checkPassword } from '@/domain/auth/security-policy';
import { DomainError } from '@/lib/errors';
import type { ZResetPassword } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { hashPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { getSecurityPolicy } from '../security/get-security-policy';
import { passwordFieldErrors } from './password-errors';

/**
 * Sets a temporary password (given to the person out of band) that must be changed at next login, and ends the
 * person's sessions. It does not lift a lockout: unlocking is the security admin's duty.
 */
export async function resetPassword(client: Db, actor: Actor, input: z.output<typeof ZResetPassword>) {
  assertCan(actor, 'manage:user:all');
  if (input.id === actor.userId) throw new DomainError('VALIDATION', 'checkFields', { newPassword: 'useChangePassword' });
  const user = await client.user.findUnique({ where: { id: input.id }, select: { email: true } });
  if (!user) throw new DomainError('NOT_FOUND');
  const policy = await getSecurityPolicy(client);
  const problems = checkPassword(input.newPassword, policy, { email: user.email });
  if (problems.length) throw new DomainError('VALIDATION', 'checkFields', passwordFieldErrors('newPassword', problems));
  const passwordHash = await hashPassword(input.newPassword);
  await client.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({
      where: { id: input.id },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: true, version: { increment: 1 } },
    });
    await tx.session.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: now, revokeReason: 'PASSWORD_RESET' } });
    await recordAudit(tx, { actor, action: 'user.reset_password', entityType: 'User', entityId: input.id, summary: {} });
  });
  return { id: input.id };
}
