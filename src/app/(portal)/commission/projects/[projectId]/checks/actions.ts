'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZAssessCheck, ZOpenCheck, ZResumeProject } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { assessCheck, openCheck, resumeProject } from '@/server/projects/checks';
import { runAction } from '@/server/run-action';

// Staff's side of checks: open an annual check or the mid-term, assess a submitted report (manage:project:all).

const refresh = () => revalidatePath('/commission/projects', 'layout');

export async function openCheckAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZOpenCheck, input, (actor, data) => openCheck(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function assessCheckAction(input: unknown): Promise<ActionResult<{ outcome: string | null }>> {
  const r = await runAction(ZAssessCheck, input, async (actor, data) => {
    const { outcome } = await assessCheck(db(), actor, data);
    return { outcome };
  });
  if (r.ok) refresh();
  return r;
}

export async function resumeProjectAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZResumeProject, input, (actor, data) => resumeProject(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
