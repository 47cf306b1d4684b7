'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZConfirmTaskBook, ZMarkTranchePaid, ZSignExpenditure } from '@/lib/validation/projects';
import { db } from '@/server/db';
import { signExpenditureReport } from '@/server/projects/expenditure';
import { confirmTaskBook } from '@/server/projects/task-book';
import { markTranchePaid } from '@/server/projects/tranches';
import { runAction } from '@/server/run-action';

// The research office's acts on its institution's projects: confirm the task book, sign expenditure reports, record
// the payment of the institution's own matching tranches.

const done = <T>(r: ActionResult<T>) => {
  if (r.ok) revalidatePath('/office/projects', 'layout');
  return r;
};

export async function confirmTaskBookAction(input: unknown) {
  return done(await runAction(ZConfirmTaskBook, input, (actor, data) => confirmTaskBook(db(), actor, data)));
}
export async function signExpenditureAction(input: unknown) {
  return done(await runAction(ZSignExpenditure, input, (actor, data) => signExpenditureReport(db(), actor, data)));
}
export async function markPaidAction(input: unknown) {
  return done(await runAction(ZMarkTranchePaid, input, (actor, data) => markTranchePaid(db(), actor, data)));
}
