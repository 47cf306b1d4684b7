// 经费支出报告 (issue 6). A line-item project (预算制) reports what it spent per expenditure category and source, and
// each category stays within its budget over the project so far; a lump-sum project (包干制, the policy's pilot)
// files the simplified report the pilot intends — the total spent and a statement of use, no categories. Either way
// the money spent cannot exceed the money received. One function judges both, so the server and the form agree.
// Amounts in the messages' parameters are in 万元 (fenToWan), as the forms show money.

import { charCount } from '../text';
import { fenToWan } from '../money';
import type { FundingSource } from './tranche';

/** A statement of use in a simplified report: enough to say what the money did. */
export const SIMPLIFIED_STATEMENT_MIN_CHARS = 50;

export interface ExpenditureLineFact {
  categoryCode: string;
  source: FundingSource;
  amountFen: bigint;
}

export interface ExpenditureReportFact {
  mode: 'LINE_ITEM' | 'SIMPLIFIED';
  totalSpentFen: bigint;
  statement: string | null;
  lines: readonly ExpenditureLineFact[];
}

export interface ExpenditureContext {
  /** The project's budget per category (line-item projects), over its whole duration. */
  budgetByCategory: ReadonlyMap<string, bigint>;
  /** What earlier accepted reports spent, per category (line-item) and in total. */
  spentBeforeByCategory: ReadonlyMap<string, bigint>;
  spentBeforeFen: bigint;
  /** Money received so far: PAID tranches, all sources. */
  paidFen: bigint;
}

export type ExpenditureIssue =
  | { field: 'lines'; code: 'linesInSimplifiedReport' | 'linesRequired' }
  | { field: 'totalSpentFen'; code: 'linesDoNotAddUp'; params: { lines: string; total: string } }
  | { field: 'totalSpentFen'; code: 'negativeAmount' | 'spentExceedsReceived'; params?: { received: string } }
  | { field: 'statement'; code: 'required' | 'tooShort'; params?: { min: number } }
  | { field: `lines.${number}.categoryCode`; code: 'categoryNotInBudget' }
  | { field: `lines.${number}.amountFen`; code: 'negativeAmount' }
  | { field: `lines.${number}.amountFen`; code: 'categoryOverBudget'; params: { budget: string; spent: string } };

/** Every reason the report cannot be submitted, each on the field to correct; [] when it reconciles. */
export function reconcileExpenditure(report: ExpenditureReportFact, ctx: ExpenditureContext): ExpenditureIssue[] {
  const issues: ExpenditureIssue[] = [];
  if (report.totalSpentFen < 0n) issues.push({ field: 'totalSpentFen', code: 'negativeAmount' });
  if (report.mode === 'SIMPLIFIED') {
    if (report.lines.length) issues.push({ field: 'lines', code: 'linesInSimplifiedReport' });
    const n = charCount(report.statement);
    if (n === 0) issues.push({ field: 'statement', code: 'required' });
    else if (n < SIMPLIFIED_STATEMENT_MIN_CHARS) {
      issues.push({ field: 'statement', code: 'tooShort', params: { min: SIMPLIFIED_STATEMENT_MIN_CHARS } });
    }
  } else {
    if (report.lines.length === 0 && report.totalSpentFen > 0n) issues.push({ field: 'lines', code: 'linesRequired' });
    const sum = report.lines.reduce((s, l) => s + l.amountFen, 0n);
    if (sum !== report.totalSpentFen) {
      issues.push({
        field: 'totalSpentFen',
        code: 'linesDoNotAddUp',
        params: { lines: fenToWan(sum), total: fenToWan(report.totalSpentFen) },
      });
    }
    const byCategory = new Map<string, bigint>();
    report.lines.forEach((l, i) => {
      if (l.amountFen < 0n) issues.push({ field: `lines.${i}.amountFen`, code: 'negativeAmount' });
      if (!ctx.budgetByCategory.has(l.categoryCode)) {
        issues.push({ field: `lines.${i}.categoryCode`, code: 'categoryNotInBudget' });
      }
      byCategory.set(l.categoryCode, (byCategory.get(l.categoryCode) ?? 0n) + l.amountFen);
    });
    // Reported on the category's last line, once per category.
    for (const [code, amount] of byCategory) {
      const budget = ctx.budgetByCategory.get(code);
      if (budget === undefined) continue;
      const spent = (ctx.spentBeforeByCategory.get(code) ?? 0n) + amount;
      if (spent > budget) {
        const last = report.lines.map((l) => l.categoryCode).lastIndexOf(code);
        issues.push({
          field: `lines.${last}.amountFen`,
          code: 'categoryOverBudget',
          params: { budget: fenToWan(budget), spent: fenToWan(spent) },
        });
      }
    }
  }
  if (ctx.spentBeforeFen + report.totalSpentFen > ctx.paidFen) {
    issues.push({ field: 'totalSpentFen', code: 'spentExceedsReceived', params: { received: fenToWan(ctx.paidFen) } });
  }
  return issues;
}
