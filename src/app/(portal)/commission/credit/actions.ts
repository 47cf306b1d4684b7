'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCreditRecord, ZRevokeCredit } from '@/lib/validation/talent';
import { db } from '@/server/db';
import { addCreditRecord, revokeCreditRecord } from '@/server/credit/credit-records';
import { runAction } from '@/server/run-action';

export async function addCreditRecordAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreditRecord, input, (actor, data) => addCreditRecord(db(), actor, data));
  if (r.ok) revalidatePath('/commission/credit');
  return r;
}

export async function revokeCreditRecordAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZRevokeCredit, input, (actor, data) => revokeCreditRecord(db(), actor, data));
  if (r.ok) revalidatePath('/commission/credit');
  return r;
}
