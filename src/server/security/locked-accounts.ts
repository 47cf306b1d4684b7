import 'server-only';
import { DomainError } from '@/lib/errors';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

/** Accounts locked now, or with failed attempts piling up: what the security admin watches. */
export async function listLockedAccounts(client: Db, actor: Actor) {
  assertCan(actor, 'unlock:user:all');
  const now = new Date();
  const rows = await client.user.findMany({
    where: { OR: [{ lockedUntil: { gt: now } }, { failedLoginCount: { gt: 0 } }] },
    orderBy: [{ lockedUntil: { sort: 'desc', nulls: 'last' } }, { failedLoginCount: 'desc' }],
    take: 200,
    select: { id: true, email: true, name: true, failedLoginCount: true, lockedUntil: true },
  });
  return rows.map((r) => ({ ...r, locked: !!r.lockedUntil && r.lockedUntil > now }));
}

export async function unlockAccount(client: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, 'unlock:user:all');
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.id },
      select: { failedLoginCount: true, lockedUntil: true },
    });
    if (!user) throw new DomainError('NOT_FOUND');
    await tx.user.update({ where: { id: input.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    await recordAudit(tx, {
      actor,
      action: 'user.unlock',
      entityType: 'User',
      entityId: input.id,
      summary: { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
    return { id: input.id };
  });
}
