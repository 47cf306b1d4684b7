// Non-consensus detection (非共识项目, issue 5; DATA-MODEL §2.8 NonConsensusFlag). The policy lets an original,
// high-risk proposal on which experts strongly disagree be approved by a special route that weighs the scientist's
// credit (decided in issue 6). Detection needs both signals, because each alone is common and harmless:
//   1. the experts disagree — the dispersion of the application's weighted scores (range, or population standard
//      deviation, per program rule; see scoring.ts) is strictly greater than the program's threshold, and
//   2. at least one expert explicitly supports it as non-consensus (`nonConsensusSupport`, with a written reason).
// Dispersion is measured on the weighted scores as the experts gave them, not the normalised ones: the explanation
// staff read ("expert A 9.2, expert B 3.1") must be numbers the experts wrote, and the threshold is set on the form's
// scale. A flag is a list entry for staff, never an automatic decision.
import { z } from 'zod';
import type { Issue } from '../application/eligibility';
import type { ApplicationAggregate, ReviewForm } from './scoring';

export const NON_CONSENSUS_MEASURES = ['RANGE', 'STD_DEV'] as const;
export type NonConsensusMeasure = (typeof NON_CONSENSUS_MEASURES)[number];

/** Thresholds are on the form's scale, to 2 decimals like the aggregates they are compared with. */
const THRESHOLD_MAX = 100;

/**
 * The program-rule fragment: `ZProgramRules.mailReview.nonConsensus` (src/domain/program/rules.ts, defaulted for
 * versions saved before it existed). Cross-field limits against the form's scale are `checkNonConsensusRule`, called
 * by the rules' superRefine.
 */
export const ZNonConsensusRule = z.object({
  measure: z.enum(NON_CONSENSUS_MEASURES, { error: 'required' }),
  threshold: z
    .number({ error: 'number' })
    .min(0.01, { error: `between?min=0.01&max=${THRESHOLD_MAX}` })
    .max(THRESHOLD_MAX, { error: `between?min=0.01&max=${THRESHOLD_MAX}` })
    .multipleOf(0.01, { error: 'invalid' }),
});
export type NonConsensusRule = z.infer<typeof ZNonConsensusRule>;

/**
 * For the standard 1–10 forms: a range above 4 points means that one expert finds the proposal excellent while
 * another finds it mediocre or weak (9 against 4.5) — the disagreement the policy means, not the 1–2 points
 * that separate any two careful readers. Programs with another scale must set their own threshold.
 */
export const DEFAULT_NON_CONSENSUS: NonConsensusRule = { measure: 'RANGE', threshold: 4 };

/**
 * A threshold the scores can never exceed would silently switch detection off: the range of scores on
 * [scaleMin, scaleMax] is at most the scale's width, the population standard deviation at most half of it.
 */
export function checkNonConsensusRule(
  rule: NonConsensusRule,
  form: Pick<ReviewForm, 'scaleMin' | 'scaleMax'>,
): Issue[] {
  const width = form.scaleMax - form.scaleMin;
  const max = rule.measure === 'RANGE' ? width : width / 2;
  return rule.threshold < max ? [] : [{ field: 'threshold', code: 'between', params: { min: 0.01, max } }];
}

export interface NonConsensusReview {
  id: string;
  applicationId: string;
  nonConsensusSupport: boolean;
}

export type NonConsensusAggregate = Pick<
  ApplicationAggregate,
  'applicationId' | 'reviewCount' | 'minScore' | 'maxScore' | 'range' | 'stdDev'
>;

export interface NonConsensusResult {
  applicationId: string;
  flagged: boolean;
  /** Why not flagged (null when flagged); both may hold — dispersion is reported first. */
  reason: null | 'BELOW_THRESHOLD' | 'NO_SUPPORT';
  measure: NonConsensusMeasure;
  /** The measured dispersion and the threshold it is compared with (flagged needs dispersion > threshold). */
  dispersion: number;
  threshold: number;
  /** The reviews that support the non-consensus route, in id order. */
  supportingReviewIds: string[];
  /** The numbers for the explanation shown to staff and copied into NonConsensusFlag. */
  reviewCount: number;
  minScore: number;
  maxScore: number;
  range: number;
  stdDev: number;
}

/**
 * Whether one application goes on the non-consensus list. `reviews` are its SUBMITTED reviews (others' are ignored,
 * so a list for the whole call may be passed).
 */
export function detectNonConsensus(
  aggregate: NonConsensusAggregate,
  reviews: readonly NonConsensusReview[],
  rule: NonConsensusRule = DEFAULT_NON_CONSENSUS,
): NonConsensusResult {
  const dispersion = rule.measure === 'RANGE' ? aggregate.range : aggregate.stdDev;
  const supportingReviewIds = reviews
    .filter((r) => r.applicationId === aggregate.applicationId && r.nonConsensusSupport)
    .map((r) => r.id)
    .sort();
  const divided = dispersion > rule.threshold;
  const supported = supportingReviewIds.length > 0;
  return {
    applicationId: aggregate.applicationId,
    flagged: divided && supported,
    reason: !divided ? 'BELOW_THRESHOLD' : !supported ? 'NO_SUPPORT' : null,
    measure: rule.measure,
    dispersion,
    threshold: rule.threshold,
    supportingReviewIds,
    reviewCount: aggregate.reviewCount,
    minScore: aggregate.minScore,
    maxScore: aggregate.maxScore,
    range: aggregate.range,
    stdDev: aggregate.stdDev,
  };
}

/** The call's non-consensus list: the flagged applications, most divided first (then by application id). */
export function nonConsensusList(
  aggregates: readonly NonConsensusAggregate[],
  reviews: readonly NonConsensusReview[],
  rule: NonConsensusRule = DEFAULT_NON_CONSENSUS,
): NonConsensusResult[] {
  const byApplication = new Map<string, NonConsensusReview[]>();
  for (const r of reviews) {
    const list = byApplication.get(r.applicationId);
    if (list) list.push(r);
    else byApplication.set(r.applicationId, [r]);
  }
  return aggregates
    .map((a) => detectNonConsensus(a, byApplication.get(a.applicationId) ?? [], rule))
    .filter((r) => r.flagged)
    .sort(
      (a, b) =>
        b.dispersion - a.dispersion ||
        (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    );
}
