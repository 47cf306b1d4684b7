import 'server-only';
import type { z } from 'zod';
import { canEditSetup } from '@/domain/panel/meeting';
import { panelResult, type PanelTally } from '@/domain/panel/pass-rule';
import { ZProgramRules } from '@/domain/program/rules';
import { DomainError, notFound } from '@/lib/errors';
import type { ZAddPanelMember, ZCreatePanelMeeting, ZRemovePanelMember } from '@/lib/validation/panels';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { callRules } from '../review/call-rules';
import { decimal, lockMeeting, meetingForRunner, refreshExclusions, refuse, UUID } from './access';

// 会议评审, the staff's set-up (issue 6): the calls whose frozen rules have a panel stage, a meeting per sitting, its
// members (experts or committee members, one chair) — and the board staff and the chair run the meeting from.

/** Roles a panel member may hold (DATA-MODEL §2.9 PanelMember). */
const MEMBER_ROLES = ['EXPERT', 'COMMITTEE_MEMBER'] as const;

/** Calls whose rules have a panel stage, newest first, with their meetings and the applications ready for a panel. */
export async function listPanelCalls(client: Db, actor: Actor) {
  assertCan(actor, 'manage:panel:all');
  const calls = await client.call.findMany({
    where: { ruleVersionId: { not: null }, status: { not: 'DRAFT' } },
    orderBy: { closesAt: 'desc' },
    select: {
      id: true,
      title: true,
      titleEn: true,
      status: true,
      closesAt: true,
      program: { select: { name: true, nameEn: true } },
      ruleVersion: { select: { rules: true } },
      panelMeetings: {
        orderBy: { startsAt: 'asc' },
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          status: true,
          _count: { select: { items: true, members: true } },
        },
      },
    },
  });
  const withPanel = calls.flatMap((c) => {
    const rules = ZProgramRules.safeParse(c.ruleVersion?.rules);
    if (!rules.success || !rules.data.stages.panel || !rules.data.panel) return [];
    const { ruleVersion: _omit, ...call } = c;
    return [{ ...call, passRuleBp: rules.data.panel.passRuleBp }];
  });
  const ready = await client.application.groupBy({
    by: ['callId'],
    where: { callId: { in: withPanel.map((c) => c.id) }, status: 'UNDER_REVIEW' },
    _count: { _all: true },
  });
  // The calls that need a panel now come first: applications waiting in review, then meetings on the books; the
  // open calls still taking applications follow, latest deadline first.
  const urgency = (c: { underReview: number; panelMeetings: unknown[] }) =>
    c.underReview > 0 ? 0 : c.panelMeetings.length > 0 ? 1 : 2;
  return withPanel
    .map((c) => ({ ...c, underReview: ready.find((r) => r.callId === c.id)?._count._all ?? 0 }))
    .sort((a, b) => urgency(a) - urgency(b));
}

/** A meeting for a call with a panel stage; the pass rule is copied from the call's frozen rules, never typed. */
export async function createPanelMeeting(client: Db, actor: Actor, input: z.output<typeof ZCreatePanelMeeting>) {
  assertCan(actor, 'manage:panel:all');
  const { rules } = await callRules(client, input.callId);
  if (!rules.stages.panel || !rules.panel) {
    throw new DomainError('VALIDATION', 'panelStageMissing', { callId: 'panelStageMissing' });
  }
  const passRuleBp = rules.panel.passRuleBp;
  return client.$transaction(async (tx) => {
    const meeting = await tx.panelMeeting.create({
      data: {
        callId: input.callId,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location,
        onlineUrl: input.onlineUrl,
        passRuleBp,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'panel.create',
      entityType: 'PanelMeeting',
      entityId: meeting.id,
      summary: { callId: input.callId, title: input.title, startsAt: input.startsAt, passRuleBp },
    });
    return meeting;
  });
}

/** People staff may seat on a panel: active users holding EXPERT or COMMITTEE_MEMBER, not yet on this meeting. */
export async function listPanelMemberCandidates(client: Db, actor: Actor, meetingId: string) {
  assertCan(actor, 'manage:panel:all');
  if (!UUID.test(meetingId) || !(await client.panelMeeting.count({ where: { id: meetingId } }))) throw notFound();
  const users = await client.user.findMany({
    where: {
      status: 'ACTIVE',
      roles: { some: { role: { in: [...MEMBER_ROLES] } } },
      panelMemberships: { none: { meetingId } },
    },
    orderBy: { name: 'asc' },
    take: 500,
    select: {
      id: true,
      name: true,
      roles: { where: { role: { in: [...MEMBER_ROLES] } }, select: { role: true } },
      expertProfile: { select: { institutionName: true, institution: { select: { name: true } } } },
    },
  });
  return users.map((u) => ({
    userId: u.id,
    name: u.name,
    roles: u.roles.map((r) => r.role),
    institutionName: u.expertProfile?.institution?.name ?? u.expertProfile?.institutionName ?? '',
  }));
}

export async function addPanelMember(client: Db, actor: Actor, input: z.output<typeof ZAddPanelMember>) {
  assertCan(actor, 'manage:panel:all');
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const meeting = await tx.panelMeeting.findUnique({
      where: { id: input.meetingId },
      select: { id: true, status: true, members: { select: { userId: true, role: true } } },
    });
    if (!meeting) throw notFound();
    const refusal = canEditSetup(meeting.status);
    if (refusal) throw refuse(refusal);
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, name: true, status: true, roles: { select: { role: true } } },
    });
    if (
      !user ||
      user.status !== 'ACTIVE' ||
      !user.roles.some((r) => (MEMBER_ROLES as readonly string[]).includes(r.role))
    ) {
      throw new DomainError('VALIDATION', 'checkFields', { userId: 'panelMemberRole' });
    }
    if (meeting.members.some((m) => m.userId === user.id)) {
      throw new DomainError('VALIDATION', 'checkFields', { userId: 'panelMemberExists' });
    }
    if (input.role === 'CHAIR' && meeting.members.some((m) => m.role === 'CHAIR')) {
      throw new DomainError('VALIDATION', 'checkFields', { role: 'panelChairExists' });
    }
    const member = await tx.panelMember.create({
      data: { meetingId: meeting.id, userId: user.id, role: input.role },
      select: { id: true },
    });
    const itemsChanged = await refreshExclusions(tx, meeting.id);
    await recordAudit(tx, {
      actor,
      action: 'panel_member.add',
      entityType: 'PanelMember',
      entityId: member.id,
      summary: { meetingId: meeting.id, userId: user.id, name: user.name, role: input.role, itemsChanged },
    });
    return member;
  });
}

export async function removePanelMember(client: Db, actor: Actor, input: z.output<typeof ZRemovePanelMember>) {
  assertCan(actor, 'manage:panel:all');
  return client.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const member = await tx.panelMember.findFirst({
      where: { id: input.memberId, meetingId: input.meetingId },
      select: { id: true, userId: true, role: true, meeting: { select: { status: true } } },
    });
    if (!member) throw notFound();
    const refusal = canEditSetup(member.meeting.status);
    if (refusal) throw refuse(refusal);
    await tx.panelMember.delete({ where: { id: member.id } });
    const itemsChanged = await refreshExclusions(tx, input.meetingId);
    await recordAudit(tx, {
      actor,
      action: 'panel_member.remove',
      entityType: 'PanelMember',
      entityId: member.id,
      summary: { meetingId: input.meetingId, userId: member.userId, role: member.role, itemsChanged },
    });
    return { id: member.id };
  });
}

export type LiveProgress = {
  votesCast: number;
  /** Members entitled to vote on the item (not excluded) and present. */
  presentEntitled: number;
  entitled: number;
  /** FOR votes the pass rule needs of those present. */
  needed: number;
};

/**
 * The meeting's board for staff and for its chair: members with attendance, the agenda with each item's excluded
 * members, its live progress while open (votes cast of those entitled and present, FOR votes needed — not how anyone
 * voted) and its tally once closed, and the minutes.
 */
export async function getPanelMeeting(client: Db, actor: Actor, meetingId: string) {
  await meetingForRunner(client, actor, meetingId);
  const meeting = await client.panelMeeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      location: true,
      onlineUrl: true,
      passRuleBp: true,
      status: true,
      version: true,
      call: { select: { id: true, title: true, titleEn: true } },
      members: {
        orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
        select: {
          id: true,
          userId: true,
          role: true,
          attended: true,
          user: { select: { name: true, roles: { select: { role: true } } } },
        },
      },
      items: {
        orderBy: { ordinal: 'asc' },
        select: {
          id: true,
          ordinal: true,
          reviewRank: true,
          reviewScore: true,
          defenceAt: true,
          excludedUserIds: true,
          status: true,
          result: true,
          tally: true,
          votedAt: true,
          version: true,
          application: {
            select: {
              id: true,
              code: true,
              title: true,
              titleEn: true,
              applicant: { select: { name: true } },
              institution: { select: { name: true, nameEn: true } },
            },
          },
          votes: { select: { member: { select: { userId: true } }, vote: true } },
        },
      },
      minutes: {
        select: { body: true, version: true, approvedAt: true, updatedAt: true, approvedById: true },
      },
    },
  });
  const names = new Map(meeting.members.map((m) => [m.userId, m.user.name]));
  const members = meeting.members.map((m) => ({
    id: m.id,
    userId: m.userId,
    name: m.user.name,
    role: m.role,
    attended: m.attended,
    kinds: m.user.roles.map((r) => r.role).filter((r) => r === 'EXPERT' || r === 'COMMITTEE_MEMBER'),
  }));
  const items = meeting.items.map(({ votes, tally, reviewScore, ...item }) => {
    let live: LiveProgress | null = null;
    if (item.status === 'IN_PROGRESS') {
      const excluded = new Set(item.excludedUserIds);
      const outcome = panelResult(
        meeting.members.map((m) => ({ userId: m.userId, attended: m.attended, conflicted: excluded.has(m.userId) })),
        [],
        meeting.passRuleBp,
      );
      if (outcome.result !== 'INVALID') {
        live = {
          votesCast: votes.length,
          presentEntitled: outcome.tally.present,
          entitled: outcome.tally.entitled,
          needed: outcome.tally.needed,
        };
      }
    }
    return {
      ...item,
      reviewScore: decimal(reviewScore),
      tally: (tally ?? null) as PanelTally | null,
      excluded: item.excludedUserIds.map((id) => ({ userId: id, name: names.get(id) ?? '—' })),
      live,
    };
  });
  return {
    ...meeting,
    members,
    items,
    viewerIsChair: meeting.members.some((m) => m.userId === actor.userId && m.role === 'CHAIR'),
    progress: {
      total: items.length,
      voted: items.filter((i) => i.status === 'VOTED').length,
      skipped: items.filter((i) => i.status === 'SKIPPED').length,
      passed: items.filter((i) => i.result === 'PASSED').length,
    },
  };
}
