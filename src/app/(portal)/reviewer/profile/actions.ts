'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZOwnExpertProfile } from '@/lib/validation/review';
import { db } from '@/server/db';
import { updateOwnExpertProfile } from '@/server/review/expert-pool';
import { runAction } from '@/server/run-action';

export async function updateOwnExpertProfileAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await runAction(ZOwnExpertProfile, input, (actor, data) => updateOwnExpertProfile(db(), actor, data));
  if (r.ok) revalidatePath('/reviewer/profile');
  return r;
}
