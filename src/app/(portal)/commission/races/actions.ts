'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZDecideRaceRound, ZOpenRaceRound } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { decideRaceRound, openRaceRound } from '@/server/projects/horse-race';
import { runAction } from '@/server/run-action';

// 赛马制 for staff: open a challenge's cut round, decide it (manage:project:all). A decision moves projects and money,
// so the project pages are refreshed too.

const refresh = () => {
  revalidatePath('/commission/races', 'layout');
  revalidatePath('/commission/projects', 'layout');
};

export async function openRaceRoundAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZOpenRaceRound, input, (actor, data) => openRaceRound(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function decideRaceRoundAction(
  input: unknown,
): Promise<ActionResult<{ kept: string[]; stopped: string[] }>> {
  const r = await runAction(ZDecideRaceRound, input, async (actor, data) => {
    const { kept, stopped } = await decideRaceRound(db(), actor, data);
    return { kept, stopped };
  });
  if (r.ok) refresh();
  return r;
}
