import 'server-only';
import { randomUUID } from 'node:crypto';
import { checkRecommendation } from '@/domain/application/recommendation';
import { canTransitionApplication } from '@/domain/application/transitions';
import { ZProgramRules } from '@/domain/program/rules';
import { DomainError } from '@/lib/errors';
import {
  ZFormalCheckQuery,
  type TFormalCheckQuery,
  type ZFormalCheck,
  type ZFormalCheckReason,
  type ZRecommendApplications,
  type ZReturnApplication,
} from '@/lib/validation/applications';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { ApplicationSnapshot } from './applicant';
import { applicationHolder } from '@/domain/notify/holder';
import { notify } from '../notify/notify';
import { disciplineAgeWhere } from './filters';

// The institution office (单位审核推荐) and the commission's formal check (形式审查). An office sees its own
// institution's submitted applications only; staff see applications once recommended.

export const REVIEWED_BY_STAFF = [
  'INSTITUTION_APPROVED',
  'FORMAL_CHECK_PASSED',
  'FORMAL_CHECK_FAILED',
  'UNDER_REVIEW',
  'PANEL',
  'DECIDED',
] as const;

/** The institution's quota and how much of it (and of the youth share) is used, for one call. */
export async function quotaState(client: DbOrTx, callId: string, institutionId: string) {
  const state = (await quotaStates(client, [callId], institutionId)).get(callId);
  if (!state) throw new DomainError('NOT_FOUND');
  return state;
}

/**
 * The quota state of each of `callIds` (unknown ids are left out), in three queries whatever their number: the
 * office's list of calls shows one per call and must not query per call (issue 10, no N+1).
 */
export async function quotaStates(client: DbOrTx, callIds: readonly string[], institutionId: string) {
  const ids = [...new Set(callIds)];
  // Sequential: this also runs inside the recommend transaction, on one connection.
  const calls = await client.call.findMany({
    where: { id: { in: ids } },
    select: { id: true, ruleVersion: { select: { rules: true } } },
  });
  const quotas = await client.institutionQuota.findMany({
    where: { callId: { in: ids }, institutionId },
    select: { callId: true, maxRecommended: true },
  });
  const recommended = await client.application.groupBy({
    by: ['callId', 'youthTrack'],
    where: { callId: { in: ids }, institutionId, status: { in: [...REVIEWED_BY_STAFF] } },
    _count: { _all: true },
  });
  return new Map(
    calls.map((call) => {
      const rules = ZProgramRules.parse(call.ruleVersion?.rules);
      const mine = recommended.filter((r) => r.callId === call.id);
      const quota = quotas.find((q) => q.callId === call.id);
      return [
        call.id,
        {
          quota: quota?.maxRecommended ?? rules.quota.defaultPerInstitution,
          recommended: mine.reduce((s, r) => s + r._count._all, 0),
          recommendedYouth: mine.find((r) => r.youthTrack)?._count._all ?? 0,
          minYouthShareBp: rules.youthTrack?.minShareBp ?? null,
        },
      ] as const;
    }),
  );
}

export async function listOfficeCalls(client: Db, actor: Actor) {
  assertCan(actor, 'review:application:institution');
  const institutionId = actorInstitution(actor);
  const calls = await client.call.findMany({
    where: {
      status: { not: 'DRAFT' },
      OR: [
        { quotas: { some: { institutionId } } },
        { applications: { some: { institutionId, status: { not: 'DRAFT' } } } },
      ],
    },
    orderBy: { closesAt: 'asc' },
    select: {
      id: true,
      title: true,
      titleEn: true,
      closesAt: true,
      institutionReviewClosesAt: true,
      program: { select: { name: true, nameEn: true } },
    },
  });
  const ids = calls.map((c) => c.id);
  const [counts, quotas] = await Promise.all([
    client.application.groupBy({
      by: ['callId', 'status'],
      where: { institutionId, status: { not: 'DRAFT' }, callId: { in: ids } },
      _count: { _all: true },
    }),
    quotaStates(client, ids, institutionId),
  ]);
  return calls.map((c) => {
    const mine = counts.filter((r) => r.callId === c.id);
    return {
      ...c,
      counts: Object.fromEntries(mine.map((r) => [r.status, r._count._all])) as Record<string, number>,
      quota: quotas.get(c.id)!,
    };
  });
}

export async function listOfficeApplications(client: Db, actor: Actor, callId: string) {
  assertCan(actor, 'review:application:institution');
  const institutionId = actorInstitution(actor);
  const [rows, quota] = await Promise.all([
    client.application.findMany({
      where: { callId, institutionId, status: { not: 'DRAFT' } },
      orderBy: [{ status: 'asc' }, { submittedAt: 'asc' }],
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        youthTrack: true,
        ageOnDeadline: true,
        submittedAt: true,
        currentVersionNo: true,
        applicant: { select: { name: true } },
      },
    }),
    quotaState(client, callId, institutionId),
  ]);
  return { rows, quota };
}

/** A submitted application for a reader: its latest frozen version and its history. Scope by reader, else 404. */
export async function getApplicationForReader(client: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('NOT_FOUND');
  let where: Record<string, unknown>;
  if (actor.role === 'INSTITUTION_OFFICE') {
    assertCan(actor, 'review:application:institution');
    where = { id, institutionId: actorInstitution(actor), status: { not: 'DRAFT' } };
  } else if (actor.role === 'COMMISSION_STAFF') {
    assertCan(actor, 'check:application:all');
    where = { id, status: { in: [...REVIEWED_BY_STAFF] } };
  } else {
    assertCan(actor, 'create:application:own');
    where = {
      id,
      OR: [{ applicantId: actor.userId }, { members: { some: { userId: actor.userId } } }],
      status: { not: 'DRAFT' },
    };
  }
  const app = await client.application.findFirst({
    where,
    select: {
      id: true,
      kind: true,
      code: true,
      status: true,
      callId: true,
      institutionId: true,
      youthTrack: true,
      ageOnDeadline: true,
      returnComment: true,
      currentVersionNo: true,
      version: true,
      applicant: { select: { name: true, email: true } },
      institution: { select: { name: true } },
      call: { select: { title: true, institutionReviewClosesAt: true, ruleVersion: { select: { rules: true } } } },
      versions: {
        orderBy: { number: 'desc' },
        select: { number: true, submittedAt: true, snapshot: true, snapshotSha256: true },
      },
      reviews: {
        orderBy: { decidedAt: 'desc' },
        select: { outcome: true, comment: true, decidedAt: true, versionNo: true },
      },
      formalChecks: {
        orderBy: { checkedAt: 'desc' },
        select: { outcome: true, reasonCodes: true, comment: true, checkedAt: true },
      },
    },
  });
  if (!app) throw new DomainError('NOT_FOUND');
  const latest = app.versions[0];
  return { ...app, snapshot: (latest?.snapshot ?? null) as ApplicationSnapshot | null };
}

/**
 * 申请人要求回避的专家 of an application staff can read (recommended by its institution), with the pool expert each
 * request was matched to, if any. Commission staff only: offices, team members and experts never see the list.
 */
export async function listAvoidancesForStaff(client: Db, actor: Actor, applicationId: string) {
  assertCan(actor, 'check:application:all');
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) throw new DomainError('NOT_FOUND');
  const app = await client.application.findFirst({
    where: { id: applicationId, status: { in: [...REVIEWED_BY_STAFF] } },
    select: {
      avoidances: {
        orderBy: { ordinal: 'asc' },
        select: {
          ordinal: true,
          name: true,
          institutionName: true,
          reason: true,
          expert: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!app) throw new DomainError('NOT_FOUND');
  return app.avoidances;
}

export async function returnApplication(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZReturnApplication>,
  now = new Date(),
) {
  assertCan(actor, 'review:application:institution');
  const institutionId = actorInstitution(actor);
  return client.$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: { id: input.id, institutionId },
      select: {
        id: true,
        status: true,
        kind: true,
        title: true,
        code: true,
        applicantId: true,
        createdById: true,
        currentVersionNo: true,
        call: { select: { institutionReviewClosesAt: true } },
      },
    });
    if (!app) throw new DomainError('NOT_FOUND');
    if (!canTransitionApplication(app.status, 'return', 'OFFICE')) throw new DomainError('CONFLICT', 'wrongState');
    if (app.call.institutionReviewClosesAt && now >= app.call.institutionReviewClosesAt)
      throw new DomainError('DEADLINE_PASSED');
    await tx.application.update({
      where: { id: app.id },
      data: { status: 'RETURNED', returnComment: input.comment, version: { increment: 1 } },
    });
    await tx.institutionReview.create({
      data: {
        applicationId: app.id,
        versionNo: app.currentVersionNo,
        institutionId,
        outcome: 'RETURN',
        comment: input.comment,
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'application.return',
      entityType: 'Application',
      entityId: app.id,
      summary: { versionNo: app.currentVersionNo, comment: input.comment },
    });
    // A returned project goes back to its PI (a platform application is the office's own: it returns nothing to anyone).
    if (app.kind === 'PROJECT') {
      await notify(tx, {
        ...applicationHolder(app),
        kind: 'APPLICATION_RETURNED',
        params: { title: app.title, code: app.code ?? '', comment: input.comment },
        entityType: 'Application',
        entityId: app.id,
        round: app.currentVersionNo,
      });
    }
    return { id: app.id };
  });
}

/**
 * Recommends one or several applications with one confirmation. The quota and the youth-track share are checked
 * on the result of the whole batch, under a lock on the institution's quota so two office users cannot both fill
 * the last place.
 */
export async function recommendApplications(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRecommendApplications>,
  now = new Date(),
) {
  assertCan(actor, 'review:application:institution');
  const institutionId = actorInstitution(actor);
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`quota:${input.callId}:${institutionId}`}))`;
    const apps = await tx.application.findMany({
      where: { id: { in: input.ids }, institutionId, callId: input.callId },
      select: {
        id: true,
        status: true,
        youthTrack: true,
        currentVersionNo: true,
        call: { select: { institutionReviewClosesAt: true } },
      },
    });
    if (apps.length !== new Set(input.ids).size) throw new DomainError('NOT_FOUND');
    if (apps.some((a) => !canTransitionApplication(a.status, 'recommend', 'OFFICE')))
      throw new DomainError('CONFLICT', 'wrongState');
    const deadline = apps[0]?.call.institutionReviewClosesAt;
    if (deadline && now >= deadline) throw new DomainError('DEADLINE_PASSED');
    const state = await quotaState(tx, input.callId, institutionId);
    const check = checkRecommendation(
      state,
      apps.map((a) => ({ youth: a.youthTrack })),
      state.minYouthShareBp,
    );
    const problem = check.problems[0];
    if (problem) throw new DomainError('CONFLICT', problem.code, undefined, problem.params);
    const batchId = randomUUID();
    await tx.application.updateMany({
      where: { id: { in: input.ids } },
      data: { status: 'INSTITUTION_APPROVED', version: { increment: 1 } },
    });
    await tx.institutionReview.createMany({
      data: apps.map((a) => ({
        applicationId: a.id,
        versionNo: a.currentVersionNo,
        institutionId,
        outcome: 'RECOMMEND' as const,
        batchId,
        decidedById: actor.userId,
        decidedAt: now,
      })),
    });
    for (const a of apps) {
      await recordAudit(tx, {
        actor,
        action: 'application.recommend',
        entityType: 'Application',
        entityId: a.id,
        summary: { batchId, versionNo: a.currentVersionNo },
      });
    }
    return { recommended: apps.length, after: check.after };
  });
}

// ───────────── commission: formal check ─────────────

export const FORMAL_CHECK_PAGE_SIZE = 50;
/** What the formal-check list holds: recommended by the office, and checked either way. */
export const FORMAL_CHECK_LIST_STATUSES = [
  'INSTITUTION_APPROVED',
  'FORMAL_CHECK_PASSED',
  'FORMAL_CHECK_FAILED',
] as const;

const FORMAL_CHECK_ORDER = {
  queue: [{ status: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }],
  code: [{ code: 'asc' }, { id: 'asc' }],
  newest: [{ submittedAt: 'desc' }, { id: 'asc' }],
} as const;

/**
 * The commission's application list (形式审查): filtered, sorted, one page of FORMAL_CHECK_PAGE_SIZE at a time by keyset
 * (Prisma's cursor: the rows after — or before — a given row in the chosen order, so page 200 costs what page 1 does),
 * with the count per status over the whole filtered list computed in SQL.
 */
export async function listForFormalCheck(client: Db, actor: Actor, input: TFormalCheckQuery) {
  assertCan(actor, 'check:application:all');
  const query = ZFormalCheckQuery.parse(input);
  const where = {
    status: query.status ? query.status : { in: [...FORMAL_CHECK_LIST_STATUSES] },
    ...(query.callId ? { callId: query.callId } : {}),
    ...(query.institutionId ? { institutionId: query.institutionId } : {}),
    ...disciplineAgeWhere(query),
  };
  const backwards = !query.after && Boolean(query.before);
  const cursor = query.after ?? query.before;
  const [page, counts] = await Promise.all([
    client.application.findMany({
      where,
      orderBy: [...FORMAL_CHECK_ORDER[query.sort]],
      // One more than a page says whether there is a page beyond it.
      take: backwards ? -(FORMAL_CHECK_PAGE_SIZE + 1) : FORMAL_CHECK_PAGE_SIZE + 1,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        disciplineCode: true,
        ageOnDeadline: true,
        youthTrack: true,
        applicant: { select: { name: true } },
        institution: { select: { name: true } },
        call: { select: { title: true, program: { select: { name: true, nameEn: true } } } },
      },
    }),
    client.application.groupBy({ by: ['status'], where, _count: { _all: true } }),
  ]);
  const more = page.length > FORMAL_CHECK_PAGE_SIZE;
  const rows = backwards ? page.slice(more ? 1 : 0) : page.slice(0, FORMAL_CHECK_PAGE_SIZE);
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  return {
    rows,
    counts: {
      total: counts.reduce((sum, c) => sum + c._count._all, 0),
      pending: count('INSTITUTION_APPROVED'),
      passed: count('FORMAL_CHECK_PASSED'),
      failed: count('FORMAL_CHECK_FAILED'),
    },
    /** Ids to page from: null where there is nothing further that way. */
    nextAfter: (backwards ? Boolean(cursor) : more) ? (rows.at(-1)?.id ?? null) : null,
    previousBefore: (backwards ? more : Boolean(cursor)) ? (rows[0]?.id ?? null) : null,
  };
}

export async function formalCheck(client: Db, actor: Actor, input: z.output<typeof ZFormalCheck>, now = new Date()) {
  assertCan(actor, 'check:application:all');
  return client.$transaction(async (tx) => {
    const app = await tx.application.findUnique({
      where: { id: input.id },
      select: { id: true, status: true, currentVersionNo: true },
    });
    if (!app) throw new DomainError('NOT_FOUND');
    const transition = input.outcome === 'PASS' ? 'formal_check_pass' : 'formal_check_fail';
    if (!canTransitionApplication(app.status, transition, 'STAFF')) throw new DomainError('CONFLICT', 'wrongState');
    if (input.reasonCodes.length) {
      const known = await tx.formalCheckReason.count({ where: { code: { in: input.reasonCodes }, active: true } });
      if (known !== new Set(input.reasonCodes).size)
        throw new DomainError('VALIDATION', 'checkFields', { reasonCodes: 'reasonUnknown' });
    }
    const to = input.outcome === 'PASS' ? 'FORMAL_CHECK_PASSED' : 'FORMAL_CHECK_FAILED';
    const updated = await tx.application.updateMany({
      where: { id: app.id, status: app.status },
      data: { status: to, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    await tx.formalCheck.create({
      data: {
        applicationId: app.id,
        versionNo: app.currentVersionNo,
        outcome: input.outcome,
        reasonCodes: input.reasonCodes,
        comment: input.comment ?? '',
        checkedById: actor.userId,
        checkedAt: now,
      },
    });
    await recordAudit(tx, {
      actor,
      action: `application.${transition}`,
      entityType: 'Application',
      entityId: app.id,
      summary: { reasonCodes: input.reasonCodes, comment: input.comment },
    });
    return { id: app.id, status: to };
  });
}

export async function listFormalCheckReasons(client: DbOrTx, options: { activeOnly: boolean }) {
  return client.formalCheckReason.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ ordinal: 'asc' }, { code: 'asc' }],
  });
}

export async function createFormalCheckReason(client: Db, actor: Actor, input: z.output<typeof ZFormalCheckReason>) {
  assertCan(actor, 'manage:formal-check-reason:all');
  return client.$transaction(async (tx) => {
    if (await tx.formalCheckReason.count({ where: { code: input.code } }))
      throw new DomainError('CONFLICT', 'checkFields', { code: 'reasonCodeTaken' });
    const count = await tx.formalCheckReason.count();
    const row = await tx.formalCheckReason.create({ data: { ...input, ordinal: count + 1 }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: 'formal_check_reason.create',
      entityType: 'FormalCheckReason',
      entityId: row.id,
      summary: input,
    });
    return row;
  });
}

export async function setFormalCheckReasonActive(client: Db, actor: Actor, input: { id: string; active: boolean }) {
  assertCan(actor, 'manage:formal-check-reason:all');
  return client.$transaction(async (tx) => {
    const updated = await tx.formalCheckReason.updateMany({ where: { id: input.id }, data: { active: input.active } });
    if (updated.count === 0) throw new DomainError('NOT_FOUND');
    await recordAudit(tx, {
      actor,
      action: 'formal_check_reason.set_active',
      entityType: 'FormalCheckReason',
      entityId: input.id,
      summary: { active: input.active },
    });
    return { id: input.id };
  });
}
