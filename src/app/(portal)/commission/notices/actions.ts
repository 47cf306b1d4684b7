'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCloseDueNotices, ZHandleObjection, ZStartObjectionReview } from '@/lib/validation/decisions';
import { db } from '@/server/db';
import type { SweepResult } from '@/server/decisions/finalise';
import { dismissObjection, runNoticeSweep, startObjectionReview, upholdObjection } from '@/server/decisions/notices';
import { runAction } from '@/server/run-action';

// 公示管理 for commission staff: the sweep that closes notices whose period has ended (until issue 8's job queue), and
// objection handling. Upholding sends a decision back to the decision desk, so both desks refresh.

const refresh = () => {
  revalidatePath('/commission/notices', 'layout');
  revalidatePath('/commission/decisions', 'layout');
  revalidatePath('/notices', 'layout');
};

export async function runNoticeSweepAction(input: unknown): Promise<ActionResult<SweepResult>> {
  const r = await runAction(ZCloseDueNotices, input, (actor) => runNoticeSweep(db(), actor));
  if (r.ok) refresh();
  return r;
}

export async function startObjectionReviewAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZStartObjectionReview, input, (actor, data) => startObjectionReview(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function upholdObjectionAction(input: unknown): Promise<ActionResult<{ revisedDecisionId: string }>> {
  const r = await runAction(ZHandleObjection, input, (actor, data) => upholdObjection(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function dismissObjectionAction(
  input: unknown,
): Promise<ActionResult<{ status: string; finalised: boolean }>> {
  const r = await runAction(ZHandleObjection, input, (actor, data) => dismissObjection(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
