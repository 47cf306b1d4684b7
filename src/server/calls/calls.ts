import 'server-only';
import {
  checkCallSchedule,
  checkCallTransition,
  checkDeadlineExtension,
  findOverlappingCall,
  type CallTransition,
} from '@/domain/program/call';
import { checkQuotas } from '@/domain/program/quota';
import { ZProgramRules } from '@/domain/program/rules';
import { DomainError } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';
import type { ZCreateCall, ZExtendCall, ZSetQuotas, ZUpdateCall } from '@/lib/validation/calls';
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { closeChallengesOfCall, countAwaitingDecision, settleChallengesOfCall } from './follow-call';

// Calls (年度申报): created and edited as drafts, published (which pins the program's current rules), extended,
// closed at the deadline, and moved through review to the archive (DATA-MODEL §3.1).

type CallInput = z.output<typeof ZCreateCall>;

function scheduleErrors(
  input: Pick<CallInput, 'opensAt' | 'closesAt' | 'institutionReviewClosesAt'>,
  now: Date,
  publishing: boolean,
) {
  const problems = checkCallSchedule(input, now, { publishing });
  if (problems.length) {
    throw new DomainError('VALIDATION', 'checkFields', Object.fromEntries(problems.map((p) => [p.field, p.code])));
  }
}

function callData(input: Omit<CallInput, 'programId'>) {
  const { fiscalEnvelopeWan, ...rest } = input;
  return { ...rest, fiscalEnvelopeFen: fiscalEnvelopeWan };
}

export async function createCall(client: Db, actor: Actor, input: CallInput) {
  assertCan(actor, 'manage:call:all');
  scheduleErrors(input, new Date(), false);
  return client.$transaction(async (tx) => {
    const program = await tx.program.findUnique({ where: { id: input.programId }, select: { active: true } });
    if (!program) throw new DomainError('VALIDATION', 'checkFields', { programId: 'programUnknown' });
    if (!program.active) throw new DomainError('VALIDATION', 'checkFields', { programId: 'programInactive' });
    const { programId, ...rest } = input;
    const call = await tx.call.create({ data: { programId, ...callData(rest) }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: 'call.create',
      entityType: 'Call',
      entityId: call.id,
      summary: {
        programId,
        title: input.title,
        opensAt: input.opensAt.toISOString(),
        closesAt: input.closesAt.toISOString(),
      },
    });
    return call;
  });
}

/** Only drafts are edited; a published call changes by extension of its deadline, never silently. */
export async function updateCall(client: Db, actor: Actor, input: z.output<typeof ZUpdateCall>) {
  assertCan(actor, 'manage:call:all');
  scheduleErrors(input, new Date(), false);
  return client.$transaction(async (tx) => {
    const before = await tx.call.findUnique({ where: { id: input.id } });
    if (!before) throw new DomainError('NOT_FOUND');
    if (before.status !== 'DRAFT') throw new DomainError('CONFLICT', 'callNotDraft');
    const { id, version, ...rest } = input;
    const data = callData(rest);
    const updated = await tx.call.updateMany({
      where: { id, version, status: 'DRAFT' },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
      (k) =>
        JSON.stringify(before[k], (_, v) => (typeof v === 'bigint' ? v.toString() : v)) !==
        JSON.stringify(data[k], (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
    );
    await recordAudit(tx, { actor, action: 'call.update', entityType: 'Call', entityId: id, summary: { changed } });
    return { id, version: version + 1 };
  });
}

async function loadQuotaRows(tx: Tx, callId: string) {
  const rows = await tx.institutionQuota.findMany({
    where: { callId },
    select: {
      institutionId: true,
      maxRecommended: true,
      institution: { select: { kind: true, affiliation: true, name: true } },
    },
  });
  return rows.map((r) => ({
    institutionId: r.institutionId,
    maxRecommended: r.maxRecommended,
    kind: r.institution.kind,
    affiliation: r.institution.affiliation,
    name: r.institution.name,
  }));
}

async function rulesOf(tx: Tx, programId: string) {
  const program = await tx.program.findUniqueOrThrow({
    where: { id: programId },
    select: { currentRules: { select: { id: true, rules: true } } },
  });
  if (!program.currentRules) throw new DomainError('CONFLICT', 'programHasNoRules');
  return { id: program.currentRules.id, rules: ZProgramRules.parse(program.currentRules.rules) };
}

/** 限额: replaces the call's quotas; institutions given 0 or left out may not recommend. */
export async function setCallQuotas(client: Db, actor: Actor, input: z.output<typeof ZSetQuotas>) {
  assertCan(actor, 'manage:call:all');
  return client.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: input.callId },
      select: { status: true, version: true, programId: true, plannedAwards: true },
    });
    if (!call) throw new DomainError('NOT_FOUND');
    if (call.status !== 'DRAFT' && call.status !== 'OPEN') throw new DomainError('CONFLICT', 'wrongState');
    const ids = input.quotas.map((q) => q.institutionId);
    const institutions = await tx.institution.findMany({
      where: { id: { in: ids } },
      select: { id: true, kind: true, affiliation: true },
    });
    const byId = new Map(institutions.map((i) => [i.id, i]));
    const unknown = input.quotas.findIndex((q) => !byId.has(q.institutionId));
    if (unknown >= 0)
      throw new DomainError('VALIDATION', 'checkFields', { [`quotas.${unknown}.institutionId`]: 'institutionUnknown' });
    const rows = input.quotas.map((q) => ({
      ...q,
      kind: byId.get(q.institutionId)!.kind,
      affiliation: byId.get(q.institutionId)!.affiliation,
    }));
    const { rules } = await rulesOf(tx, call.programId);
    const problems = checkQuotas(rows, rules, call.plannedAwards);
    if (problems.length) {
      throw new DomainError(
        'VALIDATION',
        'checkFields',
        Object.fromEntries(
          problems.map((p) =>
            p.index === null
              ? ['quotas', msg(p.code, { total: p.total, awards: p.awards })]
              : [`quotas.${p.index}.maxRecommended`, p.code],
          ),
        ),
      );
    }
    const bumped = await tx.call.updateMany({
      where: { id: input.callId, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new DomainError('STALE');
    await tx.institutionQuota.deleteMany({ where: { callId: input.callId } });
    const kept = input.quotas.filter((q) => q.maxRecommended > 0);
    await tx.institutionQuota.createMany({
      data: kept.map((q) => ({
        callId: input.callId,
        institutionId: q.institutionId,
        maxRecommended: q.maxRecommended,
      })),
    });
    await recordAudit(tx, {
      actor,
      action: 'call.set_quotas',
      entityType: 'Call',
      entityId: input.callId,
      summary: { institutions: kept.length, total: kept.reduce((s, q) => s + q.maxRecommended, 0) },
    });
    return { version: input.version + 1 };
  });
}

export async function transitionCall(
  client: Db,
  actor: Actor,
  input: { id: string; version: number; transition: CallTransition },
  now = new Date(),
) {
  assertCan(actor, 'manage:call:all');
  return client.$transaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { id: input.id } });
    if (!call) throw new DomainError('NOT_FOUND');
    const problem = checkCallTransition(call, input.transition, now);
    if (problem) throw new DomainError('CONFLICT', problem.code);
    const extra: { ruleVersionId?: string; publishedAt?: Date } = {};
    let summary: Record<string, unknown> = {};
    if (input.transition === 'publish') {
      scheduleErrors(call, now, true);
      const others = await tx.call.findMany({
        where: { programId: call.programId, status: 'OPEN', NOT: { id: call.id } },
        select: { id: true, title: true, status: true, opensAt: true, closesAt: true },
      });
      const overlap = findOverlappingCall(call, others);
      if (overlap) throw new DomainError('CONFLICT', 'callWindowOverlaps', undefined, { title: overlap.title });
      const { id: ruleVersionId, rules } = await rulesOf(tx, call.programId);
      const quotaProblems = checkQuotas(await loadQuotaRows(tx, call.id), rules, call.plannedAwards);
      if (quotaProblems.length) throw new DomainError('CONFLICT', 'quotasInvalid');
      // The freeze: applications to this call are judged under these rules, whatever later edits say.
      extra.ruleVersionId = ruleVersionId;
      extra.publishedAt = now;
      summary = { ruleVersionId };
    }
    if (input.transition === 'decide') {
      const awaiting = await countAwaitingDecision(tx, call.id);
      if (awaiting > 0) throw new DomainError('CONFLICT', 'decisionsPending', undefined, { count: awaiting });
    }
    const to = {
      publish: 'OPEN',
      close: 'CLOSED',
      start_review: 'REVIEWING',
      decide: 'DECIDED',
      archive: 'ARCHIVED',
    } as const;
    const updated = await tx.call.updateMany({
      where: { id: call.id, version: input.version, status: call.status },
      data: { status: to[input.transition], ...extra, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    await recordAudit(tx, {
      actor,
      action: `call.${input.transition}`,
      entityType: 'Call',
      entityId: call.id,
      summary: { from: call.status, to: to[input.transition], ...summary },
    });
    if (input.transition === 'close') await closeChallengesOfCall(tx, call.id, actor);
    if (input.transition === 'decide') await settleChallengesOfCall(tx, call.id, actor);
    return { id: call.id, status: to[input.transition], version: input.version + 1 };
  });
}

export async function extendCallDeadline(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZExtendCall>,
  now = new Date(),
) {
  assertCan(actor, 'manage:call:all');
  return client.$transaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { id: input.id } });
    if (!call) throw new DomainError('NOT_FOUND');
    const problem = checkDeadlineExtension(call, input.closesAt, now);
    if (problem)
      throw new DomainError(
        problem.code === 'wrongState' ? 'CONFLICT' : 'VALIDATION',
        problem.code === 'wrongState' ? 'wrongState' : 'checkFields',
        problem.code === 'wrongState' ? undefined : { closesAt: problem.code },
      );
    if (call.institutionReviewClosesAt && call.institutionReviewClosesAt <= input.closesAt) {
      throw new DomainError('VALIDATION', 'checkFields', { closesAt: 'extensionPastReviewDeadline' });
    }
    const updated = await tx.call.updateMany({
      where: { id: call.id, version: input.version, status: 'OPEN' },
      data: { closesAt: input.closesAt, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    await recordAudit(tx, {
      actor,
      action: 'call.extend_deadline',
      entityType: 'Call',
      entityId: call.id,
      summary: { from: call.closesAt.toISOString(), to: input.closesAt.toISOString() },
    });
    return { version: input.version + 1 };
  });
}

export async function listCalls(client: Db, actor: Actor) {
  assertCan(actor, 'manage:call:all');
  return client.call.findMany({
    orderBy: [{ year: 'desc' }, { opensAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      year: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      version: true,
      program: { select: { name: true, nameEn: true, kind: true } },
      ruleVersion: { select: { number: true } },
      _count: { select: { quotas: true, challenges: true } },
    },
  });
}

export async function getCallForStaff(client: Db, actor: Actor, id: string) {
  assertCan(actor, 'manage:call:all');
  const call = await client.call.findUnique({
    where: { id },
    include: {
      program: {
        select: {
          id: true,
          name: true,
          nameEn: true,
          kind: true,
          currentRules: { select: { number: true, rules: true } },
        },
      },
      ruleVersion: { select: { number: true, rules: true } },
      quotas: { select: { institutionId: true, maxRecommended: true } },
      challenges: { select: { id: true, title: true, status: true }, orderBy: { publishedAt: 'asc' } },
    },
  });
  if (!call) throw new DomainError('NOT_FOUND');
  return call;
}

/** A research office sees the calls it may recommend to, with its own quota — and no other institution's. */
export async function listQuotasForOffice(client: Db, actor: Actor) {
  assertCan(actor, 'read:quota:institution');
  const institutionId = actorInstitution(actor);
  return client.institutionQuota.findMany({
    where: { institutionId, call: { status: { in: ['OPEN', 'CLOSED'] } } },
    orderBy: { call: { closesAt: 'asc' } },
    select: {
      maxRecommended: true,
      call: {
        select: {
          id: true,
          title: true,
          closesAt: true,
          institutionReviewClosesAt: true,
          program: { select: { name: true } },
        },
      },
    },
  });
}
