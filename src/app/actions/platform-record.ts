'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZAcceptPlatformReport,
  ZAppointManager,
  ZDecideEvaluation,
  ZEndManager,
  ZOpenEvaluation,
  ZReturnPlatformReport,
  ZSaveDirections,
  ZSaveEvaluation,
  ZSavePlatformProject,
  ZSavePlatformReport,
  ZTransitionPlatformProject,
} from '@/lib/validation/platform-record';
import { db } from '@/server/db';
import { saveDirections } from '@/server/platforms/directions';
import { decideEvaluation, openEvaluation, saveEvaluation } from '@/server/platforms/evaluations';
import {
  appointManager,
  endManager,
  savePlatformProject,
  transitionPlatformProject,
} from '@/server/platforms/managers';
import { acceptPlatformReport, returnPlatformReport, savePlatformReport } from '@/server/platforms/reports';
import { runAction } from '@/server/run-action';

// 平台档案 actions for every side (staff, host office, director, project managers); the modules decide from the
// actor's role and scope what each may do.

function refresh() {
  for (const p of ['/commission/platforms', '/office/platforms', '/researcher/platforms', '/platforms'])
    revalidatePath(p, 'layout');
}

/** What the forms need back: that it worked (the page reloads its data; no BigInt crosses the wire). */
const ok = (p: Promise<unknown>) => p.then(() => ({ saved: true as const }));

async function done<T>(result: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const r = await result;
  if (r.ok) refresh();
  return r;
}

export async function saveDirectionsAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZSaveDirections, input, (actor, data) => ok(saveDirections(db(), actor, data))));
}

export async function appointManagerAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZAppointManager, input, (actor, data) => ok(appointManager(db(), actor, data))));
}

export async function endManagerAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZEndManager, input, (actor, data) => ok(endManager(db(), actor, data))));
}

export async function savePlatformProjectAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZSavePlatformProject, input, (actor, data) => ok(savePlatformProject(db(), actor, data))));
}

export async function transitionPlatformProjectAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(
    runAction(ZTransitionPlatformProject, input, (actor, data) => ok(transitionPlatformProject(db(), actor, data))),
  );
}

export async function savePlatformReportAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZSavePlatformReport, input, (actor, data) => ok(savePlatformReport(db(), actor, data))));
}

export async function acceptPlatformReportAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZAcceptPlatformReport, input, (actor, data) => ok(acceptPlatformReport(db(), actor, data))));
}

export async function returnPlatformReportAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZReturnPlatformReport, input, (actor, data) => ok(returnPlatformReport(db(), actor, data))));
}

export async function openEvaluationAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZOpenEvaluation, input, (actor, data) => ok(openEvaluation(db(), actor, data))));
}

export async function saveEvaluationAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZSaveEvaluation, input, (actor, data) => ok(saveEvaluation(db(), actor, data))));
}

export async function decideEvaluationAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return done(runAction(ZDecideEvaluation, input, (actor, data) => ok(decideEvaluation(db(), actor, data))));
}
