import 'server-only';
import { can } from '@/domain/auth/permissions';
import { panelExclusions, type PanelMemberFacts } from '@/domain/panel/exclusion';
import type { PanelRefusal } from '@/domain/panel/meeting';
import type { InstitutionRef } from '@/domain/review/conflicts';
import { DomainError, notFound } from '@/lib/errors';
import type { DbOrTx, Prisma, Tx } from '../db';
import type { Actor } from '../auth/actor';

// What the panel modules share: who may run a meeting (staff, or the member who chairs it), the per-meeting lock that
// serialises its run and its votes, and the 回避 computation stored on the agenda items.

export const UUID = /^[0-9a-f-]{36}$/i;

export const refuse = (code: PanelRefusal) => new DomainError('CONFLICT', code);

export const decimal = (d: Prisma.Decimal | null | undefined) => (d === null || d === undefined ? null : Number(d));

/**
 * The run of a meeting belongs to commission staff and to its chair (an expert or committee member). Roles holding
 * neither permission are refused before any query; the rest is decided on the meeting (`meetingForRunner`).
 */
export function assertCanRunPanel(actor: Actor): void {
  if (!can(actor.role, 'manage:panel:all') && !can(actor.role, 'vote:panel:own')) throw new DomainError('FORBIDDEN');
}

export const isPanelStaff = (actor: Actor) => can(actor.role, 'manage:panel:all');

/**
 * Every write to one meeting's run — steps, attendance, votes — takes this lock first, so a vote cannot land while the
 * vote is being closed, nor attendance change under a tally.
 */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`panel:${meetingId}`}))`;
}

/**
 * The meeting as its runner reaches it: staff any meeting; an expert or committee member only one they chair. Not a
 * member at all is NOT_FOUND (the meeting's existence stays hidden); a member who is not the chair is FORBIDDEN.
 */
export async function meetingForRunner(client: DbOrTx, actor: Actor, meetingId: string) {
  assertCanRunPanel(actor);
  if (!UUID.test(meetingId)) throw notFound();
  const meeting = await client.panelMeeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      callId: true,
      status: true,
      version: true,
      passRuleBp: true,
      members: { where: { userId: actor.userId }, select: { role: true } },
    },
  });
  if (!meeting) throw notFound();
  if (!isPanelStaff(actor)) {
    const own = meeting.members[0];
    if (!own) throw notFound();
    if (own.role !== 'CHAIR') throw new DomainError('FORBIDDEN', 'panelChairOnly');
  }
  return meeting;
}

/** Where each user is now: the expert profile's institution and every institution a role of theirs is scoped to. */
export async function memberFacts(client: DbOrTx, userIds: readonly string[]): Promise<PanelMemberFacts[]> {
  const users = await client.user.findMany({
    where: { id: { in: [...userIds] } },
    select: {
      id: true,
      expertProfile: {
        select: {
          institutionName: true,
          institution: { select: { id: true, name: true, aliases: true } },
        },
      },
      roles: {
        where: { institutionId: { not: null } },
        select: { institution: { select: { id: true, name: true, aliases: true } } },
      },
    },
  });
  return users.map((u) => {
    const institutions: InstitutionRef[] = u.roles.flatMap((r) => (r.institution ? [r.institution] : []));
    const p = u.expertProfile;
    if (p?.institution) institutions.push(p.institution);
    else if (p && p.institutionName.trim() !== '') institutions.push({ id: null, name: p.institutionName });
    return { userId: u.id, institutions };
  });
}

/**
 * Recomputes `excludedUserIds` for the meeting's items that are not voted yet, from the current members (set-up is
 * only possible while the meeting is PLANNED, so in practice every item). Returns how many items changed.
 */
export async function refreshExclusions(tx: Tx, meetingId: string): Promise<number> {
  const [members, items] = await Promise.all([
    tx.panelMember.findMany({ where: { meetingId }, select: { userId: true } }),
    tx.panelAgendaItem.findMany({
      where: { meetingId, status: 'PENDING' },
      select: {
        id: true,
        excludedUserIds: true,
        application: {
          select: {
            applicantId: true,
            institution: { select: { id: true, name: true, aliases: true } },
            members: { select: { userId: true } },
            detectedConflicts: { where: { dismissedById: null }, select: { expertUserId: true } },
          },
        },
      },
    }),
  ]);
  const facts = await memberFacts(
    tx,
    members.map((m) => m.userId),
  );
  let changed = 0;
  for (const item of items) {
    const a = item.application;
    const excluded = panelExclusions(
      {
        applicantId: a.applicantId,
        teamUserIds: a.members.map((m) => m.userId),
        institution: a.institution,
        conflictedUserIds: a.detectedConflicts.map((c) => c.expertUserId),
      },
      facts,
    );
    if (excluded.join() === [...item.excludedUserIds].sort().join()) continue;
    await tx.panelAgendaItem.update({
      where: { id: item.id },
      data: { excludedUserIds: excluded, version: { increment: 1 } },
    });
    changed += 1;
  }
  return changed;
}
