'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import {
  ZApplicationDraft,
  ZAttach,
  ZDetach,
  ZInviteMember,
  ZRemoveMember,
  ZRespondInvitation,
  ZSaveAvoidances,
  ZStartApplication,
  ZSubmitApplication,
  ZWithdrawApplication,
} from '@/lib/validation/applications';
import { db } from '@/server/db';
import {
  attachFile,
  detachFile,
  getOwnApplication,
  inviteMember,
  removeMember,
  respondToInvitation,
  saveAvoidances,
  saveDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/server/applications/applicant';
import { describeCheck, type CheckView } from '@/server/applications/check-view';
import { runAction } from '@/server/run-action';

// The applicant's actions. Saving answers with the fresh pre-submission check, so the editor's issue list follows
// what was typed without a page reload.

const list = () => revalidatePath('/researcher/applications');
// Every application page of this person: the route pattern, not one id taken from unparsed input.
const pages = () => revalidatePath('/researcher/applications/[id]', 'page');

export async function startApplicationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZStartApplication, input, (actor, data) => startApplication(db(), actor, data));
  if (r.ok) list();
  return r;
}

export async function saveDraftAction(
  input: unknown,
): Promise<ActionResult<{ version: number; savedAt: string; check: CheckView }>> {
  return runAction(ZApplicationDraft, input, async (actor, data) => {
    const saved = await saveDraft(db(), actor, data);
    const { check } = await getOwnApplication(db(), actor, data.id);
    return { ...saved, check: await describeCheck(check) };
  });
}

export async function inviteMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZInviteMember, input, (actor, data) => inviteMember(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZRemoveMember, input, (actor, data) => removeMember(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function respondToInvitationAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZRespondInvitation, input, (actor, data) => respondToInvitation(db(), actor, data));
  if (r.ok) {
    list();
    revalidatePath('/researcher');
  }
  return r;
}

export async function saveAvoidancesAction(input: unknown): Promise<ActionResult<{ count: number }>> {
  const r = await runAction(ZSaveAvoidances, input, (actor, data) => saveAvoidances(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function attachFileAction(input: unknown): Promise<ActionResult<{ slotKey: string }>> {
  const r = await runAction(ZAttach, input, (actor, data) => attachFile(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function detachFileAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZDetach, input, (actor, data) => detachFile(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function submitApplicationAction(
  input: unknown,
): Promise<ActionResult<{ id: string; versionNo: number; repeated: boolean }>> {
  const r = await runAction(ZSubmitApplication, input, (actor, data) => submitApplication(db(), actor, data));
  if (r.ok) {
    list();
    pages();
  }
  return r;
}

export async function withdrawApplicationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZWithdrawApplication, input, (actor, data) => withdrawApplication(db(), actor, data));
  if (r.ok) {
    list();
    pages();
  }
  return r;
}

/** The check alone, for the editor after a member or attachment change. */
export async function checkApplicationAction(input: unknown): Promise<ActionResult<CheckView>> {
  return runAction(z.object({ id: z.uuid() }), input, async (actor, data) => {
    const { check } = await getOwnApplication(db(), actor, data.id);
    return describeCheck(check);
  });
}
