import 'server-only';
import type { z } from 'zod';
import { canTransitionDecision } from '@/domain/decision/decision';
import {
  canTransitionObjection,
  OBJECTION_TRANSITIONS,
  OPEN_OBJECTION_STATUSES,
  type ObjectionTransition,
} from '@/domain/decision/objection';
import { noticeClosesAt } from '@/domain/decision/notice';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZHandleObjection, ZStartObjectionReview } from '@/lib/validation/decisions';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { closeDueNotices, finaliseDecision } from './finalise';
import { isoDate, UUID } from './shared';

// 公示管理 for staff (DATA-MODEL §2.11, §3.5, §3.6): the notices with their items and objections (filers' contact
// details are for staff only), the sweep that closes notices whose period has ended, and objection handling —
// start review, uphold (the decision is revised and re-decided) or dismiss (with a reason; a decision the objection
// held becomes final if its notice has already closed).

const closesAt = (endsOn: Date | null) => (endsOn ? noticeClosesAt(isoDate(endsOn)) : null);

/** Staff run the sweep by hand (the button on /commission/notices, and on opening that page). */
export async function runNoticeSweep(client: Db, actor: Actor, now: Date = new Date()) {
  assertCan(actor, 'manage:notice:all');
  return closeDueNotices(client, now);
}

export async function listNoticesForStaff(client: Db, actor: Actor) {
  assertCan(actor, 'manage:notice:all');
  const notices = await client.notice.findMany({
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      status: true,
      workingDays: true,
      startsOn: true,
      endsOn: true,
      publishedAt: true,
      closedAt: true,
      call: { select: { title: true, titleEn: true } },
      _count: { select: { items: true, decisions: true } },
    },
  });
  const objections = await client.objection.groupBy({
    by: ['noticeItemId', 'status'],
    where: { noticeItem: { noticeId: { in: notices.map((n) => n.id) } } },
    _count: { _all: true },
  });
  const items = await client.noticeItem.findMany({
    where: { id: { in: [...new Set(objections.map((o) => o.noticeItemId))] } },
    select: { id: true, noticeId: true },
  });
  return notices.map((n) => {
    const mine = objections.filter((o) => items.find((i) => i.id === o.noticeItemId)?.noticeId === n.id);
    const sum = (statuses: readonly string[]) =>
      mine.filter((o) => statuses.includes(o.status)).reduce((s, o) => s + o._count._all, 0);
    return {
      ...n,
      closesAt: closesAt(n.endsOn),
      objectionsOpen: sum(OPEN_OBJECTION_STATUSES),
      objectionsTotal: sum(['FILED', 'UNDER_REVIEW', 'UPHELD', 'DISMISSED']),
    };
  });
}

/** One notice for staff: the batch's decisions, the public items and every objection with the filer's contact. */
export async function getNoticeForStaff(client: Db, actor: Actor, noticeId: string) {
  assertCan(actor, 'manage:notice:all');
  if (!UUID.test(noticeId)) throw notFound();
  const notice = await client.notice.findUnique({
    where: { id: noticeId },
    select: {
      id: true,
      title: true,
      body: true,
      status: true,
      workingDays: true,
      startsOn: true,
      endsOn: true,
      publishedAt: true,
      closedAt: true,
      call: { select: { id: true, title: true, titleEn: true } },
      items: {
        orderBy: { applicationCode: 'asc' },
        select: {
          id: true,
          applicationCode: true,
          projectTitle: true,
          piName: true,
          institutionName: true,
          amountFen: true,
          withdrawnAt: true,
          decision: { select: { id: true, status: true, supersededBy: { select: { id: true, status: true } } } },
          objections: {
            orderBy: { filedAt: 'asc' },
            select: {
              id: true,
              filerName: true,
              filerPhone: true,
              filerEmail: true,
              filerUserId: true,
              content: true,
              status: true,
              handlingNote: true,
              filedAt: true,
              decidedAt: true,
              version: true,
            },
          },
        },
      },
      decisions: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          status: true,
          outcome: true,
          finalAt: true,
          application: { select: { code: true, title: true } },
        },
      },
    },
  });
  if (!notice) throw notFound();
  return { ...notice, closesAt: closesAt(notice.endsOn) };
}

async function loadObjection(tx: Tx, objectionId: string) {
  const objection = await tx.objection.findUnique({
    where: { id: objectionId },
    select: {
      id: true,
      status: true,
      noticeItem: {
        select: {
          id: true,
          noticeId: true,
          decision: {
            select: {
              id: true,
              status: true,
              applicationId: true,
              callId: true,
              outcome: true,
              route: true,
              awardedFiscalFen: true,
              conditions: true,
              reasons: true,
              notice: { select: { status: true } },
            },
          },
        },
      },
    },
  });
  if (!objection) throw notFound();
  return objection;
}

async function moveObjection(
  tx: Tx,
  id: string,
  version: number,
  step: ObjectionTransition,
  data: { handledById: string; handlingNote?: string; decidedAt?: Date },
  extra: { revisedDecisionId?: string } = {},
) {
  const moved = await tx.objection.updateMany({
    where: { id, version, status: { in: [...OBJECTION_TRANSITIONS[step].from] } },
    data: { ...data, ...extra, status: OBJECTION_TRANSITIONS[step].to, version: { increment: 1 } },
  });
  if (moved.count === 0) throw stale();
}

/** FILED → UNDER_REVIEW: a member of staff takes the objection up. */
export async function startObjectionReview(client: Db, actor: Actor, input: z.output<typeof ZStartObjectionReview>) {
  assertCan(actor, 'manage:notice:all');
  return client.$transaction(async (tx) => {
    const objection = await loadObjection(tx, input.objectionId);
    if (!canTransitionObjection(objection.status, 'start_review')) throw new DomainError('CONFLICT', 'wrongState');
    await moveObjection(tx, objection.id, input.version, 'start_review', {
      handledById: actor.userId,
    });
    await recordAudit(tx, {
      actor,
      action: 'objection.start_review',
      entityType: 'Objection',
      entityId: objection.id,
      summary: { noticeItemId: objection.noticeItem.id, from: 'FILED', to: 'UNDER_REVIEW' },
    });
    return { status: 'UNDER_REVIEW' as const };
  });
}

/**
 * UNDER_REVIEW → UPHELD: the objection stands. In one transaction the decision IN_NOTICE → REVISED, its public item is
 * withdrawn, and a new DRAFT decision superseding it (a copy to start from) goes back on the decision desk; its
 * application waits for the next release of the call's decisions, which opens a notice of its own.
 */
export async function upholdObjection(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZHandleObjection>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:notice:all');
  assertCan(actor, 'manage:decision:all');
  return client.$transaction(async (tx) => {
    const objection = await loadObjection(tx, input.objectionId);
    const decision = objection.noticeItem.decision;
    if (!canTransitionObjection(objection.status, 'uphold')) throw new DomainError('CONFLICT', 'wrongState');
    if (!canTransitionDecision(decision.status, 'revise')) throw new DomainError('CONFLICT', 'decisionNotInNotice');
    const revised = await tx.decision.updateMany({
      where: { id: decision.id, status: 'IN_NOTICE' },
      data: { status: 'REVISED', version: { increment: 1 } },
    });
    if (revised.count === 0) throw stale();
    await tx.noticeItem.update({ where: { id: objection.noticeItem.id }, data: { withdrawnAt: now } });
    const draft = await tx.decision.create({
      data: {
        applicationId: decision.applicationId,
        callId: decision.callId,
        outcome: decision.outcome,
        route: decision.route,
        awardedFiscalFen: decision.awardedFiscalFen,
        conditions: decision.conditions,
        reasons: decision.reasons,
        status: 'DRAFT',
        supersedesId: decision.id,
        decidedById: actor.userId,
      },
      select: { id: true },
    });
    await moveObjection(
      tx,
      objection.id,
      input.version,
      'uphold',
      { handledById: actor.userId, handlingNote: input.handlingNote, decidedAt: now },
      { revisedDecisionId: draft.id },
    );
    await recordAudit(tx, {
      actor,
      action: 'objection.uphold',
      entityType: 'Objection',
      entityId: objection.id,
      summary: {
        noticeItemId: objection.noticeItem.id,
        from: 'UNDER_REVIEW',
        to: 'UPHELD',
        reason: input.handlingNote,
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'decision.revise',
      entityType: 'Decision',
      entityId: decision.id,
      summary: {
        applicationId: decision.applicationId,
        from: 'IN_NOTICE',
        to: 'REVISED',
        objectionId: objection.id,
        supersededBy: draft.id,
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'decision.create',
      entityType: 'Decision',
      entityId: draft.id,
      summary: { applicationId: decision.applicationId, to: 'DRAFT', supersedes: decision.id },
    });
    return { revisedDecisionId: draft.id };
  });
}

/**
 * UNDER_REVIEW → DISMISSED, with the reason. If the notice has already closed and no other objection is open on the
 * decision, the decision it held becomes FINAL now (with its application and project), in the same transaction.
 */
export async function dismissObjection(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZHandleObjection>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:notice:all');
  return client.$transaction(async (tx) => {
    const objection = await loadObjection(tx, input.objectionId);
    if (!canTransitionObjection(objection.status, 'dismiss')) throw new DomainError('CONFLICT', 'wrongState');
    await moveObjection(tx, objection.id, input.version, 'dismiss', {
      handledById: actor.userId,
      handlingNote: input.handlingNote,
      decidedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'objection.dismiss',
      entityType: 'Objection',
      entityId: objection.id,
      summary: {
        noticeItemId: objection.noticeItem.id,
        from: 'UNDER_REVIEW',
        to: 'DISMISSED',
        reason: input.handlingNote,
      },
    });
    const decision = objection.noticeItem.decision;
    const finalised =
      decision.status === 'IN_NOTICE' && decision.notice?.status === 'CLOSED'
        ? await finaliseDecision(tx, decision.id, now, actor)
        : false;
    return { status: 'DISMISSED' as const, finalised };
  });
}
