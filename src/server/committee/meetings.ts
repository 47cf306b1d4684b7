import 'server-only';
import type { z } from 'zod';
import {
  canEditReport,
  canRecordProceedings,
  canTransitionMeeting,
  resolutionOutcome,
  type MeetingStatus,
} from '@/domain/committee/meeting';
import { beijingDate } from '@/domain/time';
import { can } from '@/domain/auth/permissions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type {
  ZCreateMeeting,
  ZDraftReport,
  ZHoldMeeting,
  ZMeetingRef,
  ZRecordOpinion,
  ZRecordResolution,
  ZReportRef,
} from '@/lib/validation/strategy';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { memberTerm, theCurrentTerm } from './membership';

// 年度战略会议 and 咨询报告 (issue 7, DATA-MODEL §2.14). Staff plan a meeting of the running term (the term's current
// members are invited), hold it (attendance), record opinions and resolutions while it is held, and close it; members
// read their meetings and record their own opinions. Staff draft consultation reports and publish them to the term's
// members. Rules: src/domain/committee/meeting.ts.

const UUID = /^[0-9a-f-]{36}$/i;

async function openMembers(tx: Tx, termId: string, now: Date) {
  const today = new Date(`${beijingDate(now)}T00:00:00Z`);
  return tx.committeeMembership.findMany({
    where: { termId, OR: [{ toDate: null }, { toDate: { gte: today } }] },
    select: { userId: true },
  });
}

export async function createMeeting(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZCreateMeeting>,
  now = new Date(),
) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const term = await theCurrentTerm(tx, now);
    if (!term) throw new DomainError('CONFLICT', 'noCommitteeTerm');
    const agenda = input.agenda
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((title) => ({ title }));
    const meeting = await tx.strategyMeeting.create({
      data: {
        termId: term.id,
        year: Number(beijingDate(input.heldAt).slice(0, 4)),
        title: input.title,
        heldAt: input.heldAt,
        location: input.location ?? '',
        agenda,
      },
      select: { id: true },
    });
    const members = await openMembers(tx, term.id, now);
    await tx.strategyMeetingAttendee.createMany({
      data: members.map((m) => ({ meetingId: meeting.id, userId: m.userId })),
    });
    await recordAudit(tx, {
      actor,
      action: 'strategy_meeting.create',
      entityType: 'StrategyMeeting',
      entityId: meeting.id,
      summary: { to: 'PLANNED', title: input.title, invited: members.length, agendaItems: agenda.length },
    });
    return meeting;
  });
}

const meetingSelect = {
  id: true,
  title: true,
  year: true,
  heldAt: true,
  location: true,
  agenda: true,
  status: true,
  version: true,
  term: { select: { id: true, name: true } },
  attendees: { orderBy: { id: 'asc' }, select: { userId: true, attended: true, user: { select: { name: true } } } },
  opinions: {
    orderBy: { recordedAt: 'asc' },
    select: { id: true, body: true, recordedAt: true, memberUserId: true, member: { select: { name: true } } },
  },
  resolutions: { orderBy: { ordinal: 'asc' } },
} as const;

const agendaOf = (json: unknown) =>
  Array.isArray(json) ? (json as { title?: unknown }[]).map((i) => String(i.title ?? '')).filter(Boolean) : [];

export async function listMeetingsForStaff(client: Db, actor: Actor) {
  assertCan(actor, 'manage:committee:all');
  return client.strategyMeeting.findMany({
    orderBy: [{ heldAt: 'desc' }, { id: 'desc' }],
    select: { id: true, title: true, heldAt: true, status: true, term: { select: { name: true } } },
  });
}

/** A meeting: staff any; a member only one they were invited to. */
export async function getMeeting(client: Db, actor: Actor, meetingId: string, now = new Date()) {
  const staff = can(actor.role, 'manage:committee:all');
  if (!staff) await memberTerm(client, actor, now);
  if (!UUID.test(meetingId)) throw notFound();
  const meeting = await client.strategyMeeting.findFirst({
    where: { id: meetingId, ...(staff ? {} : { attendees: { some: { userId: actor.userId } } }) },
    select: meetingSelect,
  });
  if (!meeting) throw notFound();
  return { ...meeting, agenda: agendaOf(meeting.agenda) };
}

/** A member's meetings (those they are invited to), newest first. */
export async function listMeetingsForMember(client: Db, actor: Actor, now = new Date()) {
  await memberTerm(client, actor, now);
  return client.strategyMeeting.findMany({
    where: { attendees: { some: { userId: actor.userId } } },
    orderBy: [{ heldAt: 'desc' }, { id: 'desc' }],
    select: { id: true, title: true, heldAt: true, status: true, location: true },
  });
}

async function moveMeeting(
  tx: Tx,
  actor: Actor,
  meeting: { id: string; status: MeetingStatus },
  version: number,
  transition: 'hold' | 'close',
  summary: Record<string, unknown> = {},
) {
  if (!canTransitionMeeting(meeting.status, transition)) throw new DomainError('CONFLICT', 'wrongState');
  const to = transition === 'hold' ? 'HELD' : 'CLOSED';
  const moved = await tx.strategyMeeting.updateMany({
    where: { id: meeting.id, version, status: meeting.status },
    data: { status: to, version: { increment: 1 } },
  });
  if (moved.count === 0) throw stale();
  await recordAudit(tx, {
    actor,
    action: `strategy_meeting.${transition}`,
    entityType: 'StrategyMeeting',
    entityId: meeting.id,
    summary: { from: meeting.status, to, ...summary },
  });
}

/** The meeting takes place: attendance is recorded for the invited members. */
export async function holdMeeting(client: Db, actor: Actor, input: z.output<typeof ZHoldMeeting>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const meeting = await tx.strategyMeeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, status: true, attendees: { select: { userId: true } } },
    });
    if (!meeting) throw notFound();
    const invited = new Set(meeting.attendees.map((a) => a.userId));
    if (input.attended.some((id) => !invited.has(id)))
      throw new DomainError('VALIDATION', 'checkFields', { attended: 'notInvited' });
    await moveMeeting(tx, actor, meeting, input.version, 'hold', { attended: input.attended.length });
    await tx.strategyMeetingAttendee.updateMany({
      where: { meetingId: meeting.id },
      data: { attended: false },
    });
    await tx.strategyMeetingAttendee.updateMany({
      where: { meetingId: meeting.id, userId: { in: input.attended } },
      data: { attended: true },
    });
    return { status: 'HELD' as const };
  });
}

export async function closeMeeting(client: Db, actor: Actor, input: z.output<typeof ZMeetingRef>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const meeting = await tx.strategyMeeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, status: true },
    });
    if (!meeting) throw notFound();
    await moveMeeting(tx, actor, meeting, input.version, 'close');
    return { status: 'CLOSED' as const };
  });
}

/**
 * 意见: a member records their own opinion on a held meeting they attended; staff may record one for an attending
 * member. Append-only.
 */
export async function recordOpinion(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRecordOpinion>,
  now = new Date(),
) {
  const staff = can(actor.role, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    if (!staff) await memberTerm(tx, actor, now);
    const memberUserId = staff ? input.memberUserId : actor.userId;
    if (!memberUserId) throw new DomainError('VALIDATION', 'checkFields', { memberUserId: 'required' });
    const meeting = await tx.strategyMeeting.findFirst({
      where: { id: input.meetingId, ...(staff ? {} : { attendees: { some: { userId: actor.userId } } }) },
      select: { id: true, status: true, attendees: { where: { userId: memberUserId }, select: { attended: true } } },
    });
    if (!meeting) throw notFound();
    if (!canRecordProceedings(meeting.status)) throw new DomainError('CONFLICT', 'meetingNotHeld');
    if (!meeting.attendees[0]?.attended)
      throw new DomainError('VALIDATION', 'checkFields', { memberUserId: 'notAttended' });
    const opinion = await tx.meetingOpinion.create({
      data: { meetingId: meeting.id, memberUserId, body: input.body, recordedById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'meeting_opinion.record',
      entityType: 'MeetingOpinion',
      entityId: opinion.id,
      summary: { meetingId: meeting.id, memberUserId, onBehalf: staff },
    });
    return opinion;
  });
}

/** 决议: staff record a resolution with its vote while the meeting is held; adopted by the pure rule. */
export async function recordResolution(client: Db, actor: Actor, input: z.output<typeof ZRecordResolution>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const meeting = await tx.strategyMeeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, status: true, _count: { select: { attendees: { where: { attended: true } } } } },
    });
    if (!meeting) throw notFound();
    if (!canRecordProceedings(meeting.status)) throw new DomainError('CONFLICT', 'meetingNotHeld');
    const outcome = resolutionOutcome(
      { for: input.votesFor, against: input.votesAgainst, abstain: input.votesAbstain },
      meeting._count.attendees,
    );
    if (outcome.issues.length)
      throw new DomainError(
        'VALIDATION',
        'checkFields',
        Object.fromEntries(outcome.issues.map((i) => [i.field, i.code])),
      );
    // Ordinals are numbered under a per-meeting lock, so two clerks recording at once do not collide.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`resolution:${meeting.id}`}))`;
    const last = await tx.resolution.aggregate({ where: { meetingId: meeting.id }, _max: { ordinal: true } });
    const resolution = await tx.resolution.create({
      data: {
        meetingId: meeting.id,
        ordinal: (last._max.ordinal ?? 0) + 1,
        text: input.text,
        votesFor: input.votesFor,
        votesAgainst: input.votesAgainst,
        votesAbstain: input.votesAbstain,
        adopted: outcome.adopted,
      },
      select: { id: true, ordinal: true, adopted: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'resolution.record',
      entityType: 'Resolution',
      entityId: resolution.id,
      summary: { meetingId: meeting.id, ordinal: resolution.ordinal, adopted: outcome.adopted },
    });
    return resolution;
  });
}

// ─── 咨询报告 ───

export async function draftReport(client: Db, actor: Actor, input: z.output<typeof ZDraftReport>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const term = await theCurrentTerm(tx, now);
    if (!term) throw new DomainError('CONFLICT', 'noCommitteeTerm');
    if (input.meetingId) {
      const meeting = await tx.strategyMeeting.findFirst({ where: { id: input.meetingId, termId: term.id } });
      if (!meeting) throw new DomainError('VALIDATION', 'checkFields', { meetingId: 'invalid' });
    }
    const report = await tx.consultationReport.create({
      data: {
        termId: term.id,
        meetingId: input.meetingId,
        title: input.title,
        body: input.body,
        authorId: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'consultation_report.create',
      entityType: 'ConsultationReport',
      entityId: report.id,
      summary: { to: 'DRAFT', title: input.title },
    });
    return report;
  });
}

export async function publishReport(client: Db, actor: Actor, input: z.output<typeof ZReportRef>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const report = await tx.consultationReport.findUnique({
      where: { id: input.reportId },
      select: { id: true, status: true },
    });
    if (!report) throw notFound();
    if (!canEditReport(report.status)) throw new DomainError('CONFLICT', 'wrongState');
    const moved = await tx.consultationReport.updateMany({
      where: { id: report.id, version: input.version, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now, version: { increment: 1 } },
    });
    if (moved.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'consultation_report.publish',
      entityType: 'ConsultationReport',
      entityId: report.id,
      summary: { from: 'DRAFT', to: 'PUBLISHED' },
    });
    return { status: 'PUBLISHED' as const };
  });
}

/** Staff: every report; a member of the running term: that term's published reports only. */
export async function listReports(client: Db, actor: Actor, now = new Date()) {
  const staff = can(actor.role, 'manage:committee:all');
  const term = staff ? null : await memberTerm(client, actor, now);
  return client.consultationReport.findMany({
    where: staff ? {} : { termId: term!.id, status: 'PUBLISHED' },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      body: true,
      status: true,
      version: true,
      publishedAt: true,
      createdAt: true,
      meeting: { select: { id: true, title: true } },
    },
  });
}
