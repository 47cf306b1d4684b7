import 'server-only';
import type { z } from 'zod';
import { fenToWan } from '@/domain/money';
import {
  awardedPerYear,
  canOpenEvaluation,
  checkDecision,
  platformStatusAfter,
  stableSupportFor,
  stableSupportTranches,
  STABLE_SUPPORT_SETTINGS,
} from '@/domain/platform/evaluation';
import { RUNNING_PROJECT_STATUSES } from '@/domain/project/transitions';
import { calendarDate, formatIsoDate } from '@/domain/time';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZDecideEvaluation, ZOpenEvaluation, ZSaveEvaluation } from '@/lib/validation/platform-record';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation, type Db, type DbOrTx } from '../db';
import { isUuid, scopedPlatform } from './platforms';

// 定期评估 → 稳定支持 (DATA-MODEL §2.13 PlatformEvaluation): staff open an evaluation for a period (one DRAFT per
// platform, a partial unique index; the platform is UNDER_EVALUATION meanwhile), record the grade and the report, and
// decide: the evaluation DECIDED, the platform's grade and yearly stable support set, its status ACTIVE again (or
// SUSPENDED when support stops), and the next period's FISCAL tranches planned on its project — one transaction,
// audited `platform_evaluation.decide`. The numbers are STABLE_SUPPORT_SETTINGS in src/domain/platform/evaluation.ts.

const validation = (issues: readonly { field: string; code: string }[]) =>
  new DomainError('VALIDATION', 'checkFields', Object.fromEntries(issues.map((i) => [i.field, i.code])));

export async function openEvaluation(client: Db, actor: Actor, input: z.output<typeof ZOpenEvaluation>) {
  assertCan(actor, 'manage:platform:all');
  try {
    return await client.$transaction(async (tx) => {
      const p = await tx.platform.findFirst({
        where: scopedPlatform(actor, input.platformId),
        select: { id: true, status: true, version: true, establishedOn: true },
      });
      if (!p) throw notFound();
      const verdict = canOpenEvaluation({
        platformStatus: p.status,
        establishedOn: formatIsoDate(p.establishedOn),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
      });
      if (verdict.conflict) throw new DomainError('CONFLICT', verdict.conflict);
      if (verdict.issues.length) throw validation(verdict.issues);
      const { count } = await tx.platform.updateMany({
        where: { id: p.id, version: input.version, status: p.status },
        data: { status: 'UNDER_EVALUATION', version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      const evaluation = await tx.platformEvaluation.create({
        data: {
          platformId: p.id,
          periodFrom: calendarDate(input.periodFrom),
          periodTo: calendarDate(input.periodTo),
          nextPeriodYears: STABLE_SUPPORT_SETTINGS.defaultPeriodYears,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'platform_evaluation.open',
        entityType: 'PlatformEvaluation',
        entityId: evaluation.id,
        summary: {
          platformId: p.id,
          to: 'DRAFT',
          platform: { from: p.status, to: 'UNDER_EVALUATION' },
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
        },
      });
      return { id: evaluation.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'evaluationAlreadyOpen');
    throw e;
  }
}

async function loadDraft(client: DbOrTx, evaluationId: string) {
  if (!isUuid(evaluationId)) throw notFound();
  const e = await client.platformEvaluation.findUnique({
    where: { id: evaluationId },
    select: {
      id: true,
      status: true,
      version: true,
      grade: true,
      report: true,
      nextPeriodYears: true,
      periodTo: true,
      platform: {
        select: {
          id: true,
          status: true,
          version: true,
          stableSupportFenPerYear: true,
          project: {
            select: { id: true, status: true, awardedFiscalFen: true, startDate: true, endDate: true },
          },
        },
      },
    },
  });
  if (!e) throw notFound();
  const project = e.platform.project;
  const base = awardedPerYear(
    project.awardedFiscalFen,
    formatIsoDate(project.startDate),
    formatIsoDate(project.endDate),
  );
  return { e, base };
}

/** Staff record the grade, the report and the next period's length while the evaluation is a draft. */
export async function saveEvaluation(client: Db, actor: Actor, input: z.output<typeof ZSaveEvaluation>) {
  assertCan(actor, 'manage:platform:all');
  return client.$transaction(async (tx) => {
    const { e, base } = await loadDraft(tx, input.evaluationId);
    if (e.status !== 'DRAFT') throw new DomainError('CONFLICT', 'evaluationDecided');
    const proposal = input.grade ? stableSupportFor(input.grade, e.platform.stableSupportFenPerYear, base) : null;
    const { count } = await tx.platformEvaluation.updateMany({
      where: { id: e.id, version: input.version, status: 'DRAFT' },
      data: {
        grade: input.grade,
        report: input.report,
        nextPeriodYears: input.nextPeriodYears,
        supportDecision: proposal?.decision ?? null,
        nextPeriodFenPerYear: proposal?.fenPerYear ?? null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'platform_evaluation.save',
      entityType: 'PlatformEvaluation',
      entityId: e.id,
      summary: {
        platformId: e.platform.id,
        grade: input.grade,
        nextPeriodYears: input.nextPeriodYears,
        proposal: proposal ? { decision: proposal.decision, fenPerYearWan: fenToWan(proposal.fenPerYear) } : null,
      },
    });
    return { id: e.id, proposal };
  });
}

/** Staff decide: the proposal's yearly amount, or their own with a reason. */
export async function decideEvaluation(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideEvaluation>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:platform:all');
  return client.$transaction(async (tx) => {
    const { e, base } = await loadDraft(tx, input.evaluationId);
    if (e.version !== input.version) throw stale();
    const proposal = e.grade ? stableSupportFor(e.grade, e.platform.stableSupportFenPerYear, base) : null;
    const fenPerYear = input.overrideWan ?? proposal?.fenPerYear ?? 0n;
    const overridden = proposal !== null && fenPerYear !== proposal.fenPerYear;
    const verdict = checkDecision({
      status: e.status,
      grade: e.grade,
      report: e.report,
      nextPeriodYears: e.nextPeriodYears,
      proposal,
      fenPerYear,
      overrideReason: input.overrideReason,
      projectRunning: (RUNNING_PROJECT_STATUSES as readonly string[]).includes(e.platform.project.status),
    });
    if (verdict.conflict) throw new DomainError('CONFLICT', verdict.conflict);
    if (verdict.issues.length) {
      // The form's field is the amount typed in 万元.
      throw validation(verdict.issues.map((i) => (i.field === 'fenPerYear' ? { ...i, field: 'overrideWan' } : i)));
    }
    const decision = proposal!.decision;
    const { count } = await tx.platformEvaluation.updateMany({
      where: { id: e.id, version: input.version, status: 'DRAFT' },
      data: {
        status: 'DECIDED',
        supportDecision: decision,
        nextPeriodFenPerYear: fenPerYear,
        decidedById: actor.userId,
        decidedAt: now,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw stale();
    const platformTo = platformStatusAfter(decision);
    const moved = await tx.platform.updateMany({
      where: { id: e.platform.id, version: e.platform.version, status: 'UNDER_EVALUATION' },
      data: {
        status: platformTo,
        currentGrade: e.grade,
        stableSupportFenPerYear: fenPerYear,
        version: { increment: 1 },
      },
    });
    if (moved.count === 0) throw stale();
    const fiscal = await tx.tranche.findMany({
      where: { projectId: e.platform.project.id, source: 'FISCAL' },
      select: { ordinal: true },
    });
    const planned = stableSupportTranches({
      periodTo: formatIsoDate(e.periodTo),
      years: e.nextPeriodYears,
      fenPerYear,
      fiscalOrdinals: fiscal.map((t) => t.ordinal),
    });
    if (planned.length) {
      await tx.tranche.createMany({
        data: planned.map((t) => ({
          ...t,
          projectId: e.platform.project.id,
          plannedDate: calendarDate(t.plannedDate),
        })),
      });
      await recordAudit(tx, {
        actor,
        action: 'tranche.plan',
        entityType: 'Project',
        entityId: e.platform.project.id,
        summary: {
          stableSupport: true,
          evaluationId: e.id,
          count: planned.length,
          tranches: planned.map((t) => ({
            source: t.source,
            ordinal: t.ordinal,
            plannedDate: t.plannedDate,
            amountFen: t.amountFen.toString(),
          })),
        },
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'platform_evaluation.decide',
      entityType: 'PlatformEvaluation',
      entityId: e.id,
      summary: {
        platformId: e.platform.id,
        from: 'DRAFT',
        to: 'DECIDED',
        grade: e.grade,
        decision,
        proposedWan: fenToWan(proposal!.fenPerYear),
        fenPerYearWan: fenToWan(fenPerYear),
        ...(overridden ? { overrideReason: input.overrideReason } : {}),
        nextPeriodYears: e.nextPeriodYears,
        platform: { from: 'UNDER_EVALUATION', to: platformTo },
        tranches: planned.length,
      },
    });
    return { id: e.id, decision, fenPerYear, platformStatus: platformTo, tranches: planned.length };
  });
}
