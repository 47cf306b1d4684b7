// Budgets (DATA-MODEL §2.7): one function computes every sum and checks every cap, in the browser as the person
// types and on the server when they save and submit. Money is BigInt fen throughout.
import { fenToWan } from '../money';
import type { BudgetMode, ProgramRules } from '../program/rules';

export interface BudgetLineInput {
  categoryCode: string;
  amountFen: bigint;
}

export interface FundingInput {
  source: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION';
  amountFen: bigint;
}

export interface BudgetRules {
  modes: readonly BudgetMode[];
  minFen: bigint;
  maxFen: bigint;
  indirectMaxShareBp: number;
}

/** The budget part of a program's rules, with its money as BigInt. */
export function budgetRulesOf(rules: Pick<ProgramRules, 'budget'>): BudgetRules {
  return {
    modes: rules.budget.modes,
    minFen: BigInt(rules.budget.minFen),
    maxFen: BigInt(rules.budget.maxFen),
    indirectMaxShareBp: rules.budget.indirectMaxShareBp,
  };
}

export interface BudgetContext {
  /** Categories of the current edition: which of them are indirect costs. */
  indirectCodes: readonly string[];
  knownCodes: readonly string[];
  /** For a challenge application: the issuer's confirmed enterprise co-funding that must be matched. */
  pledgedEnterpriseFen: bigint | null;
}

export type BudgetIssue = { field: string; code: string; params?: Record<string, string> };

export interface BudgetSummary {
  directFen: bigint;
  indirectFen: bigint;
  totalFen: bigint;
  /** Indirect costs as a share of direct costs, in basis points (0 when there are no direct costs). */
  indirectShareBp: number;
  bySource: Record<FundingInput['source'], bigint>;
  fundingTotalFen: bigint;
  errors: BudgetIssue[];
}

// Amounts in messages are 万元 (how people read grant sums).
const fen = (v: bigint) => fenToWan(v);

/**
 * Sums a budget and checks it against the program's rules:
 * - the mode is one the program allows; a lump sum has no line items, a line-item budget has no lump-sum total;
 * - categories exist; amounts are not negative;
 * - indirect costs ≤ the cap (as a share of the direct costs);
 * - the fiscal request lies within the program's range;
 * - the funding sources add up to the budget total, and an enterprise co-funding row matches the challenge's pledge.
 */
export function computeBudget(
  mode: BudgetMode,
  lines: readonly BudgetLineInput[],
  lumpSumFen: bigint | null,
  funding: readonly FundingInput[],
  rules: BudgetRules,
  context: BudgetContext,
): BudgetSummary {
  const errors: BudgetIssue[] = [];
  if (!rules.modes.includes(mode)) errors.push({ field: 'budgetMode', code: 'budgetModeNotAllowed' });

  let directFen = 0n;
  let indirectFen = 0n;
  if (mode === 'LINE_ITEM') {
    lines.forEach((line, i) => {
      if (!context.knownCodes.includes(line.categoryCode))
        errors.push({ field: `budgetLines.${i}.categoryCode`, code: 'budgetCategoryUnknown' });
      if (line.amountFen < 0n) errors.push({ field: `budgetLines.${i}.amount`, code: 'moneyPositive' });
      if (context.indirectCodes.includes(line.categoryCode)) indirectFen += line.amountFen;
      else directFen += line.amountFen;
    });
  } else {
    if (lines.length > 0) errors.push({ field: 'budgetLines', code: 'lumpSumHasNoLines' });
    directFen = lumpSumFen ?? 0n;
  }
  const totalFen = directFen + indirectFen;
  const indirectShareBp = directFen > 0n ? Number((indirectFen * 10_000n) / directFen) : 0;
  if (mode === 'LINE_ITEM' && indirectFen > (directFen * BigInt(rules.indirectMaxShareBp)) / 10_000n) {
    errors.push({
      field: 'budgetLines',
      code: 'indirectOverCap',
      params: { cap: String(rules.indirectMaxShareBp / 100), share: String(indirectShareBp / 100) },
    });
  }

  const bySource = { FISCAL: 0n, ENTERPRISE: 0n, INSTITUTION: 0n };
  funding.forEach((f, i) => {
    if (f.amountFen < 0n) errors.push({ field: `funding.${i}.amount`, code: 'moneyPositive' });
    bySource[f.source] += f.amountFen;
  });
  const fundingTotalFen = bySource.FISCAL + bySource.ENTERPRISE + bySource.INSTITUTION;

  if (bySource.FISCAL < rules.minFen || bySource.FISCAL > rules.maxFen) {
    errors.push({
      field: 'funding.FISCAL',
      code: 'fiscalOutOfRange',
      params: { min: fen(rules.minFen), max: fen(rules.maxFen) },
    });
  }
  if (totalFen > 0n && fundingTotalFen !== totalFen) {
    errors.push({
      field: 'funding',
      code: 'fundingMismatch',
      params: { funding: fen(fundingTotalFen), total: fen(totalFen) },
    });
  }
  if (context.pledgedEnterpriseFen !== null && bySource.ENTERPRISE !== context.pledgedEnterpriseFen) {
    errors.push({
      field: 'funding.ENTERPRISE',
      code: 'pledgeMismatch',
      params: { pledged: fen(context.pledgedEnterpriseFen) },
    });
  }
  return { directFen, indirectFen, totalFen, indirectShareBp, bySource, fundingTotalFen, errors };
}
