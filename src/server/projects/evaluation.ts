import 'server-only';
import type { z } from 'zod';
import { canCompleteLongCycle, evaluationCategoryOf } from '@/domain/project/evaluation';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZCompleteLongCycle, ZRecordEvaluation } from '@/lib/validation/project-lifecycle';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { confirmedTaskBook } from './checks';

// 绩效评价 and 长周期评价 (issue 6): staff record a performance evaluation of a project at or after acceptance — by
// category (分类评价, from the program's kind), with a grade, the team's and the individuals' assessment and whether
// international peers took part — and complete the long-cycle reviews scheduled when projects closed.

/** Staff record one performance evaluation (append-only); the KPI attainment at that moment is kept with it. */
export async function recordEvaluation(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRecordEvaluation>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: input.projectId },
      select: { id: true, status: true, program: { select: { kind: true } } },
    });
    if (!project) throw notFound();
    if (project.status !== 'ACCEPTANCE' && project.status !== 'CLOSED') throw new DomainError('CONFLICT', 'wrongState');
    const category = evaluationCategoryOf(project.program.kind);
    const taskBook = await confirmedTaskBook(tx, project.id);
    const indicators = (taskBook?.kpis ?? []).map((k) => ({
      kpiId: k.id,
      name: k.name,
      targetValue: k.targetValue,
      attainedValue: k.attainedValue,
      attainment: k.attainment,
    }));
    const row = await tx.performanceEvaluation.create({
      data: {
        projectId: project.id,
        category,
        grade: input.grade,
        indicators,
        teamAssessment: input.teamAssessment,
        individualAssessment: input.individualAssessment,
        international: input.international,
        evaluatedById: actor.userId,
        evaluatedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'performance_evaluation.record',
      entityType: 'PerformanceEvaluation',
      entityId: row.id,
      summary: { projectId: project.id, category, grade: input.grade, international: input.international },
    });
    return { id: row.id, category };
  });
}

/** Long-cycle reviews, the scheduled ones first by due date, for staff. */
export async function listLongCycleEvaluations(client: Db, actor: Actor) {
  assertCan(actor, 'manage:project:all');
  return client.longCycleEvaluation.findMany({
    orderBy: [{ status: 'desc' }, { scheduledFor: 'asc' }],
    take: 500,
    select: {
      id: true,
      scheduledFor: true,
      status: true,
      international: true,
      grade: true,
      evaluatedAt: true,
      version: true,
      project: { select: { id: true, code: true, title: true, pi: { select: { name: true } } } },
    },
  });
}

/** Staff complete a scheduled long-cycle review with findings and a grade. */
export async function completeLongCycle(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZCompleteLongCycle>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const row = await tx.longCycleEvaluation.findUnique({
      where: { id: input.evaluationId },
      select: { id: true, status: true, projectId: true },
    });
    if (!row) throw notFound();
    if (!canCompleteLongCycle(row.status)) throw new DomainError('CONFLICT', 'wrongState');
    const updated = await tx.longCycleEvaluation.updateMany({
      where: { id: row.id, version: input.version, status: 'SCHEDULED' },
      data: {
        status: 'DONE',
        findings: input.findings,
        grade: input.grade,
        evaluatedById: actor.userId,
        evaluatedAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'long_cycle_evaluation.complete',
      entityType: 'LongCycleEvaluation',
      entityId: row.id,
      summary: { projectId: row.projectId, from: 'SCHEDULED', to: 'DONE', grade: input.grade },
    });
    return { status: 'DONE' as const };
  });
}
