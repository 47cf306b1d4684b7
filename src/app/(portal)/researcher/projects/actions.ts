'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZConfirmTaskBook,
  ZFileExpenditure,
  ZTaskBookBudget,
  ZTaskBookContent,
  ZTaskBookKpis,
  ZTaskBookMilestones,
} from '@/lib/validation/projects';
import { db } from '@/server/db';
import { fileExpenditureReport } from '@/server/projects/expenditure';
import {
  confirmTaskBook,
  saveTaskBookBudget,
  saveTaskBookContent,
  saveTaskBookKpis,
  saveTaskBookMilestones,
} from '@/server/projects/task-book';
import { runAction } from '@/server/run-action';

// The PI's acts on their project: edit the task book while it is a draft, confirm it, file expenditure reports. The
// modules check that the project is the actor's own (piProjectWhere); anything else is NOT_FOUND.

const done = <T>(r: ActionResult<T>) => {
  if (r.ok) revalidatePath('/researcher/projects', 'layout');
  return r;
};

export async function saveContentAction(input: unknown) {
  return done(await runAction(ZTaskBookContent, input, (actor, data) => saveTaskBookContent(db(), actor, data)));
}
export async function saveKpisAction(input: unknown) {
  return done(await runAction(ZTaskBookKpis, input, (actor, data) => saveTaskBookKpis(db(), actor, data)));
}
export async function saveMilestonesAction(input: unknown) {
  return done(await runAction(ZTaskBookMilestones, input, (actor, data) => saveTaskBookMilestones(db(), actor, data)));
}
export async function saveBudgetAction(input: unknown) {
  return done(await runAction(ZTaskBookBudget, input, (actor, data) => saveTaskBookBudget(db(), actor, data)));
}
export async function confirmTaskBookAction(input: unknown) {
  return done(await runAction(ZConfirmTaskBook, input, (actor, data) => confirmTaskBook(db(), actor, data)));
}
export async function fileExpenditureAction(input: unknown) {
  return done(await runAction(ZFileExpenditure, input, (actor, data) => fileExpenditureReport(db(), actor, data)));
}
