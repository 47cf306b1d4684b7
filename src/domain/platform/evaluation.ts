// 定期评估 → 稳定支持 (issue 7, DATA-MODEL §2.13 PlatformEvaluation, §4 "Stable + competitive support driven by
// platform grade"): staff open an evaluation of a platform for a period (one DRAFT per platform; meanwhile the
// platform is UNDER_EVALUATION), record its grade and report, and decide. The grade proposes the next period's stable
// support (稳定支持) — competitive support (竞争性支持) is what the platform still wins through calls — and deciding
// plans that support as FISCAL tranches on the platform's project, one per year of the next period.
import { addDays, addMonths } from '@/domain/time';
import { EVALUATION_GRADES, type EvaluationGrade } from '@/domain/project/evaluation';
import { monthsBetween } from '@/domain/project/task-book';
import type { PlatformStatus } from './platform';

export { EVALUATION_GRADES, type EvaluationGrade };

export const SUPPORT_DECISIONS = ['INCREASE', 'MAINTAIN', 'REDUCE', 'STOP'] as const;
export type SupportDecision = (typeof SUPPORT_DECISIONS)[number];

/**
 * The commission's settings for stable support. The policy names 稳定支持 + 竞争性支持 and 动态支持 but gives no
 * numbers; these are the demo's assumptions, kept here in one place so the commission's actual figures replace them
 * in one edit: EXCELLENT raises the yearly amount by 20 %, GOOD keeps it, PASS cuts it by 30 %, FAIL stops it. A
 * period lasts 3 years unless staff choose otherwise (1–5). Amounts are rounded down to 100 元 (0.01 万元).
 */
export const STABLE_SUPPORT_SETTINGS = {
  byGrade: {
    EXCELLENT: { decision: 'INCREASE', changeBp: 2000 },
    GOOD: { decision: 'MAINTAIN', changeBp: 0 },
    PASS: { decision: 'REDUCE', changeBp: -3000 },
    FAIL: { decision: 'STOP', changeBp: -10000 },
  },
  defaultPeriodYears: 3,
  minPeriodYears: 1,
  maxPeriodYears: 5,
  unitFen: 10_000n,
} as const satisfies {
  byGrade: Record<EvaluationGrade, { decision: SupportDecision; changeBp: number }>;
  defaultPeriodYears: number;
  minPeriodYears: number;
  maxPeriodYears: number;
  unitFen: bigint;
};

/**
 * The yearly fiscal money a project's award comes to: the award over the project's months, times twelve (to the
 * fen, rounded down). A platform's first stable support is measured against it.
 */
export function awardedPerYear(awardedFiscalFen: bigint, startDate: string, endDate: string): bigint {
  const months = BigInt(Math.max(1, monthsBetween(startDate, endDate)));
  return (awardedFiscalFen * 12n) / months;
}

export interface SupportProposal {
  decision: SupportDecision;
  /** The next period's stable support per year. */
  fenPerYear: bigint;
  /** What the change was applied to: the current stable support, or the base when there is none yet. */
  basisFen: bigint;
}

/**
 * The support the grade proposes: the decision and the next period's yearly amount, the grade's change applied to
 * the current stable support — or, while there is none yet (0: before the first evaluation), to `baseFenPerYear`,
 * the project's awarded fiscal money per year.
 */
export function stableSupportFor(
  grade: EvaluationGrade,
  currentFenPerYear: bigint,
  baseFenPerYear: bigint,
): SupportProposal {
  if (currentFenPerYear < 0n || baseFenPerYear < 0n) throw new RangeError('an amount cannot be negative');
  const { decision, changeBp } = STABLE_SUPPORT_SETTINGS.byGrade[grade];
  const basisFen = currentFenPerYear > 0n ? currentFenPerYear : baseFenPerYear;
  if (decision === 'STOP') return { decision, fenPerYear: 0n, basisFen };
  const unit = STABLE_SUPPORT_SETTINGS.unitFen;
  const raw = (basisFen * BigInt(10_000 + changeBp)) / 10_000n;
  return { decision, fenPerYear: (raw / unit) * unit, basisFen };
}

export const PLATFORM_EVALUATION_STATUSES = ['DRAFT', 'DECIDED'] as const;
export type PlatformEvaluationStatus = (typeof PLATFORM_EVALUATION_STATUSES)[number];

export const PLATFORM_EVALUATION_TRANSITIONS = {
  decide: { from: ['DRAFT'], to: 'DECIDED' },
} as const satisfies Record<string, { from: readonly PlatformEvaluationStatus[]; to: PlatformEvaluationStatus }>;
export type PlatformEvaluationTransition = keyof typeof PLATFORM_EVALUATION_TRANSITIONS;

export function canTransitionPlatformEvaluation(
  status: PlatformEvaluationStatus,
  transition: PlatformEvaluationTransition,
): boolean {
  return (PLATFORM_EVALUATION_TRANSITIONS[transition].from as readonly PlatformEvaluationStatus[]).includes(status);
}

/**
 * Opening an evaluation: the platform is ACTIVE or SUSPENDED (a platform whose support stopped is evaluated again
 * after 整改), none is open already, and the period runs forward from the platform's establishment.
 */
export function canOpenEvaluation(f: {
  platformStatus: PlatformStatus;
  establishedOn: string;
  periodFrom: string;
  periodTo: string;
}): { conflict: string | null; issues: { field: string; code: string }[] } {
  const conflict =
    f.platformStatus === 'UNDER_EVALUATION'
      ? 'evaluationAlreadyOpen'
      : f.platformStatus === 'CLOSED'
        ? 'platformClosed'
        : null;
  const issues: { field: string; code: string }[] = [];
  if (f.periodTo < f.periodFrom) issues.push({ field: 'periodTo', code: 'endsBeforeStart' });
  if (f.periodFrom < f.establishedOn) issues.push({ field: 'periodFrom', code: 'periodBeforeEstablished' });
  return { conflict, issues };
}

/** What the platform becomes when the evaluation is decided: support stopped → SUSPENDED (整改), else ACTIVE. */
export function platformStatusAfter(decision: SupportDecision): PlatformStatus {
  return decision === 'STOP' ? 'SUSPENDED' : 'ACTIVE';
}

export interface DecisionFacts {
  status: PlatformEvaluationStatus;
  grade: EvaluationGrade | null;
  report: string;
  nextPeriodYears: number;
  proposal: SupportProposal | null;
  /** The yearly amount staff decide; differs from the proposal only with a reason. */
  fenPerYear: bigint;
  overrideReason: string | null;
  /** The platform's project is ACTIVE or in its mid-term review: tranches can be planned on it. */
  projectRunning: boolean;
}

/**
 * The guard of `decide`: a DRAFT with a grade and a report; the amount is the proposal's unless a reason is given;
 * a STOP plans nothing; a period of 1–5 years; money is planned only on a running project.
 */
export function checkDecision(f: DecisionFacts): {
  conflict: string | null;
  issues: { field: string; code: string }[];
} {
  if (!canTransitionPlatformEvaluation(f.status, 'decide')) return { conflict: 'evaluationDecided', issues: [] };
  const issues: { field: string; code: string }[] = [];
  if (f.grade === null || f.proposal === null) issues.push({ field: 'grade', code: 'gradeRequired' });
  if (f.report.trim().length === 0) issues.push({ field: 'report', code: 'required' });
  const { minPeriodYears: min, maxPeriodYears: max } = STABLE_SUPPORT_SETTINGS;
  if (!Number.isInteger(f.nextPeriodYears) || f.nextPeriodYears < min || f.nextPeriodYears > max) {
    issues.push({ field: 'nextPeriodYears', code: `between?min=${min}&max=${max}` });
  }
  if (f.fenPerYear < 0n) issues.push({ field: 'fenPerYear', code: 'moneyPositive' });
  if (f.proposal) {
    if (f.proposal.decision === 'STOP' && f.fenPerYear !== 0n) {
      issues.push({ field: 'fenPerYear', code: 'stopMeansNoSupport' });
    } else if (f.fenPerYear !== f.proposal.fenPerYear && !(f.overrideReason ?? '').trim()) {
      issues.push({ field: 'overrideReason', code: 'overrideReasonRequired' });
    }
  }
  if (issues.length) return { conflict: null, issues };
  if (f.fenPerYear > 0n && !f.projectRunning) return { conflict: 'platformProjectNotRunning', issues: [] };
  return { conflict: null, issues: [] };
}

/**
 * Tranches of stable support are told apart from the task book's by their ordinal: the task book's tranches are
 * numbered from 1 per payer, stable support from STABLE_SUPPORT_ORDINAL_BASE + 1 on (a project has far fewer than a
 * thousand yearly tranches), so `(projectId, source, sourceInstitutionId, ordinal)` stays unique and every page can
 * label them without a column of their own.
 */
export const STABLE_SUPPORT_ORDINAL_BASE = 1000;

export function isStableSupportTranche(t: { source: string; ordinal: number }): boolean {
  return t.source === 'FISCAL' && t.ordinal > STABLE_SUPPORT_ORDINAL_BASE;
}

export interface StableSupportTranche {
  source: 'FISCAL';
  sourceInstitutionId: null;
  ordinal: number;
  plannedDate: string;
  amountFen: bigint;
}

/**
 * The next period's stable support as FISCAL tranches: one per year of the period, the first on the day after the
 * evaluated period ends and each later one on that day's anniversary; ordinals continue after the project's highest
 * fiscal ordinal, and never below the stable-support range. Nothing when the yearly amount is 0.
 */
export function stableSupportTranches(f: {
  periodTo: string;
  years: number;
  fenPerYear: bigint;
  fiscalOrdinals: readonly number[];
}): StableSupportTranche[] {
  if (f.fenPerYear <= 0n) return [];
  const start = addDays(f.periodTo, 1);
  const first = Math.max(STABLE_SUPPORT_ORDINAL_BASE, ...f.fiscalOrdinals) + 1;
  return Array.from({ length: f.years }, (_, i) => ({
    source: 'FISCAL' as const,
    sourceInstitutionId: null,
    ordinal: first + i,
    plannedDate: addMonths(start, 12 * i),
    amountFen: f.fenPerYear,
  }));
}
