import 'server-only';
import type { z } from 'zod';
import {
  canCloseItemVote,
  canCloseMeeting,
  canOpenItem,
  canSetAttendance,
  canSkipItem,
  canStartMeeting,
} from '@/domain/panel/meeting';
import { panelResult } from '@/domain/panel/pass-rule';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZPanelItemStep, ZPanelMeetingStep, ZSetAttendance } from '@/lib/validation/panels';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { assertCanRunPanel, lockMeeting, meetingForRunner, refuse, UUID } from './access';

// Running a panel meeting (issue 6), by commission staff or the meeting's chair: start, attendance, one item at a
// time opened and its vote closed with the program's pass rule (pass-rule.ts), items skipped, the meeting closed.
// Every step takes the meeting's lock, re-reads the state under it, and is audited in the same transaction.

export async function startPanelMeeting(client: Db, actor: Actor, input: z.output<typeof ZPanelMeetingStep>) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await meetingForRunner(tx, actor, input.meetingId);
    const [chairs, items] = await Promise.all([
      tx.panelMember.count({ where: { meetingId: meeting.id, role: 'CHAIR' } }),
      tx.panelAgendaItem.count({ where: { meetingId: meeting.id } }),
    ]);
    const refusal = canStartMeeting(meeting.status, chairs, items);
    if (refusal) throw refuse(refusal);
    const updated = await tx.panelMeeting.updateMany({
      where: { id: meeting.id, version: input.version, status: 'PLANNED' },
      data: { status: 'IN_SESSION', version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'panel.start',
      entityType: 'PanelMeeting',
      entityId: meeting.id,
      summary: { from: 'PLANNED', to: 'IN_SESSION', items },
    });
    return { status: 'IN_SESSION' as const };
  });
}

export async function setPanelAttendance(client: Db, actor: Actor, input: z.output<typeof ZSetAttendance>) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await meetingForRunner(tx, actor, input.meetingId);
    const member = await tx.panelMember.findFirst({
      where: { id: input.memberId, meetingId: meeting.id },
      select: { id: true, userId: true, attended: true },
    });
    if (!member) throw notFound();
    const votedOnOpen = await tx.panelVote.count({
      where: { memberId: member.id, item: { meetingId: meeting.id, status: 'IN_PROGRESS' } },
    });
    const refusal = canSetAttendance(meeting.status, input.attended, votedOnOpen > 0);
    if (refusal) throw refuse(refusal);
    if (member.attended === input.attended) return { attended: input.attended };
    await tx.panelMember.update({ where: { id: member.id }, data: { attended: input.attended } });
    await recordAudit(tx, {
      actor,
      action: 'panel_member.attendance',
      entityType: 'PanelMember',
      entityId: member.id,
      summary: { meetingId: meeting.id, userId: member.userId, from: member.attended, to: input.attended },
    });
    return { attended: input.attended };
  });
}

/** The item and its meeting under the meeting's lock, as the runner reaches them. */
async function itemForRunner(tx: Tx, actor: Actor, itemId: string) {
  if (!UUID.test(itemId)) throw notFound();
  const found = await tx.panelAgendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
  if (!found) throw notFound();
  await lockMeeting(tx, found.meetingId);
  const meeting = await meetingForRunner(tx, actor, found.meetingId);
  const item = await tx.panelAgendaItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { id: true, status: true, version: true, applicationId: true, excludedUserIds: true },
  });
  return { meeting, item };
}

export async function openPanelItem(client: Db, actor: Actor, input: z.output<typeof ZPanelItemStep>) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    const { meeting, item } = await itemForRunner(tx, actor, input.itemId);
    const open = await tx.panelAgendaItem.count({ where: { meetingId: meeting.id, status: 'IN_PROGRESS' } });
    const refusal = canOpenItem(meeting.status, item.status, open > 0);
    if (refusal) throw refuse(refusal);
    const updated = await tx.panelAgendaItem.updateMany({
      where: { id: item.id, version: input.version, status: 'PENDING' },
      data: { status: 'IN_PROGRESS', version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'panel_item.open',
      entityType: 'PanelAgendaItem',
      entityId: item.id,
      summary: { meetingId: meeting.id, applicationId: item.applicationId, from: 'PENDING', to: 'IN_PROGRESS' },
    });
    return { status: 'IN_PROGRESS' as const };
  });
}

/**
 * Closes the open item's vote with the meeting's pass rule: PASSED or FAILED → VOTED, with the tally as panelResult
 * gave it. Without a quorum the item stays open (a vote without quorum is never a failure) and the refusal says so.
 */
export async function closePanelItemVote(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZPanelItemStep>,
  now: Date = new Date(),
) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    const { meeting, item } = await itemForRunner(tx, actor, input.itemId);
    const refusal = canCloseItemVote(meeting.status, item.status);
    if (refusal) throw refuse(refusal);
    const [members, votes] = await Promise.all([
      tx.panelMember.findMany({ where: { meetingId: meeting.id }, select: { userId: true, attended: true } }),
      tx.panelVote.findMany({
        where: { agendaItemId: item.id },
        select: { vote: true, member: { select: { userId: true } } },
      }),
    ]);
    const excluded = new Set(item.excludedUserIds);
    const outcome = panelResult(
      members.map((m) => ({ userId: m.userId, attended: m.attended, conflicted: excluded.has(m.userId) })),
      votes.map((v) => ({ memberUserId: v.member.userId, vote: v.vote })),
      meeting.passRuleBp,
    );
    if (outcome.result === 'NO_QUORUM') {
      throw new DomainError('CONFLICT', 'panelNoQuorum', undefined, {
        present: outcome.tally.present,
        entitled: outcome.tally.entitled,
      });
    }
    // The vote and attendance guards make this unreachable; meeting it means the stored data is wrong.
    if (outcome.result === 'INVALID') throw new DomainError('CONFLICT', 'panelTallyInvalid');
    const updated = await tx.panelAgendaItem.updateMany({
      where: { id: item.id, version: input.version, status: 'IN_PROGRESS' },
      data: {
        status: 'VOTED',
        result: outcome.result,
        tally: { ...outcome.tally },
        votedAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'panel_item.close',
      entityType: 'PanelAgendaItem',
      entityId: item.id,
      summary: {
        meetingId: meeting.id,
        applicationId: item.applicationId,
        result: outcome.result,
        tally: outcome.tally,
        passRuleBp: meeting.passRuleBp,
      },
    });
    return { result: outcome.result, tally: outcome.tally };
  });
}

/** Takes an item off the vote (an applicant who withdrew, a defence not held); votes already cast stay on record. */
export async function skipPanelItem(client: Db, actor: Actor, input: z.output<typeof ZPanelItemStep>) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    const { meeting, item } = await itemForRunner(tx, actor, input.itemId);
    const refusal = canSkipItem(meeting.status, item.status);
    if (refusal) throw refuse(refusal);
    const updated = await tx.panelAgendaItem.updateMany({
      where: { id: item.id, version: input.version, status: item.status },
      data: { status: 'SKIPPED', version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    const votesCast = await tx.panelVote.count({ where: { agendaItemId: item.id } });
    await recordAudit(tx, {
      actor,
      action: 'panel_item.skip',
      entityType: 'PanelAgendaItem',
      entityId: item.id,
      summary: { meetingId: meeting.id, applicationId: item.applicationId, from: item.status, votesCast },
    });
    return { status: 'SKIPPED' as const };
  });
}

export async function closePanelMeeting(client: Db, actor: Actor, input: z.output<typeof ZPanelMeetingStep>) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await meetingForRunner(tx, actor, input.meetingId);
    const items = await tx.panelAgendaItem.findMany({
      where: { meetingId: meeting.id },
      select: { status: true, result: true },
    });
    const refusal = canCloseMeeting(
      meeting.status,
      items.map((i) => i.status),
    );
    if (refusal) throw refuse(refusal);
    const updated = await tx.panelMeeting.updateMany({
      where: { id: meeting.id, version: input.version, status: 'IN_SESSION' },
      data: { status: 'CLOSED', version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'panel.close',
      entityType: 'PanelMeeting',
      entityId: meeting.id,
      summary: {
        from: 'IN_SESSION',
        to: 'CLOSED',
        passed: items.filter((i) => i.result === 'PASSED').length,
        failed: items.filter((i) => i.result === 'FAILED').length,
        skipped: items.filter((i) => i.status === 'SKIPPED').length,
      },
    });
    return { status: 'CLOSED' as const };
  });
}
