import 'server-only';
import { fenToWan } from '@/domain/money';
import { ZProgramRules } from '@/domain/program/rules';
import { beijingDate } from '@/domain/decision/notice';
import {
  initialBudgetPlan,
  initialMilestones,
  projectDates,
  taskBookContentFromApplication,
} from '@/domain/project/task-book';
import { platformBudgetPlan } from '@/domain/platform/platform';
import { DomainError } from '@/lib/errors';
import { recordAudit } from '../audit/record-audit';
import type { Tx } from '../db';
import { createPlatformFromProject } from '../platforms/create-platform';

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A FUND decision that has just become FINAL gives birth to its project (DATA-MODEL §3.7 `— → TASK_BOOK_DRAFT`,
 * ADR 0010). Runs inside the finalising transaction of the caller and is idempotent: a second call for the same
 * decision returns the project the first made. Writes the project, its team, task book #1 (DRAFT) with KPIs copied
 * from the challenge's targets, milestones and the budget plan by year and source, and the `project.create` audit
 * event (system: no actor). A responsible expert (护航) is not chosen here: staff assign one. For a PLATFORM
 * application the plan's years follow its year budgets and the platform itself is created (createPlatformFromProject).
 */
export async function createProjectFromDecision(tx: Tx, decisionId: string, now: Date): Promise<{ projectId: string }> {
  const existing = await tx.project.findUnique({ where: { decisionId }, select: { id: true } });
  if (existing) return { projectId: existing.id };

  const decision = await tx.decision.findUnique({
    where: { id: decisionId },
    select: {
      id: true,
      outcome: true,
      status: true,
      awardedFiscalFen: true,
      application: {
        select: {
          id: true,
          kind: true,
          callId: true,
          challengeId: true,
          applicantId: true,
          institutionId: true,
          title: true,
          content: true,
          durationMonths: true,
          budgetMode: true,
          ruleVersion: { select: { rules: true } },
          call: { select: { year: true, programId: true, program: { select: { code: true } } } },
          applicant: { select: { name: true } },
          members: {
            orderBy: { ordinal: 'asc' },
            where: { confirmation: 'CONFIRMED' },
            select: { userId: true, user: { select: { name: true } } },
          },
          budgetLines: { orderBy: { ordinal: 'asc' }, select: { categoryCode: true, amountFen: true } },
          funding: { select: { source: true, amountFen: true } },
          yearBudgets: { orderBy: { year: 'asc' }, select: { year: true, source: true, amountFen: true } },
          challenge: {
            select: {
              issuerInstitutionId: true,
              selectionMode: true,
              cutAfterMonths: true,
              targets: {
                orderBy: { ordinal: 'asc' },
                select: {
                  id: true,
                  name: true,
                  unit: true,
                  comparator: true,
                  targetValue: true,
                  acceptanceMethod: true,
                },
              },
            },
          },
        },
      },
    },
  });
  if (!decision) throw new DomainError('NOT_FOUND');
  if (decision.outcome !== 'FUND' || decision.status !== 'FINAL' || decision.awardedFiscalFen === null) {
    throw new DomainError('CONFLICT', 'projectNeedsFinalFundDecision');
  }
  const app = decision.application;
  const { call } = app;

  // Numbering within the program's year is serialised; the lock also makes a concurrent second call for the same
  // decision wait and then find the first one's project.
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`project-code:${call.programId}:${call.year}`}))`;
  const raced = await tx.project.findUnique({ where: { decisionId }, select: { id: true } });
  if (raced) return { projectId: raced.id };
  const n = await tx.project.count({ where: { programId: call.programId, call: { year: call.year } } });
  const code = `JY${call.year}-${call.program.code}-P${String(n + 1).padStart(4, '0')}`;

  const rules = ZProgramRules.safeParse(app.ruleVersion.rules);
  const durationMonths = app.durationMonths ?? (rules.success ? rules.data.budget.durationMonths.max : 12);
  const { startDate, endDate } = projectDates(beijingDate(now), durationMonths);

  const project = await tx.project.create({
    data: {
      code,
      applicationId: app.id,
      decisionId: decision.id,
      callId: app.callId,
      programId: call.programId,
      challengeId: app.challengeId,
      piUserId: app.applicantId,
      institutionId: app.institutionId,
      title: app.title,
      budgetMode: app.budgetMode,
      awardedFiscalFen: decision.awardedFiscalFen,
      startDate: dateOf(startDate),
      endDate: dateOf(endDate),
    },
    select: { id: true },
  });

  await tx.projectMember.createMany({
    data: [
      { userId: app.applicantId, name: app.applicant.name, memberRole: 'PI' },
      ...app.members
        .filter((m) => m.userId !== app.applicantId)
        .map((m) => ({ userId: m.userId, name: m.user.name, memberRole: 'MEMBER' })),
    ].map((m) => ({ ...m, projectId: project.id, fromDate: dateOf(startDate) })),
  });

  const taskBook = await tx.taskBook.create({
    data: {
      projectId: project.id,
      number: 1,
      content: { ...taskBookContentFromApplication(app.content) },
    },
    select: { id: true },
  });

  const targets = app.challenge?.targets ?? [];
  if (targets.length) {
    await tx.projectKpi.createMany({
      data: targets.map((t, i) => ({
        taskBookId: taskBook.id,
        ordinal: i + 1,
        challengeTargetId: t.id,
        name: t.name,
        unit: t.unit,
        comparator: t.comparator,
        targetValue: t.targetValue,
        acceptanceMethod: t.acceptanceMethod,
      })),
    });
  }

  const race = app.challenge?.selectionMode === 'HORSE_RACE' ? { cutAfterMonths: app.challenge.cutAfterMonths } : null;
  await tx.projectMilestone.createMany({
    data: initialMilestones(startDate, endDate, race).map((m) => ({
      taskBookId: taskBook.id,
      key: m.key,
      title: m.title,
      dueDate: dateOf(m.dueDate),
      isRaceCut: m.isRaceCut,
    })),
  });

  const pledged = (source: 'ENTERPRISE' | 'INSTITUTION') =>
    app.funding.filter((f) => f.source === source).reduce((s, f) => s + f.amountFen, 0n);
  // A platform's multi-year budget by source (ApplicationYearBudget) shapes its plan's years when it has one.
  const budgetInput = {
    startDate,
    endDate,
    budgetMode: app.budgetMode,
    categories: app.budgetLines,
    sources: [
      { source: 'FISCAL', sourceInstitutionId: null, amountFen: decision.awardedFiscalFen },
      {
        source: 'ENTERPRISE',
        sourceInstitutionId: app.challenge?.issuerInstitutionId ?? null,
        amountFen: pledged('ENTERPRISE'),
      },
      { source: 'INSTITUTION', sourceInstitutionId: app.institutionId, amountFen: pledged('INSTITUTION') },
    ],
  } as const;
  const plan =
    app.kind === 'PLATFORM' && app.yearBudgets.length > 0
      ? platformBudgetPlan({ ...budgetInput, yearBudgets: app.yearBudgets })
      : initialBudgetPlan(budgetInput);
  if (plan.length) await tx.budgetPlan.createMany({ data: plan.map((r) => ({ ...r, taskBookId: taskBook.id })) });

  await recordAudit(tx, {
    actor: null,
    action: 'project.create',
    entityType: 'Project',
    entityId: project.id,
    summary: {
      to: 'TASK_BOOK_DRAFT',
      code,
      decisionId: decision.id,
      applicationId: app.id,
      awardedFiscalWan: fenToWan(decision.awardedFiscalFen),
      startDate,
      endDate,
    },
  });
  // A platform application's project gives birth to the platform in the same transaction (issue 7).
  if (app.kind === 'PLATFORM') await createPlatformFromProject(tx, project.id, now);
  return { projectId: project.id };
}
