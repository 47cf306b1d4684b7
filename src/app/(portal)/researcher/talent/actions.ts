'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { ZCareerEntry, ZCreateWork, ZDeleteById, ZHonour, ZIdNumber, ZUpdateWork } from '@/lib/validation/talent';
import { db } from '@/server/db';
import {
  addCareerEntry,
  addHonour,
  createWork,
  deleteWork,
  removeCareerEntry,
  removeHonour,
  revealOwnIdNumber,
  setIdNumber,
  updateWork,
} from '@/server/researchers/talent-record';
import { runAction } from '@/server/run-action';

function refresh() {
  revalidatePath('/researcher/talent');
}

export async function setIdNumberAction(input: unknown): Promise<ActionResult<{ masked: string }>> {
  const r = await runAction(ZIdNumber, input, (actor, data) => setIdNumber(db(), actor, data));
  if (r.ok) {
    refresh();
    // The profile's version moved on: the profile form must load the new one.
    revalidatePath('/researcher/profile');
  }
  return r;
}

/** The owner's own number, on request only (the page itself carries just the masked form). */
export async function revealIdNumberAction(): Promise<ActionResult<{ idNumber: string | null }>> {
  return runAction(z.object({}), {}, async (actor) => ({ idNumber: await revealOwnIdNumber(db(), actor) }));
}

export async function addCareerEntryAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCareerEntry, input, (actor, data) => addCareerEntry(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function removeCareerEntryAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZDeleteById, input, (actor, data) => removeCareerEntry(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function addHonourAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZHonour, input, (actor, data) => addHonour(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function removeHonourAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZDeleteById, input, (actor, data) => removeHonour(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function createWorkAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateWork, input, (actor, data) => createWork(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function updateWorkAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const r = await runAction(ZUpdateWork, input, (actor, data) => updateWork(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function deleteWorkAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZDeleteById, input, (actor, data) => deleteWork(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
