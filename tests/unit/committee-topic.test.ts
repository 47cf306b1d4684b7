import { describe, expect, it } from 'vitest';
import { checkMembership, checkTerm, currentTerm } from '@/domain/committee/term';
import {
  canTransitionTopic,
  checkTopicScore,
  enoughScores,
  meanScoreCenti,
  seesOtherScores,
  TOPIC_STATUSES,
  TOPIC_TRANSITIONS,
  type TopicTransition,
} from '@/domain/committee/topic';

describe('topic selection (DATA-MODEL §3.9)', () => {
  it('moves a topic only along the table, staff deciding and the proposer withdrawing', () => {
    const steps = Object.keys(TOPIC_TRANSITIONS) as TopicTransition[];
    const allowed = TOPIC_STATUSES.flatMap((s) =>
      steps.flatMap((t) =>
        (['STAFF', 'PROPOSER'] as const)
          .filter((by) => canTransitionTopic(s, t, by))
          .map((by) => `${s} -${t}/${by}-> ${TOPIC_TRANSITIONS[t].to}`),
      ),
    );
    expect(allowed).toEqual([
      'SUBMITTED -open_scoring/STAFF-> SCORING',
      'SUBMITTED -withdraw/PROPOSER-> WITHDRAWN',
      'SCORING -select/STAFF-> SELECTED',
      'SCORING -reject/STAFF-> REJECTED',
      'SELECTED -convert/STAFF-> CONVERTED',
    ]);
  });

  it('needs the term’s minimum of submitted scores (at least one) to decide', () => {
    expect(enoughScores(1, 2)).toBe(false);
    expect(enoughScores(2, 2)).toBe(true);
    expect(enoughScores(0, 0)).toBe(false);
  });

  it('takes whole scores on the term’s scale', () => {
    expect(checkTopicScore(1, 10)).toBeNull();
    expect(checkTopicScore(10, 10)).toBeNull();
    expect(checkTopicScore(0, 10)).toBe('between?min=1&max=10');
    expect(checkTopicScore(11, 10)).toBe('between?min=1&max=10');
    expect(checkTopicScore(7.5, 10)).toBe('integer');
  });

  it('averages to the hundredth, half up, in integers', () => {
    expect(meanScoreCenti([])).toBeNull();
    expect(meanScoreCenti([9, 6])).toBe(750);
    expect(meanScoreCenti([7, 7, 8])).toBe(733);
    expect(meanScoreCenti([1, 2, 2])).toBe(167);
  });

  it('shows a member the others’ scores only after their own is submitted', () => {
    expect(seesOtherScores('MEMBER', false)).toBe(false);
    expect(seesOtherScores('MEMBER', true)).toBe(true);
    expect(seesOtherScores('STAFF', false)).toBe(true);
  });
});

describe('terms and members', () => {
  const terms = [
    { id: 'first', startsOn: '2023-01-01', endsOn: '2025-12-31' },
    { id: 'second', startsOn: '2026-01-01', endsOn: '2028-12-31' },
  ];
  it('finds the term running on a date, none between terms', () => {
    expect(currentTerm(terms, '2026-11-28')?.id).toBe('second');
    expect(currentTerm(terms, '2025-12-31')?.id).toBe('first');
    expect(currentTerm(terms, '2029-01-01')).toBeNull();
  });
  it('checks a term’s settings and a membership against the term and its chair', () => {
    expect(checkTerm({ startsOn: '2026-01-01', endsOn: '2025-01-01', scoreScaleMax: 2, minScoresToDecide: 0 })).toEqual(
      [
        { field: 'endsOn', code: 'endBeforeStart' },
        { field: 'scoreScaleMax', code: 'between?min=3&max=100' },
        { field: 'minScoresToDecide', code: 'between?min=1&max=20' },
      ],
    );
    const term = { startsOn: '2026-01-01', endsOn: '2028-12-31' };
    expect(checkMembership({ position: 'CHAIR', fromDate: '2026-03-01' }, term, [])).toEqual([]);
    expect(
      checkMembership({ position: 'CHAIR', fromDate: '2025-03-01' }, term, [{ position: 'CHAIR', toDate: null }]),
    ).toEqual([
      { field: 'fromDate', code: 'outsideTerm' },
      { field: 'position', code: 'oneChair' },
    ]);
    expect(
      checkMembership({ position: 'CHAIR', fromDate: '2026-03-01' }, term, [
        { position: 'CHAIR', toDate: '2026-02-01' },
      ]),
    ).toEqual([]);
  });
});
