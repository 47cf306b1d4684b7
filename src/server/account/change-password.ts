import 'server-only';
import { checkPassword } from '@/domain/auth/security-policy';
import { DomainError } from '@/lib/errors';
import type { ZChangePassword } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { getSecurityPolicy } from '../security/get-security-policy';
import { passwordFieldErrors } from '../users/password-errors';

/** Any signed-in person changes their own password; their other sessions end (this one stays). */
export async function changePassword(client: Db, actor: Actor, input: z.output<typeof ZChangePassword>) {
  const user = await client.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, email: true } });
  if (!user) throw new DomainError('NOT_FOUND');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('VALIDATION', 'checkFields', { currentPassword: 'currentPasswordWrong' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('VALIDATION', 'checkFields', { newPassword: 'passwordUnchanged' });
  }
  const policy = await getSecurityPolicy(client);
  const problems = checkPassword(input.newPassword, policy, { email: user.email });
  if (problems.length) throw new DomainError('VALIDATION', 'checkFields', passwordFieldErrors('newPassword', problems));
  const passwordHash = await hashPassword(input.newPassword);
  await client.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, version: { increment: 1 } },
    });
    await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null, ...(actor.sessionId ? { NOT: { id: actor.sessionId } } : {}) },
      data: { revokedAt: now, revokeReason: 'PASSWORD_CHANGED' },
    });
    await recordAudit(tx, { actor, action: 'user.change_password', entityType: 'User', entityId: actor.userId, summary: {} });
  });
}
