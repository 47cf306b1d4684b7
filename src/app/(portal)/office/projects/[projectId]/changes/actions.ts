'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZDecideChange } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { institutionDecideChange } from '@/server/projects/changes';
import { runAction } from '@/server/run-action';

// The institution office's first approval of a change request (manage:project:institution, its institution only).

export async function institutionDecideChangeAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZDecideChange, input, (actor, data) => institutionDecideChange(db(), actor, data));
  if (r.ok) revalidatePath('/office/projects', 'layout');
  return r;
}
