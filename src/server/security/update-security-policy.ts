import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZSecurityPolicy } from '@/lib/validation/security';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { getSecurityPolicy } from './get-security-policy';

/** The security admin's one policy row; version 0 means "never saved" (defaults in force). */
export async function updateSecurityPolicy(client: Db, actor: Actor, input: z.output<typeof ZSecurityPolicy>) {
  assertCan(actor, 'manage:security-policy:all');
  const { version, ...values } = input;
  return client.$transaction(async (tx) => {
    const before = await getSecurityPolicy(tx);
    if (before.version !== version) throw new DomainError('STALE');
    if (version === 0) {
      // Two first saves racing: the primary key lets only one insert win; the other gets STALE.
      const inserted = await tx.securityPolicy.createMany({
        data: [{ id: 1, ...values, updatedById: actor.userId }],
        skipDuplicates: true,
      });
      if (inserted.count === 0) throw new DomainError('STALE');
    } else {
      const updated = await tx.securityPolicy.updateMany({
        where: { id: 1, version },
        data: { ...values, updatedById: actor.userId, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new DomainError('STALE');
    }
    const changes = Object.fromEntries(
      (Object.keys(values) as (keyof typeof values)[])
        .filter((k) => before[k] !== values[k])
        .map((k) => [k, { from: before[k], to: values[k] }]),
    );
    await recordAudit(tx, {
      actor,
      action: 'security_policy.update',
      entityType: 'SecurityPolicy',
      entityId: '1',
      summary: changes,
    });
    return { version: version + 1 };
  });
}
