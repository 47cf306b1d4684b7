import 'server-only';
import type { z } from 'zod';
import {
  canChangeInvitees,
  canChangeMaterials,
  canEditAgenda,
  canRecordProceedings,
  canTransitionMeeting,
  checkAgenda,
  checkInvitees,
  opinionTopicIssue,
  parseAgenda,
  resolutionOutcome,
  type AgendaItem,
  type MeetingIssue,
  type MeetingStatus,
} from '@/domain/committee/meeting';
import { beijingDate } from '@/domain/time';
import { can } from '@/domain/auth/permissions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type {
  ZAddMaterial,
  ZAgenda,
  ZCreateMeeting,
  ZHoldMeeting,
  ZMeetingRef,
  ZRecordOpinion,
  ZRecordResolution,
  ZRemoveMaterial,
  ZSetInvitees,
  ZUpdateAgenda,
} from '@/lib/validation/strategy';
import { isUniqueViolation, type Db, type Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { memberTerm, theCurrentTerm } from './membership';
import { notify } from '../notify/notify';
import { formatDateTime } from '@/lib/format';

// 年度战略会议 (issue 7, DATA-MODEL §2.14). Staff plan a meeting of the running term (agenda items linking the term's
// topics; the term's current members invited by default), change who is invited while it is planned, attach
// materials, hold it (attendance), record opinions and resolutions while it is held, and close it; invited members
// read their meetings and its materials and record their own opinions. Rules: src/domain/committee/meeting.ts.
// Consultation reports: ./reports.ts.

const UUID = /^[0-9a-f-]{36}$/i;

const todayOf = (now: Date) => new Date(`${beijingDate(now)}T00:00:00Z`);

/** Open memberships of a term (toDate absent or not yet past). */
export const openMembershipWhere = (now: Date) => ({ OR: [{ toDate: null }, { toDate: { gte: todayOf(now) } }] });

async function openMemberIds(tx: Tx, termId: string, now: Date) {
  const rows = await tx.committeeMembership.findMany({
    where: { termId, ...openMembershipWhere(now) },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

const fieldErrors = (issues: MeetingIssue[]) =>
  new DomainError('VALIDATION', 'checkFields', Object.fromEntries(issues.map((i) => [i.field, i.code])));

/** The agenda as stored, after checking its linked topics belong to the term. */
async function checkedAgenda(tx: Tx, termId: string, agenda: z.output<typeof ZAgenda>): Promise<AgendaItem[]> {
  const items: AgendaItem[] = agenda.map((i) => ({ title: i.title, topicIds: i.topicIds, note: i.note }));
  const wanted = [...new Set(items.flatMap((i) => i.topicIds))];
  const found = wanted.length
    ? await tx.topicProposal.findMany({ where: { id: { in: wanted }, termId }, select: { id: true } })
    : [];
  const issues = checkAgenda(items, new Set(found.map((t) => t.id)));
  if (issues.length) throw fieldErrors(issues);
  return items;
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
    const agenda = await checkedAgenda(tx, term.id, input.agenda);
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
    const members = await openMemberIds(tx, term.id, now);
    await tx.strategyMeetingAttendee.createMany({
      data: members.map((userId) => ({ meetingId: meeting.id, userId })),
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
  termId: true,
  title: true,
  year: true,
  heldAt: true,
  location: true,
  agenda: true,
  status: true,
  version: true,
  term: { select: { id: true, name: true } },
  attendees: { orderBy: { id: 'asc' }, select: { userId: true, attended: true, user: { select: { name: true } } } },
  materials: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, title: true, file: { select: { id: true, filename: true, sizeBytes: true } } },
  },
  opinions: {
    orderBy: { recordedAt: 'asc' },
    select: {
      id: true,
      body: true,
      recordedAt: true,
      memberUserId: true,
      recordedById: true,
      member: { select: { name: true } },
      topic: { select: { id: true, title: true } },
    },
  },
  resolutions: { orderBy: { ordinal: 'asc' } },
} as const;

export async function listMeetingsForStaff(client: Db, actor: Actor) {
  assertCan(actor, 'manage:committee:all');
  return client.strategyMeeting.findMany({
    orderBy: [{ heldAt: 'desc' }, { id: 'desc' }],
    select: { id: true, title: true, heldAt: true, status: true, term: { select: { name: true } } },
  });
}

/**
 * A meeting: staff any; a member of the running term only one they were invited to. The agenda comes with the titles
 * of the topics it links.
 */
export async function getMeeting(client: Db, actor: Actor, meetingId: string, now = new Date()) {
  const staff = can(actor.role, 'manage:committee:all');
  if (!staff) await memberTerm(client, actor, now);
  if (!UUID.test(meetingId)) throw notFound();
  const meeting = await client.strategyMeeting.findFirst({
    where: { id: meetingId, ...(staff ? {} : { attendees: { some: { userId: actor.userId } } }) },
    select: meetingSelect,
  });
  if (!meeting) throw notFound();
  const agenda = parseAgenda(meeting.agenda);
  const topicIds = [...new Set(agenda.flatMap((i) => i.topicIds))];
  const topics = topicIds.length
    ? await client.topicProposal.findMany({ where: { id: { in: topicIds } }, select: { id: true, title: true } })
    : [];
  const titleOf = new Map(topics.map((t) => [t.id, t.title]));
  return {
    ...meeting,
    agenda: agenda.map((i) => ({
      ...i,
      topics: i.topicIds.flatMap((id) => (titleOf.has(id) ? [{ id, title: titleOf.get(id)! }] : [])),
    })),
  };
}

/**
 * What staff choose from when planning or editing a meeting: the term's topics (withdrawn ones left out) and its
 * members with an open membership. Without a meeting: the running term.
 */
export async function meetingChoices(client: Db, actor: Actor, meetingId: string | null, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  let termId: string | null;
  if (meetingId) {
    if (!UUID.test(meetingId)) throw notFound();
    const meeting = await client.strategyMeeting.findUnique({ where: { id: meetingId }, select: { termId: true } });
    if (!meeting) throw notFound();
    termId = meeting.termId;
  } else {
    termId = (await theCurrentTerm(client, now))?.id ?? null;
  }
  if (!termId) return { topics: [], members: [] };
  const [topics, members] = await Promise.all([
    client.topicProposal.findMany({
      where: { termId, status: { not: 'WITHDRAWN' } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, title: true, status: true },
    }),
    client.committeeMembership.findMany({
      where: { termId, ...openMembershipWhere(now) },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { userId: true, user: { select: { name: true } } },
    }),
  ]);
  return { topics, members: members.map((m) => ({ userId: m.userId, name: m.user.name })) };
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

/** Moves the version on (and checks no one else did), for any change of the meeting's own row. */
async function bumpMeeting(
  tx: Tx,
  meeting: { id: string; status: MeetingStatus },
  version: number,
  data: Record<string, unknown> = {},
) {
  const moved = await tx.strategyMeeting.updateMany({
    where: { id: meeting.id, version, status: meeting.status },
    data: { ...data, version: { increment: 1 } },
  });
  if (moved.count === 0) throw stale();
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
  await bumpMeeting(tx, meeting, version, { status: to });
  await recordAudit(tx, {
    actor,
    action: `strategy_meeting.${transition}`,
    entityType: 'StrategyMeeting',
    entityId: meeting.id,
    summary: { from: meeting.status, to, ...summary },
  });
}

/** The agenda is replaced while the meeting is not closed; linked topics must be the term's. */
export async function updateAgenda(client: Db, actor: Actor, input: z.output<typeof ZUpdateAgenda>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const meeting = await tx.strategyMeeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, termId: true, status: true },
    });
    if (!meeting) throw notFound();
    if (!canEditAgenda(meeting.status)) throw new DomainError('CONFLICT', 'wrongState');
    const agenda = await checkedAgenda(tx, meeting.termId, input.agenda);
    await bumpMeeting(tx, meeting, input.version, { agenda });
    await recordAudit(tx, {
      actor,
      action: 'strategy_meeting.agenda',
      entityType: 'StrategyMeeting',
      entityId: meeting.id,
      summary: { agendaItems: agenda.length, topics: agenda.flatMap((i) => i.topicIds).length },
    });
    return { version: input.version + 1 };
  });
}

/** Who is invited, while the meeting is planned: members of its term with an open membership. */
export async function setInvitees(client: Db, actor: Actor, input: z.output<typeof ZSetInvitees>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const meeting = await tx.strategyMeeting.findUnique({
      where: { id: input.meetingId },
      select: {
        id: true,
        termId: true,
        status: true,
        title: true,
        heldAt: true,
        attendees: { select: { userId: true } },
      },
    });
    if (!meeting) throw notFound();
    if (!canChangeInvitees(meeting.status)) throw new DomainError('CONFLICT', 'wrongState');
    const wanted = [...new Set(input.userIds)];
    const issues = checkInvitees(wanted, new Set(await openMemberIds(tx, meeting.termId, now)));
    if (issues.length) throw fieldErrors(issues);
    const before = new Set(meeting.attendees.map((a) => a.userId));
    const added = wanted.filter((id) => !before.has(id));
    const removed = [...before].filter((id) => !wanted.includes(id));
    await bumpMeeting(tx, meeting, input.version);
    await tx.strategyMeetingAttendee.deleteMany({ where: { meetingId: meeting.id, userId: { in: removed } } });
    await tx.strategyMeetingAttendee.createMany({ data: added.map((userId) => ({ meetingId: meeting.id, userId })) });
    await recordAudit(tx, {
      actor,
      action: 'strategy_meeting.invite',
      entityType: 'StrategyMeeting',
      entityId: meeting.id,
      summary: { added, removed, invited: wanted.length },
    });
    await notify(
      tx,
      added.map((userId) => ({
        recipientId: userId,
        kind: 'MEETING_INVITATION' as const,
        params: { title: meeting.title, heldAt: formatDateTime(meeting.heldAt) },
        link: `/committee/meetings/${meeting.id}`,
        entityType: 'StrategyMeeting',
        entityId: meeting.id,
      })),
    );
    return { version: input.version + 1 };
  });
}

/** 会议材料: a PDF the staff member uploaded, shown to the invited members, while the meeting is not closed. */
export async function addMaterial(client: Db, actor: Actor, input: z.output<typeof ZAddMaterial>) {
  assertCan(actor, 'manage:committee:all');
  try {
    return await client.$transaction(async (tx) => {
      const meeting = await tx.strategyMeeting.findUnique({
        where: { id: input.meetingId },
        select: { id: true, status: true },
      });
      if (!meeting) throw notFound();
      if (!canChangeMaterials(meeting.status)) throw new DomainError('CONFLICT', 'wrongState');
      const file = await tx.storedFile.findFirst({
        where: { id: input.fileId, ownerId: actor.userId, deletedAt: null },
        select: { id: true, filename: true },
      });
      if (!file) throw new DomainError('VALIDATION', 'checkFields', { fileId: 'fileUnknown' });
      const material = await tx.strategyMeetingMaterial.create({
        data: { meetingId: meeting.id, fileId: file.id, title: input.title },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'strategy_meeting.add_material',
        entityType: 'StrategyMeeting',
        entityId: meeting.id,
        summary: { materialId: material.id, title: input.title, fileId: file.id, filename: file.filename },
      });
      return material;
    });
  } catch (e) {
    // The same file attached twice (a second click, a second tab).
    if (isUniqueViolation(e)) throw new DomainError('VALIDATION', 'checkFields', { fileId: 'materialAttached' });
    throw e;
  }
}

export async function removeMaterial(client: Db, actor: Actor, input: z.output<typeof ZRemoveMaterial>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const material = await tx.strategyMeetingMaterial.findUnique({
      where: { id: input.materialId },
      select: { id: true, title: true, fileId: true, meeting: { select: { id: true, status: true } } },
    });
    if (!material) throw notFound();
    if (!canChangeMaterials(material.meeting.status)) throw new DomainError('CONFLICT', 'wrongState');
    // Deleted by id: a second click finds nothing and is told so.
    const { count } = await tx.strategyMeetingMaterial.deleteMany({ where: { id: material.id } });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'strategy_meeting.remove_material',
      entityType: 'StrategyMeeting',
      entityId: material.meeting.id,
      summary: { materialId: material.id, title: material.title, fileId: material.fileId },
    });
    return { removed: material.id };
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
 * member. Optionally on a topic the agenda takes up. Append-only.
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
      select: {
        id: true,
        status: true,
        agenda: true,
        attendees: { where: { userId: memberUserId }, select: { attended: true } },
      },
    });
    if (!meeting) throw notFound();
    if (!canRecordProceedings(meeting.status)) throw new DomainError('CONFLICT', 'meetingNotHeld');
    if (!meeting.attendees[0]?.attended)
      throw new DomainError('VALIDATION', 'checkFields', { memberUserId: 'notAttended' });
    const topicIssue = opinionTopicIssue(input.topicProposalId ?? null, parseAgenda(meeting.agenda));
    if (topicIssue) throw fieldErrors([topicIssue]);
    const opinion = await tx.meetingOpinion.create({
      data: {
        meetingId: meeting.id,
        memberUserId,
        topicProposalId: input.topicProposalId ?? null,
        body: input.body,
        recordedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'meeting_opinion.record',
      entityType: 'MeetingOpinion',
      entityId: opinion.id,
      summary: { meetingId: meeting.id, memberUserId, topicProposalId: input.topicProposalId ?? null, onBehalf: staff },
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
    if (outcome.issues.length) throw fieldErrors(outcome.issues);
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

/**
 * Whether a stored file is a meeting material or a consultation report's file that this person may download:
 * staff always; a member with an open membership of the meeting's term who is invited to it; for a report, a
 * member of its term once it is published. Used by the file download's authorization (src/server/files/files.ts).
 */
export async function committeeFileReadable(client: Db, actor: Actor, fileId: string, now = new Date()) {
  const staff = can(actor.role, 'manage:committee:all');
  const member = can(actor.role, 'serve:committee:own');
  if (!staff && !member) return false;
  const [material, report] = await Promise.all([
    client.strategyMeetingMaterial.findFirst({
      where: {
        fileId,
        ...(staff
          ? {}
          : {
              meeting: {
                attendees: { some: { userId: actor.userId } },
                term: { members: { some: { userId: actor.userId, ...openMembershipWhere(now) } } },
              },
            }),
      },
      select: { id: true },
    }),
    client.consultationReport.findFirst({
      where: {
        fileId,
        ...(staff
          ? {}
          : {
              status: 'PUBLISHED',
              term: { members: { some: { userId: actor.userId, ...openMembershipWhere(now) } } },
            }),
      },
      select: { id: true },
    }),
  ]);
  return Boolean(material || report);
}
