'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZDecideChange } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { commissionDecideChange } from '@/server/projects/changes';
import { runAction } from '@/server/run-action';

// The commission's decision on a change; approval applies it (manage:project:all).

export async function commissionDecideChangeAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZDecideChange, input, async (actor, data) => {
    const { status } = await commissionDecideChange(db(), actor, data);
    return { status };
  });
  if (r.ok) revalidatePath('/commission/projects', 'layout');
  return r;
}
