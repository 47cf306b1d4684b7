import 'server-only';
import type { z } from 'zod';
import { DomainError } from '@/lib/errors';
import type { ZProposeAssignmentRun } from '@/lib/validation/review';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import type { Db } from '../db';
import { consumeRateLimit } from '../security/rate-limit';
import { startJobInTx, type JobContext, type JobOutcome } from '../jobs/job-runs';
import { proposeAssignmentRun } from './assignment-runs';
import { callRules } from './call-rules';

// 自动分配 as long work (ADR 0017): staff ask for a proposal and may leave; a background job solves it (seconds for
// thousands of applications) and writes the PROPOSED run the review page then shows. What can be refused at once —
// no mail review, a due date in the past, a proposal or another solve already pending — is refused before queueing.

const STAGES = 3;

export async function startAssignmentJob(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZProposeAssignmentRun>,
  now: Date = new Date(),
) {
  assertCan(actor, 'assign:review:all');
  const { rules, ...call } = await callRules(client, input.callId);
  if (!rules.mailReview) throw new DomainError('CONFLICT', 'noMailReview');
  if (input.dueAt.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION', 'checkFields', { dueAt: 'dueInPast' });
  }
  const { title } = await client.call.findUniqueOrThrow({ where: { id: call.id }, select: { title: true } });
  await consumeRateLimit(client, 'bulk_job', actor.userId, now);
  return client.$transaction(async (tx) => {
    // The same lock as proposeAssignmentRun: one pending proposal or solve per call.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`assignment-run:${call.id}`}))`;
    const [pendingRun, solving] = await Promise.all([
      tx.assignmentRun.count({ where: { callId: call.id, status: 'PROPOSED' } }),
      tx.jobRun.count({
        where: {
          kind: 'ASSIGNMENT',
          status: { in: ['QUEUED', 'RUNNING'] },
          params: { path: ['callId'], equals: call.id },
        },
      }),
    ]);
    if (pendingRun || solving) throw new DomainError('CONFLICT', 'assignmentRunPending');
    return startJobInTx(tx, actor, {
      kind: 'ASSIGNMENT',
      params: {
        callId: call.id,
        callTitle: title,
        dueAt: input.dueAt.toISOString(),
        maxPairProbability: input.maxPairProbability ?? null,
      },
      total: STAGES,
    });
  });
}

/** The job's work: the solver's proposal for the call, as the person who asked. */
export async function runAssignmentJob(ctx: JobContext): Promise<JobOutcome> {
  const params = ctx.params as { callId: string; dueAt: string; maxPairProbability: number | null };
  const result = await proposeAssignmentRun(
    ctx.client,
    ctx.actor,
    {
      callId: params.callId,
      dueAt: new Date(params.dueAt),
      maxPairProbability: params.maxPairProbability ?? undefined,
    },
    new Date(),
    (stage) => ctx.progress(stage, STAGES),
  );
  return {
    summary: {
      callId: params.callId,
      runId: result.runId,
      applications: result.applications,
      filledSlots: result.filledSlots,
      openSlots: result.openSlots,
    },
  };
}

/**
 * What the review page shows of the call's solving: a job queued or running (any staff member's: it is the call's
 * state), or the last one if it failed after the newest proposal was made.
 */
export async function assignmentJobOf(client: Db, actor: Actor, callId: string) {
  assertCan(actor, 'assign:review:all');
  const job = await client.jobRun.findFirst({
    where: { kind: 'ASSIGNMENT', params: { path: ['callId'], equals: callId } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, status: true, progressDone: true, progressTotal: true, error: true, createdAt: true },
  });
  if (!job) return null;
  if (job.status === 'QUEUED' || job.status === 'RUNNING') return job;
  if (job.status !== 'FAILED') return null;
  const newerRun = await client.assignmentRun.count({ where: { callId, createdAt: { gt: job.createdAt } } });
  return newerRun ? null : job;
}
