import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZUpdateUser } from '@/lib/validation/users';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

/** Name, language and status. Disabling an account ends its sessions at once. */
export async function updateUser(client: Db, actor: Actor, input: z.output<typeof ZUpdateUser>) {
  assertCan(actor, 'manage:user:all');
  if (input.id === actor.userId && input.status === 'DISABLED') {
    throw new DomainError('VALIDATION', 'checkFields', { status: 'cannotDisableSelf' });
  }
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.id },
      select: { name: true, locale: true, status: true, version: true },
    });
    if (!before) throw new DomainError('NOT_FOUND');
    const updated = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { name: input.name, locale: input.locale, status: input.status, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    if (input.status === 'DISABLED' && before.status !== 'DISABLED') {
      await tx.session.updateMany({
        where: { userId: input.id, revokedAt: null },
        data: { revokedAt: new Date(), revokeReason: 'DISABLED' },
      });
    }
    const changes = Object.fromEntries(
      (['name', 'locale', 'status'] as const)
        .filter((k) => before[k] !== input[k])
        .map((k) => [k, { from: before[k], to: input[k] }]),
    );
    await recordAudit(tx, { actor, action: 'user.update', entityType: 'User', entityId: input.id, summary: changes });
    return { id: input.id, version: before.version + 1 };
  });
}
