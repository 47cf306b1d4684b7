import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZUpdateInstitution } from '@/lib/validation/institutions';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { assertInstitutionUnique } from './create-institution';

const FIELDS = ['name', 'nameEn', 'aliases', 'kind', 'affiliation', 'creditCode', 'active'] as const;

/** Optimistic concurrency: the edit applies only to the version the form was loaded with. */
export async function updateInstitution(client: Db, actor: Actor, input: z.output<typeof ZUpdateInstitution>) {
  assertCan(actor, 'manage:institution:all');
  return client.$transaction(async (tx) => {
    const before = await tx.institution.findUnique({ where: { id: input.id } });
    if (!before) throw new DomainError('NOT_FOUND');
    await assertInstitutionUnique(tx, input, input.id);
    const { id, version, ...data } = input;
    const updated = await tx.institution.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    const changes = Object.fromEntries(
      FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(input[k])).map((k) => [
        k,
        { from: before[k], to: input[k] },
      ]),
    );
    await recordAudit(tx, {
      actor,
      action: 'institution.update',
      entityType: 'Institution',
      entityId: id,
      summary: changes,
    });
    return { id, version: version + 1 };
  });
}
