import { describe, expect, it } from 'vitest';
import { defaultProgramRules } from '@/domain/program/rules';
import {
  DEFAULT_NON_CONSENSUS,
  ZNonConsensusRule,
  checkNonConsensusRule,
  detectNonConsensus,
  nonConsensusList,
  type NonConsensusAggregate,
  type NonConsensusReview,
} from '@/domain/review/non-consensus';
import { aggregate, type SubmittedReview } from '@/domain/review/scoring';

const form = defaultProgramRules('EXCELLENT_YOUNG').reviewForm;

const agg = (over: Partial<NonConsensusAggregate> = {}): NonConsensusAggregate => ({
  applicationId: 'p',
  reviewCount: 3,
  minScore: 3.5,
  maxScore: 9,
  range: 5.5,
  stdDev: 2.3,
  ...over,
});
const review = (id: string, support: boolean, applicationId = 'p'): NonConsensusReview => ({
  id,
  applicationId,
  nonConsensusSupport: support,
});

describe('the rule', () => {
  it('parses the fragment staff will set on a program', () => {
    expect(ZNonConsensusRule.parse(DEFAULT_NON_CONSENSUS)).toEqual({ measure: 'RANGE', threshold: 4 });
    expect(ZNonConsensusRule.parse({ measure: 'STD_DEV', threshold: 1.75 })).toEqual({
      measure: 'STD_DEV',
      threshold: 1.75,
    });
  });

  it('refuses other measures, thresholds out of range or finer than 2 decimals, with message keys', () => {
    const messages = (v: unknown) => {
      const r = ZNonConsensusRule.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(messages({ measure: 'IQR', threshold: 4 })).toEqual(['measure:required']);
    expect(messages({ measure: 'RANGE', threshold: 0 })).toEqual(['threshold:between?min=0.01&max=100']);
    expect(messages({ measure: 'RANGE', threshold: 100.5 })).toEqual(['threshold:between?min=0.01&max=100']);
    expect(messages({ measure: 'RANGE', threshold: 4.005 })).toEqual(['threshold:invalid']);
    expect(messages({ measure: 'RANGE', threshold: '4' })).toEqual(['threshold:number']);
    expect(messages({ measure: 'RANGE', threshold: 4.05 })).toEqual([]);
  });

  it("refuses a threshold the form's scale can never exceed", () => {
    // 1–10: the range is at most 9, the population sd at most 4.5.
    expect(checkNonConsensusRule({ measure: 'RANGE', threshold: 8.99 }, form)).toEqual([]);
    expect(checkNonConsensusRule({ measure: 'RANGE', threshold: 9 }, form)).toEqual([
      { field: 'threshold', code: 'between', params: { min: 0.01, max: 9 } },
    ]);
    expect(checkNonConsensusRule({ measure: 'STD_DEV', threshold: 4.5 }, form)).toEqual([
      { field: 'threshold', code: 'between', params: { min: 0.01, max: 4.5 } },
    ]);
    expect(checkNonConsensusRule(DEFAULT_NON_CONSENSUS, form)).toEqual([]);
  });
});

describe('detectNonConsensus', () => {
  it('flags strong disagreement with at least one supporting expert, with the numbers for the explanation', () => {
    expect(detectNonConsensus(agg(), [review('r3', true), review('r1', false), review('r2', true)])).toEqual({
      applicationId: 'p',
      flagged: true,
      reason: null,
      measure: 'RANGE',
      dispersion: 5.5,
      threshold: 4,
      supportingReviewIds: ['r2', 'r3'],
      reviewCount: 3,
      minScore: 3.5,
      maxScore: 9,
      range: 5.5,
      stdDev: 2.3,
    });
  });

  it('needs both signals, and "exceeds" is strict', () => {
    const support = [review('r1', true)];
    expect(detectNonConsensus(agg({ range: 4 }), support)).toMatchObject({ flagged: false, reason: 'BELOW_THRESHOLD' });
    expect(detectNonConsensus(agg({ range: 4.01 }), support)).toMatchObject({ flagged: true });
    expect(detectNonConsensus(agg(), [review('r1', false)])).toMatchObject({
      flagged: false,
      reason: 'NO_SUPPORT',
      supportingReviewIds: [],
    });
    expect(detectNonConsensus(agg({ range: 1 }), [])).toMatchObject({ flagged: false, reason: 'BELOW_THRESHOLD' });
  });

  it("ignores another application's reviews", () => {
    expect(detectNonConsensus(agg(), [review('r9', true, 'q')])).toMatchObject({
      flagged: false,
      reason: 'NO_SUPPORT',
    });
  });

  it('measures by standard deviation when the program says so', () => {
    const rule = { measure: 'STD_DEV' as const, threshold: 2 };
    expect(detectNonConsensus(agg({ stdDev: 2.3, range: 1 }), [review('r1', true)], rule)).toMatchObject({
      flagged: true,
      dispersion: 2.3,
      threshold: 2,
    });
    expect(detectNonConsensus(agg({ stdDev: 2, range: 9 }), [review('r1', true)], rule)).toMatchObject({
      flagged: false,
      reason: 'BELOW_THRESHOLD',
    });
  });

  it('works on what aggregate computes (weighted scores as given)', () => {
    const s = (id: string, expertId: string, v: number, w: number): SubmittedReview => ({
      id,
      expertId,
      scores: { originality: v, feasibility: w, team: w, impact: w },
    });
    const call = aggregate(form, {
      divided: [s('a1', 'E1', 10, 9), s('a2', 'E2', 3, 3), s('a3', 'E3', 6, 6)],
      agreed: [s('b1', 'E1', 8, 7), s('b2', 'E2', 7, 7), s('b3', 'E3', 8, 8)],
    });
    const reviews = [
      { id: 'a1', applicationId: 'divided', nonConsensusSupport: true },
      { id: 'a2', applicationId: 'divided', nonConsensusSupport: false },
      { id: 'b3', applicationId: 'agreed', nonConsensusSupport: true },
    ];
    const list = nonConsensusList(call.applications, reviews);
    expect(list.map((r) => [r.applicationId, r.range, r.supportingReviewIds])).toEqual([['divided', 6.35, ['a1']]]);
  });

  it('lists the most divided first', () => {
    const list = nonConsensusList(
      [agg({ applicationId: 'a', range: 5 }), agg({ applicationId: 'b', range: 7 }), agg({ applicationId: 'c' })],
      [review('1', true, 'a'), review('2', true, 'b'), review('3', false, 'c')],
    );
    expect(list.map((r) => r.applicationId)).toEqual(['b', 'a']);
  });

  it('flags exactly when dispersion > threshold and someone supports (seeded random cases)', () => {
    const rand = mulberry32(42);
    for (let i = 0; i < 500; i++) {
      const range = Math.round(rand() * 900) / 100;
      const stdDev = Math.round(rand() * 450) / 100;
      const rule = {
        measure: rand() < 0.5 ? ('RANGE' as const) : ('STD_DEV' as const),
        threshold: Math.round(rand() * 600 + 1) / 100,
      };
      const reviews = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, k) =>
        review(`r${k}`, rand() < 0.2, rand() < 0.8 ? 'p' : 'q'),
      );
      const r = detectNonConsensus(agg({ range, stdDev }), reviews, rule);
      const dispersion = rule.measure === 'RANGE' ? range : stdDev;
      const supporting = reviews.filter((x) => x.applicationId === 'p' && x.nonConsensusSupport);
      expect(r.flagged).toBe(dispersion > rule.threshold && supporting.length > 0);
      expect(r.supportingReviewIds).toEqual(supporting.map((x) => x.id).sort());
      expect(r.dispersion).toBe(dispersion);
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
