import { describe, expect, it } from 'vitest';
import { checkMembership, checkMembershipEnd, checkTermChange } from '@/domain/committee/term';

// Editing a term and ending memberships (issue 7, DATA-MODEL §2.14); creating them is in committee-topic.test.ts.

const settings = { startsOn: '2026-01-01', endsOn: '2028-12-31', scoreScaleMax: 10, minScoresToDecide: 2 };

describe('editing a term', () => {
  it('accepts new settings that still hold every membership', () => {
    const memberships = [
      { fromDate: '2026-01-01', toDate: null },
      { fromDate: '2026-06-01', toDate: '2027-06-30' },
    ];
    expect(checkTermChange({ ...settings, minScoresToDecide: 3 }, settings, { memberships, scored: false })).toEqual(
      [],
    );
    expect(
      checkTermChange({ ...settings, startsOn: '2025-07-01', scoreScaleMax: 5 }, settings, {
        memberships,
        scored: false,
      }),
    ).toEqual([]);
  });

  it('refuses dates that leave a membership outside the term', () => {
    const memberships = [
      { fromDate: '2026-01-01', toDate: null },
      { fromDate: '2026-06-01', toDate: '2028-06-30' },
    ];
    expect(
      checkTermChange({ ...settings, startsOn: '2026-02-01', endsOn: '2028-03-31' }, settings, {
        memberships,
        scored: false,
      }),
    ).toEqual([
      { field: 'startsOn', code: 'membersOutsideTerm' },
      { field: 'endsOn', code: 'membersOutsideTerm' },
    ]);
    // A member appointed after the new last day is outside too, even without an end date.
    expect(
      checkTermChange({ ...settings, endsOn: '2026-05-31' }, settings, {
        memberships: [{ fromDate: '2026-06-01', toDate: null }],
        scored: false,
      }),
    ).toEqual([{ field: 'endsOn', code: 'membersOutsideTerm' }]);
  });

  it('keeps the score scale once a topic of the term is scored, other settings still change', () => {
    const ctx = { memberships: [], scored: true };
    expect(checkTermChange({ ...settings, scoreScaleMax: 100 }, settings, ctx)).toEqual([
      { field: 'scoreScaleMax', code: 'scaleFixedOnceScored' },
    ]);
    expect(checkTermChange({ ...settings, minScoresToDecide: 5, endsOn: '2029-06-30' }, settings, ctx)).toEqual([]);
  });

  it('checks the settings as for a new term', () => {
    expect(
      checkTermChange({ ...settings, endsOn: '2025-12-31', minScoresToDecide: 21 }, settings, {
        memberships: [],
        scored: false,
      }),
    ).toEqual([
      { field: 'endsOn', code: 'endBeforeStart' },
      { field: 'minScoresToDecide', code: 'between?min=1&max=20' },
    ]);
  });
});

describe('memberships', () => {
  const term = { startsOn: '2026-01-01', endsOn: '2028-12-31' };

  it('ends a membership on or after its first day and no later than the term', () => {
    expect(checkMembershipEnd('2026-03-01', { fromDate: '2026-03-01' }, term)).toEqual([]);
    expect(checkMembershipEnd('2028-12-31', { fromDate: '2026-03-01' }, term)).toEqual([]);
    expect(checkMembershipEnd('2026-02-28', { fromDate: '2026-03-01' }, term)).toEqual([
      { field: 'toDate', code: 'endBeforeStart' },
    ]);
    expect(checkMembershipEnd('2029-01-01', { fromDate: '2026-03-01' }, term)).toEqual([
      { field: 'toDate', code: 'outsideTerm' },
    ]);
  });

  it('allows one chair at a time: a chair ending after the new chair starts still blocks', () => {
    const endingLate = [{ position: 'CHAIR', toDate: '2027-06-30' }];
    expect(checkMembership({ position: 'CHAIR', fromDate: '2027-06-30' }, term, endingLate)).toEqual([
      { field: 'position', code: 'oneChair' },
    ]);
    expect(checkMembership({ position: 'CHAIR', fromDate: '2027-07-01' }, term, endingLate)).toEqual([]);
    // Vice chairs and members are not limited.
    expect(
      checkMembership({ position: 'VICE_CHAIR', fromDate: '2026-01-01' }, term, [
        { position: 'CHAIR', toDate: null },
        { position: 'VICE_CHAIR', toDate: null },
      ]),
    ).toEqual([]);
  });
});
