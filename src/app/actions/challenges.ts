'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZChallengeTransition, ZCreateChallenge, ZUpdateChallenge } from '@/lib/validation/challenges';
import { db } from '@/server/db';
import { createChallenge, transitionChallenge, updateChallenge } from '@/server/challenges/challenges';
import { runAction } from '@/server/run-action';

// One set of challenge actions for both sides: the module decides, from the actor's role, whether this is the
// issuer (an enterprise, scoped to its institution) or commission staff.

function refresh() {
  revalidatePath('/commission/challenges');
  revalidatePath('/enterprise/challenges');
  revalidatePath('/challenges');
}

export async function createChallengeAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateChallenge, input, (actor, data) => createChallenge(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function updateChallengeAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const r = await runAction(ZUpdateChallenge, input, (actor, data) => updateChallenge(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function transitionChallengeAction(
  input: unknown,
): Promise<ActionResult<{ id: string; status: string; version: number }>> {
  const r = await runAction(ZChallengeTransition, input, (actor, data) => transitionChallenge(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
