import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZCreateInstitution } from '@/lib/validation/institutions';
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

/** Name and 统一社会信用代码 are each unique: a clash is reported on the field that clashes. */
export async function assertInstitutionUnique(tx: Tx, input: { name: string; creditCode: string }, exceptId?: string) {
  const clash = await tx.institution.findFirst({
    where: {
      OR: [{ name: input.name }, { creditCode: input.creditCode }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { name: true, creditCode: true },
  });
  if (clash) {
    throw new DomainError(
      'CONFLICT',
      'checkFields',
      clash.name === input.name ? { name: 'institutionNameTaken' } : { creditCode: 'creditCodeTaken' },
    );
  }
}

export async function createInstitution(client: Db, actor: Actor, input: z.output<typeof ZCreateInstitution>) {
  assertCan(actor, 'manage:institution:all');
  return client.$transaction(async (tx) => {
    await assertInstitutionUnique(tx, input);
    const created = await tx.institution.create({ data: input, select: { id: true, name: true } });
    await recordAudit(tx, {
      actor,
      action: 'institution.create',
      entityType: 'Institution',
      entityId: created.id,
      summary: { ...input },
    });
    return created;
  });
}
