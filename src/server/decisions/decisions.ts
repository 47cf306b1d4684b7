import 'server-only';
import type { z } from 'zod';
import { activeSanction } from '@/domain/application/eligibility';
import { creditRecordStatus } from '@/domain/credit/record-status';
import {
  checkDraftDecision,
  checkNonConsensusApproval,
  checkPublishDecisions,
  type BatchDecision,
} from '@/domain/decision/decision';
import { fenToWan } from '@/domain/money';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZApproveNonConsensus, ZDraftDecision } from '@/lib/validation/decisions';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { callRules } from '../review/call-rules';
import { awaitingStatus, issuesError, LIVE, UUID } from './shared';

// 立项决定 (issue 6, DATA-MODEL §2.10, §3.5): the staff's decision desk — calls with applications awaiting a decision,
// one call's applications ranked by review score with the panel's result — drafting and re-drafting decisions, the
// four-eyes approval of the non-consensus route, its separate report, and what an applicant and their office see once
// a decision is released. Publishing the batch with its notice is publish.ts.

const num = (d: { toString(): string } | null | undefined) => (d === null || d === undefined ? null : Number(d));

/** Calls with applications at or past the decision stage, with how far their decisions have come. */
export async function listDecisionCalls(client: Db, actor: Actor) {
  assertCan(actor, 'manage:decision:all');
  const calls = await client.call.findMany({
    where: { applications: { some: { status: { in: ['UNDER_REVIEW', 'PANEL', 'DECIDED'] } } } },
    orderBy: { closesAt: 'desc' },
    select: {
      id: true,
      title: true,
      titleEn: true,
      status: true,
      program: { select: { name: true, nameEn: true } },
      ruleVersion: { select: { rules: true } },
    },
  });
  const ids = calls.map((c) => c.id);
  const [apps, decisions] = await Promise.all([
    client.application.groupBy({
      by: ['callId', 'status'],
      where: { callId: { in: ids }, status: { in: ['UNDER_REVIEW', 'PANEL', 'DECIDED'] } },
      _count: { _all: true },
    }),
    client.decision.groupBy({
      by: ['callId', 'status'],
      where: { callId: { in: ids }, status: LIVE },
      _count: { _all: true },
    }),
  ]);
  return Promise.all(
    calls.map(async (c) => {
      const { rules } = await callRules(client, c.id);
      const count = (status: string) => apps.find((a) => a.callId === c.id && a.status === status)?._count._all ?? 0;
      return {
        id: c.id,
        title: c.title,
        titleEn: c.titleEn,
        status: c.status,
        program: c.program,
        hasPanel: rules.stages.panel,
        /** Applications at the stage where a decision is made (some may already have a published one). */
        atDecisionStage: count(awaitingStatus(rules.stages.panel)),
        decided: count('DECIDED'),
        decisions: Object.fromEntries(
          decisions.filter((d) => d.callId === c.id).map((d) => [d.status, d._count._all]),
        ) as Record<string, number>,
      };
    }),
  );
}

/** The rows checkPublishDecisions reads for a call: the drafts, plus released FUND decisions on the same challenges. */
export async function publishBatch(client: DbOrTx, callId: string, hasPanel: boolean) {
  const [awaiting, drafts] = await Promise.all([
    // Waiting = at the decision stage with no decision released yet (a released one keeps its application there
    // until it is final; a revised one does not count, so its application waits again).
    client.application.findMany({
      where: {
        callId,
        status: awaitingStatus(hasPanel),
        decisions: { none: { status: { in: ['PUBLISHED', 'IN_NOTICE', 'FINAL'] } } },
      },
      select: { id: true },
    }),
    client.decision.findMany({
      where: { callId, status: 'DRAFT' },
      select: {
        id: true,
        applicationId: true,
        status: true,
        outcome: true,
        route: true,
        version: true,
        approval: { select: { id: true } },
        application: {
          select: { challenge: { select: { id: true, selectionMode: true, teamCount: true } } },
        },
      },
    }),
  ]);
  const challengeIds = [...new Set(drafts.map((d) => d.application.challenge?.id).filter((id): id is string => !!id))];
  // A re-decided application is published in a later batch: the teams its challenge already funds count against the
  // challenge's limit, so they are shown to the rule alongside the drafts.
  const released = challengeIds.length
    ? await client.decision.findMany({
        where: {
          outcome: 'FUND',
          status: { in: ['PUBLISHED', 'IN_NOTICE', 'FINAL'] },
          application: { challengeId: { in: challengeIds } },
        },
        select: {
          applicationId: true,
          route: true,
          application: { select: { challenge: { select: { id: true, selectionMode: true, teamCount: true } } } },
        },
      })
    : [];
  const asBatch = (
    d: Pick<BatchDecision, 'applicationId' | 'outcome' | 'route' | 'nonConsensusApproved'> & {
      challenge: { id: string; selectionMode: 'SINGLE' | 'HORSE_RACE'; teamCount: number } | null;
    },
  ): BatchDecision => ({
    applicationId: d.applicationId,
    status: 'DRAFT',
    outcome: d.outcome,
    route: d.route,
    nonConsensusApproved: d.nonConsensusApproved,
    challenge: d.challenge
      ? { id: d.challenge.id, mode: d.challenge.selectionMode, teamCount: d.challenge.teamCount }
      : null,
  });
  const batch = [
    ...drafts.map((d) =>
      asBatch({ ...d, nonConsensusApproved: d.approval !== null, challenge: d.application.challenge }),
    ),
    ...released.map((d) =>
      asBatch({ ...d, outcome: 'FUND', nonConsensusApproved: true, challenge: d.application.challenge }),
    ),
  ];
  return {
    drafts,
    issues: drafts.length
      ? checkPublishDecisions(
          awaiting.map((a) => a.id),
          batch,
        )
      : [],
    awaiting: awaiting.length,
  };
}

/**
 * One call's decision desk: its applications at or past the decision stage, ranked by mail-review score (nulls
 * last), with the panel's result, the fiscal request, the non-consensus flag, the challenge and the live decision.
 */
export async function getDecisionDesk(client: Db, actor: Actor, callId: string) {
  assertCan(actor, 'manage:decision:all');
  if (!UUID.test(callId)) throw notFound();
  const call = await client.call.findUnique({
    where: { id: callId },
    select: { id: true, title: true, titleEn: true, status: true, program: { select: { name: true, nameEn: true } } },
  });
  if (!call) throw notFound();
  const { rules } = await callRules(client, callId);
  const hasPanel = rules.stages.panel;
  const apps = await client.application.findMany({
    where: { callId, status: { in: ['UNDER_REVIEW', 'PANEL', 'DECIDED'] } },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      applicant: { select: { name: true } },
      institution: { select: { name: true } },
      funding: { where: { source: 'FISCAL' }, select: { amountFen: true } },
      scoreNormalisations: { where: { stage: 'MAIL' }, select: { rank: true, weightedMean: true } },
      panelItems: {
        where: { result: { not: null } },
        orderBy: { votedAt: 'desc' },
        take: 1,
        select: { result: true, votedAt: true },
      },
      nonConsensusFlag: { select: { id: true, status: true } },
      challenge: { select: { id: true, title: true, selectionMode: true, teamCount: true } },
      decisions: {
        where: { status: LIVE },
        select: {
          id: true,
          status: true,
          outcome: true,
          route: true,
          awardedFiscalFen: true,
          conditions: true,
          reasons: true,
          version: true,
          decidedById: true,
          publishedAt: true,
          supersedesId: true,
          approval: { select: { approverId: true, approvedAt: true } },
        },
      },
    },
  });
  const rows = apps
    .map((a) => {
      const score = a.scoreNormalisations[0];
      const decision = a.decisions[0] ?? null;
      return {
        id: a.id,
        code: a.code,
        title: a.title,
        status: a.status,
        applicantName: a.applicant.name,
        institutionName: a.institution.name,
        requestedFiscalFen: a.funding[0]?.amountFen ?? 0n,
        rank: score?.rank ?? null,
        weightedMean: num(score?.weightedMean),
        panelResult: a.panelItems[0]?.result ?? null,
        flag: a.nonConsensusFlag,
        challenge: a.challenge,
        ready: a.status === awaitingStatus(hasPanel),
        decision,
      };
    })
    .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || (x.code ?? '').localeCompare(y.code ?? ''));
  const batch = await publishBatch(client, callId, hasPanel);
  return {
    call,
    hasPanel,
    rows,
    publish: { drafts: batch.drafts.length, awaiting: batch.awaiting, issues: batch.issues },
  };
}

/**
 * Draft or re-draft one application's decision (DRAFT only). The rules (checkDraftDecision) decide whether the
 * application is at the decision stage, the award lies within the fiscal request and the non-consensus route is open;
 * each problem lands on its field. A non-consensus draft already approved by a second person is frozen: the approval
 * is of exactly that decision.
 */
export async function draftDecision(client: Db, actor: Actor, input: z.output<typeof ZDraftDecision>) {
  assertCan(actor, 'manage:decision:all');
  return client.$transaction(async (tx) => {
    const app = await tx.application.findUnique({
      where: { id: input.applicationId },
      select: {
        id: true,
        callId: true,
        status: true,
        funding: { where: { source: 'FISCAL' }, select: { amountFen: true } },
        nonConsensusFlag: { select: { status: true } },
        decisions: {
          where: { status: LIVE },
          select: { id: true, status: true, version: true, approval: { select: { id: true } } },
        },
      },
    });
    if (!app) throw notFound();
    const { rules } = await callRules(tx, app.callId);
    const existing = app.decisions[0];
    if (existing && existing.status !== 'DRAFT') throw new DomainError('CONFLICT', 'decisionReleased');
    if (existing?.approval) throw new DomainError('CONFLICT', 'decisionApprovedLocked');
    const issues = checkDraftDecision(
      {
        outcome: input.outcome,
        route: input.route,
        awardedFiscalFen: input.awardedWan,
        reasons: input.reasons,
      },
      {
        applicationStatus: app.status,
        hasPanel: rules.stages.panel,
        requestedFiscalFen: app.funding[0]?.amountFen ?? 0n,
        nonConsensusFlag: app.nonConsensusFlag?.status ?? null,
      },
    );
    const stage = issues.find((i) => i.field === 'applicationId');
    if (stage) throw new DomainError('CONFLICT', stage.code);
    if (issues.length)
      throw issuesError(issues, {
        awardedFiscalFen: 'awardedWan',
        reasons: 'reasons',
        route: 'route',
        outcome: 'outcome',
      });
    const data = {
      outcome: input.outcome,
      route: input.route,
      awardedFiscalFen: input.outcome === 'FUND' ? input.awardedWan : null,
      conditions: input.outcome === 'FUND' ? input.conditions : null,
      reasons: input.reasons,
      decidedById: actor.userId,
    };
    const summary = {
      applicationId: app.id,
      outcome: data.outcome,
      route: data.route,
      awardedFiscalWan: data.awardedFiscalFen === null ? null : fenToWan(data.awardedFiscalFen),
    };
    if (existing) {
      const updated = await tx.decision.updateMany({
        where: { id: existing.id, version: input.version, status: 'DRAFT' },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw stale();
      await recordAudit(tx, {
        actor,
        action: 'decision.update',
        entityType: 'Decision',
        entityId: existing.id,
        summary,
      });
      return { id: existing.id };
    }
    const created = await tx.decision.create({
      data: { ...data, applicationId: app.id, callId: app.callId, status: 'DRAFT' },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'decision.create',
      entityType: 'Decision',
      entityId: created.id,
      summary: { ...summary, to: 'DRAFT' },
    });
    return { id: created.id };
  });
}

/**
 * 非共识项目特别通道, four eyes: a second member of staff approves a non-consensus FUND draft. The approval keeps the
 * experts whose reviews nominated it and the applicant's credit record as it stands now (revoked records included,
 * marked so), and is refused when the approver drafted the decision, the justification is short, nobody nominated it
 * or a sanction barring applications is in force.
 */
export async function approveNonConsensus(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZApproveNonConsensus>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:decision:all');
  return client.$transaction(async (tx) => {
    const decision = await tx.decision.findUnique({
      where: { id: input.decisionId },
      select: {
        id: true,
        status: true,
        outcome: true,
        route: true,
        decidedById: true,
        approval: { select: { id: true } },
        application: {
          select: {
            id: true,
            applicantId: true,
            nonConsensusFlag: { select: { id: true, status: true, supportingReviewIds: true } },
          },
        },
      },
    });
    if (!decision) throw notFound();
    if (decision.status !== 'DRAFT' || decision.outcome !== 'FUND' || decision.route !== 'NON_CONSENSUS')
      throw new DomainError('CONFLICT', 'wrongState');
    if (decision.approval) throw new DomainError('CONFLICT', 'nonConsensusAlreadyApproved');
    const flag = decision.application.nonConsensusFlag;
    if (!flag || flag.status !== 'ROUTED') throw new DomainError('CONFLICT', 'notRoutedAsNonConsensus');
    const [supporting, credit] = await Promise.all([
      tx.review.findMany({
        where: { id: { in: flag.supportingReviewIds }, status: 'SUBMITTED' },
        select: { assignment: { select: { expertUserId: true, expert: { select: { name: true } } } } },
      }),
      tx.creditRecord.findMany({
        where: { userId: decision.application.applicantId },
        orderBy: { startsOn: 'desc' },
        select: {
          id: true,
          finding: true,
          decidedBy: true,
          startsOn: true,
          endsOn: true,
          barsApplications: true,
          barsReviewing: true,
          revokedAt: true,
        },
      }),
    ]);
    const nominatingExpertIds = [...new Set(supporting.map((r) => r.assignment.expertUserId))];
    const inForce = credit.filter((c) => c.revokedAt === null);
    const issues = checkNonConsensusApproval(
      {
        proposedById: decision.decidedById,
        approverId: actor.userId,
        justification: input.justification,
        nominatingExpertIds,
        creditRecords: inForce,
      },
      now,
    );
    if (issues.length) throw issuesError(issues, { justification: 'justification' });
    // The decision row moves with the approval, so an edit made while the approver read it makes this stale.
    const bumped = await tx.decision.updateMany({
      where: { id: decision.id, version: input.version, status: 'DRAFT' },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw stale();
    const creditSnapshot = {
      takenAt: now.toISOString(),
      sanctionInForce: activeSanction(inForce, now) !== undefined,
      records: credit.map((c) => ({
        id: c.id,
        finding: c.finding,
        decidedBy: c.decidedBy,
        startsOn: c.startsOn.toISOString().slice(0, 10),
        endsOn: c.endsOn ? c.endsOn.toISOString().slice(0, 10) : null,
        barsApplications: c.barsApplications,
        barsReviewing: c.barsReviewing,
        revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
        status: creditRecordStatus(c, now),
      })),
    };
    const approval = await tx.nonConsensusApproval.create({
      data: {
        decisionId: decision.id,
        flagId: flag.id,
        nominatingExpertIds,
        justification: input.justification,
        creditSnapshot,
        proposedById: decision.decidedById,
        approverId: actor.userId,
        approvedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'decision.approve_non_consensus',
      entityType: 'Decision',
      entityId: decision.id,
      summary: {
        applicationId: decision.application.id,
        proposedById: decision.decidedById,
        nominatingExperts: supporting.map((r) => r.assignment.expert.name),
        creditRecords: credit.length,
        sanctionInForce: creditSnapshot.sanctionInForce,
      },
    });
    return { id: approval.id };
  });
}

/** 非共识项目 reported separately: every decision taken by the special route, with its approval and the experts. */
export async function listNonConsensusDecisions(client: Db, actor: Actor) {
  assertCan(actor, 'manage:decision:all');
  const decisions = await client.decision.findMany({
    where: { route: 'NON_CONSENSUS' },
    orderBy: [{ createdAt: 'desc' }],
    select: {
      id: true,
      status: true,
      outcome: true,
      awardedFiscalFen: true,
      reasons: true,
      decidedById: true,
      createdAt: true,
      call: { select: { id: true, title: true, titleEn: true } },
      application: {
        select: {
          code: true,
          title: true,
          applicant: { select: { name: true } },
          institution: { select: { name: true } },
          funding: { where: { source: 'FISCAL' }, select: { amountFen: true } },
        },
      },
      approval: {
        select: {
          justification: true,
          nominatingExpertIds: true,
          creditSnapshot: true,
          proposedById: true,
          approverId: true,
          approvedAt: true,
        },
      },
    },
  });
  const userIds = [
    ...new Set(
      decisions.flatMap((d) => [
        d.decidedById,
        ...(d.approval ? [d.approval.approverId, d.approval.proposedById, ...d.approval.nominatingExpertIds] : []),
      ]),
    ),
  ];
  const users = await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? '—';
  return decisions.map((d) => {
    const snapshot = d.approval?.creditSnapshot as { sanctionInForce?: boolean; records?: unknown[] } | undefined;
    return {
      id: d.id,
      status: d.status,
      outcome: d.outcome,
      awardedFiscalFen: d.awardedFiscalFen,
      requestedFiscalFen: d.application.funding[0]?.amountFen ?? 0n,
      reasons: d.reasons,
      call: d.call,
      application: {
        code: d.application.code,
        title: d.application.title,
        applicantName: d.application.applicant.name,
        institutionName: d.application.institution.name,
      },
      proposerName: name(d.approval?.proposedById ?? d.decidedById),
      approval: d.approval
        ? {
            justification: d.approval.justification,
            approverName: name(d.approval.approverId),
            approvedAt: d.approval.approvedAt,
            nominatingExperts: d.approval.nominatingExpertIds.map(name),
            creditRecords: snapshot?.records?.length ?? 0,
            sanctionInForce: snapshot?.sanctionInForce ?? false,
          }
        : null,
    };
  });
}

/**
 * A released decision as its applicant (PI), their institution's office, or staff see it; null while there is none
 * (drafts are never shown outside the commission). Revised decisions are history: the live one is returned.
 */
export async function getPublishedDecisionForApplication(client: Db, actor: Actor, applicationId: string) {
  let where: { id: string; applicantId?: string; institutionId?: string };
  if (actor.role === 'COMMISSION_STAFF') {
    assertCan(actor, 'manage:decision:all');
    where = { id: applicationId };
  } else if (actor.role === 'INSTITUTION_OFFICE') {
    assertCan(actor, 'review:application:institution');
    where = { id: applicationId, institutionId: actorInstitution(actor) };
  } else {
    assertCan(actor, 'create:application:own');
    where = { id: applicationId, applicantId: actor.userId };
  }
  if (!UUID.test(applicationId)) throw notFound();
  const app = await client.application.findFirst({
    where,
    select: {
      id: true,
      decisions: {
        where: { status: { in: ['PUBLISHED', 'IN_NOTICE', 'FINAL'] } },
        select: {
          id: true,
          status: true,
          outcome: true,
          awardedFiscalFen: true,
          conditions: true,
          reasons: true,
          publishedAt: true,
          finalAt: true,
          notice: { select: { id: true, title: true, startsOn: true, endsOn: true, status: true } },
          project: { select: { id: true, code: true } },
        },
      },
    },
  });
  if (!app) throw notFound();
  return app.decisions[0] ?? null;
}
