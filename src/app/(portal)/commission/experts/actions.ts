'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZExpertProfile } from '@/lib/validation/review';
import { db } from '@/server/db';
import { saveExpertProfile } from '@/server/review/expert-pool';
import { runAction } from '@/server/run-action';

export async function saveExpertProfileAction(
  input: unknown,
): Promise<ActionResult<{ userId: string; version: number }>> {
  const r = await runAction(ZExpertProfile, input, (actor, data) => saveExpertProfile(db(), actor, data));
  if (r.ok) revalidatePath('/commission/experts');
  return r;
}
