'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCreateInstitution, ZUpdateInstitution } from '@/lib/validation/institutions';
import { db } from '@/server/db';
import { createInstitution } from '@/server/institutions/create-institution';
import { updateInstitution } from '@/server/institutions/update-institution';
import { runAction } from '@/server/run-action';

export async function createInstitutionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateInstitution, input, async (actor, data) => ({
    id: (await createInstitution(db(), actor, data)).id,
  }));
  if (r.ok) revalidatePath('/admin/institutions');
  return r;
}

export async function updateInstitutionAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const r = await runAction(ZUpdateInstitution, input, (actor, data) => updateInstitution(db(), actor, data));
  if (r.ok) revalidatePath('/admin/institutions');
  return r;
}
