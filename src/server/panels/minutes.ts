import 'server-only';
import type { z } from 'zod';
import { DomainError, stale } from '@/lib/errors';
import type { ZApprovePanelMinutes, ZSavePanelMinutes } from '@/lib/validation/panels';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { assertCanRunPanel, lockMeeting, meetingForRunner, refuse } from './access';

// 会议纪要 (issue 6): written by staff or the chair from the start of the session, version-checked, and approved once
// the meeting is CLOSED; approved minutes are the record and no longer change.

export async function savePanelMinutes(client: Db, actor: Actor, input: z.output<typeof ZSavePanelMinutes>) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await meetingForRunner(tx, actor, input.meetingId);
    if (meeting.status === 'PLANNED') throw refuse('wrongState');
    const current = await tx.panelMinutes.findUnique({
      where: { meetingId: meeting.id },
      select: { id: true, version: true, approvedAt: true },
    });
    if (current?.approvedAt) throw new DomainError('CONFLICT', 'panelMinutesApproved');
    let saved: { id: string; version: number };
    if (!current) {
      if (input.version !== 0) throw stale();
      saved = await tx.panelMinutes.create({
        data: { meetingId: meeting.id, body: input.body },
        select: { id: true, version: true },
      });
    } else {
      const updated = await tx.panelMinutes.updateMany({
        where: { id: current.id, version: input.version, approvedAt: null },
        data: { body: input.body, version: { increment: 1 } },
      });
      if (updated.count === 0) throw stale();
      saved = { id: current.id, version: input.version + 1 };
    }
    await recordAudit(tx, {
      actor,
      action: 'panel_minutes.save',
      entityType: 'PanelMinutes',
      entityId: saved.id,
      summary: { meetingId: meeting.id, version: saved.version, chars: [...input.body].length },
    });
    return saved;
  });
}

export async function approvePanelMinutes(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZApprovePanelMinutes>,
  now: Date = new Date(),
) {
  assertCanRunPanel(actor);
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await meetingForRunner(tx, actor, input.meetingId);
    if (meeting.status !== 'CLOSED') throw new DomainError('CONFLICT', 'panelMinutesBeforeClose');
    const current = await tx.panelMinutes.findUnique({
      where: { meetingId: meeting.id },
      select: { id: true, approvedAt: true },
    });
    if (!current) throw new DomainError('CONFLICT', 'panelMinutesMissing');
    if (current.approvedAt) throw new DomainError('CONFLICT', 'panelMinutesApproved');
    const updated = await tx.panelMinutes.updateMany({
      where: { id: current.id, version: input.version, approvedAt: null },
      data: { approvedById: actor.userId, approvedAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'panel_minutes.approve',
      entityType: 'PanelMinutes',
      entityId: current.id,
      summary: { meetingId: meeting.id, version: input.version },
    });
    return { approvedAt: now };
  });
}
