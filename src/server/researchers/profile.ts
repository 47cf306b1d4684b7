import 'server-only';
import { missingProfileFields, PROFILE_COMPLETENESS_FIELDS } from '@/domain/people/profile-completeness';
import { DomainError } from '@/lib/errors';
import type { ZResearcherProfile } from '@/lib/validation/profile';
import type { z } from 'zod';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

/** The columns missingProfileFields() reads. */
export const PROFILE_COMPLETENESS_SELECT = Object.fromEntries(
  PROFILE_COMPLETENESS_FIELDS.map((f) => [f, true]),
) as Record<(typeof PROFILE_COMPLETENESS_FIELDS)[number], true>;

const PROFILE_SELECT = {
  ...PROFILE_COMPLETENESS_SELECT,
  userId: true,
  orcid: true,
  phone: true,
  version: true,
  updatedAt: true,
  institution: { select: { id: true, name: true } },
} as const;

export async function getOwnProfile(client: Db, actor: Actor) {
  assertCan(actor, 'update:profile:own');
  const profile = await client.researcherProfile.findUnique({
    where: { userId: actor.userId },
    select: PROFILE_SELECT,
  });
  if (!profile) throw new DomainError('NOT_FOUND');
  return { ...profile, missing: missingProfileFields(profile) };
}

/** The researcher edits their own record; the host institution is set by the role (system admin), not here. */
export async function updateOwnProfile(client: Db, actor: Actor, input: z.output<typeof ZResearcherProfile>) {
  assertCan(actor, 'update:profile:own');
  const { version, birthDate, ...rest } = input;
  if (rest.disciplineCodes.length) {
    const known = await client.discipline.findMany({
      where: { code: { in: rest.disciplineCodes }, edition: { current: true } },
      select: { code: true },
    });
    const unknown = rest.disciplineCodes.findIndex((c) => !known.some((k) => k.code === c));
    if (unknown >= 0) throw new DomainError('VALIDATION', 'checkFields', { disciplineCodes: 'disciplineUnknown' });
  }
  return client.$transaction(async (tx) => {
    const before = await tx.researcherProfile.findUnique({ where: { userId: actor.userId }, select: PROFILE_SELECT });
    if (!before) throw new DomainError('NOT_FOUND');
    const data = { ...rest, birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : null };
    const updated = await tx.researcherProfile.updateMany({
      where: { userId: actor.userId, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(data[k]),
    );
    // Personal data (birth date) is named, not copied, into the audit log.
    await recordAudit(tx, {
      actor,
      action: 'profile.update',
      entityType: 'ResearcherProfile',
      entityId: actor.userId,
      summary: { changed },
    });
    return { version: version + 1 };
  });
}

/** A research office sees the researchers of its own institution, and only those. */
export async function listInstitutionResearchers(client: Db, actor: Actor) {
  assertCan(actor, 'read:researcher:institution');
  const institutionId = actorInstitution(actor);
  const rows = await client.researcherProfile.findMany({
    where: { institutionId, user: { roles: { some: { role: 'RESEARCHER' } } } },
    orderBy: { user: { name: 'asc' } },
    take: 500,
    select: { ...PROFILE_SELECT, user: { select: { name: true, email: true, status: true } } },
  });
  return rows.map((r) => ({ ...r, missing: missingProfileFields(r) }));
}

/**
 * One researcher's record, for their institution's research office. A researcher of another institution does not
 * exist for this office: NOT_FOUND, not FORBIDDEN (the answer must not confirm the person is registered).
 */
export async function getInstitutionResearcher(client: Db, actor: Actor, userId: string) {
  assertCan(actor, 'read:researcher:institution');
  const institutionId = actorInstitution(actor);
  const row = await client.researcherProfile.findFirst({
    where: { userId, institutionId, user: { roles: { some: { role: 'RESEARCHER' } } } },
    select: { ...PROFILE_SELECT, user: { select: { name: true, email: true, status: true } } },
  });
  if (!row) throw new DomainError('NOT_FOUND');
  return { ...row, missing: missingProfileFields(row) };
}
