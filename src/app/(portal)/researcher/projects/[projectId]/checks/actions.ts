'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZSubmitProgress } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { submitProgress } from '@/server/projects/checks';
import { runAction } from '@/server/run-action';

// The PI's side of a check: the progress report. The module authorizes (manage:project:own) and scopes to own projects.

export async function submitProgressAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZSubmitProgress, input, (actor, data) => submitProgress(db(), actor, data));
  if (r.ok) revalidatePath('/researcher/projects', 'layout');
  return r;
}
