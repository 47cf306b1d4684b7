import 'server-only';
import type { z } from 'zod';
import {
  canTransitionChange,
  checkChangeRequest,
  type ChangeFacts,
  type ChangeIssue,
  type ChangePayload,
} from '@/domain/project/change';
import { addMonths } from '@/domain/project/evaluation';
import { RUNNING_PROJECT_STATUSES } from '@/domain/project/transitions';
import { DomainError, notFound, stale } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';
import type { ZDecideChange, ZRequestChange, ZWithdrawChange } from '@/lib/validation/project-lifecycle';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import {
  assertCanReadLifecycle,
  beijingToday,
  calendarDate,
  confirmedTaskBook,
  isoDate,
  projectSummarySelect,
} from './checks';
import { piProjectWhere, projectWhere } from './scope';

// 项目变更 (issue 6): the PI asks (extension, change of PI, member change, budget reallocation), the institution
// office approves or rejects, then commission staff; the PI may withdraw until the commission decides. The rules are
// checked when asked and again when the commission approves (spending or the team may have moved in between), and
// the commission's approval applies the change in the same transaction (src/domain/project/change.ts).

const UUID = /^[0-9a-f-]{36}$/i;
export const MEMBER_ROLE_PI = 'PI';
export const MEMBER_ROLE_MEMBER = 'MEMBER';

/** The stored payload: bigint amounts as strings, names kept for reading later. */
type StoredPayload =
  | { kind: 'EXTENSION'; months: number }
  | { kind: 'PI_CHANGE'; newPiUserId: string; newPiName: string }
  | {
      kind: 'MEMBER_CHANGE';
      add: string[];
      remove: string[];
      names: Record<string, string>;
    }
  | { kind: 'BUDGET_REALLOCATION'; moves: { from: string; to: string; amountFen: string }[] };

function domainPayload(p: StoredPayload): ChangePayload {
  switch (p.kind) {
    case 'EXTENSION':
      return p;
    case 'PI_CHANGE':
      return { kind: 'PI_CHANGE', newPiUserId: p.newPiUserId };
    case 'MEMBER_CHANGE':
      return { kind: 'MEMBER_CHANGE', add: p.add, remove: p.remove };
    case 'BUDGET_REALLOCATION':
      return { ...p, moves: p.moves.map((m) => ({ ...m, amountFen: BigInt(m.amountFen) })) };
  }
}

/** The form names money `amount` (万元); the rules name it `amountFen`. */
const formField = (field: string) => field.replace(/\.amountFen$/, '.amount');
const changeRefused = (issues: readonly ChangeIssue[]) =>
  new DomainError(
    'VALIDATION',
    'checkFields',
    Object.fromEntries(issues.map((i) => [formField(i.field), msg(i.code, i.params)])),
  );

/** The facts the change rules read, loaded fresh inside the caller's transaction. */
async function changeFacts(
  tx: Tx | Db,
  project: { id: string; piUserId: string; budgetMode: 'LINE_ITEM' | 'LUMP_SUM'; endDate: Date },
  now: Date,
  newPiUserId?: string,
): Promise<ChangeFacts> {
  const [approved, members, taskBook, lines, credit] = await Promise.all([
    tx.projectChange.findMany({
      where: { projectId: project.id, kind: 'EXTENSION', status: 'APPROVED' },
      select: { payload: true },
    }),
    tx.projectMember.findMany({
      where: { projectId: project.id, toDate: null, userId: { not: null } },
      select: { userId: true },
    }),
    confirmedTaskBook(tx, project.id),
    tx.expenditureLine.findMany({
      where: { report: { projectId: project.id, status: { not: 'RETURNED' } } },
      select: { categoryCode: true, amountFen: true },
    }),
    newPiUserId
      ? tx.creditRecord.findMany({
          where: { userId: newPiUserId, revokedAt: null },
          select: { startsOn: true, endsOn: true, barsApplications: true },
        })
      : Promise.resolve([]),
  ]);
  const budgetByCategory = new Map<string, bigint>();
  for (const b of taskBook?.budget ?? [])
    if (b.categoryCode)
      budgetByCategory.set(b.categoryCode, (budgetByCategory.get(b.categoryCode) ?? 0n) + b.amountFen);
  const spentByCategory = new Map<string, bigint>();
  for (const l of lines) spentByCategory.set(l.categoryCode, (spentByCategory.get(l.categoryCode) ?? 0n) + l.amountFen);
  return {
    now,
    endDate: isoDate(project.endDate),
    budgetMode: project.budgetMode,
    piUserId: project.piUserId,
    memberUserIds: [...new Set([project.piUserId, ...members.map((m) => m.userId!)])],
    extendedMonths: approved.reduce((n, c) => n + ((c.payload as { months?: number }).months ?? 0), 0),
    budgetByCategory,
    spentByCategory,
    newPiCreditRecords: credit,
  };
}

/** A project's change requests, with what the request forms need (team, budget categories). */
export async function getProjectChanges(client: Db, actor: Actor, projectId: string) {
  assertCanReadLifecycle(actor);
  const where = projectWhere(actor);
  if (!UUID.test(projectId)) throw notFound();
  const project = await client.project.findFirst({
    where: { AND: [where, { id: projectId }] },
    select: projectSummarySelect,
  });
  if (!project) throw notFound();
  const [changes, members, facts, categories] = await Promise.all([
    client.projectChange.findMany({
      where: { projectId: project.id },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        kind: true,
        payload: true,
        reason: true,
        status: true,
        institutionComment: true,
        institutionDecidedAt: true,
        commissionComment: true,
        commissionDecidedAt: true,
        appliedAt: true,
        createdAt: true,
        version: true,
      },
    }),
    client.projectMember.findMany({
      where: { projectId: project.id, toDate: null },
      orderBy: { fromDate: 'asc' },
      select: { id: true, userId: true, name: true, memberRole: true, fromDate: true },
    }),
    changeFacts(client, project, new Date()),
    client.expenditureCategory.findMany({
      where: { edition: { current: true } },
      orderBy: { ordinal: 'asc' },
      select: { code: true, name: true, nameEn: true, isIndirect: true },
    }),
  ]);
  return {
    project,
    isPi: actor.role === 'RESEARCHER' && project.piUserId === actor.userId,
    changes: changes.map((c) => ({ ...c, payload: c.payload as StoredPayload })),
    members,
    extendedMonths: facts.extendedMonths,
    budget: [...facts.budgetByCategory].map(([categoryCode, budgetFen]) => ({
      categoryCode,
      budgetFen,
      spentFen: facts.spentByCategory.get(categoryCode) ?? 0n,
    })),
    /** Every category of the current edition: money may move into one the budget does not have yet. */
    categories,
  };
}

/** The PI asks for a change; refused when the rules say it is outside what the program allows. */
export async function requestChange(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZRequestChange>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:own');
  const own = piProjectWhere(actor);
  return client.$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [own, { id: input.projectId }] },
      select: { id: true, status: true, piUserId: true, budgetMode: true, endDate: true },
    });
    if (!project) throw notFound();
    if (!(RUNNING_PROJECT_STATUSES as readonly string[]).includes(project.status))
      throw new DomainError('CONFLICT', 'wrongState');
    const pending = await tx.projectChange.count({
      where: { projectId: project.id, kind: input.kind, status: { in: ['REQUESTED', 'INSTITUTION_APPROVED'] } },
    });
    if (pending > 0) throw new DomainError('CONFLICT', 'changePending');
    let stored: StoredPayload;
    switch (input.kind) {
      case 'EXTENSION':
        stored = { kind: 'EXTENSION', months: input.months };
        break;
      case 'PI_CHANGE': {
        const user = await tx.user.findUnique({ where: { id: input.newPiUserId }, select: { name: true } });
        if (!user) throw new DomainError('VALIDATION', 'checkFields', { newPiUserId: 'newPiNotOnTeam' });
        stored = { kind: 'PI_CHANGE', newPiUserId: input.newPiUserId, newPiName: user.name };
        break;
      }
      case 'MEMBER_CHANGE': {
        const added = await tx.user.findMany({
          where: { email: { in: input.add }, roles: { some: { role: 'RESEARCHER' } } },
          select: { id: true, name: true, email: true },
        });
        if (added.length !== input.add.length)
          throw new DomainError('VALIDATION', 'checkFields', { add: 'memberNotResearcher' });
        const leaving = await tx.user.findMany({
          where: { id: { in: input.remove } },
          select: { id: true, name: true },
        });
        stored = {
          kind: 'MEMBER_CHANGE',
          add: added.map((u) => u.id),
          remove: input.remove,
          names: Object.fromEntries([...added, ...leaving].map((u) => [u.id, u.name])),
        };
        break;
      }
      case 'BUDGET_REALLOCATION':
        stored = {
          kind: 'BUDGET_REALLOCATION',
          moves: input.moves.map((m) => ({ from: m.from, to: m.to, amountFen: m.amount.toString() })),
        };
        break;
    }
    const facts = await changeFacts(tx, project, now, stored.kind === 'PI_CHANGE' ? stored.newPiUserId : undefined);
    const issues = checkChangeRequest(domainPayload(stored), facts);
    if (issues.length) throw changeRefused(issues);
    const change = await tx.projectChange.create({
      data: {
        projectId: project.id,
        kind: input.kind,
        payload: stored,
        reason: input.reason,
        requestedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'project_change.request',
      entityType: 'ProjectChange',
      entityId: change.id,
      summary: { projectId: project.id, kind: input.kind, payload: stored, reason: input.reason },
    });
    return { id: change.id };
  });
}

/** The institution office approves (sends on to the commission) or rejects a request of its institution's project. */
export async function institutionDecideChange(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideChange>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:institution');
  const institutionId = actorInstitution(actor);
  return client.$transaction(async (tx) => {
    const change = await tx.projectChange.findFirst({
      where: { id: input.changeId, project: { institutionId } },
      select: { id: true, status: true, version: true, projectId: true, kind: true },
    });
    if (!change) throw notFound();
    const transition = input.decision === 'APPROVE' ? 'institution_approve' : 'reject';
    if (!canTransitionChange(change.status, transition, 'OFFICE')) throw new DomainError('CONFLICT', 'wrongState');
    const to = input.decision === 'APPROVE' ? 'INSTITUTION_APPROVED' : 'REJECTED';
    const updated = await tx.projectChange.updateMany({
      where: { id: change.id, version: input.version, status: change.status },
      data: {
        status: to,
        institutionDecidedById: actor.userId,
        institutionComment: input.comment,
        institutionDecidedAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: `project_change.${transition}`,
      entityType: 'ProjectChange',
      entityId: change.id,
      summary: {
        projectId: change.projectId,
        kind: change.kind,
        from: change.status,
        to,
        comment: input.comment,
        by: 'institution',
      },
    });
    return { status: to };
  });
}

/**
 * Commission staff approve — the rules are checked again on today's facts and the change is applied in the same
 * transaction — or reject.
 */
export async function commissionDecideChange(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideChange>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const change = await tx.projectChange.findUnique({
      where: { id: input.changeId },
      select: {
        id: true,
        status: true,
        version: true,
        kind: true,
        payload: true,
        project: { select: { id: true, status: true, version: true, piUserId: true, budgetMode: true, endDate: true } },
      },
    });
    if (!change) throw notFound();
    const transition = input.decision === 'APPROVE' ? 'approve' : 'reject';
    if (!canTransitionChange(change.status, transition, 'STAFF')) throw new DomainError('CONFLICT', 'wrongState');
    const to = input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
    const payload = change.payload as StoredPayload;
    let applied: Record<string, unknown> | null = null;
    if (to === 'APPROVED') {
      if (!(RUNNING_PROJECT_STATUSES as readonly string[]).includes(change.project.status))
        throw new DomainError('CONFLICT', 'wrongState');
      const facts = await changeFacts(
        tx,
        change.project,
        now,
        payload.kind === 'PI_CHANGE' ? payload.newPiUserId : undefined,
      );
      const issues = checkChangeRequest(domainPayload(payload), facts);
      if (issues.length) throw changeRefused(issues);
    }
    const updated = await tx.projectChange.updateMany({
      where: { id: change.id, version: input.version, status: change.status },
      data: {
        status: to,
        commissionDecidedById: actor.userId,
        commissionComment: input.comment,
        commissionDecidedAt: now,
        appliedAt: to === 'APPROVED' ? now : null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    if (to === 'APPROVED') applied = await applyChange(tx, change.project, payload, now);
    await recordAudit(tx, {
      actor,
      action: `project_change.${transition}`,
      entityType: 'ProjectChange',
      entityId: change.id,
      summary: {
        projectId: change.project.id,
        kind: change.kind,
        from: change.status,
        to,
        comment: input.comment,
        by: 'commission',
        applied,
      },
    });
    return { status: to, applied };
  });
}

/** The PI withdraws a request the commission has not decided. */
export async function withdrawChange(client: Db, actor: Actor, input: z.output<typeof ZWithdrawChange>) {
  assertCan(actor, 'manage:project:own');
  const own = piProjectWhere(actor);
  return client.$transaction(async (tx) => {
    const change = await tx.projectChange.findFirst({
      where: { id: input.changeId, project: own },
      select: { id: true, status: true, kind: true, projectId: true },
    });
    if (!change) throw notFound();
    if (!canTransitionChange(change.status, 'withdraw', 'PI')) throw new DomainError('CONFLICT', 'wrongState');
    const updated = await tx.projectChange.updateMany({
      where: { id: change.id, version: input.version, status: change.status },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'project_change.withdraw',
      entityType: 'ProjectChange',
      entityId: change.id,
      summary: { projectId: change.projectId, kind: change.kind, from: change.status, to: 'WITHDRAWN' },
    });
    return { status: 'WITHDRAWN' as const };
  });
}

/** Applies an approved change; returns the before/after the audit event keeps. */
async function applyChange(
  tx: Tx,
  project: { id: string; version: number; piUserId: string; endDate: Date },
  payload: StoredPayload,
  now: Date,
): Promise<Record<string, unknown>> {
  const today = calendarDate(beijingToday(now));
  const bumpProject = async (data: { endDate?: Date; piUserId?: string }) => {
    const updated = await tx.project.updateMany({
      where: { id: project.id, version: project.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw stale();
  };
  switch (payload.kind) {
    case 'EXTENSION': {
      const before = isoDate(project.endDate);
      const after = addMonths(before, payload.months);
      await bumpProject({ endDate: calendarDate(after) });
      // The task book's last milestone (the final one) moves with the end date.
      const taskBook = await confirmedTaskBook(tx, project.id);
      const last = taskBook?.milestones.at(-1);
      let milestone = null;
      if (last) {
        const due = addMonths(isoDate(last.dueDate), payload.months);
        const moved = await tx.projectMilestone.updateMany({
          where: { id: last.id, version: last.version },
          data: { dueDate: calendarDate(due), version: { increment: 1 } },
        });
        if (moved.count === 0) throw stale();
        milestone = { id: last.id, before: isoDate(last.dueDate), after: due };
      }
      return { endDate: { before, after }, milestone };
    }
    case 'PI_CHANGE': {
      await bumpProject({ piUserId: payload.newPiUserId });
      const current = await tx.projectMember.findMany({
        where: { projectId: project.id, toDate: null, userId: { in: [project.piUserId, payload.newPiUserId] } },
        select: { id: true, userId: true, name: true, version: true },
      });
      // Each person's role changes from today: the old row closes and a new one opens.
      for (const m of current) await closeMember(tx, m, today);
      const oldPi = current.find((m) => m.userId === project.piUserId);
      const oldPiName =
        oldPi?.name ??
        (await tx.user.findUniqueOrThrow({ where: { id: project.piUserId }, select: { name: true } })).name;
      await tx.projectMember.createMany({
        data: [
          {
            projectId: project.id,
            userId: payload.newPiUserId,
            name: payload.newPiName,
            memberRole: MEMBER_ROLE_PI,
            fromDate: today,
          },
          {
            projectId: project.id,
            userId: project.piUserId,
            name: oldPiName,
            memberRole: MEMBER_ROLE_MEMBER,
            fromDate: today,
          },
        ],
      });
      return { piUserId: { before: project.piUserId, after: payload.newPiUserId } };
    }
    case 'MEMBER_CHANGE': {
      const leaving = await tx.projectMember.findMany({
        where: { projectId: project.id, toDate: null, userId: { in: payload.remove } },
        select: { id: true, userId: true, name: true, version: true },
      });
      for (const m of leaving) await closeMember(tx, m, today);
      if (payload.add.length) {
        await tx.projectMember.createMany({
          data: payload.add.map((userId) => ({
            projectId: project.id,
            userId,
            name: payload.names[userId] ?? '',
            memberRole: MEMBER_ROLE_MEMBER,
            fromDate: today,
          })),
        });
      }
      return { added: payload.add, removed: leaving.map((m) => m.userId) };
    }
    case 'BUDGET_REALLOCATION':
      return { budget: await reallocateBudget(tx, project.id, payload.moves) };
  }
}

async function closeMember(tx: Tx, m: { id: string; version: number }, today: Date) {
  const updated = await tx.projectMember.updateMany({
    where: { id: m.id, version: m.version, toDate: null },
    data: { toDate: today, version: { increment: 1 } },
  });
  if (updated.count === 0) throw stale();
}

/**
 * Moves money between categories of the confirmed task book's budget, in place. Each move takes from the source
 * category's latest years first (money not yet spent) and adds the same amount to the target category in the same
 * year and funding source, so every year's and every payer's total — what the tranches are planned from — stays as
 * it was. Returns the per-category totals before and after.
 */
async function reallocateBudget(tx: Tx, projectId: string, moves: { from: string; to: string; amountFen: string }[]) {
  const taskBook = await confirmedTaskBook(tx, projectId);
  if (!taskBook) throw new DomainError('CONFLICT', 'wrongState');
  const rows = taskBook.budget.map((b) => ({ ...b }));
  const totals = () => {
    const t: Record<string, string> = {};
    const sums = new Map<string, bigint>();
    for (const r of rows) if (r.categoryCode) sums.set(r.categoryCode, (sums.get(r.categoryCode) ?? 0n) + r.amountFen);
    for (const [k, v] of sums) t[k] = v.toString();
    return t;
  };
  const before = totals();
  const created: typeof rows = [];
  for (const move of moves) {
    let left = BigInt(move.amountFen);
    const sources = rows
      .filter((r) => r.categoryCode === move.from && r.amountFen > 0n)
      .sort((a, b) => b.year - a.year || a.source.localeCompare(b.source));
    for (const src of sources) {
      if (left === 0n) break;
      const take = src.amountFen < left ? src.amountFen : left;
      src.amountFen -= take;
      left -= take;
      let target = rows.find(
        (r) =>
          r.categoryCode === move.to &&
          r.year === src.year &&
          r.source === src.source &&
          r.sourceInstitutionId === src.sourceInstitutionId,
      );
      if (!target) {
        target = { ...src, id: '', categoryCode: move.to, amountFen: 0n };
        rows.push(target);
        created.push(target);
      }
      target.amountFen += take;
    }
    // The rules checked the category holds the amount; anything left means the budget changed underneath.
    if (left > 0n) throw stale();
  }
  for (const r of rows) {
    if (r.id) await tx.budgetPlan.update({ where: { id: r.id }, data: { amountFen: r.amountFen } });
  }
  if (created.length) {
    await tx.budgetPlan.createMany({
      data: created.map((r) => ({
        taskBookId: taskBook.id,
        year: r.year,
        source: r.source,
        sourceInstitutionId: r.sourceInstitutionId,
        categoryCode: r.categoryCode,
        amountFen: r.amountFen,
      })),
    });
  }
  return { before, after: totals() };
}
