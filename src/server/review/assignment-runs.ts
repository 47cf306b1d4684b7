import 'server-only';
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { affinity, canReadApplication } from '@/domain/review/affinity';
import { reviewerRequirement, solveAssignment, type AllowedPair } from '@/domain/review/assignment';
import {
  hasOpenConflict,
  LOAD_COUNTING_STATUSES,
  REVIEWABLE_APPLICATION_STATUSES,
  reviewingBarred,
  unavailableDuring,
} from '@/domain/review/assignment-status';
import { DomainError, notFound } from '@/lib/errors';
import type { ZDecideAssignmentRun, ZProposeAssignmentRun } from '@/lib/validation/review';
import type { Db, Prisma } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { callRules } from './call-rules';
import { startReviewOf } from './staff-review';
import { notifyInvitations } from './invitation-notices';

// Automatic assignment (DATA-MODEL §3.4): the solver proposes, staff look, then commit (invitations go out) or
// discard. A proposal is an AssignmentRun with its PROPOSED assignments; one run per call is pending at a time, so two
// proposals can never count each other's pairs as committed. Eligibility is decided here once per expert (active,
// available on the due date, not barred by a sanction, load left) and per pair (no standing conflict, a language the
// expert reads, some topical affinity); the solver then maximises affinity under the program's reviewer count and
// international share.

export async function proposeAssignmentRun(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZProposeAssignmentRun>,
  now: Date = new Date(),
  /** Told as each stage ends (1 read, 2 solved, 3 saved): a background job's progress. */
  onStage?: (stage: 1 | 2 | 3) => Promise<void>,
) {
  assertCan(actor, 'assign:review:all');
  const { rules, ...call } = await callRules(client, input.callId);
  if (!rules.mailReview) throw new DomainError('CONFLICT', 'noMailReview');
  if (input.dueAt.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION', 'checkFields', { dueAt: 'dueInPast' });
  }
  const { required, minInternational } = reviewerRequirement(rules.mailReview);

  const [applications, experts, existing, conflicts] = await Promise.all([
    client.application.findMany({
      where: { callId: call.id, status: { in: [...REVIEWABLE_APPLICATION_STATUSES] } },
      orderBy: { code: 'asc' },
      select: { id: true, disciplineCode: true, keywords: true, abstractEn: true, titleEn: true },
    }),
    client.expertProfile.findMany({
      where: { active: true },
      orderBy: { userId: 'asc' },
      select: {
        userId: true,
        country: true,
        languages: true,
        disciplineCodes: true,
        keywords: true,
        loadLimitPerCall: true,
        unavailableFrom: true,
        unavailableUntil: true,
        user: { select: { creditRecords: { select: { startsOn: true, endsOn: true, barsReviewing: true } } } },
      },
    }),
    client.reviewAssignment.findMany({
      where: { callId: call.id, stage: 'MAIL' },
      select: { applicationId: true, expertUserId: true, status: true },
    }),
    client.detectedConflict.findMany({
      where: { application: { callId: call.id } },
      select: { applicationId: true, expertUserId: true, dismissedById: true },
    }),
  ]);
  await onStage?.(1);

  // Pairs already on record in any state are never proposed again (a declined or withdrawn expert stays out); those
  // in a load-counting state are the committed ones the solver builds on.
  const onRecord = new Set(existing.map((a) => `${a.applicationId}:${a.expertUserId}`));
  const committed = existing.filter((a) => LOAD_COUNTING_STATUSES.includes(a.status));
  const load = new Map<string, number>();
  for (const a of committed) load.set(a.expertUserId, (load.get(a.expertUserId) ?? 0) + 1);
  const eligible = experts.filter(
    (e) =>
      !unavailableDuring(e, now, input.dueAt) &&
      !reviewingBarred(e.user.creditRecords, now) &&
      e.loadLimitPerCall > (load.get(e.userId) ?? 0),
  );

  const allowed: AllowedPair[] = [];
  for (const a of applications) {
    const english = a.titleEn.trim() !== '' && a.abstractEn.trim() !== '';
    for (const e of eligible) {
      if (onRecord.has(`${a.id}:${e.userId}`)) continue;
      if (hasOpenConflict({ applicationId: a.id, expertUserId: e.userId }, conflicts)) continue;
      if (!canReadApplication(e.languages, english)) continue;
      const score = affinity(a, e).score;
      if (score > 0) allowed.push({ applicationId: a.id, expertId: e.userId, affinity: score });
    }
  }
  const seed = input.maxPairProbability ? randomInt(2 ** 31 - 1) : undefined;
  const result = solveAssignment(
    {
      applications: applications.map((a) => ({ id: a.id, required, minInternational })),
      experts: eligible.map((e) => ({
        id: e.userId,
        capacity: e.loadLimitPerCall - (load.get(e.userId) ?? 0),
        isInternational: e.country !== 'CN',
      })),
      allowed,
      fixed: committed.map((a) => ({ applicationId: a.applicationId, expertId: a.expertUserId })),
    },
    input.maxPairProbability ? { maxPairProbability: input.maxPairProbability, seed } : {},
  );
  await onStage?.(2);
  const summary = {
    applications: applications.length,
    eligibleExperts: eligible.length,
    openSlots: result.openSlots,
    filledSlots: result.filledSlots,
    totalAffinity: Math.round(result.totalAffinity * 10_000) / 10_000,
    shortfalls: result.shortfalls.map((s) => ({
      applicationId: s.applicationId,
      missing: s.missing,
      reason: s.reason,
    })),
  };

  return client.$transaction(async (tx) => {
    // Serialise proposals per call: the pending-run check below must see a concurrent one.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`assignment-run:${call.id}`}))`;
    const pending = await tx.assignmentRun.count({ where: { callId: call.id, status: 'PROPOSED' } });
    if (pending) throw new DomainError('CONFLICT', 'assignmentRunPending');
    const run = await tx.assignmentRun.create({
      data: {
        callId: call.id,
        stage: 'MAIL',
        options: { required, minInternational, maxPairProbability: input.maxPairProbability ?? null },
        seed: seed ?? null,
        summary: summary as unknown as Prisma.InputJsonValue,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await tx.reviewAssignment.createMany({
      data: result.pairs.map((p) => ({
        applicationId: p.applicationId,
        callId: call.id,
        expertUserId: p.expertId,
        stage: 'MAIL' as const,
        status: 'PROPOSED' as const,
        origin: 'AUTO' as const,
        runId: run.id,
        affinity: p.affinity,
        dueAt: input.dueAt,
      })),
    });
    await recordAudit(tx, {
      actor,
      action: 'review_assignment.propose_run',
      entityType: 'AssignmentRun',
      entityId: run.id,
      summary: { callId: call.id, seed: seed ?? null, ...summary, shortfalls: summary.shortfalls.length },
    });
    return { runId: run.id, ...summary };
  });
}

/**
 * Staff's verdict on a proposal. COMMIT invites every proposed expert whose pairing still holds (a conflict found
 * since the proposal cancels that one pair); DISCARD removes the proposed pairs (the run and the audit keep its summary).
 */
export async function decideAssignmentRun(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideAssignmentRun>,
  now: Date = new Date(),
) {
  assertCan(actor, 'assign:review:all');
  return client.$transaction(async (tx) => {
    const run = await tx.assignmentRun.findUnique({ where: { id: input.runId }, select: { id: true, status: true } });
    if (!run) throw notFound();
    const moved = await tx.assignmentRun.updateMany({
      where: { id: run.id, status: 'PROPOSED' },
      data: {
        status: input.decision === 'COMMIT' ? 'COMMITTED' : 'DISCARDED',
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    if (moved.count === 0) throw new DomainError('CONFLICT', 'assignmentRunDecided');
    const proposed = await tx.reviewAssignment.findMany({
      where: { runId: run.id, status: 'PROPOSED' },
      select: { id: true, applicationId: true, expertUserId: true },
    });
    let invited: typeof proposed = [];
    let cancelled = proposed;
    if (input.decision === 'COMMIT') {
      const conflicts = await tx.detectedConflict.findMany({
        where: { applicationId: { in: proposed.map((p) => p.applicationId) } },
        select: { applicationId: true, expertUserId: true, dismissedById: true },
      });
      invited = proposed.filter((p) => !hasOpenConflict(p, conflicts));
      cancelled = proposed.filter((p) => hasOpenConflict(p, conflicts));
      await tx.reviewAssignment.updateMany({
        where: { id: { in: invited.map((p) => p.id) } },
        data: { status: 'INVITED', version: { increment: 1 } },
      });
      await tx.reviewInvitation.createMany({ data: invited.map((p) => ({ assignmentId: p.id, sentAt: now })) });
      await notifyInvitations(
        tx,
        invited.map((p) => p.id),
      );
      await startReviewOf(
        tx,
        actor,
        invited.map((p) => p.applicationId),
      );
    }
    if (input.decision === 'COMMIT') {
      await tx.reviewAssignment.updateMany({
        where: { id: { in: cancelled.map((p) => p.id) } },
        data: { status: 'CANCELLED', withdrawnReason: 'conflictOfInterest', version: { increment: 1 } },
      });
    } else {
      // A discarded proposal was never sent to anyone: its rows go, so a new run may propose the same pairs.
      await tx.reviewAssignment.deleteMany({ where: { id: { in: cancelled.map((p) => p.id) } } });
    }
    await recordAudit(tx, {
      actor,
      action: input.decision === 'COMMIT' ? 'review_assignment.commit_run' : 'review_assignment.discard_run',
      entityType: 'AssignmentRun',
      entityId: run.id,
      summary: { invited: invited.length, cancelled: cancelled.length },
    });
    return { invited: invited.length, cancelled: cancelled.length };
  });
}
