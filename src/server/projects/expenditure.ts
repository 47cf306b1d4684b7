import 'server-only';
import type { z } from 'zod';
import { reconcileExpenditure } from '@/domain/project/expenditure';
import { RUNNING_PROJECT_STATUSES } from '@/domain/project/transitions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type {
  ZAcceptExpenditure,
  ZFileExpenditure,
  ZReturnExpenditure,
  ZSignExpenditure,
} from '@/lib/validation/projects';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db, Tx } from '../db';
import { issuesToFieldErrors } from '../applications/applicant';
import { scopedProject } from './projects';
import { piProjectWhere, projectWhere } from './scope';

// 经费支出报告 (DATA-MODEL §2.12): the PI files one report per project year — per category and source for a
// line-item project, the total and a statement for a 包干制 project (the pilot's simplified report). It is saved as a
// draft or submitted; submission runs reconcileExpenditure and its issues come back on the fields. The institution's
// office signs (SUBMITTED → INSTITUTION_SIGNED); staff accept it or return it with a reason, and a returned report is
// corrected and submitted again. The report of the project's last year is the final one (`isFinal`), which the
// final acceptance requires.

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const EDITABLE = ['DRAFT', 'RETURNED'] as const;
/** Reports that count as money already accounted for: filed and not sent back. */
const FILED = ['SUBMITTED', 'INSTITUTION_SIGNED', 'ACCEPTED'] as const;

export async function fileExpenditureReport(client: Db, actor: Actor, input: z.output<typeof ZFileExpenditure>) {
  assertCan(actor, 'manage:project:own');
  const now = new Date();
  return client.$transaction(async (tx) => {
    const p = await tx.project.findFirst({
      where: { AND: [scopedProject(actor, input.projectId), piProjectWhere(actor)] },
      select: {
        id: true,
        status: true,
        budgetMode: true,
        institutionId: true,
        startDate: true,
        endDate: true,
        challenge: { select: { issuerInstitutionId: true } },
      },
    });
    if (!p) throw notFound();
    if (!(RUNNING_PROJECT_STATUSES as readonly string[]).includes(p.status)) {
      throw new DomainError('CONFLICT', 'projectNotRunning');
    }
    const firstYear = p.startDate.getUTCFullYear();
    const lastYear = p.endDate.getUTCFullYear();
    if (input.year < firstYear || input.year > lastYear) {
      throw new DomainError('VALIDATION', 'checkFields', {
        year: `reportYearOutsideProject?first=${firstYear}&last=${lastYear}`,
      });
    }
    const mode: 'LINE_ITEM' | 'SIMPLIFIED' = p.budgetMode === 'LINE_ITEM' ? 'LINE_ITEM' : 'SIMPLIFIED';
    const lines = mode === 'LINE_ITEM' ? input.lines : [];
    const payer = (source: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION') =>
      source === 'FISCAL'
        ? null
        : source === 'ENTERPRISE'
          ? (p.challenge?.issuerInstitutionId ?? null)
          : p.institutionId;

    const existing = await tx.expenditureReport.findUnique({
      where: { projectId_year: { projectId: p.id, year: input.year } },
      select: { id: true, status: true, version: true },
    });
    if (existing && !(EDITABLE as readonly string[]).includes(existing.status)) {
      throw new DomainError('CONFLICT', 'expenditureNotEditable');
    }
    if (existing && input.version === undefined) throw stale();

    if (input.submit) {
      const budget = await tx.budgetPlan.findMany({
        where: { taskBook: { projectId: p.id, status: 'CONFIRMED' } },
        select: { categoryCode: true, amountFen: true },
      });
      const budgetByCategory = new Map<string, bigint>();
      for (const b of budget) {
        if (b.categoryCode)
          budgetByCategory.set(b.categoryCode, (budgetByCategory.get(b.categoryCode) ?? 0n) + b.amountFen);
      }
      const before = await tx.expenditureReport.findMany({
        where: { projectId: p.id, year: { not: input.year }, status: { in: [...FILED] } },
        select: { totalSpentFen: true, lines: { select: { categoryCode: true, amountFen: true } } },
      });
      const spentBeforeByCategory = new Map<string, bigint>();
      for (const l of before.flatMap((r) => r.lines)) {
        spentBeforeByCategory.set(l.categoryCode, (spentBeforeByCategory.get(l.categoryCode) ?? 0n) + l.amountFen);
      }
      const paid = await tx.tranche.aggregate({
        where: { projectId: p.id, status: 'PAID' },
        _sum: { amountFen: true },
      });
      const issues = reconcileExpenditure(
        {
          mode,
          totalSpentFen: input.totalSpentWan,
          statement: input.statement,
          lines: lines.map((l) => ({ categoryCode: l.categoryCode, source: l.source, amountFen: l.amountWan })),
        },
        {
          budgetByCategory,
          spentBeforeByCategory,
          spentBeforeFen: before.reduce((s, r) => s + r.totalSpentFen, 0n),
          paidFen: paid._sum.amountFen ?? 0n,
        },
      );
      if (issues.length) {
        // The form's money fields are typed in 万元: point each amount issue at the field the person edits.
        const fieldErrors = issuesToFieldErrors(
          issues.map((i) => ({
            ...i,
            field: i.field.replace(/amountFen$/, 'amountWan').replace(/^totalSpentFen$/, 'totalSpentWan'),
          })),
        );
        throw new DomainError('VALIDATION', 'expenditureDoesNotReconcile', fieldErrors, { count: issues.length });
      }
    }

    const data = {
      mode,
      totalSpentFen: input.totalSpentWan,
      statement: input.statement,
      isFinal: input.year === lastYear,
      status: input.submit ? ('SUBMITTED' as const) : ('DRAFT' as const),
      submittedAt: input.submit ? now : null,
      institutionSignedById: null,
      institutionSignedAt: null,
    };
    let id: string;
    let from: string | null = null;
    if (existing) {
      const { count } = await tx.expenditureReport.updateMany({
        where: { id: existing.id, version: input.version, status: existing.status },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      await tx.expenditureLine.deleteMany({ where: { reportId: existing.id } });
      id = existing.id;
      from = existing.status;
    } else {
      id = (
        await tx.expenditureReport.create({
          data: { ...data, projectId: p.id, year: input.year },
          select: { id: true },
        })
      ).id;
    }
    if (lines.length) {
      await tx.expenditureLine.createMany({
        data: lines.map((l) => ({
          reportId: id,
          categoryCode: l.categoryCode,
          source: l.source,
          sourceInstitutionId: payer(l.source),
          amountFen: l.amountWan,
        })),
      });
    }
    await recordAudit(tx, {
      actor,
      action: input.submit ? 'expenditure_report.submit' : 'expenditure_report.save',
      entityType: 'ExpenditureReport',
      entityId: id,
      summary: {
        from,
        to: data.status,
        projectId: p.id,
        year: input.year,
        mode,
        totalSpentFen: input.totalSpentWan.toString(),
      },
    });
    return { id, status: data.status };
  });
}

async function loadReport(tx: Tx, actor: Actor, reportId: string) {
  if (!isUuid(reportId)) throw notFound();
  const r = await tx.expenditureReport.findFirst({
    where: { id: reportId, project: projectWhere(actor) },
    select: { id: true, projectId: true, year: true, status: true, version: true },
  });
  if (!r) throw notFound();
  return r;
}

async function move(
  tx: Tx,
  actor: Actor,
  r: { id: string; projectId: string; year: number; status: string },
  version: number,
  from: 'SUBMITTED' | 'INSTITUTION_SIGNED',
  data: { status: 'INSTITUTION_SIGNED' | 'ACCEPTED' | 'RETURNED' } & Record<string, unknown>,
  action: string,
  extra: Record<string, unknown> = {},
) {
  if (r.status !== from) throw new DomainError('CONFLICT', 'expenditureWrongState');
  const { count } = await tx.expenditureReport.updateMany({
    where: { id: r.id, version, status: from },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw stale();
  await recordAudit(tx, {
    actor,
    action,
    entityType: 'ExpenditureReport',
    entityId: r.id,
    summary: { from, to: data.status, projectId: r.projectId, year: r.year, ...extra },
  });
  return { id: r.id, status: data.status };
}

/** The institution's office signs a submitted report of one of its projects. */
export async function signExpenditureReport(client: Db, actor: Actor, input: z.output<typeof ZSignExpenditure>) {
  assertCan(actor, 'manage:project:institution');
  return client.$transaction(async (tx) => {
    const r = await loadReport(tx, actor, input.reportId);
    return move(
      tx,
      actor,
      r,
      input.version,
      'SUBMITTED',
      { status: 'INSTITUTION_SIGNED', institutionSignedById: actor.userId, institutionSignedAt: new Date() },
      'expenditure_report.sign',
    );
  });
}

export async function acceptExpenditureReport(client: Db, actor: Actor, input: z.output<typeof ZAcceptExpenditure>) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const r = await loadReport(tx, actor, input.reportId);
    return move(
      tx,
      actor,
      r,
      input.version,
      'INSTITUTION_SIGNED',
      { status: 'ACCEPTED', acceptedById: actor.userId, acceptedAt: new Date(), returnReason: null },
      'expenditure_report.accept',
    );
  });
}

/** Staff send a signed report back with the reason; the PI corrects and submits it again. */
export async function returnExpenditureReport(client: Db, actor: Actor, input: z.output<typeof ZReturnExpenditure>) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const r = await loadReport(tx, actor, input.reportId);
    return move(
      tx,
      actor,
      r,
      input.version,
      'INSTITUTION_SIGNED',
      { status: 'RETURNED', returnReason: input.reason },
      'expenditure_report.return',
      { reason: input.reason },
    );
  });
}
