'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZRecommendApplications, ZReturnApplication } from '@/lib/validation/applications';
import { db } from '@/server/db';
import { recommendApplications, returnApplication } from '@/server/applications/review-side';
import { runAction } from '@/server/run-action';

// 单位审核推荐: the office's two decisions. The module scopes everything to the office's own institution.

function refresh() {
  revalidatePath('/office/applications');
  // Every call and application page of the office: route patterns, not ids taken from unparsed input.
  revalidatePath('/office/applications/[callId]', 'page');
  revalidatePath('/office/applications/[callId]/[id]', 'page');
}

export async function recommendApplicationsAction(
  input: unknown,
): Promise<ActionResult<{ recommended: number; after: { recommended: number; youth: number; shareBp: number } }>> {
  const r = await runAction(ZRecommendApplications, input, (actor, data) => recommendApplications(db(), actor, data));
  if (r.ok) {
    refresh();
    revalidatePath('/commission/formal-check');
  }
  return r;
}

export async function returnApplicationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZReturnApplication, input, (actor, data) => returnApplication(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
