import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZCreditRecord, ZRevokeCredit } from '@/lib/validation/talent';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 科研诚信 records, kept by commission staff. A sanction in force bars the person from applying (and, in issue 5,
// from reviewing) — checked by src/domain/application/eligibility.ts at every start and submit.

export async function listCreditRecords(client: Db, actor: Actor) {
  assertCan(actor, 'manage:credit:all');
  return client.creditRecord.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: {
      user: {
        select: {
          name: true,
          email: true,
          researcherProfile: { select: { institution: { select: { name: true, nameEn: true } } } },
        },
      },
      recordedBy: { select: { name: true } },
    },
  });
}

export async function addCreditRecord(client: Db, actor: Actor, input: z.output<typeof ZCreditRecord>) {
  assertCan(actor, 'manage:credit:all');
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
    if (!user) throw new DomainError('VALIDATION', 'checkFields', { email: 'userUnknown' });
    const { email: _e, startsOn, endsOn, ...rest } = input;
    const row = await tx.creditRecord.create({
      data: {
        ...rest,
        userId: user.id,
        recordedById: actor.userId,
        startsOn: new Date(`${startsOn}T00:00:00Z`),
        endsOn: endsOn ? new Date(`${endsOn}T00:00:00Z`) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'credit.add',
      entityType: 'CreditRecord',
      entityId: row.id,
      summary: { userId: user.id, name: user.name, startsOn, endsOn, barsApplications: input.barsApplications },
    });
    return row;
  });
}

export async function revokeCreditRecord(client: Db, actor: Actor, input: z.output<typeof ZRevokeCredit>) {
  assertCan(actor, 'manage:credit:all');
  return client.$transaction(async (tx) => {
    const updated = await tx.creditRecord.updateMany({
      where: { id: input.id, revokedAt: null },
      data: { revokedAt: new Date(), revokeReason: input.reason },
    });
    if (updated.count === 0) throw new DomainError('NOT_FOUND');
    await recordAudit(tx, {
      actor,
      action: 'credit.revoke',
      entityType: 'CreditRecord',
      entityId: input.id,
      summary: { reason: input.reason },
    });
    return { id: input.id };
  });
}

/** The sanctions in force for a person, as the eligibility rule reads them. */
export async function sanctionsOf(client: Db | Parameters<Parameters<Db['$transaction']>[0]>[0], userId: string) {
  return client.creditRecord.findMany({
    where: { userId, revokedAt: null },
    select: { startsOn: true, endsOn: true, barsApplications: true },
  });
}
