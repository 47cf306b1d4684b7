import 'server-only';
import type { z } from 'zod';
import { checkMembership, checkMembershipEnd, checkTerm, checkTermChange } from '@/domain/committee/term';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZAddMember, ZCreateTerm, ZEndMembership, ZUpdateTerm } from '@/lib/validation/committee';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 届与委员 (issue 7, DATA-MODEL §2.14): staff set up and edit a term with its scoring settings and appoint members —
// people who hold the committee-member role — with a category and a position (one chair at a time), and end a
// membership. Writes on a term's memberships and dates run under one per-term lock.

const lockTerm = (tx: Tx, termId: string) =>
  tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`committee-term:${termId}`}))`;

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
      version: true,
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

export async function updateTerm(client: Db, actor: Actor, input: z.output<typeof ZUpdateTerm>) {
  assertCan(actor, 'manage:committee:all');
  const { termId, version, ...next } = input;
  return client.$transaction(async (tx) => {
    await lockTerm(tx, termId);
    const term = await tx.committeeTerm.findUnique({ where: { id: termId } });
    if (!term) throw notFound();
    const [memberships, scored, sameName] = await Promise.all([
      tx.committeeMembership.findMany({ where: { termId }, select: { fromDate: true, toDate: true } }),
      tx.topicScore.count({ where: { proposal: { termId } } }),
      tx.committeeTerm.findFirst({ where: { name: next.name, NOT: { id: termId } }, select: { id: true } }),
    ]);
    const issues = checkTermChange(next, term, {
      memberships: memberships.map((m) => ({
        fromDate: isoDate(m.fromDate),
        toDate: m.toDate ? isoDate(m.toDate) : null,
      })),
      scored: scored > 0,
    });
    if (sameName) issues.push({ field: 'name', code: 'duplicate' });
    if (issues.length) throw new DomainError('VALIDATION', 'checkFields', fieldsOf(issues));
    const moved = await tx.committeeTerm.updateMany({
      where: { id: termId, version },
      data: {
        ...next,
        startsOn: new Date(next.startsOn),
        endsOn: new Date(next.endsOn),
        version: { increment: 1 },
      },
    });
    if (moved.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'committee_term.update',
      entityType: 'CommitteeTerm',
      entityId: termId,
      summary: {
        before: {
          name: term.name,
          startsOn: isoDate(term.startsOn),
          endsOn: isoDate(term.endsOn),
          scoreScaleMax: term.scoreScaleMax,
          minScoresToDecide: term.minScoresToDecide,
        },
        after: { ...next },
      },
    });
    return { version: version + 1 };
  });
}

export async function addMember(client: Db, actor: Actor, input: z.output<typeof ZAddMember>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    // One chair at a time, and dates within the term: the checks and the insert run under the per-term lock.
    await lockTerm(tx, input.termId);
    const term = await tx.committeeTerm.findUnique({ where: { id: input.termId } });
    if (!term) throw notFound();
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, roles: { where: { role: 'COMMITTEE_MEMBER' }, select: { id: true } } },
    });
    if (!user || user.roles.length === 0)
      throw new DomainError('VALIDATION', 'checkFields', { email: 'notCommitteeMember' });
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
    await lockTerm(tx, m.termId);
    const term = await tx.committeeTerm.findUniqueOrThrow({ where: { id: m.termId }, select: { endsOn: true } });
    const issues = checkMembershipEnd(
      input.toDate,
      { fromDate: isoDate(m.fromDate) },
      { endsOn: isoDate(term.endsOn) },
    );
    if (issues.length) throw new DomainError('VALIDATION', 'checkFields', fieldsOf(issues));
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
