import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { panelResult, shareBp, type CastVote, type PanelMemberOnItem } from '@/domain/panel/pass-rule';

const TWO_THIRDS = 6667;
const MAJORITY = 5001;
const members = (n: number, extra: Partial<PanelMemberOnItem> = {}): PanelMemberOnItem[] =>
  Array.from({ length: n }, (_, i) => ({ userId: `m${i}`, attended: true, conflicted: false, ...extra }));
const votes = (...v: CastVote['vote'][]): CastVote[] => v.map((vote, i) => ({ memberUserId: `m${i}`, vote }));

describe('panel pass rule', () => {
  it('passes two thirds of the members present exactly at the boundary (2 of 3, 6 of 9) and not below', () => {
    expect(panelResult(members(3), votes('FOR', 'FOR', 'AGAINST'), TWO_THIRDS).result).toBe('PASSED');
    expect(
      panelResult(members(9), votes(...Array(6).fill('FOR'), 'AGAINST', 'AGAINST', 'AGAINST'), TWO_THIRDS),
    ).toMatchObject({ result: 'PASSED', tally: { needed: 6, for: 6 } });
    expect(panelResult(members(9), votes(...Array(5).fill('FOR'), 'AGAINST'), TWO_THIRDS)).toMatchObject({
      result: 'FAILED',
      tally: { needed: 6, for: 5, notVoted: 3 },
    });
  });

  it('counts abstentions and missing votes against: two thirds of those present, not of the votes cast', () => {
    // 4 FOR, 1 AGAINST, 2 ABSTAIN of 7 present: 4/5 of votes cast, but 4/7 < 2/3 of those present.
    expect(
      panelResult(members(7), votes('FOR', 'FOR', 'FOR', 'FOR', 'AGAINST', 'ABSTAIN', 'ABSTAIN'), TWO_THIRDS).result,
    ).toBe('FAILED');
    // A simple majority of 7 present needs 4.
    expect(panelResult(members(7), votes('FOR', 'FOR', 'FOR', 'FOR'), MAJORITY).result).toBe('PASSED');
    expect(panelResult(members(8), votes('FOR', 'FOR', 'FOR', 'FOR'), MAJORITY).result).toBe('FAILED');
  });

  it('leaves conflicted members out of the base and refuses their vote; absent members count nowhere', () => {
    const panel = [
      ...members(4),
      { userId: 'c', attended: true, conflicted: true },
      { userId: 'a', attended: false, conflicted: false },
    ];
    expect(panelResult(panel, votes('FOR', 'FOR', 'FOR', 'AGAINST'), TWO_THIRDS)).toMatchObject({
      result: 'PASSED',
      tally: { entitled: 5, present: 4, needed: 3 },
    });
    expect(panelResult(panel, [{ memberUserId: 'c', vote: 'FOR' }], TWO_THIRDS)).toEqual({
      result: 'INVALID',
      reason: 'voteFromIneligibleMember',
      memberUserId: 'c',
    });
    expect(panelResult(panel, [{ memberUserId: 'a', vote: 'FOR' }], TWO_THIRDS).result).toBe('INVALID');
    expect(panelResult(panel, [...votes('FOR'), ...votes('AGAINST')], TWO_THIRDS)).toMatchObject({
      result: 'INVALID',
      reason: 'duplicateVote',
    });
  });

  it('needs half of the entitled members present, else the item is voted again (never recorded as failed)', () => {
    const panel = [
      ...members(2),
      ...Array.from({ length: 3 }, (_, i) => ({ userId: `x${i}`, attended: false, conflicted: false })),
    ];
    expect(panelResult(panel, votes('FOR', 'FOR'), TWO_THIRDS).result).toBe('NO_QUORUM');
    expect(panelResult(members(3, { attended: false }), [], TWO_THIRDS).result).toBe('NO_QUORUM');
    expect(() => panelResult(members(3), [], 5000)).toThrow(RangeError);
  });

  it('takes the share as the program writes it: 6667 bp is two thirds, 5 of 8 is not', () => {
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(5, 8)).toBe(6250);
    expect(panelResult(members(8), votes(...Array(5).fill('FOR')), TWO_THIRDS).result).toBe('FAILED');
    expect(panelResult(members(6), votes('FOR', 'FOR', 'FOR'), MAJORITY).result).toBe('FAILED'); // half is not a majority
  });

  it('passes exactly when the FOR share of those present reaches the rule, and `needed` is that threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 5001, max: 10000 }),
        fc.array(fc.constantFrom('FOR', 'AGAINST', 'ABSTAIN'), { maxLength: 30 }),
        (n, bp, cast) => {
          const v = votes(...(cast.slice(0, n) as CastVote['vote'][]));
          const r = panelResult(members(n), v, bp);
          if (r.result === 'INVALID' || r.result === 'NO_QUORUM') return false;
          const forVotes = v.filter((x) => x.vote === 'FOR').length;
          // Exact rational comparison with the rounded rule: for/n ≥ (bp − 0.5)/10000.
          const passes = forVotes * 20_000 >= (2 * bp - 1) * n;
          return (r.result === 'PASSED') === passes && forVotes >= r.tally.needed === passes;
        },
      ),
    );
  });
});
