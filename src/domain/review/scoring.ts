// Scoring online and aggregation within a call (通讯评审评分与汇总, issue 5; DATA-MODEL §2.8 Review and
// ScoreNormalisation). Pure: the server loads the call's SUBMITTED reviews and the pinned review form, calls these,
// and stores the results.
//
// WEIGHTED SCORE. Σ weightBp·score / 10 000 over the form's criteria. Weights are integers summing to 10 000 and scores
// integers on the scale, so the numerator is an integer and the value is exact to 4 decimals; it is shown and stored
// rounded to 2 decimals (half up, in integer arithmetic). Aggregates are computed from the exact values, never from the
// rounded ones, so rounding does not compound.
//
// RAW MEAN. The unweighted mean of one review's criterion scores, averaged over the application's reviews: what the
// scores say before the program's weights — staff compare it with the weighted mean to see where weights matter.
//
// NORMALISATION. Experts differ in leniency: one gives 8 to an average proposal, another 6. Each review's weighted
// score s becomes z = (s − m_e) / sd_e, with m_e and sd_e the mean and population standard deviation of that expert's
// weighted scores in this call. z is then re-expressed on the form's scale as μ + z·σ, with μ and σ the mean and
// population sd of every weighted score in the call, so staff read familiar numbers (a 7.5 is "above the call's
// average by about one typical spread"). Fallbacks, chosen so that no expert's review is dropped:
//   - fewer than MIN_REVIEWS_FOR_OWN_SCALE reviews by this expert in the call (method CALL): one or two scores cannot
//     tell leniency from the applications' real quality, so the score is taken at face value, z = (s − μ) / σ, and
//     its normalised score equals s;
//   - enough reviews but all equal, sd_e = 0 (method FLAT): the expert ranked none of their applications above
//     another, so every one of them gets z = 0 (the call's mean) — the same reading as "no information on order";
//   - σ = 0 (every score in the call equal): every z is 0 and every normalised score is μ.
// Normalised scores are not clamped to the scale: clamping would tie distinct applications at the ends, and an
// overshoot (rare; |z| ≤ √(n−1) for an expert with n reviews) is itself informative.
// What is invariant: in a call where every expert has ≥ MIN_REVIEWS_FOR_OWN_SCALE reviews, adding a constant to all
// of one expert's scores leaves every z — hence every application's mean z, rank and percentile — unchanged. The
// re-expressed numbers all move by one increasing affine map (μ and σ are statistics of the raw call and include that
// expert's scores); this is the price of "familiar numbers" and is tested as such. Face-value (CALL) reviews are not
// corrected for leniency by definition, so a shift in a call that has them moves their z against everyone else's.
//
// DISPERSION. Over an application's weighted scores: min, max, range (max − min, from the 2-decimal min and max so
// the three shown numbers agree) and the POPULATION standard deviation (÷ n): the reviews are all the opinions there
// are on this application, not a sample from a larger set; ÷ (n − 1) would inflate small panels (×1.41 at n = 2,
// ×1.22 at n = 3), so one non-consensus threshold would mean different disagreement by the number of reviews.
//
// RANK AND PERCENTILE. Applications are ranked by normalised mean, highest first, with competition ranking ("1224":
// tied applications share the best rank and the next rank skips). The comparison is made on the mean z rounded to 4
// decimals — the same order as the unrounded normalised mean (which is μ + σ·z̄), but independent of μ and σ, so a
// rank never flips because the 2-decimal display rounded differently. Two applications shown with the same 2-decimal
// mean can therefore hold different ranks; applications tied on z̄ to 4 decimals always share one. Percentile, in
// basis points, is the share of the *other* scored applications in the call that rank strictly below: 10 000 =
// better than all others, 0 = better than none; a call with one scored application gives it 10 000. Rounded half up
// to a whole basis point.
//
// DETERMINISM. Sums run over reviews sorted by id, so the same reviews give the same numbers whatever order the
// database returned them in; outputs are rounded half away from zero to 2 decimals (z to 4) after clearing binary
// noise (`roundTo`).
import { charCount } from '../text';
import type { Issue } from '../application/eligibility';
import type { ProgramRules } from '../program/rules';

export type ReviewForm = ProgramRules['reviewForm'];

export const RECOMMENDATIONS = ['PRIORITY', 'FUNDABLE', 'NOT_FUNDABLE'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const CONFIDENCES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const REVIEW_LANGUAGES = ['zh', 'en'] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

/** Criterion key → score as the form holds it (null/undefined while the expert has not scored that criterion). */
export type CriterionScores = Readonly<Record<string, number | null | undefined>>;

const WEIGHT_TOTAL = 10_000;

/**
 * Below this many reviews in the call an expert's own mean and spread are too unstable to correct for (with two
 * reviews every z is ±1), so their scores are taken at face value.
 */
export const MIN_REVIEWS_FOR_OWN_SCALE = 3;

/**
 * An English comment needs about three Latin characters for what one Chinese character says (100 汉字 ≈ 50–60 English
 * words), so the form's minimum, set in 汉字, is multiplied by this for reviews written in English; otherwise
 * international experts could satisfy the rule with two sentences.
 */
export const LATIN_CHARS_PER_HAN = 3;
/** Long enough for a real answer, short enough to keep a reviewer from pasting the application back. */
export const COMMENT_MAX_CHARS = 10_000;
export const CONFIDENTIAL_COMMENT_MAX_CHARS = 5_000;
/**
 * A non-consensus endorsement goes to a special route that weighs the applicant's credit; staff need a stated reason
 * (what is original, why the risk is worth it), so a word or two is refused. 30 汉字 is about one full sentence.
 */
export const NON_CONSENSUS_REASON_MIN_CHARS = 30;
export const NON_CONSENSUS_REASON_MAX_CHARS = 2_000;

// ---------------------------------------------------------------------------------------------------------------------
// Rounding

/**
 * Rounds half away from zero to `decimals` places. `toFixed(6)` first clears binary noise (1.005 × 100 is
 * 100.49999999999999 in floating point, and must round to 101), then Math.round works on the magnitude so −2.5 and
 * 2.5 round alike. Never returns −0.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundTo: not a finite number: ${x}`);
  const factor = 10 ** decimals;
  const magnitude = Math.round(Number((Math.abs(x) * factor).toFixed(6))) / factor;
  return x < 0 && magnitude !== 0 ? -magnitude : magnitude;
}
const round2 = (x: number) => roundTo(x, 2);

// ---------------------------------------------------------------------------------------------------------------------
// One review

function scoreIssues(form: ReviewForm, scores: CriterionScores): Issue[] {
  const issues: Issue[] = [];
  const between = { min: form.scaleMin, max: form.scaleMax };
  const weights = form.criteria.reduce((s, c) => s + c.weightBp, 0);
  // The form is validated when the rules are saved; a form that slipped through must not produce a wrong number.
  if (weights !== WEIGHT_TOTAL) issues.push({ field: 'criteria', code: 'weightsSum', params: { sum: weights / 100 } });
  for (const c of form.criteria) {
    const field = `scores.${c.key}`;
    const v = scores[c.key];
    if (v === null || v === undefined) issues.push({ field, code: 'required' });
    else if (typeof v !== 'number' || !Number.isFinite(v)) issues.push({ field, code: 'number' });
    else if (!Number.isInteger(v)) issues.push({ field, code: 'integer' });
    else if (v < form.scaleMin || v > form.scaleMax) issues.push({ field, code: 'between', params: between });
  }
  const known = new Set(form.criteria.map((c) => c.key));
  for (const key of Object.keys(scores)) {
    // A key that is not on the form is a stale draft or a forged request; refusing it keeps `scores` exactly the form.
    if (!known.has(key)) issues.push({ field: `scores.${key}`, code: 'invalid' });
  }
  return issues;
}

/** Σ weightBp·score, an integer; callers have validated the scores. */
function weightedNumerator(form: ReviewForm, scores: CriterionScores): number {
  return form.criteria.reduce((sum, c) => sum + c.weightBp * (scores[c.key] as number), 0);
}

/** Half-up rounding of numerator / 10 000 to 2 decimals, in integers (the numerator is ≥ 0: scales start at ≥ 0). */
function numeratorTo2dp(numerator: number): number {
  return Math.floor((numerator + 50) / 100) / 100;
}

export type WeightedScoreResult = { ok: true; value: number } | { ok: false; errors: Issue[] };

/**
 * The review's weighted score on the form's scale, rounded to 2 decimals — or the field-keyed errors that prevent it
 * (a criterion missing, not an integer, off the scale, or a key the form does not have).
 */
export function weightedScore(form: ReviewForm, scores: CriterionScores): WeightedScoreResult {
  const errors = scoreIssues(form, scores);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: numeratorTo2dp(weightedNumerator(form, scores)) };
}

export interface ReviewDraft {
  scores: CriterionScores;
  recommendation: string | null;
  confidence: string | null;
  commentToApplicant: string;
  confidentialComment?: string | null;
  language: ReviewLanguage;
  nonConsensusSupport: boolean;
  nonConsensusReason?: string | null;
}

/** Warning code; its message lives in messages/*.json under errors.recommendationScoreMismatch. */
export const RECOMMENDATION_SCORE_MISMATCH = 'recommendationScoreMismatch';

export interface ReviewCheck {
  errors: Issue[];
  warnings: Issue[];
}

/** The minimum length of the comment to the applicant for a review written in `language`. */
export function commentMinChars(form: ReviewForm, language: ReviewLanguage): number {
  return language === 'en' ? form.commentMinChars * LATIN_CHARS_PER_HAN : form.commentMinChars;
}

/**
 * Whether a review may be submitted (errors block; warnings are shown beside the submit button). The comment's
 * minimum comes from the program's form (`commentMinChars`: 100 on the standard form, 150 for platforms — enough for
 * one reason per criterion the applicant can act on), scaled for English (LATIN_CHARS_PER_HAN).
 */
export function validateReview(form: ReviewForm, draft: ReviewDraft): ReviewCheck {
  const errors: Issue[] = scoreIssues(form, draft.scores);
  const warnings: Issue[] = [];

  const recommendation = draft.recommendation;
  if (recommendation === null || recommendation === '') {
    if (form.recommendationRequired) errors.push({ field: 'recommendation', code: 'required' });
  } else if (!(RECOMMENDATIONS as readonly string[]).includes(recommendation)) {
    errors.push({ field: 'recommendation', code: 'invalid' });
  }
  if (draft.confidence === null || draft.confidence === '') errors.push({ field: 'confidence', code: 'required' });
  else if (!(CONFIDENCES as readonly string[]).includes(draft.confidence))
    errors.push({ field: 'confidence', code: 'invalid' });
  if (!(REVIEW_LANGUAGES as readonly string[]).includes(draft.language))
    errors.push({ field: 'language', code: 'invalid' });

  const minComment = commentMinChars(form, draft.language);
  const comment = charCount(draft.commentToApplicant);
  if (comment === 0 && minComment > 0) errors.push({ field: 'commentToApplicant', code: 'required' });
  else if (comment < minComment)
    errors.push({ field: 'commentToApplicant', code: 'tooShort', params: { min: minComment } });
  else if (comment > COMMENT_MAX_CHARS)
    errors.push({ field: 'commentToApplicant', code: 'tooLong', params: { max: COMMENT_MAX_CHARS } });
  if (charCount(draft.confidentialComment) > CONFIDENTIAL_COMMENT_MAX_CHARS) {
    errors.push({ field: 'confidentialComment', code: 'tooLong', params: { max: CONFIDENTIAL_COMMENT_MAX_CHARS } });
  }

  if (draft.nonConsensusSupport) {
    const reason = charCount(draft.nonConsensusReason);
    if (reason === 0) errors.push({ field: 'nonConsensusReason', code: 'required' });
    else if (reason < NON_CONSENSUS_REASON_MIN_CHARS)
      errors.push({ field: 'nonConsensusReason', code: 'tooShort', params: { min: NON_CONSENSUS_REASON_MIN_CHARS } });
    else if (reason > NON_CONSENSUS_REASON_MAX_CHARS)
      errors.push({ field: 'nonConsensusReason', code: 'tooLong', params: { max: NON_CONSENSUS_REASON_MAX_CHARS } });
  }

  // A recommendation that contradicts the expert's own scores is usually a slip of the mouse; it is allowed (the
  // overall judgement may weigh things the criteria do not), but the expert is asked to look again.
  const score = weightedScore(form, draft.scores);
  if (score.ok && (recommendation === 'PRIORITY' || recommendation === 'NOT_FUNDABLE')) {
    const position = (score.value - form.scaleMin) / (form.scaleMax - form.scaleMin);
    if ((recommendation === 'PRIORITY' && position < 0.5) || (recommendation === 'NOT_FUNDABLE' && position >= 0.8)) {
      warnings.push({ field: 'recommendation', code: RECOMMENDATION_SCORE_MISMATCH, params: { score: score.value } });
    }
  }
  return { errors, warnings };
}

// ---------------------------------------------------------------------------------------------------------------------
// Statistics

export interface Dispersion {
  min: number;
  max: number;
  /** max − min of the 2-decimal min and max. */
  range: number;
  /** Population standard deviation (÷ n). */
  stdDev: number;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
/** Population standard deviation, two-pass (subtracting the mean first keeps it accurate for close values). */
function populationSd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}
/** Relative tolerance under which a spread is floating-point noise, i.e. the values are all equal. */
const FLAT = 1e-9;

/** Min, max, range and population standard deviation of some scores, rounded to 2 decimals. */
export function dispersion(scores: readonly number[]): Dispersion {
  if (scores.length === 0) throw new RangeError('dispersion of no scores');
  const min = round2(Math.min(...scores));
  const max = round2(Math.max(...scores));
  return { min, max, range: round2(max - min), stdDev: round2(populationSd(scores)) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Normalisation

export interface ScoredReview {
  id: string;
  expertId: string;
  applicationId: string;
  /** The review's weighted score on the form's scale. */
  score: number;
}

export type NormalisationMethod = 'OWN' | 'CALL' | 'FLAT';

export interface NormalisedReview {
  id: string;
  expertId: string;
  applicationId: string;
  /** The weighted score as given, 2 decimals. */
  score: number;
  /** 4 decimals. */
  z: number;
  /** μ + z·σ, 2 decimals, on the form's scale (may slightly overshoot it; not clamped). */
  normalisedScore: number;
  method: NormalisationMethod;
}

interface ExactNormalisation {
  reviews: { review: ScoredReview; z: number; normalised: number; method: NormalisationMethod }[];
  callMean: number;
  callSd: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function normaliseExact(input: readonly ScoredReview[]): ExactNormalisation {
  const reviews = [...input].sort(byId);
  if (reviews.length === 0) return { reviews: [], callMean: 0, callSd: 0 };
  const seen = new Set<string>();
  for (const r of reviews) {
    if (seen.has(r.id)) throw new RangeError(`review ${r.id} listed twice`);
    seen.add(r.id);
    if (!Number.isFinite(r.score)) throw new RangeError(`review ${r.id} has no finite score`);
  }
  const all = reviews.map((r) => r.score);
  const callMean = mean(all);
  const callSd = populationSd(all);
  const callFlat = callSd <= FLAT * Math.max(1, Math.abs(callMean));

  const byExpert = new Map<string, number[]>();
  for (const r of reviews) pushTo(byExpert, r.expertId, r.score);
  const expertStats = new Map(
    [...byExpert].map(([id, xs]) => {
      const m = mean(xs);
      return [id, { n: xs.length, mean: m, sd: populationSd(xs) }] as const;
    }),
  );

  return {
    callMean,
    callSd: callFlat ? 0 : callSd,
    reviews: reviews.map((review) => {
      const own = expertStats.get(review.expertId)!;
      let z: number;
      let method: NormalisationMethod;
      if (own.n < MIN_REVIEWS_FOR_OWN_SCALE) {
        method = 'CALL';
        z = callFlat ? 0 : (review.score - callMean) / callSd;
      } else if (own.sd <= FLAT * Math.max(1, Math.abs(own.mean))) {
        method = 'FLAT';
        z = 0;
      } else {
        method = 'OWN';
        z = (review.score - own.mean) / own.sd;
      }
      // A face-value review keeps its own score exactly (μ + z·σ would reintroduce rounding error).
      const normalised = method === 'CALL' && !callFlat ? review.score : callMean + z * (callFlat ? 0 : callSd);
      return { review, z, normalised, method };
    }),
  };
}

function normalisedReviews(exact: ExactNormalisation): NormalisedReview[] {
  return exact.reviews.map(({ review, z, normalised, method }) => ({
    id: review.id,
    expertId: review.expertId,
    applicationId: review.applicationId,
    score: round2(review.score),
    z: roundTo(z, 4),
    normalisedScore: round2(normalised),
    method,
  }));
}

/**
 * Each review's z-score against its expert's own scores in the call and its normalised score on the form's scale
 * (see the header for the fallbacks). `reviews` are all SUBMITTED reviews of one call and stage; the result is in
 * review-id order, with the call's mean and population sd it was re-expressed with.
 */
export function normaliseScores(reviews: readonly ScoredReview[]): {
  reviews: NormalisedReview[];
  callMean: number;
  callSd: number;
} {
  const exact = normaliseExact(reviews);
  return {
    callMean: round2(exact.callMean),
    callSd: round2(exact.callSd),
    reviews: normalisedReviews(exact),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Aggregation

export interface SubmittedReview {
  id: string;
  expertId: string;
  scores: CriterionScores;
}

export interface ApplicationAggregate {
  applicationId: string;
  reviewCount: number;
  /** Mean over reviews of the unweighted mean of the criterion scores. */
  rawMean: number;
  /** Mean of the reviews' weighted scores. */
  weightedMean: number;
  /** Mean of the reviews' normalised scores, on the form's scale. */
  normalisedMean: number;
  /** Mean z, 4 decimals: the scale-free number that normalisation leaves invariant. */
  meanZ: number;
  minScore: number;
  maxScore: number;
  range: number;
  /** Population standard deviation of the weighted scores. */
  stdDev: number;
  /** Competition rank by normalisedMean, 1 = best. */
  rank: number;
  /** Share of the other scored applications with a strictly lower normalisedMean, in basis points. */
  percentileBp: number;
}

export interface CallAggregate {
  /** Best first (rank, then weighted mean, then application id, so the order is stable). */
  applications: ApplicationAggregate[];
  /** Applications passed with no reviews: nothing to rank; listed so the matrix can show them as missing. */
  unscored: string[];
  callMean: number;
  callSd: number;
  /** Each review's normalised score, as normaliseScores gives it (review-id order): stored on the Review row. */
  reviews: NormalisedReview[];
}

/**
 * Aggregates a call's SUBMITTED reviews per application (see the header for every formula). Every review must be
 * complete on `form` — they were validated at submission — or this throws: a silently skipped review would change
 * ranks. An expert's reviews of several applications are what normalisation compares, so pass the whole call.
 */
export function aggregate(
  form: ReviewForm,
  reviewsByApplication: Readonly<Record<string, readonly SubmittedReview[]>>,
): CallAggregate {
  const flat: (ScoredReview & { raw: number })[] = [];
  const unscored: string[] = [];
  for (const [applicationId, reviews] of Object.entries(reviewsByApplication)) {
    if (reviews.length === 0) unscored.push(applicationId);
    for (const r of reviews) {
      const issues = scoreIssues(form, r.scores);
      if (issues.length) throw new RangeError(`review ${r.id} is not complete on the form: ${issues[0]!.field}`);
      const rawTotal = form.criteria.reduce((s, c) => s + (r.scores[c.key] as number), 0);
      flat.push({
        id: r.id,
        expertId: r.expertId,
        applicationId,
        score: weightedNumerator(form, r.scores) / WEIGHT_TOTAL,
        raw: rawTotal / form.criteria.length,
      });
    }
  }
  const exact = normaliseExact(flat);
  const rawById = new Map(flat.map((r) => [r.id, r.raw]));

  const grouped = new Map<string, ExactNormalisation['reviews']>();
  for (const n of exact.reviews) pushTo(grouped, n.review.applicationId, n);
  const rows = [...grouped].map(([applicationId, ns]) => {
    const weighted = ns.map((n) => n.review.score);
    const d = dispersion(weighted);
    return {
      applicationId,
      reviewCount: ns.length,
      rawMean: round2(mean(ns.map((n) => rawById.get(n.review.id)!))),
      weightedMean: round2(mean(weighted)),
      normalisedMean: round2(mean(ns.map((n) => n.normalised))),
      meanZ: roundTo(mean(ns.map((n) => n.z)), 4),
      minScore: d.min,
      maxScore: d.max,
      range: d.range,
      stdDev: d.stdDev,
    };
  });

  // Ranked by mean z, which orders applications exactly as the unrounded normalised mean does (that mean is μ + σ·z̄
  // for every method) but does not move when μ and σ do — see RANK in the header.
  const ranked = rankAndPercentile(rows.map((r) => ({ id: r.applicationId, value: r.meanZ })));
  const applications: ApplicationAggregate[] = rows
    .map((r) => ({ ...r, ...ranked.get(r.applicationId)! }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.weightedMean - a.weightedMean ||
        (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    );
  return {
    applications,
    unscored: unscored.sort(),
    callMean: round2(exact.callMean),
    callSd: round2(exact.callSd),
    reviews: normalisedReviews(exact),
  };
}

/**
 * Competition ranks ("1224") by value, highest first, and the percentile in basis points (share of the others strictly
 * below, half up). Values are compared as given: pass them already rounded to what is shown.
 */
export function rankAndPercentile(
  items: readonly { id: string; value: number }[],
): Map<string, { rank: number; percentileBp: number }> {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const n = sorted.length;
  const out = new Map<string, { rank: number; percentileBp: number }>();
  for (let start = 0; start < n;) {
    let end = start;
    while (end < n && sorted[end]!.value === sorted[start]!.value) end++;
    // sorted[start, end) is one group of equal values: `start` items are above it, n − end below.
    const below = n - end;
    const percentileBp = n === 1 ? 10_000 : Math.floor((2 * below * 10_000 + (n - 1)) / (2 * (n - 1)));
    for (let i = start; i < end; i++) out.set(sorted[i]!.id, { rank: start + 1, percentileBp });
    start = end;
  }
  return out;
}
