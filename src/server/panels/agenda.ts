import 'server-only';
import type { z } from 'zod';
import { canTransitionApplication } from '@/domain/application/transitions';
import { canEditSetup } from '@/domain/panel/meeting';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZBuildPanelAgenda, ZMovePanelItem, ZSetDefenceSlot } from '@/lib/validation/panels';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { lockMeeting, refreshExclusions, refuse } from './access';

// The agenda of a panel meeting (issue 6): the call's applications in review, ranked by their mail-review score, each
// moved UNDER_REVIEW → PANEL; optional 答辩 slots; reordering by hand.

/**
 * Puts every application of the meeting's call still UNDER_REVIEW on the agenda, after the items already there:
 * ranked by the stored mail-review aggregate (ScoreNormalisation, stage MAIL: its competition rank by normalised mean,
 * the score shown being that mean), unscored applications last by code. Each moves to PANEL (audited
 * `application.to_panel`), and every item's 回避 is computed from the current members.
 */
export async function buildPanelAgenda(client: Db, actor: Actor, input: z.output<typeof ZBuildPanelAgenda>) {
  assertCan(actor, 'manage:panel:all');
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await tx.panelMeeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, callId: true, status: true, _count: { select: { items: true } } },
    });
    if (!meeting) throw notFound();
    const refusal = canEditSetup(meeting.status);
    if (refusal) throw refuse(refusal);
    const applications = await tx.application.findMany({
      where: { callId: meeting.callId, status: 'UNDER_REVIEW' },
      select: {
        id: true,
        code: true,
        status: true,
        scoreNormalisations: { where: { stage: 'MAIL' }, select: { rank: true, normalisedMean: true } },
      },
    });
    const moving = applications.filter((a) => canTransitionApplication(a.status, 'to_panel', 'STAFF'));
    if (moving.length === 0) throw new DomainError('CONFLICT', 'panelNothingToAdd');
    const ranked = moving
      .map((a) => ({ ...a, score: a.scoreNormalisations[0] ?? null }))
      .sort((a, b) => {
        if (a.score && b.score) {
          return a.score.rank - b.score.rank || (a.code ?? '').localeCompare(b.code ?? '') || a.id.localeCompare(b.id);
        }
        if (a.score || b.score) return a.score ? -1 : 1;
        return (a.code ?? '').localeCompare(b.code ?? '') || a.id.localeCompare(b.id);
      });
    const last = await tx.panelAgendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { ordinal: true } });
    const base = last._max.ordinal ?? 0;
    const moved = await tx.application.updateMany({
      where: { id: { in: ranked.map((a) => a.id) }, status: 'UNDER_REVIEW' },
      data: { status: 'PANEL', version: { increment: 1 } },
    });
    if (moved.count !== ranked.length) throw stale();
    await tx.panelAgendaItem.createMany({
      data: ranked.map((a, i) => ({
        meetingId: meeting.id,
        applicationId: a.id,
        ordinal: base + i + 1,
        reviewRank: a.score?.rank ?? null,
        reviewScore: a.score?.normalisedMean ?? null,
      })),
    });
    await refreshExclusions(tx, meeting.id);
    for (const a of ranked) {
      await recordAudit(tx, {
        actor,
        action: 'application.to_panel',
        entityType: 'Application',
        entityId: a.id,
        summary: { from: 'UNDER_REVIEW', to: 'PANEL', meetingId: meeting.id },
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'panel.build_agenda',
      entityType: 'PanelMeeting',
      entityId: meeting.id,
      summary: { added: ranked.length, unscored: ranked.filter((a) => !a.score).length },
    });
    return { added: ranked.length };
  });
}

/** Sets or clears the applicant's 答辩 slot on an item not yet voted. */
export async function setDefenceSlot(client: Db, actor: Actor, input: z.output<typeof ZSetDefenceSlot>) {
  assertCan(actor, 'manage:panel:all');
  return client.$transaction(async (tx) => {
    const item = await tx.panelAgendaItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, meetingId: true, status: true, defenceAt: true, meeting: { select: { status: true } } },
    });
    if (!item) throw notFound();
    if (item.meeting.status === 'CLOSED' || item.status !== 'PENDING') throw refuse('wrongState');
    const updated = await tx.panelAgendaItem.updateMany({
      where: { id: item.id, version: input.version, status: 'PENDING' },
      data: { defenceAt: input.defenceAt, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: input.defenceAt ? 'panel_item.set_defence' : 'panel_item.clear_defence',
      entityType: 'PanelAgendaItem',
      entityId: item.id,
      summary: { meetingId: item.meetingId, from: item.defenceAt, to: input.defenceAt },
    });
    return { defenceAt: input.defenceAt };
  });
}

/** Swaps a pending item with its neighbour above or below (the chair takes items in agenda order). */
export async function movePanelItem(client: Db, actor: Actor, input: z.output<typeof ZMovePanelItem>) {
  assertCan(actor, 'manage:panel:all');
  return client.$transaction(async (tx) => {
    const item = await tx.panelAgendaItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, meetingId: true, ordinal: true, status: true, meeting: { select: { status: true } } },
    });
    if (!item) throw notFound();
    await lockMeeting(tx, item.meetingId);
    if (item.meeting.status === 'CLOSED' || item.status !== 'PENDING') throw refuse('wrongState');
    const up = input.direction === 'UP';
    const neighbour = await tx.panelAgendaItem.findFirst({
      where: { meetingId: item.meetingId, ordinal: up ? { lt: item.ordinal } : { gt: item.ordinal } },
      orderBy: { ordinal: up ? 'desc' : 'asc' },
      select: { id: true, ordinal: true, status: true },
    });
    if (!neighbour || neighbour.status !== 'PENDING') throw refuse('wrongState');
    await tx.panelAgendaItem.update({
      where: { id: item.id },
      data: { ordinal: neighbour.ordinal, version: { increment: 1 } },
    });
    await tx.panelAgendaItem.update({
      where: { id: neighbour.id },
      data: { ordinal: item.ordinal, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor,
      action: 'panel_item.move',
      entityType: 'PanelAgendaItem',
      entityId: item.id,
      summary: { meetingId: item.meetingId, from: item.ordinal, to: neighbour.ordinal },
    });
    return { ordinal: neighbour.ordinal };
  });
}
