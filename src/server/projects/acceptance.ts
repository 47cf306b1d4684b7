import 'server-only';
import type { z } from 'zod';
import { acceptanceTransition, canSubmitFinalReport } from '@/domain/project/checks';
import { evaluationCategoryOf, scheduleLongCycle } from '@/domain/project/evaluation';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZDecideAcceptance, ZSaveFinalReport, ZSubmitFinalReport } from '@/lib/validation/project-lifecycle';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import {
  assertCanReadLifecycle,
  beijingToday,
  calendarDate,
  confirmedTaskBook,
  moveProject,
  projectSummarySelect,
  validation,
} from './checks';
import { piProjectWhere, projectWhere } from './scope';

// 结题验收 (issue 6): the PI drafts the final report — text, each KPI's attained value and attainment, the outputs
// linked to the PI's and members' representative works (人才档案) — and submits it (ACTIVE → ACCEPTANCE) once every
// KPI is assessed and the final-year expenditure report is filed. Staff record the experts' opinion and decide:
// passed (with or without conditions) or failed closes the project, a pass schedules the long-cycle review;
// deferred sends it back to work.
//
// A FAILED acceptance is a finding the 科研诚信 policy may want recorded against the PI (a credit record); whether it
// does depends on why it failed (misconduct or honest failure), so it is left to staff's credit-record page and not
// written here.

const UUID = /^[0-9a-f-]{36}$/i;

/** The acceptance page: the report, KPIs, outputs, and the evaluations that follow. */
export async function getProjectAcceptance(client: Db, actor: Actor, projectId: string) {
  assertCanReadLifecycle(actor);
  const where = projectWhere(actor);
  if (!UUID.test(projectId)) throw notFound();
  const project = await client.project.findFirst({
    where: { AND: [where, { id: projectId }] },
    select: projectSummarySelect,
  });
  if (!project) throw notFound();
  const [acceptance, taskBook, outputs, members, finalReports, evaluations, longCycle] = await Promise.all([
    client.finalAcceptance.findUnique({
      where: { projectId: project.id },
      select: {
        id: true,
        finalReport: true,
        kpiAttainment: true,
        expertOpinion: true,
        result: true,
        status: true,
        submittedAt: true,
        decidedAt: true,
        version: true,
      },
    }),
    confirmedTaskBook(client, project.id),
    client.projectOutput.findMany({
      where: { projectId: project.id },
      orderBy: { createdAt: 'asc' },
      select: {
        work: {
          select: { id: true, title: true, type: true, year: true, venue: true, user: { select: { name: true } } },
        },
      },
    }),
    client.projectMember.findMany({
      where: { projectId: project.id, toDate: null, userId: { not: null } },
      select: { userId: true },
    }),
    client.expenditureReport.findMany({
      where: { projectId: project.id, isFinal: true },
      select: { year: true, status: true },
    }),
    client.performanceEvaluation.findMany({
      where: { projectId: project.id },
      orderBy: { evaluatedAt: 'desc' },
      select: {
        id: true,
        category: true,
        grade: true,
        teamAssessment: true,
        individualAssessment: true,
        international: true,
        evaluatedAt: true,
      },
    }),
    client.longCycleEvaluation.findMany({
      where: { projectId: project.id },
      orderBy: { scheduledFor: 'asc' },
      select: {
        id: true,
        scheduledFor: true,
        status: true,
        international: true,
        findings: true,
        grade: true,
        evaluatedAt: true,
        version: true,
      },
    }),
  ]);
  const isPi = actor.role === 'RESEARCHER' && project.piUserId === actor.userId;
  // The works the PI may link: their own and the current members' representative works.
  const works = isPi
    ? await client.representativeWork.findMany({
        where: { userId: { in: [project.piUserId, ...members.map((m) => m.userId!)] } },
        orderBy: [{ year: 'desc' }, { title: 'asc' }],
        select: { id: true, title: true, type: true, year: true, user: { select: { name: true } } },
      })
    : [];
  return {
    project,
    isPi,
    category: evaluationCategoryOf(project.program.kind),
    acceptance,
    kpis: taskBook?.kpis ?? [],
    outputs: outputs.map((o) => o.work),
    works,
    finalReports,
    evaluations,
    longCycle,
  };
}

/** The PI saves the final report as a draft: text, KPI attainment (also kept on the KPIs) and outputs. */
export async function saveFinalReport(client: Db, actor: Actor, input: z.output<typeof ZSaveFinalReport>) {
  assertCan(actor, 'manage:project:own');
  const own = piProjectWhere(actor);
  return client.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [own, { id: input.projectId }] },
      select: { id: true, status: true, piUserId: true },
    });
    if (!project) throw notFound();
    if (project.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'wrongState');
    const existing = await tx.finalAcceptance.findUnique({
      where: { projectId: project.id },
      select: { id: true, status: true, version: true },
    });
    if (existing && existing.status !== 'DRAFT') throw new DomainError('CONFLICT', 'wrongState');
    if ((existing?.version ?? 0) !== input.version) throw stale();
    const taskBook = await confirmedTaskBook(tx, project.id);
    const kpis = taskBook?.kpis ?? [];
    const issues = input.kpis.flatMap((k, i) =>
      kpis.some((x) => x.id === k.kpiId) ? [] : [{ field: `kpis.${i}.kpiId`, code: 'invalid' }],
    );
    if (issues.length) throw validation(issues);
    const members = await tx.projectMember.findMany({
      where: { projectId: project.id, toDate: null, userId: { not: null } },
      select: { userId: true },
    });
    const team = [project.piUserId, ...members.map((m) => m.userId!)];
    const works = await tx.representativeWork.count({ where: { id: { in: input.workIds }, userId: { in: team } } });
    if (works !== input.workIds.length)
      throw new DomainError('VALIDATION', 'checkFields', { workIds: 'outputWorkUnknown' });

    for (const k of input.kpis) {
      await tx.projectKpi.update({
        where: { id: k.kpiId },
        data: { attainedValue: k.attainedValue, attainment: k.attainment, version: { increment: 1 } },
      });
    }
    const kpiAttainment = input.kpis.map((k) => ({
      kpiId: k.kpiId,
      attainedValue: k.attainedValue,
      attainment: k.attainment,
    }));
    let id: string;
    if (existing) {
      const updated = await tx.finalAcceptance.updateMany({
        where: { id: existing.id, version: existing.version, status: 'DRAFT' },
        data: { finalReport: input.finalReport, kpiAttainment, version: { increment: 1 } },
      });
      if (updated.count === 0) throw stale();
      id = existing.id;
    } else {
      id = (
        await tx.finalAcceptance.create({
          data: { projectId: project.id, finalReport: input.finalReport, kpiAttainment },
          select: { id: true },
        })
      ).id;
    }
    await tx.projectOutput.deleteMany({ where: { projectId: project.id, workId: { notIn: input.workIds } } });
    await tx.projectOutput.createMany({
      data: input.workIds.map((workId) => ({ projectId: project.id, workId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actor,
      action: 'final_acceptance.save',
      entityType: 'FinalAcceptance',
      entityId: id,
      summary: { projectId: project.id, kpis: kpiAttainment.length, outputs: input.workIds },
    });
    return { id, version: (existing?.version ?? 0) + 1 };
  });
}

/** The PI submits the saved final report: the project goes to acceptance. */
export async function submitFinalReport(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZSubmitFinalReport>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:own');
  const own = piProjectWhere(actor);
  return client.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [own, { id: input.projectId }] },
      select: { id: true, status: true, version: true },
    });
    if (!project) throw notFound();
    const acceptance = await tx.finalAcceptance.findUnique({
      where: { projectId: project.id },
      select: { id: true, status: true, version: true, finalReport: true },
    });
    if (!acceptance) throw new DomainError('VALIDATION', 'checkFields', { finalReport: 'required' });
    if (acceptance.status !== 'DRAFT') throw new DomainError('CONFLICT', 'wrongState');
    if (acceptance.version !== input.version) throw stale();
    const [taskBook, finalReports] = await Promise.all([
      confirmedTaskBook(tx, project.id),
      tx.expenditureReport.findMany({ where: { projectId: project.id, isFinal: true }, select: { status: true } }),
    ]);
    const issues = canSubmitFinalReport({
      projectStatus: project.status,
      finalReport: acceptance.finalReport,
      kpis: (taskBook?.kpis ?? []).map((k) => ({
        kpiId: k.id,
        attainedValue: k.attainedValue,
        attainment: k.attainment,
      })),
      finalExpenditureStatuses: finalReports.map((r) => r.status),
    });
    if (issues.some((i) => i.code === 'wrongState')) throw new DomainError('CONFLICT', 'wrongState');
    const formIssue = issues.find((i) => i.field === '_form');
    if (formIssue) throw new DomainError('CONFLICT', formIssue.code);
    if (issues.length) throw validation(issues);
    const updated = await tx.finalAcceptance.updateMany({
      where: { id: acceptance.id, version: acceptance.version, status: 'DRAFT' },
      data: { status: 'SUBMITTED', submittedAt: now, result: null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await moveProject(tx, actor, project, 'submit_final', 'ACCEPTANCE', { acceptanceId: acceptance.id });
    await recordAudit(tx, {
      actor,
      action: 'final_acceptance.submit',
      entityType: 'FinalAcceptance',
      entityId: acceptance.id,
      summary: { projectId: project.id, from: 'DRAFT', to: 'SUBMITTED' },
    });
    return { status: 'SUBMITTED' as const };
  });
}

/**
 * Staff record the experts' opinion and the result. PASSED / PASSED_WITH_CONDITIONS close the project and schedule
 * the long-cycle review; FAILED closes it; DEFERRED returns it to ACTIVE and the report to the PI as a draft.
 */
export async function decideAcceptance(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideAcceptance>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: input.projectId },
      select: { id: true, status: true, version: true, program: { select: { kind: true } } },
    });
    if (!project) throw notFound();
    const acceptance = await tx.finalAcceptance.findUnique({
      where: { projectId: project.id },
      select: { id: true, status: true, version: true },
    });
    if (!acceptance) throw new DomainError('CONFLICT', 'wrongState');
    const transition = acceptanceTransition(acceptance.status, project.status, input.result);
    if (!transition) throw new DomainError('CONFLICT', 'wrongState');
    if (acceptance.version !== input.version) throw stale();
    const deferred = input.result === 'DEFERRED';
    const updated = await tx.finalAcceptance.updateMany({
      where: { id: acceptance.id, version: acceptance.version, status: acceptance.status },
      data: {
        expertOpinion: input.expertOpinion,
        result: input.result,
        status: deferred ? 'DRAFT' : 'DECIDED',
        decidedById: actor.userId,
        decidedAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    if (transition === 'defer_acceptance') {
      await moveProject(tx, actor, project, 'defer_acceptance', 'ACTIVE', { acceptanceId: acceptance.id });
    } else {
      await moveProject(tx, actor, project, 'close', 'CLOSED', { acceptanceId: acceptance.id, result: input.result });
    }
    await recordAudit(tx, {
      actor,
      action: 'final_acceptance.decide',
      entityType: 'FinalAcceptance',
      entityId: acceptance.id,
      summary: {
        projectId: project.id,
        result: input.result,
        from: acceptance.status,
        to: deferred ? 'DRAFT' : 'DECIDED',
      },
    });
    let longCycle = null;
    if (input.result === 'PASSED' || input.result === 'PASSED_WITH_CONDITIONS') {
      const plan = scheduleLongCycle(beijingToday(now), evaluationCategoryOf(project.program.kind), {
        years: input.longCycleYears ?? undefined,
        international: input.longCycleInternational ?? undefined,
      });
      const row = await tx.longCycleEvaluation.create({
        data: {
          projectId: project.id,
          scheduledFor: calendarDate(plan.scheduledFor),
          international: plan.international,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'long_cycle_evaluation.schedule',
        entityType: 'LongCycleEvaluation',
        entityId: row.id,
        summary: { projectId: project.id, ...plan },
      });
      longCycle = { id: row.id, ...plan };
    }
    return { result: input.result, longCycle };
  });
}
