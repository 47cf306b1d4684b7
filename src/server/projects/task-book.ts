import 'server-only';
import type { z } from 'zod';
import { canConfirmTaskBook, completesConfirmation } from '@/domain/project/task-book';
import { planTranches } from '@/domain/project/tranche';
import { canTransitionProject } from '@/domain/project/transitions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type {
  ZActivateProject,
  ZConfirmTaskBook,
  ZTaskBookBudget,
  ZTaskBookContent,
  ZTaskBookKpis,
  ZTaskBookMilestones,
} from '@/lib/validation/projects';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db, Tx } from '../db';
import { issuesToFieldErrors } from '../applications/applicant';
import { currentExpenditureCategories } from '../reference/taxonomy';
import { partyOf, pledgesOf, scopedProject } from './projects';
import { piProjectWhere } from './scope';

// 任务书 (DATA-MODEL §2.12, §3.7): the PI edits the DRAFT — its text, KPIs, milestones and budget by year and source —
// each save checked against the version the form was loaded with; any edit clears the confirmations already given,
// because a party confirmed the text as it then stood. The PI, the institution's office and the commission confirm in
// any order; the last of the three runs canConfirmTaskBook and moves the project to TASK_BOOK_CONFIRMED. Staff then
// activate the project, which plans its tranches from the confirmed budget.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dateOf = (s: string) => new Date(`${s}T00:00:00Z`);

const CLEARED = {
  piConfirmedAt: null,
  institutionConfirmedById: null,
  institutionConfirmedAt: null,
  commissionConfirmedById: null,
  commissionConfirmedAt: null,
} as const;

/** The PI's own project in TASK_BOOK_DRAFT and its draft task book, or NOT_FOUND / CONFLICT. */
async function ownDraft(tx: Tx, actor: Actor, projectId: string) {
  assertCan(actor, 'manage:project:own');
  const project = await tx.project.findFirst({
    where: { AND: [scopedProject(actor, projectId), piProjectWhere(actor)] },
    select: {
      id: true,
      status: true,
      budgetMode: true,
      institutionId: true,
      startDate: true,
      endDate: true,
      challenge: { select: { issuerInstitutionId: true } },
      taskBooks: {
        where: { status: 'DRAFT' },
        orderBy: { number: 'desc' },
        take: 1,
        select: {
          id: true,
          version: true,
          piConfirmedAt: true,
          institutionConfirmedAt: true,
          commissionConfirmedAt: true,
        },
      },
    },
  });
  if (!project) throw notFound();
  const tb = project.taskBooks[0];
  if (project.status !== 'TASK_BOOK_DRAFT' || !tb) throw new DomainError('CONFLICT', 'taskBookNotDraft');
  return { project, tb };
}

/** Bumps the task book's version (or STALE) and clears the confirmations given so far. */
async function touch(tx: Tx, tb: { id: string }, version: number) {
  const { count } = await tx.taskBook.updateMany({
    where: { id: tb.id, version, status: 'DRAFT' },
    data: { ...CLEARED, version: { increment: 1 } },
  });
  if (count === 0) throw stale();
}

async function auditEdit(
  tx: Tx,
  actor: Actor,
  tb: {
    id: string;
    piConfirmedAt: Date | null;
    institutionConfirmedAt: Date | null;
    commissionConfirmedAt: Date | null;
  },
  part: string,
  summary: Record<string, unknown> = {},
) {
  const cleared = [
    tb.piConfirmedAt && 'PI',
    tb.institutionConfirmedAt && 'INSTITUTION',
    tb.commissionConfirmedAt && 'COMMISSION',
  ].filter(Boolean);
  await recordAudit(tx, {
    actor,
    action: 'task_book.edit',
    entityType: 'TaskBook',
    entityId: tb.id,
    summary: { part, clearedConfirmations: cleared, ...summary },
  });
}

export async function saveTaskBookContent(client: Db, actor: Actor, input: z.output<typeof ZTaskBookContent>) {
  assertCan(actor, 'manage:project:own');
  return client.$transaction(async (tx) => {
    const { tb } = await ownDraft(tx, actor, input.projectId);
    await touch(tx, tb, input.version);
    await tx.taskBook.update({ where: { id: tb.id }, data: { content: input.content } });
    await auditEdit(tx, actor, tb, 'content');
    return { version: input.version + 1 };
  });
}

/**
 * Replaces the KPI list. A KPI copied from a challenge target (指标) stays, worded as the challenge says: removing it
 * or changing its name, unit, comparator or target is refused on that row.
 */
export async function saveTaskBookKpis(client: Db, actor: Actor, input: z.output<typeof ZTaskBookKpis>) {
  assertCan(actor, 'manage:project:own');
  return client.$transaction(async (tx) => {
    const { tb } = await ownDraft(tx, actor, input.projectId);
    const existing = await tx.projectKpi.findMany({
      where: { taskBookId: tb.id },
      select: { id: true, challengeTargetId: true, name: true, unit: true, comparator: true, targetValue: true },
    });
    const byId = new Map(existing.map((k) => [k.id, k]));
    const errors: { field: string; code: string }[] = [];
    input.kpis.forEach((k, i) => {
      if (k.id && !byId.has(k.id)) errors.push({ field: `kpis.${i}.name`, code: 'invalid' });
      const old = k.id ? byId.get(k.id) : undefined;
      if (old?.challengeTargetId) {
        for (const f of ['name', 'unit', 'comparator', 'targetValue'] as const) {
          if (old[f] !== k[f]) errors.push({ field: `kpis.${i}.${f}`, code: 'challengeKpiLocked' });
        }
      }
    });
    const kept = new Set(input.kpis.map((k) => k.id).filter(Boolean));
    if (existing.some((k) => k.challengeTargetId && !kept.has(k.id))) {
      errors.push({ field: 'kpis', code: 'challengeKpiRemoved' });
    }
    if (errors.length) throw new DomainError('VALIDATION', 'checkFields', issuesToFieldErrors(errors));

    await touch(tx, tb, input.version);
    await tx.projectKpi.deleteMany({ where: { taskBookId: tb.id, id: { notIn: [...kept] as string[] } } });
    // Move the kept rows out of the way of the new ordinals first: (taskBookId, ordinal) is unique.
    await tx.projectKpi.updateMany({ where: { taskBookId: tb.id }, data: { ordinal: { increment: 10_000 } } });
    for (const [i, k] of input.kpis.entries()) {
      const data = {
        ordinal: i + 1,
        name: k.name,
        unit: k.unit,
        comparator: k.comparator,
        targetValue: k.targetValue,
        acceptanceMethod: k.acceptanceMethod,
      };
      if (k.id) await tx.projectKpi.update({ where: { id: k.id }, data: { ...data, version: { increment: 1 } } });
      else await tx.projectKpi.create({ data: { ...data, taskBookId: tb.id } });
    }
    await auditEdit(tx, actor, tb, 'kpis', { count: input.kpis.length });
    return { version: input.version + 1 };
  });
}

/** Replaces the milestones. The 赛马制 cut milestone is the challenge's: it stays, on its date. */
export async function saveTaskBookMilestones(client: Db, actor: Actor, input: z.output<typeof ZTaskBookMilestones>) {
  assertCan(actor, 'manage:project:own');
  return client.$transaction(async (tx) => {
    const { tb } = await ownDraft(tx, actor, input.projectId);
    const existing = await tx.projectMilestone.findMany({
      where: { taskBookId: tb.id },
      select: {
        id: true,
        key: true,
        isRaceCut: true,
        dueDate: true,
        _count: { select: { opinions: true, checks: true } },
      },
    });
    const byId = new Map(existing.map((m) => [m.id, m]));
    const errors: { field: string; code: string }[] = [];
    input.milestones.forEach((m, i) => {
      if (m.id && !byId.has(m.id)) errors.push({ field: `milestones.${i}.title`, code: 'invalid' });
      const old = m.id ? byId.get(m.id) : undefined;
      if (old?.isRaceCut && iso(old.dueDate) !== m.dueDate) {
        errors.push({ field: `milestones.${i}.dueDate`, code: 'raceCutMilestoneLocked' });
      }
    });
    const kept = new Set(input.milestones.map((m) => m.id).filter(Boolean));
    for (const m of existing) {
      if (kept.has(m.id)) continue;
      if (m.isRaceCut) errors.push({ field: 'milestones', code: 'raceCutMilestoneLocked' });
      // A milestone a mentor has given an opinion on, or a check refers to, is part of the record.
      else if (m._count.opinions + m._count.checks > 0) errors.push({ field: 'milestones', code: 'milestoneInUse' });
    }
    if (errors.length) throw new DomainError('VALIDATION', 'checkFields', issuesToFieldErrors(errors));

    await touch(tx, tb, input.version);
    await tx.projectMilestone.deleteMany({ where: { taskBookId: tb.id, id: { notIn: [...kept] as string[] } } });
    const used = new Set(existing.filter((m) => kept.has(m.id)).map((m) => m.key));
    let n = 0;
    const freshKey = () => {
      let key: string;
      do key = `m${++n}`;
      while (used.has(key));
      used.add(key);
      return key;
    };
    for (const m of input.milestones) {
      const data = { title: m.title, dueDate: dateOf(m.dueDate) };
      if (m.id) await tx.projectMilestone.update({ where: { id: m.id }, data: { ...data, version: { increment: 1 } } });
      else await tx.projectMilestone.create({ data: { ...data, taskBookId: tb.id, key: freshKey() } });
    }
    await auditEdit(tx, actor, tb, 'milestones', { count: input.milestones.length });
    return { version: input.version + 1 };
  });
}

/**
 * Replaces the budget plan. Each source's payer follows from the project: the enterprise co-funding is the challenge
 * issuer's, the matching the institution's. Categories must exist (line-item budgets); the sums are checked when the
 * task book is confirmed, so a PI can save a plan that does not add up yet.
 */
export async function saveTaskBookBudget(client: Db, actor: Actor, input: z.output<typeof ZTaskBookBudget>) {
  assertCan(actor, 'manage:project:own');
  return client.$transaction(async (tx) => {
    const { project, tb } = await ownDraft(tx, actor, input.projectId);
    const known = new Set((await currentExpenditureCategories(tx)).map((c) => c.code));
    const errors: { field: string; code: string }[] = [];
    const seen = new Set<string>();
    const rows = input.budget.map((b, i) => {
      const categoryCode = project.budgetMode === 'LUMP_SUM' ? null : b.categoryCode;
      if (project.budgetMode === 'LUMP_SUM' && b.categoryCode) {
        errors.push({ field: `budget.${i}.categoryCode`, code: 'lumpSumHasNoLines' });
      }
      if (project.budgetMode === 'LINE_ITEM') {
        if (!b.categoryCode) errors.push({ field: `budget.${i}.categoryCode`, code: 'budgetCategoryRequired' });
        else if (!known.has(b.categoryCode))
          errors.push({ field: `budget.${i}.categoryCode`, code: 'budgetCategoryUnknown' });
      }
      const key = `${b.year}:${b.source}:${categoryCode ?? ''}`;
      if (seen.has(key)) errors.push({ field: `budget.${i}.year`, code: 'duplicateBudgetRow' });
      seen.add(key);
      const sourceInstitutionId =
        b.source === 'FISCAL'
          ? null
          : b.source === 'ENTERPRISE'
            ? (project.challenge?.issuerInstitutionId ?? null)
            : project.institutionId;
      return { year: b.year, source: b.source, sourceInstitutionId, categoryCode, amountFen: b.amountWan };
    });
    if (errors.length) throw new DomainError('VALIDATION', 'checkFields', issuesToFieldErrors(errors));

    await touch(tx, tb, input.version);
    await tx.budgetPlan.deleteMany({ where: { taskBookId: tb.id } });
    const nonZero = rows.filter((r) => r.amountFen > 0n);
    if (nonZero.length) await tx.budgetPlan.createMany({ data: nonZero.map((r) => ({ ...r, taskBookId: tb.id })) });
    await auditEdit(tx, actor, tb, 'budget', { rows: nonZero.length });
    return { version: input.version + 1 };
  });
}

/**
 * One party's confirmation (the party follows from the actor's role: the PI, the project institution's office, the
 * commission). The third confirmation runs canConfirmTaskBook: when it passes, the task book is CONFIRMED and the
 * project TASK_BOOK_CONFIRMED in the same transaction; when it does not, nothing is written and the refusal names
 * the fields to correct.
 */
export async function confirmTaskBook(client: Db, actor: Actor, input: z.output<typeof ZConfirmTaskBook>) {
  const party = partyOf(actor);
  if (party === 'PI') assertCan(actor, 'manage:project:own');
  else if (party === 'INSTITUTION') assertCan(actor, 'manage:project:institution');
  else if (party === 'COMMISSION') assertCan(actor, 'manage:project:all');
  else throw new DomainError('FORBIDDEN');
  const now = new Date();
  return client.$transaction(async (tx) => {
    const where =
      party === 'PI'
        ? { AND: [scopedProject(actor, input.projectId), piProjectWhere(actor)] }
        : scopedProject(actor, input.projectId);
    const p = await tx.project.findFirst({
      where,
      select: {
        id: true,
        status: true,
        version: true,
        budgetMode: true,
        awardedFiscalFen: true,
        startDate: true,
        endDate: true,
        applicationId: true,
        challenge: { select: { targets: { orderBy: { ordinal: 'asc' }, select: { id: true, name: true } } } },
        taskBooks: {
          where: { status: 'DRAFT' },
          orderBy: { number: 'desc' },
          take: 1,
          select: {
            id: true,
            version: true,
            piConfirmedAt: true,
            institutionConfirmedAt: true,
            commissionConfirmedAt: true,
            kpis: { select: { challengeTargetId: true } },
            milestones: { orderBy: { dueDate: 'asc' }, select: { key: true, dueDate: true } },
            budget: { select: { year: true, source: true, categoryCode: true, amountFen: true } },
          },
        },
      },
    });
    if (!p) throw notFound();
    const tb = p.taskBooks[0];
    if (p.status !== 'TASK_BOOK_DRAFT' || !tb) throw new DomainError('CONFLICT', 'taskBookNotDraft');
    const already =
      party === 'PI'
        ? tb.piConfirmedAt
        : party === 'INSTITUTION'
          ? tb.institutionConfirmedAt
          : tb.commissionConfirmedAt;
    if (already) throw new DomainError('CONFLICT', 'taskBookAlreadyConfirmed');

    const complete = completesConfirmation(tb, party);
    if (complete) {
      const guard = canConfirmTaskBook({
        budgetMode: p.budgetMode,
        startDate: iso(p.startDate),
        endDate: iso(p.endDate),
        awardedFiscalFen: p.awardedFiscalFen,
        pledgedFen: await pledgesOf(tx, p.applicationId),
        challengeTargets: p.challenge?.targets ?? [],
        kpis: tb.kpis,
        milestones: tb.milestones.map((m) => ({ key: m.key, dueDate: iso(m.dueDate) })),
        budget: tb.budget,
      });
      if (!guard.ok) {
        throw new DomainError('VALIDATION', 'taskBookIncomplete', issuesToFieldErrors(guard.issues), {
          count: guard.issues.length,
        });
      }
      const by = party === 'PI' ? 'PI' : party === 'COMMISSION' ? 'STAFF' : 'SYSTEM';
      if (!canTransitionProject(p.status, 'confirm_task_book', by))
        throw new DomainError('CONFLICT', 'projectWrongState');
    }
    const stamp =
      party === 'PI'
        ? { piConfirmedAt: now }
        : party === 'INSTITUTION'
          ? { institutionConfirmedAt: now, institutionConfirmedById: actor.userId }
          : { commissionConfirmedAt: now, commissionConfirmedById: actor.userId };
    const { count } = await tx.taskBook.updateMany({
      where: { id: tb.id, version: input.version, status: 'DRAFT' },
      data: { ...stamp, ...(complete ? { status: 'CONFIRMED' as const } : {}), version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'task_book.confirm',
      entityType: 'TaskBook',
      entityId: tb.id,
      summary: { party, complete, ...(complete ? { from: 'DRAFT', to: 'CONFIRMED' } : {}) },
    });
    if (complete) {
      const moved = await tx.project.updateMany({
        where: { id: p.id, version: p.version, status: 'TASK_BOOK_DRAFT' },
        data: { status: 'TASK_BOOK_CONFIRMED', version: { increment: 1 } },
      });
      if (moved.count === 0) throw stale();
      await recordAudit(tx, {
        actor,
        action: 'project.confirm_task_book',
        entityType: 'Project',
        entityId: p.id,
        summary: { from: 'TASK_BOOK_DRAFT', to: 'TASK_BOOK_CONFIRMED', taskBookId: tb.id },
      });
    }
    return { complete, party };
  });
}

/** Staff start the project: ACTIVE, with its tranches planned from the confirmed budget (planTranches). */
export async function activateProject(client: Db, actor: Actor, input: z.output<typeof ZActivateProject>) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const p = await tx.project.findFirst({
      where: scopedProject(actor, input.projectId),
      select: {
        id: true,
        status: true,
        startDate: true,
        taskBooks: {
          where: { status: 'CONFIRMED' },
          take: 1,
          select: { budget: { select: { year: true, source: true, sourceInstitutionId: true, amountFen: true } } },
        },
        _count: { select: { tranches: true } },
      },
    });
    if (!p) throw notFound();
    if (!canTransitionProject(p.status, 'activate', 'STAFF') || !p.taskBooks[0]) {
      throw new DomainError('CONFLICT', 'projectWrongState');
    }
    const { count } = await tx.project.updateMany({
      where: { id: p.id, version: input.version, status: p.status },
      data: { status: 'ACTIVE', version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'project.activate',
      entityType: 'Project',
      entityId: p.id,
      summary: { from: p.status, to: 'ACTIVE' },
    });
    // Tranches are planned once: a project reactivated through some later path keeps the ones it has.
    if (p._count.tranches === 0) {
      const planned = planTranches(p.taskBooks[0].budget, iso(p.startDate));
      if (planned.length) {
        await tx.tranche.createMany({
          data: planned.map((t) => ({ ...t, projectId: p.id, plannedDate: dateOf(t.plannedDate) })),
        });
      }
      await recordAudit(tx, {
        actor,
        action: 'tranche.plan',
        entityType: 'Project',
        entityId: p.id,
        summary: {
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
    return { id: p.id, status: 'ACTIVE' as const };
  });
}
