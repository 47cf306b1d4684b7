import 'server-only';
import type { z } from 'zod';
import { checkMembership, checkTerm } from '@/domain/committee/term';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZAddMember, ZCreateTerm, ZEndMembership } from '@/lib/validation/committee';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 届与委员 (issue 7, DATA-MODEL §2.14): staff set up a term with its scoring settings and appoint members — people who
// hold the committee-member role — with a category and a position (one chair at a time), and end a membership.

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const fieldsOf = (issues: { field: string; code: string }[]) =>
  Object.fromEntries(issues.map((i) => [i.field, i.code]));

export async function listTerms(client: Db, actor: Actor) {
  assertCan(actor, 'manage:committee:all');
  const terms = await client.committeeTerm.findMany({
    orderBy: { startsOn: 'desc' },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      scoreScaleMax: true,
      minScoresToDecide: true,
      members: {
        orderBy: [{ position: 'asc' }, { fromDate: 'asc' }],
        select: {
          id: true,
          category: true,
          position: true,
          affiliation: true,
          fromDate: true,
          toDate: true,
          version: true,
          user: { select: { name: true, email: true } },
        },
      },
    },
  });
  return terms.map((t) => ({
    ...t,
    startsOn: isoDate(t.startsOn),
    endsOn: isoDate(t.endsOn),
    members: t.members.map((m) => ({
      ...m,
      fromDate: isoDate(m.fromDate),
      toDate: m.toDate ? isoDate(m.toDate) : null,
    })),
  }));
}

export async function createTerm(client: Db, actor: Actor, input: z.output<typeof ZCreateTerm>) {
  assertCan(actor, 'manage:committee:all');
  const issues = checkTerm(input);
  if (issues.length) throw new DomainError('VALIDATION', 'checkFields', fieldsOf(issues));
  return client.$transaction(async (tx) => {
    if (await tx.committeeTerm.findUnique({ where: { name: input.name }, select: { id: true } }))
      throw new DomainError('VALIDATION', 'checkFields', { name: 'duplicate' });
    const term = await tx.committeeTerm.create({
      data: { ...input, startsOn: new Date(input.startsOn), endsOn: new Date(input.endsOn) },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'committee_term.create',
      entityType: 'CommitteeTerm',
      entityId: term.id,
      summary: { ...input },
    });
    return term;
  });
}

export async function addMember(client: Db, actor: Actor, input: z.output<typeof ZAddMember>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const term = await tx.committeeTerm.findUnique({ where: { id: input.termId } });
    if (!term) throw notFound();
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, roles: { where: { role: 'COMMITTEE_MEMBER' }, select: { id: true } } },
    });
    if (!user || user.roles.length === 0)
      throw new DomainError('VALIDATION', 'checkFields', { email: 'notCommitteeMember' });
    // One chair at a time: the check and the insert run under a per-term lock.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`committee-term:${term.id}`}))`;
    const others = await tx.committeeMembership.findMany({
      where: { termId: term.id, NOT: { userId: user.id } },
      select: { position: true, toDate: true },
    });
    const issues = checkMembership(
      input,
      { startsOn: isoDate(term.startsOn), endsOn: isoDate(term.endsOn) },
      others.map((o) => ({ position: o.position, toDate: o.toDate ? isoDate(o.toDate) : null })),
    );
    if (issues.length) throw new DomainError('VALIDATION', 'checkFields', fieldsOf(issues));
    if (await tx.committeeMembership.findUnique({ where: { termId_userId: { termId: term.id, userId: user.id } } }))
      throw new DomainError('VALIDATION', 'checkFields', { email: 'alreadyTermMember' });
    const membership = await tx.committeeMembership.create({
      data: {
        termId: term.id,
        userId: user.id,
        category: input.category,
        position: input.position,
        affiliation: input.affiliation ?? '',
        fromDate: new Date(input.fromDate),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'committee_member.add',
      entityType: 'CommitteeMembership',
      entityId: membership.id,
      summary: { termId: term.id, userId: user.id, position: input.position, category: input.category },
    });
    return membership;
  });
}

export async function endMembership(client: Db, actor: Actor, input: z.output<typeof ZEndMembership>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const m = await tx.committeeMembership.findUnique({ where: { id: input.membershipId } });
    if (!m) throw notFound();
    if (m.toDate) throw new DomainError('CONFLICT', 'wrongState');
    if (input.toDate < isoDate(m.fromDate))
      throw new DomainError('VALIDATION', 'checkFields', { toDate: 'endBeforeStart' });
    const moved = await tx.committeeMembership.updateMany({
      where: { id: m.id, version: input.version, toDate: null },
      data: { toDate: new Date(input.toDate), version: { increment: 1 } },
    });
    if (moved.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'committee_member.end',
      entityType: 'CommitteeMembership',
      entityId: m.id,
      summary: { termId: m.termId, userId: m.userId, toDate: input.toDate },
    });
    return { toDate: input.toDate };
  });
}
