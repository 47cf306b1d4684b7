import { describe, expect, it } from 'vitest';
import { defaultProgramRules } from '@/domain/program/rules';
import {
  MIN_REVIEWS_FOR_OWN_SCALE,
  RECOMMENDATION_SCORE_MISMATCH,
  aggregate,
  commentMinChars,
  dispersion,
  normaliseScores,
  rankAndPercentile,
  roundTo,
  validateReview,
  weightedScore,
  type ReviewDraft,
  type ReviewForm,
  type ScoredReview,
  type SubmittedReview,
} from '@/domain/review/scoring';

const standard: ReviewForm = defaultProgramRules('GENERAL').reviewForm;

const comment =
  '本项目问题提炼清楚，前期基础扎实，技术路线可行；建议补充关键实验的对照设计和风险预案，并说明与已有工作的区别。'.repeat(
    2,
  );
const draft: ReviewDraft = {
  scores: { originality: 9, feasibility: 7, team: 8, impact: 6 },
  recommendation: 'FUNDABLE',
  confidence: 'MEDIUM',
  commentToApplicant: comment,
  confidentialComment: null,
  language: 'zh',
  nonConsensusSupport: false,
  nonConsensusReason: null,
};

describe('weighted score', () => {
  it('weighs each criterion by its basis points', () => {
    // (9·3500 + 7·2500 + 8·2000 + 6·2000) / 10 000
    expect(weightedScore(standard, draft.scores)).toEqual({ ok: true, value: 7.7 });
    expect(weightedScore(standard, { originality: 10, feasibility: 10, team: 10, impact: 10 })).toEqual({
      ok: true,
      value: 10,
    });
  });

  it('rounds half up to 2 decimals in integers (no 1.045 → 1.04 float slip)', () => {
    const skewed: ReviewForm = {
      ...standard,
      criteria: [
        { key: 'a', label: 'a', labelEn: 'a', weightBp: 50 },
        { key: 'b', label: 'b', labelEn: 'b', weightBp: 9950 },
      ],
    };
    // (50·10 + 9950·1) / 10 000 = 1.045
    expect(weightedScore(skewed, { a: 10, b: 1 })).toEqual({ ok: true, value: 1.05 });
    const thirds: ReviewForm = {
      ...standard,
      criteria: [
        { key: 'a', label: 'a', labelEn: 'a', weightBp: 3333 },
        { key: 'b', label: 'b', labelEn: 'b', weightBp: 3333 },
        { key: 'c', label: 'c', labelEn: 'c', weightBp: 3334 },
      ],
    };
    expect(weightedScore(thirds, { a: 7, b: 8, c: 9 })).toEqual({ ok: true, value: 8 });
  });

  it('names every criterion that is missing, not an integer, off the scale or unknown', () => {
    const r = weightedScore(standard, { originality: 0, feasibility: 7.5, team: null, nonsense: 5 });
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'scores.originality', code: 'between', params: { min: 1, max: 10 } },
        { field: 'scores.feasibility', code: 'integer' },
        { field: 'scores.team', code: 'required' },
        { field: 'scores.impact', code: 'required' },
        { field: 'scores.nonsense', code: 'invalid' },
      ],
    });
    expect(weightedScore(standard, { ...draft.scores, team: Number.NaN })).toEqual({
      ok: false,
      errors: [{ field: 'scores.team', code: 'number' }],
    });
    expect(weightedScore(standard, { ...draft.scores, impact: 11 }).ok).toBe(false);
  });

  it('refuses a form whose weights do not sum to 100%', () => {
    const broken = { ...standard, criteria: standard.criteria.slice(1) };
    const r = weightedScore(broken, draft.scores);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ field: 'criteria', code: 'weightsSum', params: { sum: 65 } });
  });
});

describe('rounding', () => {
  it('rounds half away from zero, clearing binary noise, never to −0', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(roundTo(7.123456, 4)).toBe(7.1235);
    expect(() => roundTo(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('validateReview', () => {
  it('accepts a complete review', () => {
    expect(validateReview(standard, draft)).toEqual({ errors: [], warnings: [] });
  });

  it('requires recommendation and confidence from the lists, unless the form waives the recommendation', () => {
    expect(validateReview(standard, { ...draft, recommendation: null, confidence: 'VERY' }).errors).toEqual([
      { field: 'recommendation', code: 'required' },
      { field: 'confidence', code: 'invalid' },
    ]);
    expect(validateReview(standard, { ...draft, recommendation: 'MAYBE', confidence: null }).errors).toEqual([
      { field: 'recommendation', code: 'invalid' },
      { field: 'confidence', code: 'required' },
    ]);
    expect(validateReview({ ...standard, recommendationRequired: false }, { ...draft, recommendation: null })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it("holds the comment to the form's minimum in characters, three times that in English", () => {
    expect(commentMinChars(standard, 'zh')).toBe(100);
    expect(commentMinChars(standard, 'en')).toBe(300);
    expect(validateReview(standard, { ...draft, commentToApplicant: '  ' }).errors).toEqual([
      { field: 'commentToApplicant', code: 'required' },
    ]);
    expect(validateReview(standard, { ...draft, commentToApplicant: '好'.repeat(99) }).errors).toEqual([
      { field: 'commentToApplicant', code: 'tooShort', params: { min: 100 } },
    ]);
    // Code points, not UTF-16 units: 100 rare characters (outside the BMP) are 100 characters.
    expect(validateReview(standard, { ...draft, commentToApplicant: '𠀀'.repeat(100) }).errors).toEqual([]);
    const english = 'The question is well posed and the plan is feasible. '.repeat(4);
    expect(validateReview(standard, { ...draft, language: 'en', commentToApplicant: english }).errors).toEqual([
      { field: 'commentToApplicant', code: 'tooShort', params: { min: 300 } },
    ]);
    expect(
      validateReview(standard, { ...draft, language: 'en', commentToApplicant: english.repeat(2) }).errors,
    ).toEqual([]);
    expect(validateReview(standard, { ...draft, commentToApplicant: 'x'.repeat(10_001) }).errors).toEqual([
      { field: 'commentToApplicant', code: 'tooLong', params: { max: 10_000 } },
    ]);
    expect(validateReview(standard, { ...draft, confidentialComment: 'x'.repeat(5_001) }).errors).toEqual([
      { field: 'confidentialComment', code: 'tooLong', params: { max: 5_000 } },
    ]);
  });

  it('requires a real reason with a non-consensus endorsement', () => {
    const nc = { ...draft, nonConsensusSupport: true };
    expect(validateReview(standard, { ...nc, nonConsensusReason: null }).errors).toEqual([
      { field: 'nonConsensusReason', code: 'required' },
    ]);
    expect(validateReview(standard, { ...nc, nonConsensusReason: '很有原创性' }).errors).toEqual([
      { field: 'nonConsensusReason', code: 'tooShort', params: { min: 30 } },
    ]);
    expect(
      validateReview(standard, {
        ...nc,
        nonConsensusReason:
          '提出了全新的拓扑保护机制，若成立将改变该方向的研究范式；风险在于材料制备，但申请人已有初步证据。',
      }).errors,
    ).toEqual([]);
    // Without the flag the reason is not asked for.
    expect(validateReview(standard, { ...draft, nonConsensusReason: '' }).errors).toEqual([]);
  });

  it('reports every problem at once, keyed by field', () => {
    const r = validateReview(standard, {
      ...draft,
      scores: {},
      recommendation: null,
      confidence: null,
      commentToApplicant: '',
      nonConsensusSupport: true,
      language: 'fr' as 'zh',
    });
    expect(r.errors.map((e) => e.field)).toEqual([
      'scores.originality',
      'scores.feasibility',
      'scores.team',
      'scores.impact',
      'recommendation',
      'confidence',
      'language',
      'commentToApplicant',
      'nonConsensusReason',
    ]);
  });

  it('warns when the recommendation contradicts the scores', () => {
    const low = { originality: 3, feasibility: 4, team: 3, impact: 4 };
    expect(validateReview(standard, { ...draft, scores: low, recommendation: 'PRIORITY' }).warnings).toEqual([
      { field: 'recommendation', code: RECOMMENDATION_SCORE_MISMATCH, params: { score: 3.45 } },
    ]);
    const high = { originality: 9, feasibility: 9, team: 9, impact: 9 };
    expect(validateReview(standard, { ...draft, scores: high, recommendation: 'NOT_FUNDABLE' }).warnings).toHaveLength(
      1,
    );
    expect(validateReview(standard, { ...draft, scores: high, recommendation: 'PRIORITY' }).warnings).toEqual([]);
  });
});

describe('dispersion', () => {
  it('gives min, max, range and the population standard deviation', () => {
    expect(dispersion([3, 9])).toEqual({ min: 3, max: 9, range: 6, stdDev: 3 });
    expect(dispersion([7.25])).toEqual({ min: 7.25, max: 7.25, range: 0, stdDev: 0 });
    // Population sd of 2, 4, 4, 4, 5, 5, 7, 9 is exactly 2 (the sample sd would be 2.14).
    expect(dispersion([2, 4, 4, 4, 5, 5, 7, 9]).stdDev).toBe(2);
    expect(() => dispersion([])).toThrow(RangeError);
  });
});

describe('normaliseScores', () => {
  const r = (id: string, expertId: string, applicationId: string, score: number): ScoredReview => ({
    id,
    expertId,
    applicationId,
    score,
  });

  it("takes z against the expert's own scores, re-expressed with the call's mean and sd", () => {
    // Expert A is lenient (8, 9, 10), expert B harsh (4, 5, 6): same order, same spread → same z.
    const reviews = [
      r('1', 'A', 'p', 8),
      r('2', 'A', 'q', 9),
      r('3', 'A', 's', 10),
      r('4', 'B', 'p', 4),
      r('5', 'B', 'q', 5),
      r('6', 'B', 's', 6),
    ];
    const out = normaliseScores(reviews);
    expect(out.callMean).toBe(7);
    const z = Math.sqrt(3 / 2); // (x − mean) / population sd for 1 step in (−1, 0, 1)
    expect(out.reviews.map((x) => x.z)).toEqual([-z, 0, z, -z, 0, z].map((v) => roundTo(v, 4)));
    expect(out.reviews.every((x) => x.method === 'OWN')).toBe(true);
    // p gets the same normalised score from both experts.
    expect(out.reviews[0]!.normalisedScore).toBe(out.reviews[3]!.normalisedScore);
    expect(out.reviews[1]!.normalisedScore).toBe(7);
  });

  it('takes a score at face value when the expert has too few reviews, and the mean when all are equal', () => {
    expect(MIN_REVIEWS_FOR_OWN_SCALE).toBe(3);
    const out = normaliseScores([
      r('1', 'A', 'p', 8),
      r('2', 'A', 'q', 9),
      r('3', 'A', 's', 10),
      r('4', 'FEW', 'p', 3.25),
      r('5', 'FEW', 'q', 6),
      r('6', 'FLAT', 'p', 7),
      r('7', 'FLAT', 'q', 7),
      r('8', 'FLAT', 's', 7),
    ]);
    const by = new Map(out.reviews.map((x) => [x.id, x]));
    expect(by.get('4')).toMatchObject({ method: 'CALL', normalisedScore: 3.25 });
    expect(by.get('5')).toMatchObject({ method: 'CALL', normalisedScore: 6 });
    expect(by.get('6')).toMatchObject({ method: 'FLAT', z: 0, normalisedScore: out.callMean });
    expect(by.get('1')!.method).toBe('OWN');
  });

  it('gives every review the call mean when every score is equal, and handles an empty call', () => {
    const out = normaliseScores([r('1', 'A', 'p', 6), r('2', 'B', 'p', 6), r('3', 'C', 'q', 6)]);
    expect(out.callSd).toBe(0);
    expect(out.reviews.map((x) => [x.z, x.normalisedScore])).toEqual([
      [0, 6],
      [0, 6],
      [0, 6],
    ]);
    expect(normaliseScores([])).toEqual({ reviews: [], callMean: 0, callSd: 0 });
  });

  it('does not depend on the order the reviews arrive in', () => {
    const rand = mulberry32(7);
    const reviews = Array.from({ length: 60 }, (_, i) =>
      r(`r${String(i).padStart(3, '0')}`, `e${i % 7}`, `a${i % 11}`, 1 + Math.floor(rand() * 900) / 100),
    );
    const shuffled = [...reviews].sort(() => rand() - 0.5);
    expect(normaliseScores(shuffled)).toEqual(normaliseScores(reviews));
  });

  it('refuses duplicate review ids', () => {
    expect(() => normaliseScores([r('1', 'A', 'p', 5), r('1', 'A', 'q', 6)])).toThrow(RangeError);
  });
});

describe('aggregate', () => {
  const sr = (id: string, expertId: string, o: number, f: number, t: number, i: number): SubmittedReview => ({
    id,
    expertId,
    scores: { originality: o, feasibility: f, team: t, impact: i },
  });

  it('computes every measure of one application by hand', () => {
    // Two experts, each with fewer than 3 reviews → face value, so normalised = weighted.
    const result = aggregate(standard, {
      p: [sr('1', 'A', 9, 7, 8, 6), sr('2', 'B', 5, 5, 4, 4)],
      q: [],
    });
    expect(result.unscored).toEqual(['q']);
    expect(result.applications).toEqual([
      {
        applicationId: 'p',
        reviewCount: 2,
        // unweighted: (7.5 + 4.5) / 2
        rawMean: 6,
        // weighted: 7.7 and (5·3500 + 5·2500 + 4·2000 + 4·2000)/10 000 = 4.6
        weightedMean: 6.15,
        normalisedMean: 6.15,
        meanZ: 0,
        minScore: 4.6,
        maxScore: 7.7,
        range: 3.1,
        stdDev: 1.55,
        rank: 1,
        percentileBp: 10_000,
      },
    ]);
    expect(result.callMean).toBe(6.15);
  });

  it('ranks with competition ranking (1224) and gives percentiles of the others strictly below', () => {
    const ranks = rankAndPercentile([
      { id: 'a', value: 9 },
      { id: 'b', value: 8 },
      { id: 'c', value: 8 },
      { id: 'd', value: 7 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({
      a: { rank: 1, percentileBp: 10_000 },
      b: { rank: 2, percentileBp: 3333 },
      c: { rank: 2, percentileBp: 3333 },
      d: { rank: 4, percentileBp: 0 },
    });
    // Half up to a whole basis point: 2 of 3 others below = 6666.67 → 6667.
    expect(rankAndPercentile([1, 2, 3, 4].map((v) => ({ id: `x${v}`, value: v }))).get('x3')).toEqual({
      rank: 2,
      percentileBp: 6667,
    });
  });

  it('refuses a review that is not complete on the form', () => {
    expect(() => aggregate(standard, { p: [{ id: '1', expertId: 'A', scores: { originality: 9 } }] })).toThrow(
      RangeError,
    );
  });

  it('ties applications whose reviews are identical', () => {
    const result = aggregate(standard, {
      p: [sr('1', 'A', 8, 8, 8, 8)],
      q: [sr('2', 'B', 8, 8, 8, 8)],
      s: [sr('3', 'C', 5, 5, 5, 5)],
    });
    expect(result.applications.map((a) => [a.applicationId, a.rank, a.percentileBp])).toEqual([
      ['p', 1, 5000],
      ['q', 1, 5000],
      ['s', 3, 0],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Properties on random calls (seeded PRNG: a failure prints its seed and can be replayed).

const wide: ReviewForm = {
  criteria: [
    { key: 'a', label: 'a', labelEn: 'a', weightBp: 5000 },
    { key: 'b', label: 'b', labelEn: 'b', weightBp: 3000 },
    { key: 'c', label: 'c', labelEn: 'c', weightBp: 2000 },
  ],
  scaleMin: 0,
  scaleMax: 100,
  commentMinChars: 100,
  recommendationRequired: true,
};

/** A call where every expert reviews ≥ MIN_REVIEWS_FOR_OWN_SCALE applications, scores in 20–80 (room to shift). */
function randomCall(seed: number) {
  const rand = mulberry32(seed);
  const experts = 4 + Math.floor(rand() * 8);
  // At least as many applications as experts, so the round-robin below gives every expert ≥ 3 reviews.
  const apps = experts + 4 + Math.floor(rand() * 25);
  const perApp = 3;
  const byApp: Record<string, SubmittedReview[]> = {};
  const load = new Map<string, number>();
  let n = 0;
  for (let a = 0; a < apps; a++) {
    const id = `app${String(a).padStart(3, '0')}`;
    byApp[id] = [];
    const chosen = new Set<number>();
    // Round-robin start plus random picks, so loads stay even and every expert gets ≥ 3 reviews.
    for (let k = 0; chosen.size < Math.min(perApp, experts); k++) chosen.add((a * perApp + k) % experts);
    for (const e of chosen) {
      const expertId = `exp${e}`;
      load.set(expertId, (load.get(expertId) ?? 0) + 1);
      const lean = (e % 5) * 3;
      const score = () => 20 + lean + Math.floor(rand() * 45);
      byApp[id]!.push({
        id: `rev${String(n++).padStart(4, '0')}`,
        expertId,
        scores: { a: score(), b: score(), c: score() },
      });
    }
  }
  return { byApp, load, rand };
}

describe('aggregation properties (seeded)', () => {
  it('normalised results are invariant to adding a constant to one expert’s scores', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { byApp, load, rand } = randomCall(seed);
      expect(Math.min(...load.values()), `seed ${seed}`).toBeGreaterThanOrEqual(MIN_REVIEWS_FOR_OWN_SCALE);
      const experts = [...load.keys()];
      const victim = experts[Math.floor(rand() * experts.length)]!;
      const c = Math.floor(rand() * 31) - 15;
      const shifted = Object.fromEntries(
        Object.entries(byApp).map(([id, rs]) => [
          id,
          rs.map((r) =>
            r.expertId === victim
              ? { ...r, scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, (v as number) + c])) }
              : r,
          ),
        ]),
      );
      const before = aggregate(wide, byApp);
      const after = aggregate(wide, shifted);
      const b = new Map(before.applications.map((x) => [x.applicationId, x]));
      for (const x of after.applications) {
        const y = b.get(x.applicationId)!;
        expect(Math.abs(x.meanZ - y.meanZ), `seed ${seed} ${x.applicationId}`).toBeLessThanOrEqual(1e-4 + 1e-12);
        expect(x.rank, `seed ${seed}`).toBe(y.rank);
        expect(x.percentileBp, `seed ${seed}`).toBe(y.percentileBp);
      }
      // On the scale, each result is the call's mean plus mean z times the call's sd (up to the 2-decimal rounding
      // of the three numbers), before and after: the shift moves them only by that common affine map.
      for (const agg of [before, after]) {
        for (const x of agg.applications) {
          expect(Math.abs(x.normalisedMean - (agg.callMean + agg.callSd * x.meanZ)), `seed ${seed}`).toBeLessThan(
            0.02 + 0.005 * Math.abs(x.meanZ),
          );
        }
      }
    }
  });

  it('ranks are consistent with the means, a permutation when the means differ, and percentiles within 0..10000', () => {
    for (let seed = 100; seed < 160; seed++) {
      const { byApp } = randomCall(seed);
      const { applications } = aggregate(wide, byApp);
      const n = applications.length;
      expect(n).toBe(Object.keys(byApp).length);
      // Plain comparisons collected, one expect per seed: thousands of expect() calls made this slow on a busy machine.
      const violations: string[] = [];
      for (const x of applications) {
        if (!(Number.isInteger(x.rank) && x.rank >= 1 && x.rank <= n)) violations.push(`${x.applicationId} rank`);
        if (!(Number.isInteger(x.percentileBp) && x.percentileBp >= 0 && x.percentileBp <= 10_000))
          violations.push(`${x.applicationId} percentile`);
        // Competition rank = 1 + the number strictly better.
        if (x.rank !== 1 + applications.filter((y) => y.meanZ > x.meanZ).length)
          violations.push(`${x.applicationId} competition rank`);
        for (const y of applications) {
          if (x.normalisedMean > y.normalisedMean && x.rank > y.rank)
            violations.push(`${x.applicationId}>${y.applicationId} mean`);
          if (x.meanZ > y.meanZ && !(x.rank < y.rank && x.percentileBp > y.percentileBp))
            violations.push(`${x.applicationId}>${y.applicationId} z`);
        }
      }
      expect(violations, `seed ${seed}`).toEqual([]);
      // Listed best first.
      expect(applications.map((x) => x.rank)).toEqual([...applications.map((x) => x.rank)].sort((p, q) => p - q));
      if (new Set(applications.map((x) => x.meanZ)).size === n) {
        expect(applications.map((x) => x.rank).sort((p, q) => p - q)).toEqual(
          Array.from({ length: n }, (_, i) => i + 1),
        );
        expect(applications[0]!.percentileBp).toBe(10_000);
        expect(applications[n - 1]!.percentileBp).toBe(0);
      }
      // Dispersion is coherent with the reviews.
      for (const x of applications) {
        expect(x.minScore).toBeLessThanOrEqual(x.weightedMean);
        expect(x.weightedMean).toBeLessThanOrEqual(x.maxScore);
        expect(x.range).toBeCloseTo(x.maxScore - x.minScore, 10);
        expect(x.stdDev).toBeLessThanOrEqual(x.range / 2 + 0.011);
      }
    }
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
