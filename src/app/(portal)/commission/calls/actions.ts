'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCallTransition, ZCreateCall, ZExtendCall, ZSetQuotas, ZUpdateCall } from '@/lib/validation/calls';
import { db } from '@/server/db';
import { createCall, extendCallDeadline, setCallQuotas, transitionCall, updateCall } from '@/server/calls/calls';
import { runAction } from '@/server/run-action';

function refresh(id?: string) {
  revalidatePath('/commission/calls');
  if (id) revalidatePath(`/commission/calls/${id}`);
  revalidatePath('/calls');
}

export async function createCallAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateCall, input, (actor, data) => createCall(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function updateCallAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const r = await runAction(ZUpdateCall, input, (actor, data) => updateCall(db(), actor, data));
  if (r.ok) refresh(r.data.id);
  return r;
}

export async function setCallQuotasAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await runAction(ZSetQuotas, input, (actor, data) => setCallQuotas(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function transitionCallAction(
  input: unknown,
): Promise<ActionResult<{ id: string; status: string; version: number }>> {
  const r = await runAction(ZCallTransition, input, (actor, data) => transitionCall(db(), actor, data));
  if (r.ok) refresh(r.data.id);
  return r;
}

export async function extendCallAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await runAction(ZExtendCall, input, (actor, data) => extendCallDeadline(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
