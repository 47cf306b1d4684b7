'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { formField } from '@/lib/form-field';
import {
  ZCallTransition,
  ZCreateCall,
  ZExtendCall,
  ZImportQuotas,
  ZSetQuotas,
  ZUpdateCall,
} from '@/lib/validation/calls';
import { importQuotas, type ImportReport } from '@/server/imports/quota-import';
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

/** 限额导入 from an Excel file (multipart form data): all rows or none, with a report of what failed. */
export async function importQuotasAction(form: FormData): Promise<ActionResult<ImportReport>> {
  const input = {
    callId: formField(form, 'callId'),
    version: Number(formField(form, 'version')),
    file: formField(form, 'file'),
  };
  const r = await runAction(ZImportQuotas, input, async (actor, data) =>
    importQuotas(db(), actor, {
      callId: data.callId,
      version: data.version,
      bytes: Buffer.from(await data.file.arrayBuffer()),
    }),
  );
  if (r.ok && r.data.ok) refresh(String(input.callId));
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
