'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCreateProgram, ZSaveProgramRules } from '@/lib/validation/programs';
import { db } from '@/server/db';
import { createProgram, saveProgramRules } from '@/server/programs/programs';
import { runAction } from '@/server/run-action';

export async function createProgramAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateProgram, input, (actor, data) => createProgram(db(), actor, data));
  if (r.ok) revalidatePath('/commission/programs');
  return r;
}

export async function saveProgramRulesAction(
  input: unknown,
): Promise<ActionResult<{ number: number; changed: string[] }>> {
  const r = await runAction(ZSaveProgramRules, input, (actor, data) => saveProgramRules(db(), actor, data));
  if (r.ok) revalidatePath('/commission/programs');
  return r;
}
