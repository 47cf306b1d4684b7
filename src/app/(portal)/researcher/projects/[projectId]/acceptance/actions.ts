'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZSaveFinalReport, ZSubmitFinalReport } from '@/lib/validation/project-lifecycle';
import { db } from '@/server/db';
import { saveFinalReport, submitFinalReport } from '@/server/projects/acceptance';
import { runAction } from '@/server/run-action';

// The PI's final report: save the draft, then submit it for acceptance (manage:project:own, own projects only).

const refresh = () => revalidatePath('/researcher/projects', 'layout');

export async function saveFinalReportAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const r = await runAction(ZSaveFinalReport, input, (actor, data) => saveFinalReport(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function submitFinalReportAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const r = await runAction(ZSubmitFinalReport, input, (actor, data) => submitFinalReport(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
