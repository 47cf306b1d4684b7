'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZApproveNonConsensus, ZDraftDecision, ZPublishDecisions } from '@/lib/validation/decisions';
import { db } from '@/server/db';
import { approveNonConsensus, draftDecision } from '@/server/decisions/decisions';
import { publishDecisions } from '@/server/decisions/publish';
import { runAction } from '@/server/run-action';

// 立项决定 for commission staff: draft a decision, approve the non-consensus route (a second person), release a call's
// batch with its notice. The modules authorize (manage:decision:all, manage:notice:all) and refuse by the pure rules.

const refresh = () => {
  revalidatePath('/commission/decisions', 'layout');
  revalidatePath('/commission/notices', 'layout');
  revalidatePath('/notices', 'layout');
};

export async function draftDecisionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZDraftDecision, input, (actor, data) => draftDecision(db(), actor, data));
  if (r.ok) revalidatePath('/commission/decisions', 'layout');
  return r;
}

export async function approveNonConsensusAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZApproveNonConsensus, input, (actor, data) => approveNonConsensus(db(), actor, data));
  if (r.ok) revalidatePath('/commission/decisions', 'layout');
  return r;
}

export async function publishDecisionsAction(
  input: unknown,
): Promise<ActionResult<{ noticeId: string; published: number; items: number; startsOn: string; endsOn: string }>> {
  const r = await runAction(ZPublishDecisions, input, (actor, data) => publishDecisions(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
