'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZRequestChange, ZWithdrawChange } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { requestChange, withdrawChange } from '@/server/projects/changes';
import { runAction } from '@/server/run-action';

// The PI asks for a change or withdraws one the commission has not decided (manage:project:own, own projects only).

const refresh = () => revalidatePath('/researcher/projects', 'layout');

export async function requestChangeAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZRequestChange, input, (actor, data) => requestChange(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function withdrawChangeAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZWithdrawChange, input, (actor, data) => withdrawChange(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
