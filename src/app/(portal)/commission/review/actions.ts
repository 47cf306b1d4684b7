'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZCancelAssignment,
  ZComputeScores,
  ZDecideAssignmentRun,
  ZDecideNonConsensus,
  ZDetectConflicts,
  ZDismissConflict,
  ZManualAssign,
  ZProposeAssignmentRun,
  ZRateReview,
  ZRemindAssignment,
} from '@/lib/validation/review';
import { db } from '@/server/db';
import { decideAssignmentRun } from '@/server/review/assignment-runs';
import { startAssignmentJob } from '@/server/review/assignment-jobs';
import { detectConflictsForCall } from '@/server/review/detect-conflicts';
import {
  cancelAssignment,
  computeCallScores,
  decideNonConsensus,
  dismissConflict,
  manualAssign,
  rateReview,
  remindAssignment,
} from '@/server/review/staff-review';
import { runAction } from '@/server/run-action';

// 专家评审 for commission staff: conflicts, the assignment run, manual invitations, reminders and cancellations, the
// aggregation and the non-consensus route. The modules authorize (assign:review:all / manage:review:all) and refuse
// by the pure guards; every page under /commission/review reads the same state, so each change refreshes them all.

const refresh = () => revalidatePath('/commission/review', 'layout');

export async function detectConflictsAction(
  input: unknown,
): Promise<
  ActionResult<{ applications: number; experts: number; findings: number; added: number; withdrawn: number }>
> {
  const r = await runAction(ZDetectConflicts, input, (actor, data) => detectConflictsForCall(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function dismissConflictAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZDismissConflict, input, (actor, data) => dismissConflict(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

/** Queues the solver (a background job, ADR 0017); the review page shows its progress, then the proposal. */
export async function proposeAssignmentRunAction(input: unknown): Promise<ActionResult<{ jobId: string }>> {
  const r = await runAction(ZProposeAssignmentRun, input, async (actor, data) => {
    const { id } = await startAssignmentJob(db(), actor, data);
    return { jobId: id };
  });
  if (r.ok) refresh();
  return r;
}

export async function decideAssignmentRunAction(
  input: unknown,
): Promise<ActionResult<{ invited: number; cancelled: number }>> {
  const r = await runAction(ZDecideAssignmentRun, input, (actor, data) => decideAssignmentRun(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function manualAssignAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZManualAssign, input, (actor, data) => manualAssign(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function cancelAssignmentAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZCancelAssignment, input, (actor, data) => cancelAssignment(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function remindAssignmentAction(input: unknown): Promise<ActionResult<{ remindersSent: number }>> {
  const r = await runAction(ZRemindAssignment, input, (actor, data) => remindAssignment(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function computeCallScoresAction(
  input: unknown,
): Promise<ActionResult<{ reviews: number; applications: number; unscored: number; nonConsensus: number }>> {
  const r = await runAction(ZComputeScores, input, (actor, data) => computeCallScores(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function decideNonConsensusAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZDecideNonConsensus, input, (actor, data) => decideNonConsensus(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function rateReviewAction(input: unknown): Promise<ActionResult<{ rating: number }>> {
  const r = await runAction(ZRateReview, input, (actor, data) => rateReview(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
