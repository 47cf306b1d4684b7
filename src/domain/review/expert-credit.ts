// Reviewer credit (专家评审信用, NSFC's RCC idea; DATA-MODEL §2.8 ExpertProfile.creditScore): one number 0–100 staff
// sort the pool by, recomputed after each review event. It rewards experts who deliver on time, answer invitations
// and write reviews staff rate as useful.
//
// FORMULA. Three rates, each smoothed towards a prior by K pseudo-observations so that a newcomer starts near the
// middle and one event cannot swing the score to an extreme (a Bayesian average; NSFC and OpenReview reviewer
// ratings smooth for the same reason):
//   n = submitted + notDelivered                           (reviews the expert owed)
//   T = (onTime + ½·late + K·P_T) / (n + K)                timeliness; onTime = submitted − late, a late review is
//                                                          worth half, one never delivered nothing
//   A = (submitted + K·P_A) / (n + declined + K)           acceptance: share of answered invitations that led to a
//                                                          review; one accepted and never delivered counts as a
//                                                          decline would (it is worse: staff waited for it)
//   Q = (Σ (rating − 1)/4 + K·P_Q) / (ratings + K)         quality, staff ratings 1–5 mapped onto 0–1
//   credit = round(100 · (W_T·T + W_A·A + W_Q·Q))          W_T = 0.45, W_A = 0.15, W_Q = 0.40; K = 2
//   priors P_T = 0.8, P_A = 0.8, P_Q = 0.5 (a rating of 3, "adequate")
// A newcomer scores 68. Declining weighs least: a decline is often the honest answer (busy, outside one's field,
// a conflict), and it costs staff less than an accepted review that never comes. Invitations declined because of a
// conflict of interest should not be passed in `invitationsDeclined` (the expert did the right thing).
// Rounding: half up to a whole number, after clearing binary noise (`roundTo`).
import { roundTo } from './scoring';

export interface ExpertReviewHistory {
  /** Reviews submitted (on time or late). */
  reviewsSubmitted: number;
  /** Of those, submitted at or after the due instant (`isLateSubmission`). */
  reviewsLate: number;
  /** Accepted (or invited and left to lapse) but never delivered: assignments closed OVERDUE without a review. */
  reviewsNotDelivered?: number;
  invitationsDeclined: number;
  /** Staff's ratings of this expert's reviews, integers 1–5 (Review.qualityRating). */
  qualityRatings: readonly number[];
}

export interface ExpertCredit {
  /** 0–100, what ExpertProfile.creditScore stores. */
  score: number;
  /** The three parts, each 0–100 (whole numbers), for the explanation beside the score. */
  timeliness: number;
  acceptance: number;
  quality: number;
}

export const CREDIT_WEIGHTS = { timeliness: 0.45, acceptance: 0.15, quality: 0.4 } as const;
export const CREDIT_PRIORS = { timeliness: 0.8, acceptance: 0.8, quality: 0.5 } as const;
export const CREDIT_PSEUDO_COUNT = 2;

const count = (name: string, v: number) => {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`expertCredit: ${name} must be a whole number ≥ 0`);
  return v;
};

export function expertCredit(history: ExpertReviewHistory): ExpertCredit {
  const submitted = count('reviewsSubmitted', history.reviewsSubmitted);
  const late = count('reviewsLate', history.reviewsLate);
  const notDelivered = count('reviewsNotDelivered', history.reviewsNotDelivered ?? 0);
  const declined = count('invitationsDeclined', history.invitationsDeclined);
  if (late > submitted) throw new RangeError('expertCredit: more late reviews than reviews');
  for (const r of history.qualityRatings) {
    if (!Number.isInteger(r) || r < 1 || r > 5) throw new RangeError('expertCredit: quality ratings are 1–5');
  }

  const K = CREDIT_PSEUDO_COUNT;
  const owed = submitted + notDelivered;
  const timeliness = (submitted - late + 0.5 * late + K * CREDIT_PRIORS.timeliness) / (owed + K);
  const acceptance = (submitted + K * CREDIT_PRIORS.acceptance) / (owed + declined + K);
  const ratingSum = history.qualityRatings.reduce((s, r) => s + (r - 1) / 4, 0);
  const quality = (ratingSum + K * CREDIT_PRIORS.quality) / (history.qualityRatings.length + K);

  const score =
    CREDIT_WEIGHTS.timeliness * timeliness + CREDIT_WEIGHTS.acceptance * acceptance + CREDIT_WEIGHTS.quality * quality;
  const pct = (x: number) => Math.min(100, Math.max(0, roundTo(100 * x, 0)));
  return { score: pct(score), timeliness: pct(timeliness), acceptance: pct(acceptance), quality: pct(quality) };
}
