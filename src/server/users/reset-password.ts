import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZResetPassword } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { policyCheckedHash, replacePassword } from '../account/password';

/**
 * Sets a temporary password (given to the person out of band) that must be changed at next login, and ends the
 * person's sessions. It does not lift a lockout: unlocking is the security admin's duty.
 */
export async function resetPassword(client: Db, actor: Actor, input: z.output<typeof ZResetPassword>) {
  assertCan(actor, 'manage:user:all');
  if (input.id === actor.userId)
    throw new DomainError('VALIDATION', 'checkFields', { newPassword: 'useChangePassword' });
  const user = await client.user.findUnique({ where: { id: input.id }, select: { email: true } });
  if (!user) throw new DomainError('NOT_FOUND');
  const passwordHash = await policyCheckedHash(client, input.newPassword, user.email, 'newPassword');
  await client.$transaction(async (tx) => {
    await replacePassword(tx, input.id, passwordHash, { mustChange: true, reason: 'PASSWORD_RESET' });
    await recordAudit(tx, {
      actor,
      action: 'user.reset_password',
      entityType: 'User',
      entityId: input.id,
      summary: {},
    });
  });
  return { id: input.id };
}
