'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZAcceptExpenditure,
  ZActivateProject,
  ZApproveTranche,
  ZAssignMentor,
  ZCancelTranche,
  ZConfirmTaskBook,
  ZMarkTranchePaid,
  ZReturnExpenditure,
} from '@/lib/validation/projects';
import { db } from '@/server/db';
import { acceptExpenditureReport, returnExpenditureReport } from '@/server/projects/expenditure';
import { assignMentor } from '@/server/projects/mentoring';
import { activateProject, confirmTaskBook } from '@/server/projects/task-book';
import { approveTranche, cancelTranche, markTranchePaid } from '@/server/projects/tranches';
import { runAction } from '@/server/run-action';

// Commission staff on funded projects: confirm the task book, activate, approve / pay (fiscal) / cancel tranches,
// accept or return expenditure reports, assign the responsible expert.

const done = <T>(r: ActionResult<T>) => {
  if (r.ok) revalidatePath('/commission/projects', 'layout');
  return r;
};

export async function confirmTaskBookAction(input: unknown) {
  return done(await runAction(ZConfirmTaskBook, input, (actor, data) => confirmTaskBook(db(), actor, data)));
}
export async function activateAction(input: unknown) {
  return done(await runAction(ZActivateProject, input, (actor, data) => activateProject(db(), actor, data)));
}
export async function approveTrancheAction(input: unknown) {
  return done(await runAction(ZApproveTranche, input, (actor, data) => approveTranche(db(), actor, data)));
}
export async function markPaidAction(input: unknown) {
  return done(await runAction(ZMarkTranchePaid, input, (actor, data) => markTranchePaid(db(), actor, data)));
}
export async function cancelTrancheAction(input: unknown) {
  return done(await runAction(ZCancelTranche, input, (actor, data) => cancelTranche(db(), actor, data)));
}
export async function acceptExpenditureAction(input: unknown) {
  return done(await runAction(ZAcceptExpenditure, input, (actor, data) => acceptExpenditureReport(db(), actor, data)));
}
export async function returnExpenditureAction(input: unknown) {
  return done(await runAction(ZReturnExpenditure, input, (actor, data) => returnExpenditureReport(db(), actor, data)));
}
export async function assignMentorAction(input: unknown) {
  return done(await runAction(ZAssignMentor, input, (actor, data) => assignMentor(db(), actor, data)));
}
