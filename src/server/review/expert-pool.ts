import 'server-only';
import type { z } from 'zod';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { TExpertQuery, ZExpertProfile, ZOwnExpertProfile } from '@/lib/validation/review';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 专家库 (issue 5). Staff keep every expert's profile; an expert keeps their own languages, keywords, name variants
// and availability (the rest — discipline codes, institution, load limit — decides assignments and conflicts, so
// only staff change it). A profile exists only for a person who holds the EXPERT role.

const dateOrNull = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

async function checkDisciplines(tx: DbOrTx, codes: string[]) {
  if (!codes.length) return;
  const known = await tx.discipline.findMany({
    where: { code: { in: codes }, edition: { current: true } },
    select: { code: true },
  });
  if (known.length !== codes.length) {
    throw new DomainError('VALIDATION', 'checkFields', { disciplineCodes: 'disciplineUnknown' });
  }
}

export async function listExperts(client: Db, actor: Actor, query: TExpertQuery) {
  assertCan(actor, 'manage:expert:all');
  return client.expertProfile.findMany({
    where: {
      ...(query.discipline ? { disciplineCodes: { hasSome: [query.discipline, query.discipline.slice(0, 3)] } } : {}),
      ...(query.keyword ? { keywords: { has: query.keyword } } : {}),
      ...(query.international === 'yes' ? { NOT: { country: 'CN' } } : {}),
      ...(query.international === 'no' ? { country: 'CN' } : {}),
      ...(query.active ? { active: query.active === 'yes' } : {}),
    },
    orderBy: [{ active: 'desc' }, { user: { name: 'asc' } }],
    take: 500,
    select: {
      userId: true,
      institutionName: true,
      country: true,
      languages: true,
      disciplineCodes: true,
      keywords: true,
      loadLimitPerCall: true,
      active: true,
      creditScore: true,
      unavailableFrom: true,
      unavailableUntil: true,
      version: true,
      institutionId: true,
      nameVariants: true,
      title: true,
      reviewsSubmitted: true,
      reviewsLate: true,
      invitationsDeclined: true,
      qualityRatingAvg: true,
      user: { select: { name: true, email: true } },
      institution: { select: { name: true, nameEn: true } },
      affiliations: {
        orderBy: { fromDate: 'desc' },
        select: { institutionName: true, fromDate: true, toDate: true },
      },
    },
  });
}

/** People who hold the EXPERT role but are not in the pool yet: whom staff may add (the create dialog's choices). */
export async function listExpertCandidates(client: Db, actor: Actor) {
  assertCan(actor, 'manage:expert:all');
  return client.user.findMany({
    where: { status: 'ACTIVE', roles: { some: { role: 'EXPERT' } }, expertProfile: { is: null } },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    take: 500,
    select: { id: true, name: true, email: true },
  });
}

/** Creates or updates an expert's profile (staff). Optimistic: the version the form was loaded with must still hold. */
export async function saveExpertProfile(client: Db, actor: Actor, input: z.output<typeof ZExpertProfile>) {
  assertCan(actor, 'manage:expert:all');
  return client.$transaction(async (tx) => {
    const person = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, roles: { where: { role: 'EXPERT' }, select: { id: true } } },
    });
    if (!person) throw notFound();
    if (person.roles.length === 0) throw new DomainError('VALIDATION', 'checkFields', { userId: 'notAnExpert' });
    await checkDisciplines(tx, input.disciplineCodes);
    let institutionName = input.institutionName ?? '';
    if (input.institutionId) {
      const inst = await tx.institution.findUnique({ where: { id: input.institutionId }, select: { name: true } });
      if (!inst) throw new DomainError('VALIDATION', 'checkFields', { institutionId: 'invalid' });
      institutionName = inst.name;
    }
    const { userId, version, unavailableFrom, unavailableUntil, affiliations, ...rest } = input;
    const data = {
      ...rest,
      institutionName,
      unavailableFrom: dateOrNull(unavailableFrom),
      unavailableUntil: dateOrNull(unavailableUntil),
    };
    const existing = await tx.expertProfile.findUnique({ where: { userId }, select: { version: true } });
    if (existing) {
      if (version === undefined) throw stale();
      const updated = await tx.expertProfile.updateMany({
        where: { userId, version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw stale();
    } else {
      if (version !== undefined) throw stale();
      await tx.expertProfile.create({ data: { ...data, userId } });
    }
    // The affiliation history is replaced as a whole, like the form shows it; a name in the institution directory
    // (or one of its aliases) is linked to it, so "same institution" matches by id as well as by name.
    await tx.expertAffiliationHistory.deleteMany({ where: { expertUserId: userId } });
    if (affiliations.length) {
      const known = await tx.institution.findMany({
        where: {
          OR: [
            { name: { in: affiliations.map((a) => a.institutionName) } },
            { aliases: { hasSome: affiliations.map((a) => a.institutionName) } },
          ],
        },
        select: { id: true, name: true, aliases: true },
      });
      await tx.expertAffiliationHistory.createMany({
        data: affiliations.map((a) => {
          const matches = known.filter((i) => i.name === a.institutionName || i.aliases.includes(a.institutionName));
          return {
            expertUserId: userId,
            institutionId: matches.length === 1 ? matches[0]!.id : null,
            institutionName: a.institutionName,
            fromDate: new Date(`${a.fromDate}T00:00:00Z`),
            toDate: dateOrNull(a.toDate),
          };
        }),
      });
    }
    await recordAudit(tx, {
      actor,
      action: existing ? 'expert_profile.update' : 'expert_profile.create',
      entityType: 'ExpertProfile',
      entityId: userId,
      summary: {
        name: person.name,
        disciplineCodes: input.disciplineCodes,
        country: input.country,
        loadLimitPerCall: input.loadLimitPerCall,
        active: input.active,
        affiliations: affiliations.map((a) => a.institutionName),
      },
    });
    return { userId, version: (existing?.version ?? 0) + 1 };
  });
}

export async function getOwnExpertProfile(client: Db, actor: Actor) {
  assertCan(actor, 'update:expert-profile:own');
  const profile = await client.expertProfile.findUnique({
    where: { userId: actor.userId },
    select: {
      institutionName: true,
      country: true,
      languages: true,
      nameVariants: true,
      disciplineCodes: true,
      keywords: true,
      loadLimitPerCall: true,
      unavailableFrom: true,
      unavailableUntil: true,
      active: true,
      version: true,
      title: true,
      reviewsSubmitted: true,
      reviewsLate: true,
      invitationsDeclined: true,
      qualityRatingAvg: true,
      creditScore: true,
      institution: { select: { name: true, nameEn: true } },
    },
  });
  if (!profile) throw notFound();
  return profile;
}

/** What an expert may keep themselves: languages, keywords, name variants and when they cannot review. */
export async function updateOwnExpertProfile(client: Db, actor: Actor, input: z.output<typeof ZOwnExpertProfile>) {
  assertCan(actor, 'update:expert-profile:own');
  return client.$transaction(async (tx) => {
    const { version, unavailableFrom, unavailableUntil, ...rest } = input;
    const updated = await tx.expertProfile.updateMany({
      where: { userId: actor.userId, version },
      data: {
        ...rest,
        unavailableFrom: dateOrNull(unavailableFrom),
        unavailableUntil: dateOrNull(unavailableUntil),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      const exists = await tx.expertProfile.count({ where: { userId: actor.userId } });
      throw exists ? stale() : notFound();
    }
    await recordAudit(tx, {
      actor,
      action: 'expert_profile.update_own',
      entityType: 'ExpertProfile',
      entityId: actor.userId,
      summary: { languages: input.languages, unavailableFrom, unavailableUntil },
    });
    return { version: version + 1 };
  });
}
