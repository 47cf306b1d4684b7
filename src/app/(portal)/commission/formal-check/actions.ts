'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZFormalCheck,
  ZFormalCheckReason,
  ZRevealApplicantIdNumber,
  ZSetFormalCheckReasonActive,
} from '@/lib/validation/applications';
import { db } from '@/server/db';
import { revealApplicantIdNumber } from '@/server/applications/applicant-id-number';
import { createFormalCheckReason, formalCheck, setFormalCheckReasonActive } from '@/server/applications/review-side';
import { runAction } from '@/server/run-action';

// 形式审查: the commission staff's decision, the list of reasons they choose from, and the audited ID reveal.

export async function formalCheckAction(input: unknown): Promise<ActionResult<{ id: string; status: string }>> {
  const r = await runAction(ZFormalCheck, input, (actor, data) => formalCheck(db(), actor, data));
  if (r.ok) {
    revalidatePath('/commission/formal-check');
    revalidatePath('/commission/formal-check/[id]', 'page');
  }
  return r;
}

export async function createFormalCheckReasonAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZFormalCheckReason, input, (actor, data) => createFormalCheckReason(db(), actor, data));
  if (r.ok) revalidatePath('/commission/formal-check/reasons');
  return r;
}

export async function setFormalCheckReasonActiveAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZSetFormalCheckReasonActive, input, (actor, data) =>
    setFormalCheckReasonActive(db(), actor, data),
  );
  if (r.ok) revalidatePath('/commission/formal-check/reasons');
  return r;
}

/** Not cached and not revalidating anything: each call reads (and audits) afresh. */
export async function revealApplicantIdNumberAction(
  input: unknown,
): Promise<ActionResult<{ idNumber: string | null }>> {
  return runAction(ZRevealApplicantIdNumber, input, (actor, data) => revealApplicantIdNumber(db(), actor, data));
}
