import 'server-only';
import { beijingDate, calendarDate, formatIsoDate } from '@/domain/time';
import type { z } from 'zod';
import { can, type Permission } from '@/domain/auth/permissions';
import {
  checkOpenRefusal,
  checkProgressReport,
  judgeAssessment,
  progressReportSchema,
  type CheckIssue,
} from '@/domain/project/checks';
import { canTransitionProject, type ProjectStatus, type ProjectTransition } from '@/domain/project/transitions';
import { DomainError, forbidden, notFound, stale } from '@/lib/errors';
import type { ZAssessCheck, ZOpenCheck, ZResumeProject, ZSubmitProgress } from '@/lib/validation/project-lifecycle';
import type { Db, DbOrTx, Prisma, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { piProjectWhere, projectWhere } from './scope';

// 年度/中期检查 (issue 6): staff open a check, the PI reports progress per KPI, staff assess with a score and an
// outcome that moves the project (DATA-MODEL §2.12 MidtermCheck, §3.7). The rules are in src/domain/project/checks.ts.
// The helpers at the end are shared by the other lifecycle modules (horse-race, changes, acceptance, evaluation).

const UUID = /^[0-9a-f-]{36}$/i;

/** Who reads a project's checks, changes and acceptance: staff, the PI and current members, the institution office. */
export const LIFECYCLE_READERS = [
  'manage:project:all',
  'manage:project:own',
  'manage:project:institution',
] as const satisfies readonly Permission[];

export function assertCanReadLifecycle(actor: Actor): void {
  if (!LIFECYCLE_READERS.some((p) => can(actor.role, p))) throw forbidden();
}

/** Today's Beijing calendar date (src/domain/time.ts). */
export const beijingToday = beijingDate;
/** A calendar date for a `@db.Date` column. */
export { calendarDate };
export const isoDate = (d: Date) => formatIsoDate(d);

export const validation = (issues: readonly CheckIssue[] | readonly { field: string; code: string }[]) =>
  new DomainError('VALIDATION', 'checkFields', Object.fromEntries(issues.map((i) => [i.field, i.code])));

export const projectSummarySelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  version: true,
  piUserId: true,
  institutionId: true,
  challengeId: true,
  budgetMode: true,
  startDate: true,
  endDate: true,
  terminatedReason: true,
  pi: { select: { name: true } },
  institution: { select: { name: true } },
  program: { select: { name: true, nameEn: true, kind: true } },
} satisfies Prisma.ProjectSelect;

/** The project's confirmed task book (KPIs, milestones, budget), or null before confirmation. */
export async function confirmedTaskBook(client: DbOrTx, projectId: string) {
  // One typed call site: a union of client types makes the checker compare two whole Prisma delegate types.
  const taskBooks = client.taskBook as Db['taskBook'];
  return taskBooks.findFirst({
    where: { projectId, status: 'CONFIRMED' },
    select: {
      id: true,
      kpis: {
        orderBy: { ordinal: 'asc' },
        select: {
          id: true,
          ordinal: true,
          name: true,
          unit: true,
          comparator: true,
          targetValue: true,
          acceptanceMethod: true,
          attainedValue: true,
          attainment: true,
          version: true,
        },
      },
      milestones: {
        orderBy: [{ dueDate: 'asc' }, { key: 'asc' }],
        select: { id: true, key: true, title: true, dueDate: true, isRaceCut: true, status: true, version: true },
      },
      budget: {
        select: { id: true, year: true, source: true, sourceInstitutionId: true, categoryCode: true, amountFen: true },
      },
    },
  });
}

/**
 * Moves a project along the state machine inside the caller's transaction, with the version check and the audit
 * event `project.<transition>`. The caller has already asked the pure guard.
 */
export async function moveProject(
  tx: Tx,
  actor: Actor,
  project: { id: string; version: number; status: ProjectStatus },
  transition: ProjectTransition,
  to: ProjectStatus,
  summary: Record<string, unknown> = {},
  data: Prisma.ProjectUpdateManyMutationInput = {},
) {
  // The state machine has the last word, whatever guard the caller asked first.
  const by = transition === 'submit_final' ? 'PI' : 'STAFF';
  if (!canTransitionProject(project.status, transition, by)) throw new DomainError('CONFLICT', 'wrongState');
  const updated = await tx.project.updateMany({
    where: { id: project.id, version: project.version, status: project.status },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (updated.count === 0) throw stale();
  await recordAudit(tx, {
    actor,
    action: `project.${transition}`,
    entityType: 'Project',
    entityId: project.id,
    summary: { from: project.status, to, ...summary },
  });
}

/** Cancels a project's unpaid tranches (termination), each with its audit event. */
export async function cancelOpenTranches(tx: Tx, actor: Actor, projectId: string, reason: string) {
  const open = await tx.tranche.findMany({
    where: { projectId, status: { in: ['PLANNED', 'APPROVED'] } },
    select: { id: true, status: true, version: true, amountFen: true, source: true },
  });
  for (const t of open) {
    const updated = await tx.tranche.updateMany({
      where: { id: t.id, version: t.version, status: t.status },
      data: { status: 'CANCELLED', cancelledReason: reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'tranche.cancel',
      entityType: 'Tranche',
      entityId: t.id,
      summary: { projectId, from: t.status, to: 'CANCELLED', amountFen: t.amountFen.toString(), reason },
    });
  }
  return open.map((t) => t.id);
}

const checkSelect = {
  id: true,
  kind: true,
  year: true,
  status: true,
  progress: true,
  score: true,
  assessment: true,
  assessedAt: true,
  submittedAt: true,
  outcome: true,
  raceRank: true,
  raceRoundId: true,
  version: true,
  milestone: { select: { id: true, title: true, dueDate: true } },
} satisfies Prisma.MidtermCheckSelect;

/** A project's checks with what the forms need: KPIs and milestones of the confirmed task book. */
export async function getProjectChecks(client: Db, actor: Actor, projectId: string) {
  assertCanReadLifecycle(actor);
  const where = projectWhere(actor);
  if (!UUID.test(projectId)) throw notFound();
  const project = await client.project.findFirst({
    where: { AND: [where, { id: projectId }] },
    select: {
      ...projectSummarySelect,
      challenge: { select: { selectionMode: true } },
    },
  });
  if (!project) throw notFound();
  const [taskBook, checks] = await Promise.all([
    confirmedTaskBook(client, project.id),
    client.midtermCheck.findMany({
      where: { projectId: project.id },
      orderBy: [{ year: 'desc' }, { createdAt: 'desc' }],
      select: { ...checkSelect, assessedById: true },
    }),
  ]);
  const assessors = await client.user.findMany({
    where: { id: { in: checks.map((c) => c.assessedById).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return {
    project,
    raceTeam: project.challenge?.selectionMode === 'HORSE_RACE',
    isPi: actor.role === 'RESEARCHER' && project.piUserId === actor.userId,
    kpis: taskBook?.kpis ?? [],
    milestones: taskBook?.milestones ?? [],
    checks: checks.map((c) => ({
      ...c,
      score: c.score === null ? null : Number(c.score),
      progress: c.progress === null ? null : (progressReportSchema.safeParse(c.progress).data ?? null),
      assessedBy: assessors.find((a) => a.id === c.assessedById)?.name ?? null,
    })),
  };
}

/** Staff open an annual check, or the mid-term (the project enters MIDTERM_REVIEW). */
export async function openCheck(client: Db, actor: Actor, input: z.output<typeof ZOpenCheck>) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: input.projectId },
      select: { id: true, status: true, version: true, checks: { select: { kind: true, status: true, year: true } } },
    });
    if (!project) throw notFound();
    if (project.version !== input.version) throw stale();
    const refusal = checkOpenRefusal(input.kind, project.status, project.checks);
    if (refusal) throw new DomainError('CONFLICT', refusal);
    if (project.checks.some((c) => c.kind === input.kind && c.year === input.year))
      throw new DomainError('VALIDATION', 'checkFields', { year: 'checkYearTaken' });
    const taskBook = await confirmedTaskBook(tx, project.id);
    // The mid-term is tied to the task book's mid-term milestone: the 赛马制 cut, or the one keyed "midterm".
    const milestone =
      input.kind === 'MIDTERM'
        ? (taskBook?.milestones.find((m) => m.isRaceCut) ?? taskBook?.milestones.find((m) => m.key === 'midterm'))
        : undefined;
    const check = await tx.midtermCheck.create({
      data: { projectId: project.id, kind: input.kind, year: input.year, milestoneId: milestone?.id ?? null },
      select: { id: true },
    });
    if (input.kind === 'MIDTERM') {
      await moveProject(tx, actor, project, 'start_midterm', 'MIDTERM_REVIEW', { checkId: check.id });
    }
    await recordAudit(tx, {
      actor,
      action: 'midterm_check.open',
      entityType: 'MidtermCheck',
      entityId: check.id,
      summary: { projectId: project.id, kind: input.kind, year: input.year, milestoneId: milestone?.id ?? null },
    });
    return { id: check.id };
  });
}

/**
 * Staff lift a suspension (SUSPENDED → ACTIVE, `project.resume`) with the reason written down. Tranches approved
 * before the suspension become payable again; nothing else changes.
 */
export async function resumeProject(client: Db, actor: Actor, input: z.output<typeof ZResumeProject>) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { id: input.projectId },
      select: { id: true, status: true, version: true },
    });
    if (!project) throw notFound();
    if (project.version !== input.version) throw stale();
    await moveProject(tx, actor, project, 'resume', 'ACTIVE', { note: input.note });
    return { status: 'ACTIVE' as const };
  });
}

/** The PI files (or corrects, until it is assessed) the progress report of an open check. */
export async function submitProgress(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZSubmitProgress>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:own');
  const own = piProjectWhere(actor);
  return client.$transaction(async (tx) => {
    const check = await tx.midtermCheck.findFirst({
      where: { id: input.checkId, project: own },
      select: { id: true, status: true, version: true, projectId: true, project: { select: { status: true } } },
    });
    if (!check) throw notFound();
    if (check.status === 'ASSESSED') throw new DomainError('CONFLICT', 'wrongState');
    const taskBook = await confirmedTaskBook(tx, check.projectId);
    const report = { summary: input.summary, kpis: input.kpis, milestones: input.milestones };
    const issues = checkProgressReport(
      report,
      (taskBook?.kpis ?? []).map((k) => k.id),
      (taskBook?.milestones ?? []).map((m) => m.id),
    );
    if (issues.length) throw validation(issues);
    const updated = await tx.midtermCheck.updateMany({
      where: { id: check.id, version: input.version, status: { in: ['OPEN', 'SUBMITTED'] } },
      data: { progress: report, status: 'SUBMITTED', submittedAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'midterm_check.submit',
      entityType: 'MidtermCheck',
      entityId: check.id,
      summary: {
        projectId: check.projectId,
        from: check.status,
        to: 'SUBMITTED',
        onTrack: report.kpis.filter((k) => k.onTrack).length,
        kpis: report.kpis.length,
      },
    });
    return { status: 'SUBMITTED' as const };
  });
}

/**
 * Staff assess a submitted check: the assessor (the signed-in member of staff, on the experts' written opinion), a
 * score and the outcome, which moves the project as judgeAssessment says — in the same transaction, with the
 * milestones the report marked reached or missed and, on termination, the unpaid tranches cancelled.
 */
export async function assessCheck(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZAssessCheck>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const check = await tx.midtermCheck.findUnique({
      where: { id: input.checkId },
      select: {
        id: true,
        kind: true,
        status: true,
        version: true,
        progress: true,
        project: {
          select: { id: true, status: true, version: true, challenge: { select: { selectionMode: true } } },
        },
      },
    });
    if (!check) throw notFound();
    if (check.version !== input.version) throw stale();
    const verdict = judgeAssessment(
      {
        kind: check.kind,
        checkStatus: check.status,
        projectStatus: check.project.status,
        raceTeam: check.project.challenge?.selectionMode === 'HORSE_RACE',
      },
      input,
    );
    if (!verdict.ok) {
      if (verdict.conflict || !verdict.field) throw new DomainError('CONFLICT', verdict.code);
      throw new DomainError('VALIDATION', 'checkFields', { [verdict.field]: verdict.code });
    }
    const updated = await tx.midtermCheck.updateMany({
      where: { id: check.id, version: check.version, status: 'SUBMITTED' },
      data: {
        status: 'ASSESSED',
        score: input.score,
        assessment: input.assessment,
        assessedById: actor.userId,
        assessedAt: now,
        outcome: input.outcome,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    const milestones = await applyReportedMilestones(tx, check.project.id, check.progress, now);
    const project = check.project;
    if (verdict.transition === 'continue') {
      await moveProject(tx, actor, project, 'continue', 'ACTIVE', { checkId: check.id, outcome: input.outcome });
    } else if (verdict.transition === 'suspend') {
      await moveProject(tx, actor, project, 'suspend', 'SUSPENDED', { checkId: check.id });
    } else if (verdict.transition === 'terminate') {
      await moveProject(
        tx,
        actor,
        project,
        'terminate',
        'TERMINATED',
        { checkId: check.id, reason: input.reason },
        { terminatedReason: input.reason },
      );
      await cancelOpenTranches(tx, actor, project.id, input.reason ?? '');
    }
    await recordAudit(tx, {
      actor,
      action: 'midterm_check.assess',
      entityType: 'MidtermCheck',
      entityId: check.id,
      summary: {
        projectId: project.id,
        kind: check.kind,
        score: input.score,
        outcome: input.outcome,
        milestones,
      },
    });
    return { outcome: input.outcome, transition: verdict.transition };
  });
}

/** The milestones the assessed report marked reached or missed, recorded on the task book. */
async function applyReportedMilestones(tx: Tx, projectId: string, progress: unknown, now: Date) {
  const report = progressReportSchema.safeParse(progress);
  if (!report.success) return [];
  const taskBook = await confirmedTaskBook(tx, projectId);
  const changed: { milestoneId: string; from: string; to: string }[] = [];
  for (const m of report.data.milestones) {
    const row = taskBook?.milestones.find((x) => x.id === m.milestoneId);
    if (!row || row.status === m.status) continue;
    const updated = await tx.projectMilestone.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        status: m.status,
        reachedAt: m.status === 'REACHED' ? now : null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    changed.push({ milestoneId: row.id, from: row.status, to: m.status });
  }
  return changed;
}
