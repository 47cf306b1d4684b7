'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZAddPanelMember,
  ZApprovePanelMinutes,
  ZBuildPanelAgenda,
  ZCastPanelVote,
  ZCreatePanelMeeting,
  ZMovePanelItem,
  ZPanelItemStep,
  ZPanelMeetingStep,
  ZRemovePanelMember,
  ZSavePanelMinutes,
  ZSetAttendance,
  ZSetDefenceSlot,
} from '@/lib/validation/panels';
import { db } from '@/server/db';
import { buildPanelAgenda, movePanelItem, setDefenceSlot } from '@/server/panels/agenda';
import { addPanelMember, createPanelMeeting, removePanelMember } from '@/server/panels/meetings';
import { approvePanelMinutes, savePanelMinutes } from '@/server/panels/minutes';
import {
  closePanelItemVote,
  closePanelMeeting,
  openPanelItem,
  setPanelAttendance,
  skipPanelItem,
  startPanelMeeting,
} from '@/server/panels/run-meeting';
import { castPanelVote } from '@/server/panels/votes';
import { runAction } from '@/server/run-action';

// Every panel action, for staff's pages and for the members' (reviewer and committee) pages alike: the chair runs
// the meeting from their own meeting page with the same actions staff use. The modules authorize each call
// (manage:panel:all, or vote:panel:own plus the chair's seat), so where this file lives grants nothing.

function refresh() {
  revalidatePath('/commission/panels', 'layout');
  revalidatePath('/reviewer/panels', 'layout');
  revalidatePath('/committee/panels', 'layout');
}

async function done<T>(r: ActionResult<T>): Promise<ActionResult<T>> {
  if (r.ok) refresh();
  return r;
}

export async function createPanelMeetingAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return done(await runAction(ZCreatePanelMeeting, input, (actor, data) => createPanelMeeting(db(), actor, data)));
}

export async function addPanelMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return done(await runAction(ZAddPanelMember, input, (actor, data) => addPanelMember(db(), actor, data)));
}

export async function removePanelMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return done(await runAction(ZRemovePanelMember, input, (actor, data) => removePanelMember(db(), actor, data)));
}

export async function buildPanelAgendaAction(input: unknown): Promise<ActionResult<{ added: number }>> {
  return done(await runAction(ZBuildPanelAgenda, input, (actor, data) => buildPanelAgenda(db(), actor, data)));
}

export async function setDefenceSlotAction(input: unknown): Promise<ActionResult<{ ok: true }>> {
  return done(
    await runAction(ZSetDefenceSlot, input, async (actor, data) => {
      await setDefenceSlot(db(), actor, data);
      return { ok: true as const };
    }),
  );
}

export async function movePanelItemAction(input: unknown): Promise<ActionResult<{ ordinal: number }>> {
  return done(await runAction(ZMovePanelItem, input, (actor, data) => movePanelItem(db(), actor, data)));
}

export async function startPanelMeetingAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return done(await runAction(ZPanelMeetingStep, input, (actor, data) => startPanelMeeting(db(), actor, data)));
}

export async function closePanelMeetingAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return done(await runAction(ZPanelMeetingStep, input, (actor, data) => closePanelMeeting(db(), actor, data)));
}

export async function setPanelAttendanceAction(input: unknown): Promise<ActionResult<{ attended: boolean }>> {
  return done(await runAction(ZSetAttendance, input, (actor, data) => setPanelAttendance(db(), actor, data)));
}

export async function openPanelItemAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return done(await runAction(ZPanelItemStep, input, (actor, data) => openPanelItem(db(), actor, data)));
}

export async function closePanelItemVoteAction(input: unknown): Promise<ActionResult<{ result: string }>> {
  return done(
    await runAction(ZPanelItemStep, input, async (actor, data) => {
      const { result } = await closePanelItemVote(db(), actor, data);
      return { result };
    }),
  );
}

export async function skipPanelItemAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  return done(await runAction(ZPanelItemStep, input, (actor, data) => skipPanelItem(db(), actor, data)));
}

export async function castPanelVoteAction(input: unknown): Promise<ActionResult<{ vote: string }>> {
  return done(
    await runAction(ZCastPanelVote, input, async (actor, data) => {
      const { vote } = await castPanelVote(db(), actor, data);
      return { vote };
    }),
  );
}

export async function savePanelMinutesAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return done(
    await runAction(ZSavePanelMinutes, input, async (actor, data) => {
      const { version } = await savePanelMinutes(db(), actor, data);
      return { version };
    }),
  );
}

export async function approvePanelMinutesAction(input: unknown): Promise<ActionResult<{ ok: true }>> {
  return done(
    await runAction(ZApprovePanelMinutes, input, async (actor, data) => {
      await approvePanelMinutes(db(), actor, data);
      return { ok: true as const };
    }),
  );
}
