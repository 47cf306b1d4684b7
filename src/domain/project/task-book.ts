// 任务书 (issue 6): the contract of a funded project, generated from the application when its FUND decision becomes
// final, edited by the PI while it is a DRAFT and confirmed by three parties — the PI, the institution's research
// office and the commission — in any order. Everything here is pure: dates are calendar strings (YYYY-MM-DD, the
// Beijing calendar), money is integer fen (bigint) and never rounds away a fen.
//
// DATES. A project starts on the first day of the month after the decision became final (Beijing calendar) and runs
// whole months: it ends the day before the same day `durationMonths` later. Milestones fall on the last day of their
// period the same way (a mid-term at half the duration, a 赛马制 cut after the challenge's `cutAfterMonths`).
//
// MONEY BY YEAR. Each source's total is spread over the project's calendar years in proportion to the months the
// project runs in each year, rounded down to the fen; what rounding leaves goes to the last year. A line-item
// (分科目) budget first shares each source's total among the application's categories in proportion to what the
// application asked per category (the award may be less than the request), the rounding remainder to the last
// category, then spreads each category over the years. So every source sums exactly to its total.
import { z } from 'zod';
import { charCount } from '../text';
import { fenToWan } from '../money';
import { addDays, addMonths, parseIsoDate } from '../time';
import type { FundingSource } from './tranche';

export const TASK_BOOK_SECTIONS = ['goals', 'plan', 'outputs'] as const;
export type TaskBookSection = (typeof TASK_BOOK_SECTIONS)[number];

const section = z
  .string({ error: 'required' })
  .max(20_000, { error: 'tooLong?max=20000' })
  .refine((s) => charCount(s) > 0, { error: 'required' });

/** TaskBook.content: the research goals, the plan and the promised outputs (研究目标、研究内容与计划、预期成果). */
export const taskBookContentSchema = z.object({ goals: section, plan: section, outputs: section });
export type TaskBookContent = z.infer<typeof taskBookContentSchema>;

/**
 * Task book #1's text drafted from the application's content (its shape: src/domain/application/validate.ts): a
 * project's research content and innovation, plan and outcomes; a platform's goals with its directions listed, and its
 * building plan (src/domain/platform/application.ts).
 */
export function taskBookContentFromApplication(content: unknown): TaskBookContent {
  const c = (content && typeof content === 'object' ? content : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : '');
  // A platform application (issue 7) has goals, directions and a building plan instead.
  const directions = Array.isArray(c.directions)
    ? (c.directions as { title?: unknown }[])
        .map((d) => (typeof d?.title === 'string' ? d.title.trim() : ''))
        .filter(Boolean)
    : [];
  const goals = [
    text('researchContent'),
    text('innovation'),
    text('goals'),
    directions.length ? directions.map((d, i) => `${i + 1}. ${d}`).join('\n') : '',
  ]
    .filter((s) => s.trim())
    .join('\n\n');
  return { goals, plan: text('plan') || text('buildingPlan'), outputs: text('outcomes') };
}

/** The stored content, tolerating rows written before a section existed (each missing section reads as ''). */
export function readTaskBookContent(content: unknown): TaskBookContent {
  const c = (content && typeof content === 'object' ? content : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : '');
  return { goals: text('goals'), plan: text('plan'), outputs: text('outputs') };
}

// ─── dates ─── (calendar arithmetic is src/domain/time.ts's)

const parseDate = parseIsoDate;
export { addDays, addMonths };

/** The last day of a period of `months` whole months starting on `start`. */
export function periodEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** A project's dates: it starts on the first of the month after `finalOn` (Beijing calendar) and runs whole months. */
export function projectDates(finalOn: string, durationMonths: number): { startDate: string; endDate: string } {
  if (!Number.isInteger(durationMonths) || durationMonths < 1) throw new RangeError('durationMonths must be ≥ 1');
  const startDate = addMonths(`${finalOn.slice(0, 7)}-01`, 1);
  return { startDate, endDate: periodEnd(startDate, durationMonths) };
}

/** Whole months between two dates of the same day-of-month pattern, rounded up (start 1 Jan, end 31 Mar → 3). */
export function monthsBetween(startDate: string, endDate: string): number {
  const s = new Date(parseDate(startDate));
  const e = new Date(parseDate(addDays(endDate, 1)));
  const months = (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + e.getUTCMonth() - s.getUTCMonth();
  return e.getUTCDate() > s.getUTCDate() ? months + 1 : months;
}

/** The months the project runs in each calendar year (a started month counts), in year order. */
export function monthsByYear(startDate: string, endDate: string): { year: number; months: number }[] {
  const s = new Date(parseDate(startDate));
  const e = new Date(parseDate(endDate));
  if (e < s) throw new RangeError('the end date is before the start date');
  const out: { year: number; months: number }[] = [];
  for (let y = s.getUTCFullYear(); y <= e.getUTCFullYear(); y++) {
    const from = y === s.getUTCFullYear() ? s.getUTCMonth() : 0;
    const to = y === e.getUTCFullYear() ? e.getUTCMonth() : 11;
    out.push({ year: y, months: to - from + 1 });
  }
  return out;
}

// ─── money ───

/**
 * A generated budget's granularity: 100 元 (0.01 万元). A plan reads "1.33 万元", not "1.333333 万元"; what
 * rounding leaves (the total need not be a multiple) goes to the last share, so every total is still exact.
 */
export const BUDGET_UNIT_FEN = 10_000n;

/**
 * `total` shared by `weights` (≥ 0), each share rounded down to a multiple of `unitFen` (default: the fen), the
 * remainder on the last positive weight.
 */
export function shareFen(total: bigint, weights: readonly bigint[], unitFen = 1n): bigint[] {
  if (unitFen < 1n) throw new RangeError('the unit must be at least one fen');
  if (total < 0n) throw new RangeError('a total cannot be negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('a weight cannot be negative');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0) {
    if (total !== 0n) throw new RangeError('nothing to share a non-zero total among');
    return [];
  }
  if (sum === 0n) {
    // Nothing to weigh by: the whole amount on the last share.
    return weights.map((_, i) => (i === weights.length - 1 ? total : 0n));
  }
  const shares = weights.map((w) => ((total * w) / sum / unitFen) * unitFen);
  const rest = total - shares.reduce((a, b) => a + b, 0n);
  let last = weights.length - 1;
  while (weights[last] === 0n) last--;
  shares[last] = shares[last]! + rest;
  return shares;
}

/** One source's amount spread over the project's years, pro rata to months, the remainder in the last year. */
export function splitByYears(
  amountFen: bigint,
  startDate: string,
  endDate: string,
  unitFen = 1n,
): { year: number; amountFen: bigint }[] {
  const years = monthsByYear(startDate, endDate);
  const shares = shareFen(
    amountFen,
    years.map((y) => BigInt(y.months)),
    unitFen,
  );
  // The remainder rule of shareFen puts it on the last year (every year has ≥ 1 month).
  return years.map((y, i) => ({ year: y.year, amountFen: shares[i]! }));
}

export interface BudgetPlanDraft {
  year: number;
  source: FundingSource;
  sourceInstitutionId: string | null;
  categoryCode: string | null;
  amountFen: bigint;
}

export interface InitialBudgetInput {
  startDate: string;
  endDate: string;
  budgetMode: 'LINE_ITEM' | 'LUMP_SUM';
  /** The application's budget lines (line-item mode): their proportions are kept. */
  categories: readonly { categoryCode: string; amountFen: bigint }[];
  sources: readonly { source: FundingSource; sourceInstitutionId: string | null; amountFen: bigint }[];
}

/** The task book's first budget plan: every source by year (and by category for a line-item budget). */
export function initialBudgetPlan(input: InitialBudgetInput): BudgetPlanDraft[] {
  // The same category listed twice in the application is one category here.
  const categories = new Map<string, bigint>();
  for (const c of input.categories)
    categories.set(c.categoryCode, (categories.get(c.categoryCode) ?? 0n) + c.amountFen);
  const codes = [...categories.keys()];
  const rows: BudgetPlanDraft[] = [];
  for (const s of input.sources) {
    if (s.amountFen <= 0n) continue;
    const parts: { categoryCode: string | null; amountFen: bigint }[] =
      input.budgetMode === 'LINE_ITEM' && codes.length > 0
        ? shareFen(
            s.amountFen,
            codes.map((c) => categories.get(c)!),
            BUDGET_UNIT_FEN,
          ).map((amountFen, i) => ({ categoryCode: codes[i]!, amountFen }))
        : [{ categoryCode: null, amountFen: s.amountFen }];
    for (const part of parts) {
      if (part.amountFen === 0n) continue;
      for (const y of splitByYears(part.amountFen, input.startDate, input.endDate, BUDGET_UNIT_FEN)) {
        if (y.amountFen === 0n) continue;
        rows.push({
          year: y.year,
          source: s.source,
          sourceInstitutionId: s.sourceInstitutionId,
          categoryCode: part.categoryCode,
          amountFen: y.amountFen,
        });
      }
    }
  }
  return rows;
}

// ─── milestones ───

export interface MilestoneDraft {
  key: string;
  title: string;
  dueDate: string;
  isRaceCut: boolean;
}

export const RACE_CUT_KEY = 'race-cut';
export const MIDTERM_KEY = 'midterm';
export const FINAL_KEY = 'final';

/**
 * The generated milestones: a mid-term at half the duration — for a 赛马制 challenge the race cut after its
 * `cutAfterMonths` instead — and the final one on the end date. Titles are Chinese: they are contract text, which
 * the PI may edit.
 */
export function initialMilestones(
  startDate: string,
  endDate: string,
  race: { cutAfterMonths: number | null } | null,
): MilestoneDraft[] {
  const months = monthsBetween(startDate, endDate);
  const out: MilestoneDraft[] = [];
  if (race) {
    const cut = Math.min(Math.max(race.cutAfterMonths ?? Math.floor(months / 2), 1), months);
    out.push({ key: RACE_CUT_KEY, title: '赛马制中期比选', dueDate: periodEnd(startDate, cut), isRaceCut: true });
  } else if (months >= 2) {
    out.push({
      key: MIDTERM_KEY,
      title: '中期检查',
      dueDate: periodEnd(startDate, Math.floor(months / 2)),
      isRaceCut: false,
    });
  }
  out.push({ key: FINAL_KEY, title: '结题验收', dueDate: endDate, isRaceCut: false });
  return out;
}

// ─── confirmation ───

export type TaskBookParty = 'PI' | 'INSTITUTION' | 'COMMISSION';

export interface Confirmations {
  piConfirmedAt: Date | null;
  institutionConfirmedAt: Date | null;
  commissionConfirmedAt: Date | null;
}

export function confirmedParties(c: Confirmations): TaskBookParty[] {
  const out: TaskBookParty[] = [];
  if (c.piConfirmedAt) out.push('PI');
  if (c.institutionConfirmedAt) out.push('INSTITUTION');
  if (c.commissionConfirmedAt) out.push('COMMISSION');
  return out;
}

/** Whether `party` confirming now makes all three (the other two already given). */
export function completesConfirmation(c: Confirmations, party: TaskBookParty): boolean {
  const given = new Set(confirmedParties(c));
  given.add(party);
  return given.size === 3;
}

export interface TaskBookFacts {
  budgetMode: 'LINE_ITEM' | 'LUMP_SUM';
  startDate: string;
  endDate: string;
  awardedFiscalFen: bigint;
  /** What the application pledged per co-funding source (enterprise, institution matching). */
  pledgedFen: { ENTERPRISE: bigint; INSTITUTION: bigint };
  /** The challenge's targets, each of which needs its KPI. */
  challengeTargets: readonly { id: string; name: string }[];
  kpis: readonly { challengeTargetId: string | null }[];
  milestones: readonly { key: string; dueDate: string }[];
  budget: readonly { year: number; source: FundingSource; categoryCode: string | null; amountFen: bigint }[];
}

export type TaskBookIssue = { field: string; code: string; params?: Record<string, string> };

/**
 * Every reason the task book cannot be confirmed, each on the field to correct; [] when it can:
 * at least one KPI, every challenge target among them; at least one milestone, each within the project's dates;
 * budget rows inside the project's years, with a category exactly when the budget is line-item, none negative; and
 * per source the plan adds up to the award (fiscal) and to the application's pledges (enterprise, institution).
 */
export function checkTaskBook(f: TaskBookFacts): TaskBookIssue[] {
  const issues: TaskBookIssue[] = [];
  if (f.kpis.length === 0) issues.push({ field: 'kpis', code: 'kpiRequired' });
  const copied = new Set(f.kpis.map((k) => k.challengeTargetId).filter(Boolean));
  for (const t of f.challengeTargets) {
    if (!copied.has(t.id)) issues.push({ field: 'kpis', code: 'challengeTargetKpiMissing', params: { name: t.name } });
  }
  if (f.milestones.length === 0) issues.push({ field: 'milestones', code: 'milestoneRequired' });
  f.milestones.forEach((m, i) => {
    if (m.dueDate < f.startDate || m.dueDate > f.endDate) {
      issues.push({
        field: `milestones.${i}.dueDate`,
        code: 'milestoneOutsideProject',
        params: { start: f.startDate, end: f.endDate },
      });
    }
  });
  const firstYear = Number(f.startDate.slice(0, 4));
  const lastYear = Number(f.endDate.slice(0, 4));
  const sums: Record<FundingSource, bigint> = { FISCAL: 0n, ENTERPRISE: 0n, INSTITUTION: 0n };
  f.budget.forEach((b, i) => {
    if (b.year < firstYear || b.year > lastYear) {
      issues.push({
        field: `budget.${i}.year`,
        code: 'budgetYearOutsideProject',
        params: { first: String(firstYear), last: String(lastYear) },
      });
    }
    if (b.amountFen < 0n) issues.push({ field: `budget.${i}.amount`, code: 'moneyPositive' });
    if (f.budgetMode === 'LINE_ITEM' && !b.categoryCode) {
      issues.push({ field: `budget.${i}.categoryCode`, code: 'budgetCategoryRequired' });
    }
    if (f.budgetMode === 'LUMP_SUM' && b.categoryCode) {
      issues.push({ field: `budget.${i}.categoryCode`, code: 'lumpSumHasNoLines' });
    }
    sums[b.source] += b.amountFen;
  });
  const expected: Record<FundingSource, bigint> = {
    FISCAL: f.awardedFiscalFen,
    ENTERPRISE: f.pledgedFen.ENTERPRISE,
    INSTITUTION: f.pledgedFen.INSTITUTION,
  };
  for (const source of ['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const) {
    if (sums[source] !== expected[source]) {
      issues.push({
        field: `budget.${source}`,
        code: 'budgetSourceMismatch',
        params: { source, planned: fenToWan(sums[source]), expected: fenToWan(expected[source]) },
      });
    }
  }
  return issues;
}

/** The guard of the last confirmation (DATA-MODEL §3.7). */
export function canConfirmTaskBook(f: TaskBookFacts): { ok: true } | { ok: false; issues: TaskBookIssue[] } {
  const issues = checkTaskBook(f);
  return issues.length ? { ok: false, issues } : { ok: true };
}

// ─── tranche approval (from the confirmed budget) ───

export type TrancheApprovalRefusal =
  'wrongState' | 'projectNotRunning' | 'previousReportNotAccepted' | 'sourceTotalExceeded';

/**
 * Staff approve a planned tranche (DATA-MODEL §3.8) when the project runs; a tranche of a later year needs the
 * previous year's expenditure report ACCEPTED (money follows the account of the money before it); and the payer's
 * approved and paid tranches, with this one, stay within what the task book planned for that payer, plus what a
 * 赛马制 cut moved in, plus — for the fiscal payer of a platform's project — the stable support (稳定支持) that platform
 * evaluations planned (issue 7: each evaluation's decision is itself the authority for that money).
 */
export function canApproveTranche(
  tranche: { status: string; plannedYear: number; amountFen: bigint },
  ctx: {
    projectRunning: boolean;
    projectStartYear: number;
    previousYearReportStatus: string | null;
    payerLimitFen: bigint;
    payerCommittedFen: bigint;
    /** Stable-support tranches (not cancelled) an evaluation planned for this payer; 0 for every other payer. */
    stableSupportPlannedFen?: bigint;
  },
): { ok: true } | { ok: false; code: TrancheApprovalRefusal } {
  if (tranche.status !== 'PLANNED') return { ok: false, code: 'wrongState' };
  if (!ctx.projectRunning) return { ok: false, code: 'projectNotRunning' };
  if (tranche.plannedYear > ctx.projectStartYear && ctx.previousYearReportStatus !== 'ACCEPTED') {
    return { ok: false, code: 'previousReportNotAccepted' };
  }
  const limit = ctx.payerLimitFen + (ctx.stableSupportPlannedFen ?? 0n);
  if (ctx.payerCommittedFen + tranche.amountFen > limit) return { ok: false, code: 'sourceTotalExceeded' };
  return { ok: true };
}
