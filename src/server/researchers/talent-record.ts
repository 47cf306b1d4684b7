import 'server-only';
import { maskIdNumber } from '@/domain/people/id-number';
import { DomainError } from '@/lib/errors';
import type { ZCareerEntry, ZCreateWork, ZHonour, ZIdNumber, ZUpdateWork } from '@/lib/validation/talent';
import type { z } from 'zod';
import { isUniqueViolation, type Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { decryptField, encryptField, lookupHash } from '../crypto/field-crypto';

// The talent record beyond its basics (人才档案): the ID number, education and work history, honours, and the
// representative works (代表作) applications cite. Every function acts on the actor's own record only.

const date = (s: string) => new Date(`${s}T00:00:00Z`);

export async function setIdNumber(client: Db, actor: Actor, input: z.output<typeof ZIdNumber>) {
  assertCan(actor, 'update:profile:own');
  try {
    await client.$transaction(async (tx) => {
      const updated = await tx.researcherProfile.updateMany({
        where: { userId: actor.userId },
        data: {
          idNumberCiphertext: encryptField(input.idNumber),
          idNumberHash: lookupHash(input.idNumber),
          idNumberMasked: maskIdNumber(input.idNumber),
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new DomainError('NOT_FOUND');
      // The number itself never enters the audit log.
      await recordAudit(tx, {
        actor,
        action: 'profile.set_id_number',
        entityType: 'ResearcherProfile',
        entityId: actor.userId,
        summary: { masked: maskIdNumber(input.idNumber) },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'checkFields', { idNumber: 'idNumberTaken' });
    throw e;
  }
  return { masked: maskIdNumber(input.idNumber) };
}

/** The owner sees their own number. */
export async function revealOwnIdNumber(client: Db, actor: Actor): Promise<string | null> {
  assertCan(actor, 'update:profile:own');
  const p = await client.researcherProfile.findUnique({
    where: { userId: actor.userId },
    select: { idNumberCiphertext: true },
  });
  return p?.idNumberCiphertext ? decryptField(p.idNumberCiphertext) : null;
}

/** Commission staff may read anyone's number; each reading is audited (a sensitive read, not a change). */
export async function revealIdNumberForStaff(client: Db, actor: Actor, userId: string): Promise<string | null> {
  assertCan(actor, 'read:id-number:all');
  const p = await client.researcherProfile.findUnique({ where: { userId }, select: { idNumberCiphertext: true } });
  if (!p) throw new DomainError('NOT_FOUND');
  await client.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: 'profile.reveal_id_number',
      entityType: 'ResearcherProfile',
      entityId: userId,
      summary: {},
    }),
  );
  return p.idNumberCiphertext ? decryptField(p.idNumberCiphertext) : null;
}

export async function getTalentRecord(client: Db, actor: Actor) {
  assertCan(actor, 'update:profile:own');
  const [careers, honours, works, profile] = await Promise.all([
    client.careerEntry.findMany({ where: { userId: actor.userId }, orderBy: [{ kind: 'asc' }, { startsOn: 'desc' }] }),
    client.honour.findMany({ where: { userId: actor.userId }, orderBy: { year: 'desc' } }),
    client.representativeWork.findMany({
      where: { userId: actor.userId },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      include: { evidenceFile: { select: { id: true, filename: true } }, _count: { select: { applications: true } } },
    }),
    client.researcherProfile.findUnique({
      where: { userId: actor.userId },
      select: { idNumberMasked: true, phone: true },
    }),
  ]);
  return { careers, honours, works, idNumberMasked: profile?.idNumberMasked ?? null, phone: profile?.phone ?? null };
}

export async function addCareerEntry(client: Db, actor: Actor, input: z.output<typeof ZCareerEntry>) {
  assertCan(actor, 'update:profile:own');
  return client.$transaction(async (tx) => {
    const row = await tx.careerEntry.create({
      data: {
        userId: actor.userId,
        kind: input.kind,
        organization: input.organization,
        role: input.role,
        startsOn: date(input.startsOn),
        endsOn: input.endsOn ? date(input.endsOn) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'profile.add_career',
      entityType: 'CareerEntry',
      entityId: row.id,
      summary: { kind: input.kind, organization: input.organization },
    });
    return row;
  });
}

export async function removeCareerEntry(client: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, 'update:profile:own');
  return client.$transaction(async (tx) => {
    const removed = await tx.careerEntry.deleteMany({ where: { id: input.id, userId: actor.userId } });
    if (removed.count === 0) throw new DomainError('NOT_FOUND');
    await recordAudit(tx, {
      actor,
      action: 'profile.remove_career',
      entityType: 'CareerEntry',
      entityId: input.id,
      summary: {},
    });
    return { id: input.id };
  });
}

export async function addHonour(client: Db, actor: Actor, input: z.output<typeof ZHonour>) {
  assertCan(actor, 'update:profile:own');
  return client.$transaction(async (tx) => {
    const row = await tx.honour.create({ data: { userId: actor.userId, ...input }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: 'profile.add_honour',
      entityType: 'Honour',
      entityId: row.id,
      summary: { name: input.name, year: input.year },
    });
    return row;
  });
}

export async function removeHonour(client: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, 'update:profile:own');
  return client.$transaction(async (tx) => {
    const removed = await tx.honour.deleteMany({ where: { id: input.id, userId: actor.userId } });
    if (removed.count === 0) throw new DomainError('NOT_FOUND');
    await recordAudit(tx, {
      actor,
      action: 'profile.remove_honour',
      entityType: 'Honour',
      entityId: input.id,
      summary: {},
    });
    return { id: input.id };
  });
}

async function assertOwnFile(
  client: Db | Parameters<Parameters<Db['$transaction']>[0]>[0],
  actor: Actor,
  fileId: string | null,
) {
  if (!fileId) return;
  const file = await client.storedFile.count({ where: { id: fileId, ownerId: actor.userId, deletedAt: null } });
  if (!file) throw new DomainError('VALIDATION', 'checkFields', { evidenceFileId: 'fileUnknown' });
}

export async function createWork(client: Db, actor: Actor, input: z.output<typeof ZCreateWork>) {
  assertCan(actor, 'update:profile:own');
  return client.$transaction(async (tx) => {
    await assertOwnFile(tx, actor, input.evidenceFileId);
    const row = await tx.representativeWork.create({ data: { ...input, userId: actor.userId }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: 'work.create',
      entityType: 'RepresentativeWork',
      entityId: row.id,
      summary: { type: input.type, title: input.title },
    });
    return row;
  });
}

export async function updateWork(client: Db, actor: Actor, input: z.output<typeof ZUpdateWork>) {
  assertCan(actor, 'update:profile:own');
  const { id, version, ...data } = input;
  return client.$transaction(async (tx) => {
    await assertOwnFile(tx, actor, data.evidenceFileId);
    const exists = await tx.representativeWork.count({ where: { id, userId: actor.userId } });
    if (!exists) throw new DomainError('NOT_FOUND');
    const updated = await tx.representativeWork.updateMany({
      where: { id, userId: actor.userId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    await recordAudit(tx, {
      actor,
      action: 'work.update',
      entityType: 'RepresentativeWork',
      entityId: id,
      summary: { title: data.title },
    });
    return { id, version: version + 1 };
  });
}

/** A work cited by a submitted application stays (the snapshot refers to it); a draft's citation is dropped. */
export async function deleteWork(client: Db, actor: Actor, input: { id: string }) {
  assertCan(actor, 'update:profile:own');
  return client.$transaction(async (tx) => {
    const work = await tx.representativeWork.findFirst({
      where: { id: input.id, userId: actor.userId },
      select: { id: true, applications: { select: { application: { select: { status: true } } } } },
    });
    if (!work) throw new DomainError('NOT_FOUND');
    if (work.applications.some((a) => a.application.status !== 'DRAFT')) throw new DomainError('CONFLICT', 'workInUse');
    await tx.applicationWork.deleteMany({ where: { workId: input.id } });
    await tx.representativeWork.delete({ where: { id: input.id } });
    await recordAudit(tx, {
      actor,
      action: 'work.delete',
      entityType: 'RepresentativeWork',
      entityId: input.id,
      summary: {},
    });
    return { id: input.id };
  });
}
