import 'server-only';
import { createHash } from 'node:crypto';
import { activeSanction } from '@/domain/application/eligibility';
import { canTransitionApplication, isEditable, SUBMITTED_STATUSES } from '@/domain/application/transitions';
import { canonicalJson } from '@/domain/audit/hash-chain';
import { isAcceptingSubmissions } from '@/domain/program/call';
import { isPlatformKind, ZProgramRules, type ProgramRules } from '@/domain/program/rules';
import {
  checkPlatformDirector,
  checkPlatformQuota,
  FUNDING_SOURCES,
  fundingTotals,
  platformContentOf,
  platformSubmissionOpen,
  platformYears,
  sumYearBudget,
  validatePlatformApplication,
  type DirectorFacts,
  type PlatformSnapshot,
  type YearBudgetRow,
} from '@/domain/platform/application';
import { DomainError, stale } from '@/lib/errors';
import type {
  ZAttach,
  ZDetach,
  ZInviteMember,
  ZRemoveMember,
  ZSubmitApplication,
  ZWithdrawApplication,
} from '@/lib/validation/applications';
import type { ZPlatformDraft, ZStartPlatformApplication } from '@/lib/validation/platforms';
import type { z } from 'zod';
import { isUniqueViolation, type Db, type Tx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { sanctionsOf } from '../credit/credit-records';
import { buildSnapshot, issuesToFieldErrors, nextCode } from '../applications/applicant';
import { limitCounts, loadFull } from '../applications/facts';
import { addTeamMember, attachToSlot, detachFromSlot, removeTeamMember } from '../applications/team-and-files';

// 平台申报 (issue 7, DATA-MODEL §2.13): the institution office applies for a platform in an open call of a platform
// program, for its own institution, naming the director (the application's applicant). The office drafts it, and its
// submission is the institution's recommendation: DRAFT → INSTITUTION_APPROVED in one act, within the call's window
// and the institution's quota, frozen into an ApplicationVersion like any other submission, so the formal check,
// review, panel and decision (issues 4–6) take it unchanged. Every query is scoped to the office's institution:
// another institution's application does not exist for it (NOT_FOUND).

const UUID = /^[0-9a-f-]{36}$/i;

/** A platform application occupies a place in the institution's quota for the call once submitted. */
const PAST_DRAFT = SUBMITTED_STATUSES;

function officeInstitution(actor: Actor): string {
  assertCan(actor, 'apply:platform:institution');
  return actorInstitution(actor);
}

/** The office's own platform application, or NOT_FOUND. */
async function ownPlatformApplication(tx: Tx, institutionId: string, id: string) {
  if (!UUID.test(id)) throw new DomainError('NOT_FOUND');
  const app = await tx.application.findFirst({
    where: { id, institutionId, kind: 'PLATFORM' },
    select: { id: true, status: true, version: true, ruleVersionId: true, callId: true, applicantId: true },
  });
  if (!app) throw new DomainError('NOT_FOUND');
  return app;
}

function assertEditable(status: Parameters<typeof isEditable>[0]) {
  if (!isEditable(status)) throw new DomainError('CONFLICT', 'applicationNotEditable');
}

/** The institution's quota for the call (its InstitutionQuota row, else the program's default) and what is used. */
async function quotaFor(client: Tx, callId: string, institutionId: string, rules: ProgramRules, excludeId?: string) {
  const row = await client.institutionQuota.findUnique({
    where: { callId_institutionId: { callId, institutionId } },
    select: { maxRecommended: true },
  });
  const used = await client.application.count({
    where: {
      callId,
      institutionId,
      kind: 'PLATFORM',
      status: { in: [...PAST_DRAFT] },
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
  });
  return { quota: row?.maxRecommended ?? rules.quota.defaultPerInstitution, used };
}

async function userByEmail(client: Tx, email: string) {
  return client.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      status: true,
      roles: { select: { role: true } },
      researcherProfile: { select: { institutionId: true, title: true } },
    },
  });
}

/** The director as the pure rule needs them (registered researcher, institution, title, sanctions, 限项). */
async function directorFacts(
  client: Tx,
  userId: string,
  programId: string,
  excludeId: string,
  now: Date,
): Promise<DirectorFacts | null> {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      status: true,
      roles: { select: { role: true } },
      researcherProfile: { select: { institutionId: true, title: true } },
    },
  });
  if (!user) return null;
  const sanction = activeSanction(await sanctionsOf(client, userId), now);
  const counts = await limitCounts(client, programId, excludeId, [userId]);
  return {
    isResearcher:
      user.status === 'ACTIVE' && user.roles.some((r) => r.role === 'RESEARCHER') && user.researcherProfile !== null,
    institutionId: user.researcherProfile?.institutionId ?? null,
    title: user.researcherProfile?.title ?? null,
    sanctionedUntil: sanction ? (sanction.endsOn?.toISOString().slice(0, 10) ?? '—') : null,
    otherAsPi: counts(userId).asPi,
  };
}

// ───────────── reading ─────────────

/** Open calls of platform programs the office may apply to now, with its quota and how much of it is used. */
export async function listPlatformCalls(client: Db, actor: Actor, now = new Date()) {
  const institutionId = officeInstitution(actor);
  const institution = await client.institution.findUniqueOrThrow({
    where: { id: institutionId },
    select: { kind: true, affiliation: true },
  });
  const calls = await client.call.findMany({
    where: { status: 'OPEN', opensAt: { lte: now }, closesAt: { gt: now }, ruleVersion: { isNot: null } },
    orderBy: { closesAt: 'asc' },
    select: {
      id: true,
      year: true,
      title: true,
      titleEn: true,
      opensAt: true,
      closesAt: true,
      program: { select: { kind: true, name: true, nameEn: true } },
      ruleVersion: { select: { rules: true } },
    },
  });
  const out = [];
  for (const c of calls) {
    if (!isPlatformKind(c.program.kind)) continue;
    const rules = ZProgramRules.parse(c.ruleVersion!.rules);
    if (rules.applicantKind !== 'INSTITUTION') continue;
    out.push({
      id: c.id,
      year: c.year,
      title: c.title,
      titleEn: c.titleEn,
      closesAt: c.closesAt,
      program: c.program,
      eligible:
        rules.institutionKinds.includes(institution.kind) && rules.affiliations.includes(institution.affiliation),
      quota: await quotaFor(client, c.id, institutionId, rules),
    });
  }
  return out;
}

/** The office's platform applications, drafts included, newest first. */
export async function listPlatformApplications(client: Db, actor: Actor) {
  const institutionId = officeInstitution(actor);
  return client.application.findMany({
    where: { institutionId, kind: 'PLATFORM' },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      updatedAt: true,
      submittedAt: true,
      applicant: { select: { name: true } },
      call: {
        select: { title: true, titleEn: true, closesAt: true, program: { select: { name: true, nameEn: true } } },
      },
    },
  });
}

const PLATFORM_PARTS = {
  partners: {
    orderBy: { ordinal: 'asc' as const },
    select: {
      institutionId: true,
      role: true,
      contribution: true,
      institution: { select: { name: true, nameEn: true, kind: true } },
    },
  },
  yearBudgets: {
    orderBy: [{ year: 'asc' as const }, { source: 'asc' as const }] as { year?: 'asc'; source?: 'asc' }[],
  },
  call: { select: { year: true, programId: true } },
} as const;

async function loadPlatform(client: Tx, institutionId: string, id: string) {
  if (!UUID.test(id)) return null;
  const app = await loadFull(client, { id, institutionId, kind: 'PLATFORM' });
  if (!app) return null;
  const parts = await client.application.findUniqueOrThrow({ where: { id }, select: PLATFORM_PARTS });
  return { app, partners: parts.partners, yearBudgets: parts.yearBudgets, startYear: parts.call.year };
}
type LoadedPlatform = NonNullable<Awaited<ReturnType<typeof loadPlatform>>>;

/** The pre-submission check of a platform application: the pure rule over the facts read here. */
async function checkPlatform(client: Tx, loaded: LoadedPlatform, now: Date) {
  const { app } = loaded;
  const rules = ZProgramRules.parse(app.ruleVersion.rules);
  const director = await directorFacts(client, app.applicantId, app.call.programId, app.id, now);
  const memberIds = app.members.map((m) => m.userId);
  const profiles = await client.researcherProfile.findMany({
    where: { userId: { in: memberIds } },
    select: { userId: true, institutionId: true },
  });
  const counts = await limitCounts(client, app.call.programId, app.id, memberIds);
  const check = validatePlatformApplication({
    kind: app.call.program.kind,
    rules,
    hostInstitutionId: app.institutionId,
    startYear: loaded.startYear,
    application: {
      title: app.title,
      abstract: app.abstract,
      disciplineCode: app.disciplineCode,
      durationMonths: app.durationMonths,
    },
    content: platformContentOf(app.content),
    directorUserId: app.applicantId,
    director,
    partners: loaded.partners.map((p) => ({
      institutionId: p.institutionId,
      institutionKind: p.institution.kind,
      role: p.role,
    })),
    members: app.members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      institutionId: profiles.find((p) => p.userId === m.userId)?.institutionId ?? null,
      confirmation: m.confirmation,
      otherAsMember: counts(m.userId).asMember,
    })),
    yearBudget: loaded.yearBudgets,
    attachmentKeys: app.attachments.map((a) => a.slotKey),
  });
  if (!platformSubmissionOpen(app.call, app.status, now))
    check.errors.unshift({ field: 'call', code: 'callNotAccepting' });
  return { ...check, rules, years: platformYears(loaded.startYear, app.durationMonths) };
}

/** For the office's editor: the application with its platform parts and the live check, or NOT_FOUND. */
export async function getPlatformApplication(client: Db, actor: Actor, id: string, now = new Date()) {
  const institutionId = officeInstitution(actor);
  const loaded = await loadPlatform(client, institutionId, id);
  if (!loaded) throw new DomainError('NOT_FOUND');
  const check = await checkPlatform(client, loaded, now);
  const rules = check.rules;
  const quota = await quotaFor(client, loaded.app.call.id, institutionId, rules, loaded.app.id);
  // Partners are chosen from the institution directory (active institutions other than the host).
  const institutions = await client.institution.findMany({
    where: { active: true, id: { not: institutionId } },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, nameEn: true, kind: true },
  });
  return {
    ...loaded,
    content: platformContentOf(loaded.app.content),
    totals: sumYearBudget(loaded.yearBudgets),
    check: { errors: check.errors, warnings: check.warnings },
    years: check.years,
    rules,
    quota,
    institutions,
  };
}

// ───────────── writing ─────────────

export async function startPlatformApplication(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZStartPlatformApplication>,
  now = new Date(),
) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: input.callId },
      select: {
        id: true,
        status: true,
        opensAt: true,
        closesAt: true,
        programId: true,
        ruleVersionId: true,
        ruleVersion: { select: { rules: true } },
        program: { select: { kind: true } },
      },
    });
    if (!call || call.status === 'DRAFT' || !call.ruleVersion || !call.ruleVersionId)
      throw new DomainError('NOT_FOUND');
    const rules = ZProgramRules.parse(call.ruleVersion.rules);
    if (!isPlatformKind(call.program.kind) || rules.applicantKind !== 'INSTITUTION')
      throw new DomainError('CONFLICT', 'notPlatformProgram');
    if (!isAcceptingSubmissions(call, now)) throw new DomainError('CONFLICT', 'callNotAccepting');
    const institution = await tx.institution.findUniqueOrThrow({
      where: { id: institutionId },
      select: { kind: true, affiliation: true },
    });
    if (!rules.institutionKinds.includes(institution.kind) || !rules.affiliations.includes(institution.affiliation))
      throw new DomainError('CONFLICT', 'platformInstitutionNotEligible');
    const director = await userByEmail(tx, input.directorEmail);
    // Only who the director is blocks here; title, sanctions and 限项 are shown while drafting and checked at submit.
    const blocking = checkPlatformDirector(
      call.program.kind,
      director
        ? {
            isResearcher:
              director.status === 'ACTIVE' &&
              director.roles.some((r) => r.role === 'RESEARCHER') &&
              director.researcherProfile !== null,
            institutionId: director.researcherProfile?.institutionId ?? null,
            title: null,
            sanctionedUntil: null,
            otherAsPi: 0,
          }
        : null,
      institutionId,
      { limits: { ...rules.limits, maxAsPi: Number.MAX_SAFE_INTEGER } },
    ).filter((i) => i.code === 'directorNotResearcher' || i.code === 'directorNotAtInstitution');
    if (blocking.length || !director)
      throw new DomainError('VALIDATION', 'checkFields', {
        directorEmail: blocking[0]?.code ?? 'directorNotResearcher',
      });
    const existing = await tx.application.findFirst({
      where: { callId: call.id, institutionId, kind: 'PLATFORM', applicantId: director.id, status: 'DRAFT' },
      select: { id: true },
    });
    if (existing) return { id: existing.id, existed: true };
    const app = await tx.application.create({
      data: {
        callId: call.id,
        ruleVersionId: call.ruleVersionId,
        kind: 'PLATFORM',
        createdById: actor.userId,
        applicantId: director.id,
        institutionId,
        // Platforms are budgeted as a multi-year lump sum by source (ApplicationYearBudget), not by line items.
        budgetMode: 'LUMP_SUM',
        durationMonths: rules.budget.durationMonths.min,
        content: { goals: '', buildingPlan: '', openness: '', directions: [] },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'application.create',
      entityType: 'Application',
      entityId: app.id,
      summary: { callId: call.id, kind: 'PLATFORM', directorUserId: director.id },
    });
    return { id: app.id, existed: false };
  });
}

/** Saves the whole draft under optimistic concurrency; the funding totals are recomputed from the year budget. */
export async function savePlatformDraft(client: Db, actor: Actor, input: z.output<typeof ZPlatformDraft>) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await ownPlatformApplication(tx, institutionId, input.id);
    assertEditable(app.status);
    if (input.disciplineCode) {
      const known = await tx.discipline.count({ where: { code: input.disciplineCode, edition: { current: true } } });
      if (!known) throw new DomainError('VALIDATION', 'checkFields', { disciplineCode: 'disciplineUnknown' });
    }
    const director = await userByEmail(tx, input.directorEmail);
    if (
      !director ||
      director.status !== 'ACTIVE' ||
      !director.roles.some((r) => r.role === 'RESEARCHER') ||
      !director.researcherProfile
    )
      throw new DomainError('VALIDATION', 'checkFields', { directorEmail: 'directorNotResearcher' });
    if (director.researcherProfile.institutionId !== institutionId)
      throw new DomainError('VALIDATION', 'checkFields', { directorEmail: 'directorNotAtInstitution' });

    const partnerIds = input.partners.map((p) => p.institutionId);
    const dupePartner = partnerIds.findIndex((id, i) => partnerIds.indexOf(id) !== i);
    if (dupePartner >= 0)
      throw new DomainError('VALIDATION', 'checkFields', {
        [`partners.${dupePartner}.institutionId`]: 'partnerDuplicate',
      });
    const known = await tx.institution.findMany({
      where: { id: { in: partnerIds }, active: true },
      select: { id: true },
    });
    const unknown = partnerIds.findIndex((id) => !known.some((k) => k.id === id));
    if (unknown >= 0)
      throw new DomainError('VALIDATION', 'checkFields', {
        [`partners.${unknown}.institutionId`]: 'institutionUnknown',
      });
    const years = input.yearBudget.map((y) => y.year);
    const dupeYear = years.findIndex((y, i) => years.indexOf(y) !== i);
    if (dupeYear >= 0)
      throw new DomainError('VALIDATION', 'checkFields', { [`yearBudget.${dupeYear}.year`]: 'budgetYearDuplicate' });

    const bumped = await tx.application.updateMany({
      where: { id: app.id, version: input.version, status: app.status },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw stale();

    const rows: YearBudgetRow[] = input.yearBudget.flatMap((y) =>
      (
        [
          ['FISCAL', y.fiscalWan],
          ['ENTERPRISE', y.enterpriseWan],
          ['INSTITUTION', y.institutionWan],
        ] as const
      )
        .filter((pair): pair is readonly [(typeof FUNDING_SOURCES)[number], bigint] => pair[1] !== null)
        .map(([source, amountFen]) => ({ year: y.year, source, amountFen })),
    );
    const totals = sumYearBudget(rows);
    await tx.application.update({
      where: { id: app.id },
      data: {
        applicantId: director.id,
        title: input.title,
        titleEn: input.titleEn,
        disciplineCode: input.disciplineCode,
        keywords: input.keywords,
        abstract: input.abstract,
        abstractEn: input.abstractEn,
        durationMonths: input.durationMonths,
        content: input.content,
        budgetMode: 'LUMP_SUM',
        lumpSumFen: totals.totalFen,
      },
    });
    await tx.platformPartner.deleteMany({ where: { applicationId: app.id } });
    if (input.partners.length)
      await tx.platformPartner.createMany({
        data: input.partners.map((p, i) => ({
          applicationId: app.id,
          institutionId: p.institutionId,
          ordinal: i + 1,
          role: p.role,
          contribution: p.contribution,
        })),
      });
    await tx.applicationYearBudget.deleteMany({ where: { applicationId: app.id } });
    if (rows.length)
      await tx.applicationYearBudget.createMany({ data: rows.map((r) => ({ ...r, applicationId: app.id })) });
    // ApplicationFunding keeps the totals per source that decisions and the budget views read.
    await tx.applicationFunding.deleteMany({ where: { applicationId: app.id } });
    const funding = fundingTotals(rows);
    if (funding.length)
      await tx.applicationFunding.createMany({ data: funding.map((f) => ({ ...f, applicationId: app.id })) });
    await recordAudit(tx, {
      actor,
      action: 'application.save_platform',
      entityType: 'Application',
      entityId: app.id,
      summary: {
        directorUserId: director.id,
        directionCount: input.content.directions.length,
        partnerCount: input.partners.length,
        totalFen: totals.totalFen.toString(),
      },
    });
    return { version: input.version + 1 };
  });
}

/** Adds a registered researcher (of the host or a partner institution) to the team; they confirm in their account. */
export async function addPlatformMember(client: Db, actor: Actor, input: z.output<typeof ZInviteMember>) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await ownPlatformApplication(tx, institutionId, input.applicationId);
    assertEditable(app.status);
    return addTeamMember(tx, actor, app, input, 'memberIsDirector');
  });
}

export async function removePlatformMember(client: Db, actor: Actor, input: z.output<typeof ZRemoveMember>) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await ownPlatformApplication(tx, institutionId, input.applicationId);
    assertEditable(app.status);
    return removeTeamMember(tx, actor, app, input.memberId);
  });
}

/** A PDF the office user uploaded, into one of the rules' attachment slots. */
export async function attachPlatformFile(client: Db, actor: Actor, input: z.output<typeof ZAttach>) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await ownPlatformApplication(tx, institutionId, input.applicationId);
    assertEditable(app.status);
    return attachToSlot(tx, actor, app, input);
  });
}

export async function detachPlatformFile(client: Db, actor: Actor, input: z.output<typeof ZDetach>) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await ownPlatformApplication(tx, institutionId, input.applicationId);
    assertEditable(app.status);
    return detachFromSlot(tx, actor, app, input.slotKey);
  });
}

/** The platform part of the frozen version: directions, partners and the year-by-source budget. */
function platformSnapshot(loaded: LoadedPlatform): PlatformSnapshot {
  const content = platformContentOf(loaded.app.content);
  return {
    kind: loaded.app.call.program.kind,
    goals: content.goals,
    buildingPlan: content.buildingPlan,
    openness: content.openness,
    directions: content.directions,
    partners: loaded.partners.map((p) => ({
      institutionId: p.institutionId,
      institution: p.institution.name,
      institutionEn: p.institution.nameEn,
      role: p.role,
      contribution: p.contribution,
    })),
    yearBudget: loaded.yearBudgets.map((r) => ({ year: r.year, source: r.source, amountFen: r.amountFen.toString() })),
  };
}

/**
 * Submits once (the idempotency key is unique: a double click or a retry finds the version the first one made) and
 * recommends in the same act: within the call's window to the second, the pre-submission check clean, and the
 * institution's quota for the call not exceeded (under the same lock the recommendation of project applications
 * takes, so two office users cannot both fill the last place).
 */
export async function submitPlatformApplication(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZSubmitApplication>,
  now = new Date(),
) {
  const institutionId = officeInstitution(actor);
  const again = await client.applicationVersion.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { applicationId: true, number: true, submittedById: true },
  });
  if (again) {
    if (again.submittedById !== actor.userId || again.applicationId !== input.id) throw new DomainError('NOT_FOUND');
    return { id: input.id, versionNo: again.number, repeated: true };
  }
  try {
    return await client.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<
        { id: string; callId: string }[]
      >`select id, "callId" from "Application" where id = ${input.id}::uuid and "institutionId" = ${institutionId}::uuid and kind = 'PLATFORM' for update`;
      const row = locked[0];
      if (!row) throw new DomainError('NOT_FOUND');
      const first = await tx.applicationVersion.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { number: true },
      });
      if (first) return { id: input.id, versionNo: first.number, repeated: true };
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`quota:${row.callId}:${institutionId}`}))`;
      const loaded = await loadPlatform(tx, institutionId, input.id);
      if (!loaded) throw new DomainError('NOT_FOUND');
      const { app } = loaded;
      if (!canTransitionApplication(app.status, 'submit_platform', 'OFFICE'))
        throw new DomainError('CONFLICT', 'alreadySubmitted');
      if (!platformSubmissionOpen(app.call, app.status, now)) throw new DomainError('DEADLINE_PASSED');
      const check = await checkPlatform(tx, loaded, now);
      if (check.errors.length)
        throw new DomainError('VALIDATION', 'submitBlocked', issuesToFieldErrors(check.errors), {
          count: check.errors.length,
        });
      const quotaProblem = checkPlatformQuota(await quotaFor(tx, app.call.id, institutionId, check.rules, app.id));
      if (quotaProblem) throw new DomainError('CONFLICT', quotaProblem.code, undefined, quotaProblem.params);

      const snapshot = { ...buildSnapshot(app, { age: null, youthTrack: false }), platform: platformSnapshot(loaded) };
      const number = app.currentVersionNo + 1;
      await tx.applicationVersion.create({
        data: {
          applicationId: app.id,
          number,
          snapshot: JSON.parse(canonicalJson(snapshot)),
          snapshotSha256: createHash('sha256').update(canonicalJson(snapshot)).digest('hex'),
          idempotencyKey: input.idempotencyKey,
          submittedById: actor.userId,
          submittedAt: now,
        },
      });
      const code = app.code ?? (await nextCode(tx, app.call.id));
      const updated = await tx.application.updateMany({
        where: { id: app.id, status: app.status, version: app.version },
        data: {
          status: 'INSTITUTION_APPROVED',
          currentVersionNo: number,
          submittedAt: now,
          code,
          returnComment: null,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw stale();
      // The office's submission is its recommendation: the history says so as for any recommended application.
      await tx.institutionReview.create({
        data: {
          applicationId: app.id,
          versionNo: number,
          institutionId,
          outcome: 'RECOMMEND',
          decidedById: actor.userId,
          decidedAt: now,
        },
      });
      await recordAudit(tx, {
        actor,
        action: 'application.submit_platform',
        entityType: 'Application',
        entityId: app.id,
        summary: { from: app.status, to: 'INSTITUTION_APPROVED', versionNo: number, code },
      });
      return { id: app.id, versionNo: number, repeated: false };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const made = await client.applicationVersion.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { number: true },
      });
      if (made) return { id: input.id, versionNo: made.number, repeated: true };
    }
    throw e;
  }
}

/** The office withdraws its platform application (a draft, or recommended before the formal check), with a reason. */
export async function withdrawPlatformApplication(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZWithdrawApplication>,
  now = new Date(),
) {
  const institutionId = officeInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await ownPlatformApplication(tx, institutionId, input.id);
    if (!canTransitionApplication(app.status, 'withdraw', 'OFFICE')) throw new DomainError('CONFLICT', 'wrongState');
    const updated = await tx.application.updateMany({
      where: { id: app.id, status: app.status, version: app.version },
      data: { status: 'WITHDRAWN', withdrawnAt: now, withdrawReason: input.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'application.withdraw',
      entityType: 'Application',
      entityId: app.id,
      summary: { from: app.status, to: 'WITHDRAWN', reason: input.reason },
    });
    return { id: app.id };
  });
}
