import { describe, expect, it } from 'vitest';
import { expertCredit, type ExpertReviewHistory } from '@/domain/review/expert-credit';

const newcomer: ExpertReviewHistory = {
  reviewsSubmitted: 0,
  reviewsLate: 0,
  reviewsNotDelivered: 0,
  invitationsDeclined: 0,
  qualityRatings: [],
};

describe('expertCredit', () => {
  it('starts a newcomer in the middle (the priors)', () => {
    expect(expertCredit(newcomer)).toEqual({ score: 68, timeliness: 80, acceptance: 80, quality: 50 });
  });

  it('computes the documented formula by hand', () => {
    // 10 submitted (2 late), 1 never delivered, 3 declined, ratings 5, 4, 4, 3.
    // T = (8 + 1 + 1.6) / 13 = 0.8154; A = (10 + 1.6) / 16 = 0.725; Q = (1 + .75 + .75 + .5 + 1) / 6 = 0.6667
    // 100 · (0.45·0.8154 + 0.15·0.725 + 0.40·0.6667) = 74.23
    expect(
      expertCredit({
        reviewsSubmitted: 10,
        reviewsLate: 2,
        reviewsNotDelivered: 1,
        invitationsDeclined: 3,
        qualityRatings: [5, 4, 4, 3],
      }),
    ).toEqual({ score: 74, timeliness: 82, acceptance: 73, quality: 67 });
  });

  it('approaches 100 for a long perfect record and stays low for a poor one', () => {
    const perfect = expertCredit({
      reviewsSubmitted: 50,
      reviewsLate: 0,
      invitationsDeclined: 0,
      qualityRatings: Array(50).fill(5),
    });
    expect(perfect.score).toBe(99);
    const poor = expertCredit({
      reviewsSubmitted: 10,
      reviewsLate: 10,
      reviewsNotDelivered: 10,
      invitationsDeclined: 20,
      qualityRatings: Array(10).fill(1),
    });
    expect(poor.score).toBeLessThan(25);
  });

  it('refuses impossible histories', () => {
    expect(() => expertCredit({ ...newcomer, reviewsSubmitted: 1, reviewsLate: 2 })).toThrow(RangeError);
    expect(() => expertCredit({ ...newcomer, invitationsDeclined: -1 })).toThrow(RangeError);
    expect(() => expertCredit({ ...newcomer, reviewsSubmitted: 1.5 })).toThrow(RangeError);
    expect(() => expertCredit({ ...newcomer, qualityRatings: [6] })).toThrow(RangeError);
    expect(() => expertCredit({ ...newcomer, qualityRatings: [2.5] })).toThrow(RangeError);
  });

  it('moves the right way with each event, and stays within 0..100 (seeded random histories)', () => {
    const rand = mulberry32(5);
    // Rounding to whole points is monotone, so the directions hold for the rounded scores too.
    const score = (h: ExpertReviewHistory) => expertCredit(h).score;
    for (let i = 0; i < 400; i++) {
      const submitted = Math.floor(rand() * 30);
      const h: ExpertReviewHistory = {
        reviewsSubmitted: submitted,
        reviewsLate: Math.floor(rand() * (submitted + 1)),
        reviewsNotDelivered: Math.floor(rand() * 5),
        invitationsDeclined: Math.floor(rand() * 15),
        qualityRatings: Array.from({ length: Math.floor(rand() * 20) }, () => 1 + Math.floor(rand() * 5)),
      };
      const base = expertCredit(h);
      for (const v of Object.values(base)) expect(Number.isInteger(v) && v >= 0 && v <= 100).toBe(true);
      const onTime = score({ ...h, reviewsSubmitted: h.reviewsSubmitted + 1 });
      const late = score({ ...h, reviewsSubmitted: h.reviewsSubmitted + 1, reviewsLate: h.reviewsLate + 1 });
      expect(onTime, `case ${i}`).toBeGreaterThanOrEqual(base.score);
      expect(late, `case ${i}`).toBeLessThanOrEqual(onTime);
      expect(score({ ...h, invitationsDeclined: h.invitationsDeclined + 1 })).toBeLessThanOrEqual(base.score);
      expect(score({ ...h, reviewsNotDelivered: (h.reviewsNotDelivered ?? 0) + 1 })).toBeLessThanOrEqual(base.score);
      expect(score({ ...h, qualityRatings: [...h.qualityRatings, 5] })).toBeGreaterThanOrEqual(base.score);
      expect(score({ ...h, qualityRatings: [...h.qualityRatings, 1] })).toBeLessThanOrEqual(base.score);
      // A not-delivered review is worse than a decline.
      expect(score({ ...h, reviewsNotDelivered: (h.reviewsNotDelivered ?? 0) + 1 })).toBeLessThanOrEqual(
        score({ ...h, invitationsDeclined: h.invitationsDeclined + 1 }),
      );
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
