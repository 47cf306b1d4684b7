import 'server-only';
import type { z } from 'zod';
import { canTransitionApplication, IN_OR_PAST_REVIEW } from '@/domain/application/transitions';
import { affinity, canReadApplication } from '@/domain/review/affinity';
import {
  canCancelAssignment,
  canProposeAssignment,
  isOverdue,
  LOAD_COUNTING_STATUSES,
  OPEN_ASSIGNMENT_STATUSES,
  type AssignmentFacts,
  type AssignmentRefusal,
} from '@/domain/review/assignment-status';
import { canDismissConflict, type ConflictFinding } from '@/domain/review/conflicts';
import { DEFAULT_NON_CONSENSUS, detectNonConsensus } from '@/domain/review/non-consensus';
import { aggregate, type SubmittedReview } from '@/domain/review/scoring';
import { ZProgramRules } from '@/domain/program/rules';
import { DomainError, notFound, stale } from '@/lib/errors';
import type {
  TMatrixQuery,
  ZCancelAssignment,
  ZComputeScores,
  ZDecideNonConsensus,
  ZDismissConflict,
  ZManualAssign,
  ZRateReview,
  ZRemindAssignment,
} from '@/lib/validation/review';
import type { Db, Prisma, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { callRules } from './call-rules';
import { refreshExpertCredit } from './expert-work';
import { assignmentNotice, notifyInvitations } from './invitation-notices';
import { notify } from '../notify/notify';

// Commission staff's side of review (issue 5): the calls in review, manual assignment with conflict warnings,
// cancelling and reminding, dismissing name-based conflicts, the overdue sweep, aggregation into ScoreNormalisation,
// the review matrix, and the non-consensus list with its routing. Assignment runs are in assignment-runs.ts.

const UUID = /^[0-9a-f-]{36}$/i;
const refusal = (code: AssignmentRefusal) =>
  new DomainError(code === 'wrongState' || code === 'assignmentExists' ? 'CONFLICT' : 'VALIDATION', code);
const num = (d: Prisma.Decimal | null | undefined) => (d === null || d === undefined ? null : Number(d));

/** Calls with applications in or ready for review, with the counts the hub shows. */
export async function listReviewCalls(client: Db, actor: Actor) {
  assertCan(actor, 'assign:review:all');
  // Closed calls, and any call with an application past the formal check (checks may start before the close).
  const calls = await client.call.findMany({
    where: {
      OR: [
        { status: { in: ['CLOSED', 'REVIEWING', 'DECIDED'] } },
        { applications: { some: { status: { in: [...IN_OR_PAST_REVIEW] } } } },
      ],
    },
    orderBy: { closesAt: 'desc' },
    select: {
      id: true,
      title: true,
      titleEn: true,
      status: true,
      closesAt: true,
      program: { select: { name: true, nameEn: true } },
    },
  });
  const ids = calls.map((c) => c.id);
  const [apps, assignments] = await Promise.all([
    client.application.groupBy({
      by: ['callId'],
      where: { callId: { in: ids }, status: { in: [...IN_OR_PAST_REVIEW] } },
      _count: { _all: true },
    }),
    client.reviewAssignment.groupBy({
      by: ['callId', 'status'],
      where: { callId: { in: ids }, stage: 'MAIL' },
      _count: { _all: true },
    }),
  ]);
  return calls.map((c) => ({
    ...c,
    applications: apps.find((a) => a.callId === c.id)?._count._all ?? 0,
    assignments: Object.fromEntries(
      assignments.filter((a) => a.callId === c.id).map((a) => [a.status, a._count._all]),
    ) as Record<string, number>,
  }));
}

/** How many of a pending run's understaffed applications the desk lists (the matrix has them all). */
export const SHORTFALLS_LISTED = 100;

/** One call's review state: the program's requirement, counts, the pending run and the conflicts found. */
export async function getCallReview(client: Db, actor: Actor, callId: string) {
  assertCan(actor, 'assign:review:all');
  if (!UUID.test(callId)) throw notFound();
  const call = await client.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      titleEn: true,
      status: true,
      program: { select: { name: true, nameEn: true } },
      ruleVersion: { select: { rules: true } },
    },
  });
  if (!call?.ruleVersion) throw notFound();
  const rules = ZProgramRules.parse(call.ruleVersion.rules);
  const [counts, pendingRun, lastRuns, conflicts, computed, flags] = await Promise.all([
    client.reviewAssignment.groupBy({
      by: ['status'],
      where: { callId, stage: 'MAIL' },
      _count: { _all: true },
    }),
    client.assignmentRun.findFirst({
      where: { callId, status: 'PROPOSED' },
      select: {
        id: true,
        summary: true,
        options: true,
        seed: true,
        createdAt: true,
        assignments: {
          where: { status: 'PROPOSED' },
          orderBy: [{ application: { code: 'asc' } }, { affinity: 'desc' }],
          select: {
            id: true,
            affinity: true,
            application: { select: { id: true, code: true, title: true } },
            expert: { select: { id: true, name: true, expertProfile: { select: { country: true } } } },
          },
        },
      },
    }),
    client.assignmentRun.findMany({
      where: { callId, status: { not: 'PROPOSED' } },
      orderBy: { createdAt: 'desc' },
      take: 5,
      select: { id: true, status: true, summary: true, createdAt: true, decidedAt: true },
    }),
    client.detectedConflict.findMany({
      where: { application: { callId } },
      orderBy: [{ application: { code: 'asc' } }, { reason: 'asc' }],
      take: 500,
      select: {
        id: true,
        reason: true,
        detail: true,
        detectedAt: true,
        dismissedAt: true,
        dismissedReason: true,
        application: { select: { code: true, title: true } },
        expert: { select: { name: true } },
      },
    }),
    client.scoreNormalisation.count({ where: { callId, stage: 'MAIL' } }),
    client.nonConsensusFlag.groupBy({ by: ['status'], where: { callId }, _count: { _all: true } }),
  ]);
  // A run's summary keeps only the ids of the applications left short of experts: their codes and titles for the desk.
  const shortfalls = (
    (pendingRun?.summary as { shortfalls?: { applicationId: string; missing: number; reason: string }[] } | null)
      ?.shortfalls ?? []
  ).slice(0, SHORTFALLS_LISTED);
  const shortApps = shortfalls.length
    ? await client.application.findMany({
        where: { id: { in: shortfalls.map((x) => x.applicationId) }, callId },
        select: { id: true, code: true, title: true },
      })
    : [];
  return {
    call: { ...call, ruleVersion: undefined },
    rules,
    shortfalls: shortfalls.map((x) => ({ ...x, application: shortApps.find((a) => a.id === x.applicationId) ?? null })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    pendingRun: pendingRun
      ? {
          ...pendingRun,
          assignments: pendingRun.assignments.map((a) => ({ ...a, affinity: num(a.affinity) })),
        }
      : null,
    lastRuns,
    conflicts: conflicts.map((c) => ({
      ...c,
      dismissible: canDismissConflict({ reason: c.reason, detail: c.detail } as unknown as ConflictFinding),
    })),
    scoredApplications: computed,
    nonConsensus: Object.fromEntries(flags.map((f) => [f.status, f._count._all])) as Record<string, number>,
  };
}

/** The experts staff may pick for one application, best match first, each with why not (conflict, load, language). */
export async function listCandidates(client: Db, actor: Actor, applicationId: string) {
  assertCan(actor, 'assign:review:all');
  if (!UUID.test(applicationId)) throw notFound();
  const app = await client.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      callId: true,
      code: true,
      title: true,
      titleEn: true,
      abstractEn: true,
      status: true,
      disciplineCode: true,
      keywords: true,
      reviewAssignments: {
        where: { stage: 'MAIL' },
        select: {
          id: true,
          status: true,
          dueAt: true,
          expert: { select: { id: true, name: true } },
          invitations: { orderBy: { sentAt: 'desc' }, take: 1, select: { seenAt: true, remindersSent: true } },
          review: { select: { status: true } },
        },
      },
      detectedConflicts: { select: { expertUserId: true, reason: true, dismissedById: true } },
    },
  });
  if (!app) throw notFound();
  const [experts, loads] = await Promise.all([
    client.expertProfile.findMany({
      where: { active: true },
      select: {
        userId: true,
        country: true,
        languages: true,
        disciplineCodes: true,
        keywords: true,
        loadLimitPerCall: true,
        institutionName: true,
        creditScore: true,
        user: { select: { name: true } },
      },
    }),
    client.reviewAssignment.groupBy({
      by: ['expertUserId'],
      where: { callId: app.callId, stage: 'MAIL', status: { in: [...LOAD_COUNTING_STATUSES] } },
      _count: { _all: true },
    }),
  ]);
  const english = app.titleEn.trim() !== '' && app.abstractEn.trim() !== '';
  const assigned = new Set(app.reviewAssignments.map((r) => r.expert.id));
  const candidates = experts
    .filter((e) => !assigned.has(e.userId))
    .map((e) => {
      const load = loads.find((l) => l.expertUserId === e.userId)?._count._all ?? 0;
      const conflicts = app.detectedConflicts
        .filter((c) => c.expertUserId === e.userId && c.dismissedById === null)
        .map((c) => c.reason);
      return {
        userId: e.userId,
        name: e.user.name,
        institutionName: e.institutionName,
        country: e.country,
        creditScore: e.creditScore,
        affinity: affinity(app, e).score,
        load,
        loadLimit: e.loadLimitPerCall,
        conflicts,
        readsLanguage: canReadApplication(e.languages, english),
      };
    })
    .sort((a, b) => b.affinity - a.affinity || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, 50);
  return {
    application: { id: app.id, callId: app.callId, code: app.code, title: app.title, status: app.status },
    assignments: app.reviewAssignments.map((r) => ({
      id: r.id,
      status: r.status,
      dueAt: r.dueAt,
      expertName: r.expert.name,
      seen: r.invitations[0]?.seenAt != null,
      remindersSent: r.invitations[0]?.remindersSent ?? 0,
      reviewStatus: r.review?.status ?? null,
    })),
    candidates,
  };
}

/** Moves applications that receive their first invitation into review (FORMAL_CHECK_PASSED → UNDER_REVIEW). */
export async function startReviewOf(tx: Tx, actor: Actor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return;
  const ready = await tx.application.findMany({
    where: { id: { in: [...new Set(applicationIds)] }, status: 'FORMAL_CHECK_PASSED' },
    select: { id: true, status: true },
  });
  const moving = ready.filter((a) => canTransitionApplication(a.status, 'start_review', 'STAFF'));
  if (moving.length === 0) return;
  await tx.application.updateMany({
    where: { id: { in: moving.map((a) => a.id) }, status: 'FORMAL_CHECK_PASSED' },
    data: { status: 'UNDER_REVIEW', version: { increment: 1 } },
  });
  for (const a of moving) {
    await recordAudit(tx, {
      actor,
      action: 'application.start_review',
      entityType: 'Application',
      entityId: a.id,
      summary: { from: 'FORMAL_CHECK_PASSED', to: 'UNDER_REVIEW' },
    });
  }
}

/** Staff invite one expert by hand: the same guard as the solver (conflict, load, sanction), then the invitation. */
export async function manualAssign(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZManualAssign>,
  now: Date = new Date(),
) {
  assertCan(actor, 'assign:review:all');
  if (input.dueAt.getTime() <= now.getTime())
    throw new DomainError('VALIDATION', 'checkFields', { dueAt: 'dueInPast' });
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`assign:${input.expertUserId}`}))`;
    const app = await tx.application.findUnique({
      where: { id: input.applicationId },
      select: { id: true, callId: true, status: true },
    });
    const expert = await tx.expertProfile.findUnique({
      where: { userId: input.expertUserId },
      select: {
        active: true,
        loadLimitPerCall: true,
        user: { select: { creditRecords: { select: { startsOn: true, endsOn: true, barsReviewing: true } } } },
      },
    });
    if (!app || !expert) throw notFound();
    const [existing, currentLoad, conflicts] = await Promise.all([
      tx.reviewAssignment.findUnique({
        where: {
          applicationId_expertUserId_stage: {
            applicationId: app.id,
            expertUserId: input.expertUserId,
            stage: 'MAIL',
          },
        },
        select: { status: true },
      }),
      tx.reviewAssignment.count({
        where: {
          callId: app.callId,
          expertUserId: input.expertUserId,
          stage: 'MAIL',
          status: { in: [...LOAD_COUNTING_STATUSES] },
        },
      }),
      tx.detectedConflict.findMany({
        where: { applicationId: app.id, expertUserId: input.expertUserId },
        select: { applicationId: true, expertUserId: true, dismissedById: true },
      }),
    ]);
    const verdict = canProposeAssignment(
      { applicationId: app.id, expertUserId: input.expertUserId },
      { kind: 'STAFF', userId: actor.userId },
      {
        existing: existing?.status ?? null,
        applicationStatus: app.status,
        expert: { active: expert.active, loadLimitPerCall: expert.loadLimitPerCall },
        currentLoad,
        conflicts,
        sanctions: expert.user.creditRecords,
        now,
      },
    );
    if (!verdict.ok) throw refusal(verdict.code);
    const created = await tx.reviewAssignment.create({
      data: {
        applicationId: app.id,
        callId: app.callId,
        expertUserId: input.expertUserId,
        stage: 'MAIL',
        status: 'INVITED',
        origin: 'MANUAL',
        dueAt: input.dueAt,
        invitations: { create: { sentAt: now } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'review_assignment.invite',
      entityType: 'ReviewAssignment',
      entityId: created.id,
      summary: { applicationId: app.id, expertUserId: input.expertUserId, origin: 'MANUAL', dueAt: input.dueAt },
    });
    await notifyInvitations(tx, [created.id]);
    await startReviewOf(tx, actor, [app.id]);
    return created;
  });
}

const assignmentFacts = (a: {
  status: AssignmentFacts['status'];
  applicationId: string;
  expertUserId: string;
  dueAt: Date;
}): AssignmentFacts => a;

export async function cancelAssignment(client: Db, actor: Actor, input: z.output<typeof ZCancelAssignment>) {
  assertCan(actor, 'assign:review:all');
  return client.$transaction(async (tx) => {
    const a = await tx.reviewAssignment.findUnique({
      where: { id: input.assignmentId },
      select: {
        id: true,
        status: true,
        applicationId: true,
        expertUserId: true,
        dueAt: true,
        version: true,
        review: { select: { status: true } },
      },
    });
    if (!a) throw notFound();
    const verdict = canCancelAssignment(
      assignmentFacts(a),
      { kind: 'STAFF', userId: actor.userId },
      { reviewStatus: a.review?.status ?? null },
    );
    if (!verdict.ok) throw refusal(verdict.code);
    const moved = await tx.reviewAssignment.updateMany({
      where: { id: a.id, version: a.version },
      data: { status: 'CANCELLED', withdrawnReason: input.reason, version: { increment: 1 } },
    });
    if (moved.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'review_assignment.cancel',
      entityType: 'ReviewAssignment',
      entityId: a.id,
      summary: { from: a.status, to: 'CANCELLED', reason: input.reason },
    });
    return { status: 'CANCELLED' as const };
  });
}

/**
 * Records a reminder to an expert whose review is outstanding, and tells them (inbox and e-mail, one per reminder).
 */
export async function remindAssignment(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRemindAssignment>,
  now: Date = new Date(),
) {
  assertCan(actor, 'assign:review:all');
  return client.$transaction(async (tx) => {
    const a = await tx.reviewAssignment.findUnique({
      where: { id: input.assignmentId },
      select: {
        id: true,
        status: true,
        expertUserId: true,
        dueAt: true,
        application: { select: { code: true } },
        invitations: { orderBy: { sentAt: 'desc' }, take: 1, select: { id: true, remindersSent: true } },
      },
    });
    if (!a) throw notFound();
    const invitation = a.invitations[0];
    if (!OPEN_ASSIGNMENT_STATUSES.includes(a.status) || !invitation) throw refusal('wrongState');
    await tx.reviewInvitation.update({
      where: { id: invitation.id },
      data: { remindersSent: { increment: 1 }, lastReminderAt: now },
    });
    await recordAudit(tx, {
      actor,
      action: 'review_assignment.remind',
      entityType: 'ReviewAssignment',
      entityId: a.id,
      summary: { status: a.status, reminder: invitation.remindersSent + 1 },
    });
    await notify(tx, assignmentNotice('REVIEW_REMINDER', a, { round: invitation.remindersSent + 1 }));
    return { remindersSent: invitation.remindersSent + 1 };
  });
}

/** Staff dismiss a name-based finding (CO_AUTHOR, unmatched APPLICANT_AVOIDANCE) with a reason; nothing else. */
export async function dismissConflict(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDismissConflict>,
  now: Date = new Date(),
) {
  assertCan(actor, 'assign:review:all');
  return client.$transaction(async (tx) => {
    const c = await tx.detectedConflict.findUnique({
      where: { id: input.conflictId },
      select: { id: true, reason: true, detail: true, dismissedById: true, applicationId: true, expertUserId: true },
    });
    if (!c) throw notFound();
    if (!canDismissConflict({ reason: c.reason, detail: c.detail } as unknown as ConflictFinding)) {
      throw new DomainError('CONFLICT', 'conflictNotDismissible');
    }
    const updated = await tx.detectedConflict.updateMany({
      where: { id: c.id, dismissedById: null },
      data: { dismissedById: actor.userId, dismissedAt: now, dismissedReason: input.reason },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'conflict.dismiss',
      entityType: 'DetectedConflict',
      entityId: c.id,
      summary: { reason: c.reason, applicationId: c.applicationId, expertUserId: c.expertUserId, why: input.reason },
    });
    return { id: c.id };
  });
}

/**
 * The overdue sweep: invitations and acceptances whose due instant has passed become OVERDUE (the expert may still
 * submit, late). Idempotent; run by the scheduled job (issue 8) and whenever staff open a call's review page.
 */
export async function markOverdueAssignments(client: Db, callId: string, now: Date = new Date()) {
  const due = await client.reviewAssignment.findMany({
    where: { callId, status: { in: ['INVITED', 'ACCEPTED'] }, dueAt: { lte: now } },
    select: {
      id: true,
      status: true,
      applicationId: true,
      expertUserId: true,
      dueAt: true,
      application: { select: { code: true } },
    },
  });
  const overdue = due.filter((a) => isOverdue(assignmentFacts(a), now).ok);
  if (overdue.length === 0) return 0;
  return client.$transaction(async (tx) => {
    let moved = 0;
    for (const a of overdue) {
      const r = await tx.reviewAssignment.updateMany({
        where: { id: a.id, status: a.status },
        data: { status: 'OVERDUE', version: { increment: 1 } },
      });
      if (r.count === 0) continue;
      moved += 1;
      await recordAudit(tx, {
        actor: null,
        action: 'review_assignment.mark_overdue',
        entityType: 'ReviewAssignment',
        entityId: a.id,
        summary: { from: a.status, to: 'OVERDUE', dueAt: a.dueAt },
      });
      await notify(tx, assignmentNotice('REVIEW_OVERDUE', a));
    }
    return moved;
  });
}

/**
 * 评分汇总: aggregates the call's submitted mail reviews (src/domain/review/scoring.ts) into ScoreNormalisation, the
 * reviews' normalised scores, and the non-consensus flags by the program's rule. Re-running replaces the figures and
 * keeps staff's decisions on flags already routed or dismissed.
 */
export async function computeCallScores(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZComputeScores>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:review:all');
  const { rules, ...call } = await callRules(client, input.callId);
  const rule = rules.mailReview?.nonConsensus ?? DEFAULT_NON_CONSENSUS;
  const reviews = await client.review.findMany({
    where: { status: 'SUBMITTED', assignment: { callId: call.id, stage: 'MAIL', status: 'SUBMITTED' } },
    select: {
      id: true,
      scores: true,
      nonConsensusSupport: true,
      assignment: { select: { applicationId: true, expertUserId: true } },
    },
  });
  const byApplication: Record<string, SubmittedReview[]> = {};
  for (const r of reviews) {
    (byApplication[r.assignment.applicationId] ??= []).push({
      id: r.id,
      expertId: r.assignment.expertUserId,
      scores: r.scores as Record<string, number>,
    });
  }
  const result = aggregate(rules.reviewForm, byApplication);
  const flags = result.applications
    .map((agg) =>
      detectNonConsensus(
        agg,
        reviews.map((r) => ({
          id: r.id,
          applicationId: r.assignment.applicationId,
          nonConsensusSupport: r.nonConsensusSupport,
        })),
        rule,
      ),
    )
    .filter((f) => f.flagged);

  return client.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`scores:${call.id}`}))`;
    await tx.scoreNormalisation.deleteMany({ where: { callId: call.id, stage: 'MAIL' } });
    await tx.scoreNormalisation.createMany({
      data: result.applications.map((a) => ({
        applicationId: a.applicationId,
        callId: call.id,
        stage: 'MAIL' as const,
        reviewCount: a.reviewCount,
        rawMean: a.rawMean,
        weightedMean: a.weightedMean,
        normalisedMean: a.normalisedMean,
        rank: a.rank,
        percentileBp: a.percentileBp,
        minScore: a.minScore,
        maxScore: a.maxScore,
        range: a.range,
        stdDev: a.stdDev,
        computedAt: now,
      })),
    });
    // One statement for every review's normalised score (a call has thousands).
    if (result.reviews.length) {
      const ids = result.reviews.map((r) => r.id);
      const scores = result.reviews.map((r) => r.normalisedScore);
      await tx.$executeRaw`update "Review" r set "normalisedScore" = v.score
        from unnest(${ids}::uuid[], ${scores}::numeric[]) as v(id, score) where r.id = v.id`;
    }
    // Flags: new ones DETECTED; those no longer divided go, unless staff already decided on them.
    const flagged = new Set(flags.map((f) => f.applicationId));
    await tx.nonConsensusFlag.deleteMany({
      where: { callId: call.id, status: 'DETECTED', applicationId: { notIn: [...flagged] } },
    });
    // One statement for all of them, not an upsert each (issue 10: no N+1); an existing flag keeps its status, so
    // those staff already decided on stay decided. The database makes the ids (v4, not Prisma's v7): nothing orders
    // flags by id.
    const figures = flags.map((f) => ({
      applicationId: f.applicationId,
      measure: f.measure,
      dispersion: f.dispersion,
      threshold: f.threshold,
      supportingReviewIds: f.supportingReviewIds,
    }));
    await tx.$executeRaw`insert into "NonConsensusFlag" (id, "applicationId", "callId", measure, dispersion, threshold,
                                                        "supportingReviewIds", "updatedAt")
      select gen_random_uuid(), v."applicationId", ${call.id}::uuid, v.measure, v.dispersion, v.threshold,
             v."supportingReviewIds", now()
        from jsonb_to_recordset(${JSON.stringify(figures)}::jsonb)
          as v("applicationId" uuid, measure text, dispersion numeric, threshold numeric, "supportingReviewIds" uuid[])
      on conflict ("applicationId") do update
         set measure = excluded.measure, dispersion = excluded.dispersion, threshold = excluded.threshold,
             "supportingReviewIds" = excluded."supportingReviewIds", "updatedAt" = excluded."updatedAt"`;
    const summary = {
      reviews: reviews.length,
      applications: result.applications.length,
      unscored: result.unscored.length,
      nonConsensus: flags.length,
    };
    await recordAudit(tx, {
      actor,
      action: 'review.aggregate',
      entityType: 'Call',
      entityId: call.id,
      summary,
    });
    return summary;
  });
}

const SORT_COLUMNS: Record<TMatrixQuery['sort'], { column: string; defaultDir: 'asc' | 'desc' }> = {
  rank: { column: 's.rank', defaultDir: 'asc' },
  weightedMean: { column: 's."weightedMean"', defaultDir: 'desc' },
  rawMean: { column: 's."rawMean"', defaultDir: 'desc' },
  normalisedMean: { column: 's."normalisedMean"', defaultDir: 'desc' },
  range: { column: 's.range', defaultDir: 'desc' },
  stdDev: { column: 's."stdDev"', defaultDir: 'desc' },
  reviewCount: { column: 'coalesce(s."reviewCount", 0)', defaultDir: 'desc' },
  code: { column: 'a.code', defaultDir: 'asc' },
};
export const MATRIX_PAGE_SIZE = 100;

/**
 * 评审矩阵: applications × experts for a call, one page at a time, sorted in SQL by any measure (nulls — not yet
 * scored — last). Two queries whatever the page's length: the page of applications with their figures, then their
 * assignments with scores.
 */
export async function getReviewMatrix(client: Db, actor: Actor, callId: string, query: TMatrixQuery) {
  assertCan(actor, 'manage:review:all');
  if (!UUID.test(callId) || !(await client.call.count({ where: { id: callId } }))) throw notFound();
  const sort = SORT_COLUMNS[query.sort];
  const dir = (query.dir ?? sort.defaultDir) === 'asc' ? 'asc' : 'desc';
  const offset = (query.page - 1) * MATRIX_PAGE_SIZE;
  // The column and direction come from the fixed table above, never from the request.
  const order = `${sort.column} ${dir} nulls last, a.code asc`;
  type Row = {
    id: string;
    code: string | null;
    title: string;
    status: string;
    reviewCount: number | null;
    rawMean: string | null;
    weightedMean: string | null;
    normalisedMean: string | null;
    rank: number | null;
    percentileBp: number | null;
    range: string | null;
    stdDev: string | null;
    flag: string | null;
    total: bigint;
  };
  // The page is chosen from the covering index (call, status, code, id: an index-only scan) and only its rows are
  // read from the Application heap for their titles: choosing it from the heap read every application of the call
  // (121 ms for 3 481 at scale, 17 ms this way; docs/PERFORMANCE.md).
  const rows = await client.$queryRawUnsafe<Row[]>(
    `with page as (
       select a.id, s."reviewCount", s."rawMean", s."weightedMean", s."normalisedMean", s.rank, s."percentileBp",
              s.range, s."stdDev", f.status::text as flag, count(*) over () as total,
              row_number() over (order by ${order}) as ord
         from "Application" a
         left join "ScoreNormalisation" s on s."applicationId" = a.id and s.stage = 'MAIL'
         left join "NonConsensusFlag" f on f."applicationId" = a.id
        where a."callId" = $1::uuid and a.status = any($3::"ApplicationStatus"[])
        order by ${order}
        limit ${MATRIX_PAGE_SIZE} offset $2
     )
     select a.id, a.code, a.title, a.status::text as status, p."reviewCount", p."rawMean"::text,
            p."weightedMean"::text, p."normalisedMean"::text, p.rank, p."percentileBp", p.range::text,
            p."stdDev"::text, p.flag, p.total
       from page p join "Application" a on a.id = p.id
      order by p.ord`,
    callId,
    offset,
    [...IN_OR_PAST_REVIEW],
  );
  const assignments = await client.reviewAssignment.findMany({
    where: { applicationId: { in: rows.map((r) => r.id) }, stage: 'MAIL' },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      applicationId: true,
      status: true,
      dueAt: true,
      expert: { select: { name: true } },
      review: {
        select: {
          status: true,
          weightedScore: true,
          normalisedScore: true,
          recommendation: true,
          nonConsensusSupport: true,
        },
      },
    },
  });
  const toNum = (s: string | null) => (s === null ? null : Number(s));
  return {
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: MATRIX_PAGE_SIZE,
    sort: query.sort,
    dir,
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      status: r.status,
      flag: r.flag,
      reviewCount: r.reviewCount,
      rawMean: toNum(r.rawMean),
      weightedMean: toNum(r.weightedMean),
      normalisedMean: toNum(r.normalisedMean),
      rank: r.rank,
      percentileBp: r.percentileBp,
      range: toNum(r.range),
      stdDev: toNum(r.stdDev),
      cells: assignments
        .filter((a) => a.applicationId === r.id)
        .map((a) => ({
          id: a.id,
          expertName: a.expert.name,
          status: a.status,
          dueAt: a.dueAt,
          submitted: a.review?.status === 'SUBMITTED',
          weightedScore: a.review?.status === 'SUBMITTED' ? num(a.review.weightedScore) : null,
          normalisedScore: a.review?.status === 'SUBMITTED' ? num(a.review.normalisedScore) : null,
          recommendation: a.review?.status === 'SUBMITTED' ? a.review.recommendation : null,
          nonConsensusSupport: a.review?.status === 'SUBMITTED' ? a.review.nonConsensusSupport : false,
        })),
    })),
  };
}

/** The call's non-consensus list: most divided first. */
export async function listNonConsensus(client: Db, actor: Actor, callId: string) {
  assertCan(actor, 'manage:review:all');
  if (!UUID.test(callId) || !(await client.call.count({ where: { id: callId } }))) throw notFound();
  const flags = await client.nonConsensusFlag.findMany({
    where: { callId },
    orderBy: [{ dispersion: 'desc' }, { applicationId: 'asc' }],
    select: {
      id: true,
      status: true,
      measure: true,
      dispersion: true,
      threshold: true,
      supportingReviewIds: true,
      application: {
        select: {
          id: true,
          code: true,
          title: true,
          applicant: { select: { name: true } },
          institution: { select: { name: true } },
          scoreNormalisations: { where: { stage: 'MAIL' }, select: { weightedMean: true, rank: true } },
        },
      },
    },
  });
  return flags.map((f) => ({
    ...f,
    dispersion: Number(f.dispersion),
    threshold: Number(f.threshold),
    weightedMean: num(f.application.scoreNormalisations[0]?.weightedMean),
    rank: f.application.scoreNormalisations[0]?.rank ?? null,
  }));
}

/**
 * One flagged application for staff: every review side by side (with confidential comments), the figures, and the
 * applicant's credit record (科研诚信) — what the special route is decided on.
 */
export async function getNonConsensus(client: Db, actor: Actor, flagId: string) {
  assertCan(actor, 'manage:review:all');
  if (!UUID.test(flagId)) throw notFound();
  const flag = await client.nonConsensusFlag.findUnique({
    where: { id: flagId },
    select: {
      id: true,
      callId: true,
      status: true,
      measure: true,
      dispersion: true,
      threshold: true,
      supportingReviewIds: true,
      justification: true,
      decidedAt: true,
      version: true,
      application: {
        select: {
          id: true,
          code: true,
          title: true,
          ruleVersion: { select: { rules: true } },
          applicant: {
            select: {
              name: true,
              creditRecords: {
                orderBy: { startsOn: 'desc' },
                select: {
                  finding: true,
                  decidedBy: true,
                  startsOn: true,
                  endsOn: true,
                  revokedAt: true,
                  barsApplications: true,
                },
              },
            },
          },
          institution: { select: { name: true } },
          scoreNormalisations: { where: { stage: 'MAIL' } },
          reviewAssignments: {
            where: { stage: 'MAIL', status: 'SUBMITTED' },
            orderBy: { createdAt: 'asc' },
            select: {
              expert: { select: { name: true } },
              review: {
                select: {
                  id: true,
                  scores: true,
                  weightedScore: true,
                  normalisedScore: true,
                  recommendation: true,
                  confidence: true,
                  commentToApplicant: true,
                  confidentialComment: true,
                  nonConsensusSupport: true,
                  nonConsensusReason: true,
                  submittedAt: true,
                  qualityRating: true,
                },
              },
            },
          },
        },
      },
    },
  });
  if (!flag) throw notFound();
  const rules = ZProgramRules.parse(flag.application.ruleVersion.rules);
  const agg = flag.application.scoreNormalisations[0];
  return {
    ...flag,
    dispersion: Number(flag.dispersion),
    threshold: Number(flag.threshold),
    form: rules.reviewForm,
    aggregate: agg
      ? {
          weightedMean: Number(agg.weightedMean),
          normalisedMean: Number(agg.normalisedMean),
          rank: agg.rank,
          range: Number(agg.range),
          stdDev: Number(agg.stdDev),
        }
      : null,
    reviews: flag.application.reviewAssignments
      .filter((a) => a.review)
      .map((a) => ({
        expertName: a.expert.name,
        ...a.review!,
        scores: a.review!.scores as Record<string, number>,
        weightedScore: num(a.review!.weightedScore),
        normalisedScore: num(a.review!.normalisedScore),
      })),
  };
}

/** Staff send a flagged application to the special route (decided in issue 6) or dismiss it — in writing either way. */
export async function decideNonConsensus(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideNonConsensus>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:review:all');
  return client.$transaction(async (tx) => {
    const flag = await tx.nonConsensusFlag.findUnique({
      where: { id: input.flagId },
      select: { id: true, status: true, applicationId: true },
    });
    if (!flag) throw notFound();
    if (flag.status !== 'DETECTED') throw new DomainError('CONFLICT', 'wrongState');
    const to = input.decision === 'ROUTE' ? 'ROUTED' : 'DISMISSED';
    const updated = await tx.nonConsensusFlag.updateMany({
      where: { id: flag.id, version: input.version, status: 'DETECTED' },
      data: {
        status: to,
        justification: input.justification,
        decidedById: actor.userId,
        decidedAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: input.decision === 'ROUTE' ? 'non_consensus.route' : 'non_consensus.dismiss',
      entityType: 'NonConsensusFlag',
      entityId: flag.id,
      summary: { applicationId: flag.applicationId, from: 'DETECTED', to, justification: input.justification },
    });
    return { status: to };
  });
}

/** Staff rate a submitted review's quality (1–5); it feeds the expert's credit record. */
export async function rateReview(client: Db, actor: Actor, input: z.output<typeof ZRateReview>) {
  assertCan(actor, 'manage:review:all');
  return client.$transaction(async (tx) => {
    const review = await tx.review.findUnique({
      where: { id: input.reviewId },
      select: { id: true, status: true, qualityRating: true, assignment: { select: { expertUserId: true } } },
    });
    if (!review) throw notFound();
    if (review.status !== 'SUBMITTED') throw new DomainError('CONFLICT', 'wrongState');
    await tx.review.update({ where: { id: review.id }, data: { qualityRating: input.rating } });
    await refreshExpertCredit(tx, review.assignment.expertUserId);
    await recordAudit(tx, {
      actor,
      action: 'review.rate',
      entityType: 'Review',
      entityId: review.id,
      summary: { from: review.qualityRating, to: input.rating },
    });
    return { rating: input.rating };
  });
}
