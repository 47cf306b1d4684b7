'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCompleteLongCycle, ZDecideAcceptance, ZRecordEvaluation } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { decideAcceptance } from '@/server/projects/acceptance';
import { completeLongCycle, recordEvaluation } from '@/server/projects/evaluation';
import { runAction } from '@/server/run-action';

// Staff's side of acceptance: the decision, the performance evaluation and the long-cycle review (manage:project:all).

const refresh = () => revalidatePath('/commission/projects', 'layout');

export async function decideAcceptanceAction(input: unknown): Promise<ActionResult<{ result: string }>> {
  const r = await runAction(ZDecideAcceptance, input, async (actor, data) => {
    const { result } = await decideAcceptance(db(), actor, data);
    return { result };
  });
  if (r.ok) refresh();
  return r;
}

export async function recordEvaluationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZRecordEvaluation, input, async (actor, data) => {
    const { id } = await recordEvaluation(db(), actor, data);
    return { id };
  });
  if (r.ok) refresh();
  return r;
}

export async function completeLongCycleAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZCompleteLongCycle, input, (actor, data) => completeLongCycle(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
