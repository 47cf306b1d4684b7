'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZAttach,
  ZDetach,
  ZInviteMember,
  ZRemoveMember,
  ZSubmitApplication,
  ZWithdrawApplication,
} from '@/lib/validation/applications';
import { ZPlatformDraft, ZStartPlatformApplication } from '@/lib/validation/platforms';
import { db } from '@/server/db';
import { describeCheck, type CheckView } from '@/server/applications/check-view';
import {
  addPlatformMember,
  attachPlatformFile,
  detachPlatformFile,
  getPlatformApplication,
  removePlatformMember,
  savePlatformDraft,
  startPlatformApplication,
  submitPlatformApplication,
  withdrawPlatformApplication,
} from '@/server/platforms/application';
import { runAction } from '@/server/run-action';

// 平台申报: the institution office's actions. The module scopes everything to the office's own institution.

const list = () => revalidatePath('/office/platforms/apply');
// Every application page of the office: the route pattern, not an id taken from unparsed input.
const pages = () => revalidatePath('/office/platforms/apply/[id]', 'page');

export async function startPlatformApplicationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZStartPlatformApplication, input, (actor, data) =>
    startPlatformApplication(db(), actor, data),
  );
  if (r.ok) list();
  return r;
}

/** Saves the draft and answers with the fresh pre-submission check, so the editor's issue list follows the text. */
export async function savePlatformDraftAction(
  input: unknown,
): Promise<ActionResult<{ version: number; check: CheckView }>> {
  const r = await runAction(ZPlatformDraft, input, async (actor, data) => {
    const saved = await savePlatformDraft(db(), actor, data);
    const { check } = await getPlatformApplication(db(), actor, data.id);
    return { ...saved, check: await describeCheck(check) };
  });
  if (r.ok) list();
  return r;
}

export async function addPlatformMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZInviteMember, input, (actor, data) => addPlatformMember(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function removePlatformMemberAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZRemoveMember, input, (actor, data) => removePlatformMember(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function attachPlatformFileAction(input: unknown): Promise<ActionResult<{ slotKey: string }>> {
  const r = await runAction(ZAttach, input, (actor, data) => attachPlatformFile(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function detachPlatformFileAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZDetach, input, (actor, data) => detachPlatformFile(db(), actor, data));
  if (r.ok) pages();
  return r;
}

export async function submitPlatformApplicationAction(
  input: unknown,
): Promise<ActionResult<{ id: string; versionNo: number; repeated: boolean }>> {
  const r = await runAction(ZSubmitApplication, input, (actor, data) => submitPlatformApplication(db(), actor, data));
  if (r.ok) {
    list();
    pages();
    revalidatePath('/commission/formal-check');
  }
  return r;
}

export async function withdrawPlatformApplicationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZWithdrawApplication, input, (actor, data) =>
    withdrawPlatformApplication(db(), actor, data),
  );
  if (r.ok) {
    list();
    pages();
  }
  return r;
}
