import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZChangePassword } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { verifyPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { policyCheckedHash, replacePassword } from './password';

/** Any signed-in person changes their own password; their other sessions end (this one stays). */
export async function changePassword(client: Db, actor: Actor, input: z.output<typeof ZChangePassword>) {
  const user = await client.user.findUnique({
    where: { id: actor.userId },
    select: { passwordHash: true, email: true },
  });
  if (!user) throw new DomainError('NOT_FOUND');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('VALIDATION', 'checkFields', { currentPassword: 'currentPasswordWrong' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('VALIDATION', 'checkFields', { newPassword: 'passwordUnchanged' });
  }
  const passwordHash = await policyCheckedHash(client, input.newPassword, user.email, 'newPassword');
  await client.$transaction(async (tx) => {
    await replacePassword(tx, actor.userId, passwordHash, {
      mustChange: false,
      keepSessionId: actor.sessionId,
      reason: 'PASSWORD_CHANGED',
    });
    await recordAudit(tx, {
      actor,
      action: 'user.change_password',
      entityType: 'User',
      entityId: actor.userId,
      summary: {},
    });
  });
}
