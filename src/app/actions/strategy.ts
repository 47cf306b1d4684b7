'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZAddMaterial,
  ZCreateMeeting,
  ZDraftReport,
  ZHoldMeeting,
  ZMeetingRef,
  ZRecordOpinion,
  ZRecordResolution,
  ZRemoveMaterial,
  ZReportRef,
  ZSetInvitees,
  ZUpdateAgenda,
  ZUpdateReport,
} from '@/lib/validation/strategy';
import {
  addMaterial,
  closeMeeting,
  createMeeting,
  holdMeeting,
  recordOpinion,
  recordResolution,
  removeMaterial,
  setInvitees,
  updateAgenda,
} from '@/server/committee/meetings';
import { draftReport, publishReport, updateReport } from '@/server/committee/reports';
import { db } from '@/server/db';
import { runAction } from '@/server/run-action';

// Strategy meetings and consultation reports: the module decides from the actor's role what each may do.

function refresh() {
  for (const p of ['/commission/committee', '/committee/meetings', '/committee/reports']) revalidatePath(p, 'layout');
}

async function act<T>(r: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const result = await r;
  if (result.ok) refresh();
  return result;
}

export async function createMeetingAction(input: unknown) {
  return act(runAction(ZCreateMeeting, input, (actor, data) => createMeeting(db(), actor, data)));
}
export async function updateAgendaAction(input: unknown) {
  return act(runAction(ZUpdateAgenda, input, (actor, data) => updateAgenda(db(), actor, data)));
}
export async function setInviteesAction(input: unknown) {
  return act(runAction(ZSetInvitees, input, (actor, data) => setInvitees(db(), actor, data)));
}
export async function addMaterialAction(input: unknown) {
  return act(runAction(ZAddMaterial, input, (actor, data) => addMaterial(db(), actor, data)));
}
export async function removeMaterialAction(input: unknown) {
  return act(runAction(ZRemoveMaterial, input, (actor, data) => removeMaterial(db(), actor, data)));
}
export async function holdMeetingAction(input: unknown) {
  return act(runAction(ZHoldMeeting, input, (actor, data) => holdMeeting(db(), actor, data)));
}
export async function closeMeetingAction(input: unknown) {
  return act(runAction(ZMeetingRef, input, (actor, data) => closeMeeting(db(), actor, data)));
}
export async function recordOpinionAction(input: unknown) {
  return act(runAction(ZRecordOpinion, input, (actor, data) => recordOpinion(db(), actor, data)));
}
export async function recordResolutionAction(input: unknown) {
  return act(runAction(ZRecordResolution, input, (actor, data) => recordResolution(db(), actor, data)));
}
export async function draftReportAction(input: unknown) {
  return act(runAction(ZDraftReport, input, (actor, data) => draftReport(db(), actor, data)));
}
export async function updateReportAction(input: unknown) {
  return act(runAction(ZUpdateReport, input, (actor, data) => updateReport(db(), actor, data)));
}
export async function publishReportAction(input: unknown) {
  return act(runAction(ZReportRef, input, (actor, data) => publishReport(db(), actor, data)));
}
