'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZRespondToInvitation, ZReviewDraft, ZSubmitReview } from '@/lib/validation/review';
import { db } from '@/server/db';
import { respondToReviewInvitation, saveReviewDraft, submitReview } from '@/server/review/expert-work';
import { runAction } from '@/server/run-action';

// The expert's answers: accept or decline an invitation, autosave the review, submit it. The module checks that the
// assignment is the actor's own and open to them (scope.ts); a conflicted or foreign one is NOT_FOUND.

export async function respondAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZRespondToInvitation, input, (actor, data) => respondToReviewInvitation(db(), actor, data));
  if (r.ok) revalidatePath('/reviewer/assignments', 'layout');
  return r;
}

export async function saveReviewDraftAction(
  input: unknown,
): Promise<ActionResult<{ version: number; savedAt: string }>> {
  return runAction(ZReviewDraft, input, async (actor, data) => {
    const saved = await saveReviewDraft(db(), actor, data);
    return { version: saved.version, savedAt: saved.updatedAt.toISOString() };
  });
}

export async function submitReviewAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZSubmitReview, input, async (actor, data) => {
    const { status } = await submitReview(db(), actor, data);
    return { status };
  });
  if (r.ok) revalidatePath('/reviewer/assignments', 'layout');
  return r;
}
