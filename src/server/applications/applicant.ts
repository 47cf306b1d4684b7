import 'server-only';
import { createHash } from 'node:crypto';
import { checkApplicantEligibility } from '@/domain/application/eligibility';
import { canTransitionApplication, isEditable, type ApplicationStatus } from '@/domain/application/transitions';
import { canonicalJson } from '@/domain/audit/hash-chain';
import { ZProgramRules } from '@/domain/program/rules';
import { matchAvoidanceToPool, type PoolExpert } from '@/domain/review/avoidance-match';
import { checkAvoidanceRequests } from '@/domain/review/conflicts';
import type { PlatformSnapshot } from '@/domain/platform/application';
import { DomainError } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';
import type {
  ZApplicationDraft,
  ZAttach,
  ZDetach,
  ZInviteMember,
  ZRemoveMember,
  ZRespondInvitation,
  ZSaveAvoidances,
  ZStartApplication,
  ZSubmitApplication,
  ZWithdrawApplication,
} from '@/lib/validation/applications';
import type { z } from 'zod';
import { isUniqueViolation, type Db, type Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { sanctionsOf } from '../credit/credit-records';
import { checkApplication, loadFull, type FullApplication } from './facts';
import { addTeamMember, attachToSlot, detachFromSlot, removeTeamMember } from './team-and-files';

// The applicant's side of an application (申报书): start, autosave, team, attachments, submit, withdraw.
// Every query is scoped to the actor: someone else's application does not exist for them (NOT_FOUND).

/**
 * The applicant's own application, or NOT_FOUND. A platform application is its institution's (issue 7): the director
 * named as its applicant reads it but never edits, submits or withdraws it here.
 */
async function ownApplication(tx: Tx, actor: Actor, id: string) {
  assertCan(actor, 'create:application:own');
  const app = await tx.application.findFirst({
    where: { id, applicantId: actor.userId, kind: 'PROJECT' },
    select: { id: true, status: true, version: true, ruleVersionId: true, challengeId: true, applicantId: true },
  });
  if (!app) throw new DomainError('NOT_FOUND');
  return app;
}

function assertEditable(status: ApplicationStatus) {
  if (!isEditable(status)) throw new DomainError('CONFLICT', 'applicationNotEditable');
}

/** Bumps the version the editor holds; a stale editor gets STALE and keeps its text. */
async function bumpVersion(tx: Tx, id: string, version: number) {
  const bumped = await tx.application.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
  if (bumped.count === 0) throw new DomainError('STALE');
  return version + 1;
}

export async function startApplication(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZStartApplication>,
  now = new Date(),
) {
  assertCan(actor, 'create:application:own');
  return client.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: input.callId },
      select: {
        id: true,
        status: true,
        opensAt: true,
        closesAt: true,
        ruleVersionId: true,
        ruleVersion: { select: { rules: true } },
        program: { select: { kind: true } },
      },
    });
    if (!call || call.status === 'DRAFT' || !call.ruleVersion || !call.ruleVersionId)
      throw new DomainError('NOT_FOUND');
    const rules = ZProgramRules.parse(call.ruleVersion.rules);
    let challengeId: string | null = null;
    let fiscalFen: bigint | null = null;
    let enterpriseFen = 0n;
    if (call.program.kind === 'KEY_CHALLENGE') {
      if (!input.challengeId) throw new DomainError('VALIDATION', 'checkFields', { challengeId: 'challengeRequired' });
      const challenge = await tx.challenge.findFirst({
        where: { id: input.challengeId, callId: call.id, status: 'PUBLISHED' },
        select: {
          id: true,
          fiscalFen: true,
          pledges: { where: { status: 'CONFIRMED', source: 'ENTERPRISE' }, select: { amountFen: true } },
        },
      });
      if (!challenge) throw new DomainError('VALIDATION', 'checkFields', { challengeId: 'challengeUnknown' });
      challengeId = challenge.id;
      fiscalFen = challenge.fiscalFen;
      enterpriseFen = challenge.pledges.reduce((s, p) => s + p.amountFen, 0n);
    }
    const profile = await tx.researcherProfile.findUnique({
      where: { userId: actor.userId },
      select: { birthDate: true, title: true, institution: { select: { id: true, kind: true, affiliation: true } } },
    });
    if (!profile) throw new DomainError('CONFLICT', 'profileMissing');
    // Only what makes starting pointless blocks here; everything else is shown while drafting and checked at submit.
    const blocking = checkApplicantEligibility(
      {
        birthDate: profile.birthDate,
        title: profile.title,
        institutionKind: profile.institution.kind,
        institutionAffiliation: profile.institution.affiliation,
      },
      rules,
      call,
      await sanctionsOf(tx, actor.userId),
      now,
    ).filter((i) =>
      ['callNotAccepting', 'institutionProgram', 'creditSanctioned', 'institutionNotEligible'].includes(i.code),
    );
    if (blocking.length)
      throw new DomainError(
        'CONFLICT',
        blocking[0]!.code,
        undefined,
        blocking[0]!.params as Record<string, string | number>,
      );
    const existing = await tx.application.findFirst({
      where: { callId: call.id, applicantId: actor.userId, challengeId, status: { not: 'WITHDRAWN' } },
      select: { id: true },
    });
    if (existing) return { id: existing.id, existed: true };
    const budgetMode = rules.budget.modes[0]!;
    const app = await tx.application.create({
      data: {
        callId: call.id,
        challengeId,
        ruleVersionId: call.ruleVersionId,
        applicantId: actor.userId,
        institutionId: profile.institution.id,
        budgetMode,
        durationMonths: rules.budget.durationMonths.min,
        funding: {
          create: [
            ...(fiscalFen !== null ? [{ source: 'FISCAL' as const, amountFen: fiscalFen }] : []),
            ...(enterpriseFen > 0n ? [{ source: 'ENTERPRISE' as const, amountFen: enterpriseFen }] : []),
          ],
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'application.create',
      entityType: 'Application',
      entityId: app.id,
      summary: { callId: call.id, challengeId },
    });
    return { id: app.id, existed: false };
  });
}

/** Autosave: the whole editable content, under optimistic concurrency. Not audited (the submitted versions are). */
export async function saveDraft(client: Db, actor: Actor, input: z.output<typeof ZApplicationDraft>) {
  return client.$transaction(async (tx) => {
    const app = await ownApplication(tx, actor, input.id);
    assertEditable(app.status);
    if (input.disciplineCode) {
      const known = await tx.discipline.count({ where: { code: input.disciplineCode, edition: { current: true } } });
      if (!known) throw new DomainError('VALIDATION', 'checkFields', { disciplineCode: 'disciplineUnknown' });
    }
    if (input.workIds.length) {
      const mine = await tx.representativeWork.count({ where: { id: { in: input.workIds }, userId: actor.userId } });
      if (mine !== new Set(input.workIds).size)
        throw new DomainError('VALIDATION', 'checkFields', { workIds: 'workUnknown' });
    }
    const version = await bumpVersion(tx, app.id, input.version);
    await tx.application.update({
      where: { id: app.id },
      data: {
        title: input.title,
        titleEn: input.titleEn,
        disciplineCode: input.disciplineCode,
        keywords: input.keywords,
        abstract: input.abstract,
        abstractEn: input.abstractEn,
        content: input.content,
        durationMonths: input.durationMonths,
        budgetMode: input.budgetMode,
        lumpSumFen: input.budgetMode === 'LUMP_SUM' ? input.lumpSumWan : null,
        lumpSumPlan: input.lumpSumPlan,
      },
    });
    await tx.budgetLine.deleteMany({ where: { applicationId: app.id } });
    if (input.budgetMode === 'LINE_ITEM' && input.budgetLines.length) {
      await tx.budgetLine.createMany({
        data: input.budgetLines.map((l, i) => ({
          applicationId: app.id,
          ordinal: i + 1,
          categoryCode: l.categoryCode,
          amountFen: l.amountWan ?? 0n,
          justification: l.justification,
        })),
      });
    }
    // A challenge's fiscal amount and pledged co-funding are the challenge's: the applicant does not change them.
    const sources = [
      ['FISCAL', input.funding.fiscalWan],
      ['ENTERPRISE', input.funding.enterpriseWan],
      ['INSTITUTION', input.funding.institutionWan],
    ] as const;
    for (const [source, amount] of sources) {
      if (app.challengeId && source !== 'INSTITUTION') continue;
      if (amount === null) await tx.applicationFunding.deleteMany({ where: { applicationId: app.id, source } });
      else
        await tx.applicationFunding.upsert({
          where: { applicationId_source: { applicationId: app.id, source } },
          create: { applicationId: app.id, source, amountFen: amount },
          update: { amountFen: amount },
        });
    }
    await tx.applicationWork.deleteMany({ where: { applicationId: app.id } });
    if (input.workIds.length) {
      await tx.applicationWork.createMany({
        data: [...new Set(input.workIds)].map((workId, i) => ({ applicationId: app.id, workId, ordinal: i + 1 })),
      });
    }
    return { version, savedAt: new Date().toISOString() };
  });
}

export async function inviteMember(client: Db, actor: Actor, input: z.output<typeof ZInviteMember>) {
  return client.$transaction(async (tx) => {
    const app = await ownApplication(tx, actor, input.applicationId);
    assertEditable(app.status);
    return addTeamMember(tx, actor, app, input, 'memberIsApplicant');
  });
}

export async function removeMember(client: Db, actor: Actor, input: z.output<typeof ZRemoveMember>) {
  return client.$transaction(async (tx) => {
    const app = await ownApplication(tx, actor, input.applicationId);
    assertEditable(app.status);
    return removeTeamMember(tx, actor, app, input.memberId);
  });
}

/** The invited researcher confirms or declines, on their own invitation only. */
export async function respondToInvitation(client: Db, actor: Actor, input: z.output<typeof ZRespondInvitation>) {
  assertCan(actor, 'create:application:own');
  return client.$transaction(async (tx) => {
    const member = await tx.applicationMember.findFirst({
      where: { id: input.memberId, userId: actor.userId },
      select: { id: true, applicationId: true, application: { select: { status: true } } },
    });
    if (!member) throw new DomainError('NOT_FOUND');
    assertEditable(member.application.status);
    await tx.applicationMember.update({
      where: { id: member.id },
      data: { confirmation: input.accept ? 'CONFIRMED' : 'DECLINED', confirmedAt: new Date() },
    });
    await recordAudit(tx, {
      actor,
      action: input.accept ? 'application.member_confirm' : 'application.member_decline',
      entityType: 'Application',
      entityId: member.applicationId,
      summary: {},
    });
    return { id: member.id };
  });
}

export async function attachFile(client: Db, actor: Actor, input: z.output<typeof ZAttach>) {
  return client.$transaction(async (tx) => {
    const app = await ownApplication(tx, actor, input.applicationId);
    assertEditable(app.status);
    return attachToSlot(tx, actor, app, input);
  });
}

export async function detachFile(client: Db, actor: Actor, input: z.output<typeof ZDetach>) {
  return client.$transaction(async (tx) => {
    const app = await ownApplication(tx, actor, input.applicationId);
    assertEditable(app.status);
    return detachFromSlot(tx, actor, app, input.slotKey);
  });
}

// ───────────── 申请人要求回避的专家 ─────────────
// The PI names up to three people who should not review the application, each with a reason. The list is saved on
// its own, not with the autosaved draft: a row typed halfway (a name, no reason yet) must not hold up saving the
// rest, and a deliberate request deserves its own audit event (autosaves have none, and the list is deliberately not
// in the snapshot that records what was submitted). It never reaches experts, offices or team members: only the PI
// (listOwnAvoidances) and commission staff (listAvoidancesForStaff) read it; detectConflictsForCall turns it into
// APPLICANT_AVOIDANCE conflicts.

const POOL_INSTITUTION = { select: { id: true, name: true, aliases: true } } as const;

/** The expert pool as matchAvoidanceToPool needs it: names and every institution on record. */
async function poolForMatching(tx: Tx): Promise<PoolExpert[]> {
  const experts = await tx.expertProfile.findMany({
    select: {
      userId: true,
      nameVariants: true,
      institutionName: true,
      institution: POOL_INSTITUTION,
      user: { select: { name: true } },
      affiliations: { select: { institutionName: true, institution: POOL_INSTITUTION } },
    },
  });
  return experts.map((e) => ({
    userId: e.userId,
    names: [e.user.name, ...e.nameVariants],
    institutions: [
      ...(e.institution ? [e.institution] : e.institutionName ? [{ id: null, name: e.institutionName }] : []),
      ...e.affiliations.map((a) => a.institution ?? { id: null, name: a.institutionName }),
    ],
  }));
}

/** The pure rule's issues as field errors; "required" says which field it means (姓名或单位 / 理由). */
function avoidanceFieldErrors(issues: ReturnType<typeof checkAvoidanceRequests>) {
  return issuesToFieldErrors(
    issues.map((i) =>
      i.code !== 'required'
        ? i
        : { ...i, code: i.field.endsWith('.reason') ? 'avoidanceReasonRequired' : 'avoidanceNameRequired' },
    ),
  );
}

/**
 * Replaces the list (at most MAX_AVOIDANCE_REQUESTS) while the application is editable, matching each name to the
 * pool where that is certain (matchAvoidanceToPool). Answers with the count only: whether someone is in the expert
 * pool is not the applicant's to learn.
 */
export async function saveAvoidances(client: Db, actor: Actor, input: z.output<typeof ZSaveAvoidances>) {
  assertCan(actor, 'create:application:own');
  const issues = checkAvoidanceRequests(input.avoidances);
  if (issues.length) throw new DomainError('VALIDATION', 'checkFields', avoidanceFieldErrors(issues));
  return client.$transaction(async (tx) => {
    // Lock the row as submission does, so a submission and a change of the list happen one after the other.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`select id from "Application" where id = ${input.applicationId}::uuid and "applicantId" = ${actor.userId}::uuid for update`;
    if (!locked.length) throw new DomainError('NOT_FOUND');
    const app = await ownApplication(tx, actor, input.applicationId);
    assertEditable(app.status);
    const pool = input.avoidances.length ? await poolForMatching(tx) : [];
    const rows = input.avoidances.map((a, i) => ({
      applicationId: app.id,
      ordinal: i + 1,
      name: a.name,
      institutionName: a.institutionName,
      reason: a.reason,
      expertUserId: matchAvoidanceToPool(a, pool),
    }));
    await tx.applicantAvoidance.deleteMany({ where: { applicationId: app.id } });
    if (rows.length) await tx.applicantAvoidance.createMany({ data: rows });
    await recordAudit(tx, {
      actor,
      action: 'application.save_avoidances',
      entityType: 'Application',
      entityId: app.id,
      summary: { count: rows.length, matchedInPool: rows.filter((r) => r.expertUserId !== null).length },
    });
    return { count: rows.length };
  });
}

/** The PI's own list, as typed (never whether or whom it matched in the pool); NOT_FOUND for anyone else. */
export async function listOwnAvoidances(client: Db, actor: Actor, applicationId: string) {
  assertCan(actor, 'create:application:own');
  const app = await client.application.findFirst({
    where: { id: applicationId, applicantId: actor.userId, kind: 'PROJECT' },
    select: {
      avoidances: {
        orderBy: { ordinal: 'asc' },
        select: { ordinal: true, name: true, institutionName: true, reason: true },
      },
    },
  });
  if (!app) throw new DomainError('NOT_FOUND');
  return app.avoidances;
}

/**
 * What reviewers and offices will see: frozen, hashed, without identity numbers or journal metrics, and without the
 * applicant's avoidance requests (experts must never learn whom the applicant asked to keep away).
 */
export function buildSnapshot(app: FullApplication, check: { age: number | null; youthTrack: boolean }) {
  const profile = app.applicant.researcherProfile;
  return {
    call: { id: app.call.id, title: app.call.title, titleEn: app.call.titleEn, program: app.call.program },
    rulesVersion: app.ruleVersion.number,
    challenge: app.challenge ? { id: app.challenge.id, title: app.challenge.title } : null,
    applicant: {
      name: app.applicant.name,
      institution: app.institution.name,
      department: profile?.department ?? null,
      title: profile?.title ?? null,
      degree: profile?.degree ?? null,
      orcid: profile?.orcid ?? null,
      ageOnDeadline: check.age,
      youthTrack: check.youthTrack,
    },
    title: app.title,
    titleEn: app.titleEn,
    disciplineCode: app.disciplineCode,
    keywords: app.keywords,
    abstract: app.abstract,
    abstractEn: app.abstractEn,
    content: app.content,
    durationMonths: app.durationMonths,
    budget: {
      mode: app.budgetMode,
      lumpSumFen: app.lumpSumFen?.toString() ?? null,
      lumpSumPlan: app.lumpSumPlan,
      lines: app.budgetLines.map((l) => ({
        categoryCode: l.categoryCode,
        amountFen: l.amountFen.toString(),
        justification: l.justification,
      })),
      funding: app.funding.map((f) => ({ source: f.source, amountFen: f.amountFen.toString() })),
    },
    members: app.members.map((m) => ({
      name: m.user.name,
      institution: m.user.researcherProfile?.institution.name ?? null,
      title: m.user.researcherProfile?.title ?? null,
      responsibility: m.responsibility,
      monthsPerYear: m.monthsPerYear,
    })),
    works: app.works.map(({ work: w }) => ({
      type: w.type,
      title: w.title,
      authors: w.authors,
      venue: w.venue,
      year: w.year,
      identifier: w.identifier,
      citation: w.citation,
      contributionStatement: w.contributionStatement,
      evidenceFileId: w.evidenceFileId,
    })),
    attachments: app.attachments.map((a) => ({
      slotKey: a.slotKey,
      fileId: a.file.id,
      filename: a.file.filename,
      sha256: a.file.sha256,
    })),
  };
}
/** A platform application's snapshot also carries its platform part (issue 7, submitPlatformApplication). */
export type ApplicationSnapshot = ReturnType<typeof buildSnapshot> & { platform?: PlatformSnapshot };

/**
 * Submits (or resubmits) once: the idempotency key is unique, so a double click or a retried request finds the
 * version the first one made. Refused with the blocking errors when the check fails, to the second of the deadline.
 */
export async function submitApplication(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZSubmitApplication>,
  now = new Date(),
) {
  assertCan(actor, 'create:application:own');
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
      // Lock the row: two submissions racing with different keys still make one version each, in order.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`select id from "Application" where id = ${input.id}::uuid and "applicantId" = ${actor.userId}::uuid and kind = 'PROJECT' for update`;
      if (!locked.length) throw new DomainError('NOT_FOUND');
      // Under the lock, a request with the same key may have finished first: answer as it did.
      const first = await tx.applicationVersion.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
        select: { number: true },
      });
      if (first) return { id: input.id, versionNo: first.number, repeated: true };
      const app = await loadFull(tx, { id: input.id, applicantId: actor.userId });
      if (!app) throw new DomainError('NOT_FOUND');
      if (!canTransitionApplication(app.status, 'submit', 'PI')) throw new DomainError('CONFLICT', 'alreadySubmitted');
      const check = await checkApplication(tx, app, now);
      // Past the deadline nothing else matters: say that first (the server's clock decides, in Beijing time).
      if (check.errors.some((e) => e.code === 'callNotAccepting')) {
        throw new DomainError('DEADLINE_PASSED', 'callNotAccepting', issuesToFieldErrors(check.errors));
      }
      if (check.errors.length) {
        throw new DomainError('VALIDATION', 'submitBlocked', issuesToFieldErrors(check.errors), {
          count: check.errors.length,
        });
      }
      const snapshot = buildSnapshot(app, check);
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
      await tx.application.update({
        where: { id: app.id },
        data: {
          status: 'SUBMITTED',
          currentVersionNo: number,
          submittedAt: now,
          code,
          ageOnDeadline: check.age,
          youthTrack: check.youthTrack,
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, {
        actor,
        action: app.status === 'RETURNED' ? 'application.resubmit' : 'application.submit',
        entityType: 'Application',
        entityId: app.id,
        summary: { versionNo: number, code, warnings: check.warnings.length },
      });
      return { id: app.id, versionNo: number, repeated: false };
    });
  } catch (e) {
    // The same key racing itself: the other request made the version.
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

/**
 * 申报编号: year, program code and a running number within that program's year, e.g. JY2027-GEN-0007 — readable on
 * the phone and in print, unique across every call of the program that year (a second round continues the count).
 */
export async function nextCode(tx: Tx, callId: string): Promise<string> {
  const call = await tx.call.findUniqueOrThrow({
    where: { id: callId },
    select: { year: true, programId: true, program: { select: { code: true } } },
  });
  // Serialise numbering within the program's year: concurrent first submissions must not share a number.
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`application-code:${call.programId}:${call.year}`}))`;
  const n = await tx.application.count({
    where: { code: { not: null }, call: { programId: call.programId, year: call.year } },
  });
  return `JY${call.year}-${call.program.code}-${String(n + 1).padStart(4, '0')}`;
}

export async function withdrawApplication(client: Db, actor: Actor, input: z.output<typeof ZWithdrawApplication>) {
  return client.$transaction(async (tx) => {
    const app = await ownApplication(tx, actor, input.id);
    if (!canTransitionApplication(app.status, 'withdraw', 'PI')) throw new DomainError('CONFLICT', 'wrongState');
    await tx.application.update({
      where: { id: app.id },
      data: { status: 'WITHDRAWN', withdrawnAt: new Date(), withdrawReason: input.reason, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor,
      action: 'application.withdraw',
      entityType: 'Application',
      entityId: app.id,
      summary: { from: app.status, reason: input.reason },
    });
    return { id: app.id };
  });
}

/** Issues as field errors: the first per field, its parameters encoded into the message key. */
export function issuesToFieldErrors(
  issues: { field: string; code: string; params?: Record<string, string | number> }[],
) {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.field] ??= msg(i.code, i.params);
  return out;
}

// ───────────── reading ─────────────

export async function listOwnApplications(client: Db, actor: Actor) {
  assertCan(actor, 'create:application:own');
  return client.application.findMany({
    // Platform applications the person directs, once their institution has submitted them (read-only).
    where: { applicantId: actor.userId, NOT: { kind: 'PLATFORM', status: 'DRAFT' } },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      kind: true,
      code: true,
      title: true,
      status: true,
      updatedAt: true,
      returnComment: true,
      call: { select: { title: true, titleEn: true, closesAt: true } },
      formalChecks: {
        orderBy: { checkedAt: 'desc' },
        take: 1,
        select: { outcome: true, reasonCodes: true, comment: true },
      },
    },
  });
}

/** For the editor: the applicant's own application with everything, or NOT_FOUND. */
export async function getOwnApplication(client: Db, actor: Actor, id: string, now = new Date()) {
  assertCan(actor, 'create:application:own');
  const app = await loadFull(client, { id, applicantId: actor.userId, kind: 'PROJECT' });
  if (!app) throw new DomainError('NOT_FOUND');
  return { app, check: await checkApplication(client, app, now) };
}

/** Invitations waiting for the actor (and the ones they answered). */
export async function listInvitations(client: Db, actor: Actor) {
  assertCan(actor, 'create:application:own');
  return client.applicationMember.findMany({
    where: { userId: actor.userId, application: { status: { in: ['DRAFT', 'RETURNED', 'SUBMITTED'] } } },
    orderBy: { application: { updatedAt: 'desc' } },
    select: {
      id: true,
      confirmation: true,
      responsibility: true,
      application: {
        select: {
          id: true,
          title: true,
          status: true,
          applicant: { select: { name: true } },
          call: { select: { title: true } },
        },
      },
    },
  });
}

/** Open calls a researcher may start from, with the challenges of key-project calls. */
export async function listStartableCalls(client: Db, actor: Actor, now = new Date()) {
  assertCan(actor, 'create:application:own');
  return client.call.findMany({
    where: { status: 'OPEN', opensAt: { lte: now }, closesAt: { gt: now }, ruleVersion: { isNot: null } },
    orderBy: { closesAt: 'asc' },
    select: {
      id: true,
      title: true,
      titleEn: true,
      closesAt: true,
      program: { select: { kind: true, name: true, nameEn: true } },
      ruleVersion: { select: { rules: true } },
      challenges: {
        where: { status: 'PUBLISHED' },
        orderBy: { publishedAt: 'asc' },
        select: { id: true, title: true, titleEn: true },
      },
    },
  });
}
