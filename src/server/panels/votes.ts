import 'server-only';
import type { z } from 'zod';
import { canCastVote } from '@/domain/panel/meeting';
import { notFound } from '@/lib/errors';
import type { ZCastPanelVote } from '@/lib/validation/panels';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../db';
import { decimal, lockMeeting, refuse, UUID } from './access';

// A panel member's side (issue 6): their meetings, the agenda as they see it, and their vote on the open item. A member
// reads their own votes only — never another member's, nor the running count (that is the chair's board). A meeting
// they do not sit on is NOT_FOUND.

/** The meetings the actor sits on, the next first. */
export async function listOwnPanelMeetings(client: Db, actor: Actor) {
  assertCan(actor, 'vote:panel:own');
  const rows = await client.panelMember.findMany({
    where: { userId: actor.userId },
    orderBy: { meeting: { startsAt: 'desc' } },
    select: {
      role: true,
      meeting: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          location: true,
          onlineUrl: true,
          status: true,
          call: { select: { title: true, titleEn: true } },
          _count: { select: { items: true } },
        },
      },
    },
  });
  return rows.map((r) => ({ ...r.meeting, role: r.role, items: r.meeting._count.items }));
}

/** One meeting as a member sees it: the agenda, whether they are excluded from each item, and their own votes. */
export async function getPanelMeetingForMember(client: Db, actor: Actor, meetingId: string) {
  assertCan(actor, 'vote:panel:own');
  if (!UUID.test(meetingId)) throw notFound();
  const me = await client.panelMember.findUnique({
    where: { meetingId_userId: { meetingId, userId: actor.userId } },
    select: { id: true, role: true, attended: true },
  });
  if (!me) throw notFound();
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
      call: { select: { title: true, titleEn: true } },
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
          application: {
            select: {
              code: true,
              title: true,
              titleEn: true,
              institution: { select: { name: true, nameEn: true } },
            },
          },
          votes: {
            where: { memberId: me.id },
            select: { vote: true, score: true, comment: true, castAt: true },
          },
        },
      },
    },
  });
  const items = meeting.items.map(({ votes, excludedUserIds, reviewScore, ...item }) => {
    const own = votes[0];
    const excluded = excludedUserIds.includes(actor.userId);
    return {
      ...item,
      reviewScore: decimal(reviewScore),
      excluded,
      myVote: own ? { ...own, score: decimal(own.score) } : null,
      canVote:
        canCastVote({
          meeting: meeting.status,
          item: item.status,
          attended: me.attended,
          excluded,
          alreadyVoted: own !== undefined,
        }) === null,
    };
  });
  return { ...meeting, items, me };
}

/** Casts the actor's vote on the open item, once. */
export async function castPanelVote(client: Db, actor: Actor, input: z.output<typeof ZCastPanelVote>) {
  assertCan(actor, 'vote:panel:own');
  if (!UUID.test(input.itemId)) throw notFound();
  const found = await client.panelAgendaItem.findFirst({
    where: { id: input.itemId, meeting: { members: { some: { userId: actor.userId } } } },
    select: { meetingId: true },
  });
  if (!found) throw notFound();
  try {
    return await client.$transaction(async (tx) => {
      await lockMeeting(tx, found.meetingId);
      const item = await tx.panelAgendaItem.findUniqueOrThrow({
        where: { id: input.itemId },
        select: {
          id: true,
          status: true,
          applicationId: true,
          excludedUserIds: true,
          meeting: { select: { id: true, status: true } },
        },
      });
      const member = await tx.panelMember.findUniqueOrThrow({
        where: { meetingId_userId: { meetingId: found.meetingId, userId: actor.userId } },
        select: { id: true, attended: true },
      });
      const existing = await tx.panelVote.count({ where: { agendaItemId: item.id, memberId: member.id } });
      const refusal = canCastVote({
        meeting: item.meeting.status,
        item: item.status,
        attended: member.attended,
        excluded: item.excludedUserIds.includes(actor.userId),
        alreadyVoted: existing > 0,
      });
      if (refusal) throw refuse(refusal);
      const vote = await tx.panelVote.create({
        data: {
          agendaItemId: item.id,
          memberId: member.id,
          vote: input.vote,
          score: input.score,
          comment: input.comment,
        },
        select: { id: true, vote: true, castAt: true },
      });
      // The audit trail records that a vote was cast, not its content: how a member voted is read on the item.
      await recordAudit(tx, {
        actor,
        action: 'panel_vote.cast',
        entityType: 'PanelVote',
        entityId: vote.id,
        summary: { meetingId: item.meeting.id, agendaItemId: item.id, applicationId: item.applicationId },
      });
      return vote;
    });
  } catch (e) {
    // Two submits of one form at the same instant: the unique key keeps one vote; the second reads as already cast.
    if (isUniqueViolation(e)) throw refuse('panelAlreadyVoted');
    throw e;
  }
}
