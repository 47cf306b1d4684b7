'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZResearcherProfile } from '@/lib/validation/profile';
import { db } from '@/server/db';
import { updateOwnProfile } from '@/server/researchers/profile';
import { runAction } from '@/server/run-action';

export async function updateProfileAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const result = await runAction(ZResearcherProfile, input, (actor, data) => updateOwnProfile(db(), actor, data));
  if (result.ok) revalidatePath('/researcher');
  return result;
}
