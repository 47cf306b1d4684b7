import { describe, expect, it } from 'vitest';
import {
  canTransitionChange,
  checkChangeRequest,
  EXTENSION_MAX_MONTHS,
  INDIRECT_CATEGORY,
  type ChangeFacts,
} from '@/domain/project/change';

const wan = (n: number) => BigInt(n) * 1_000_000n;
const facts = (over: Partial<ChangeFacts> = {}): ChangeFacts => ({
  now: new Date('2028-03-01T02:00:00Z'),
  endDate: '2028-12-31',
  budgetMode: 'LINE_ITEM',
  piUserId: 'pi',
  memberUserIds: ['pi', 'm1', 'm2'],
  extendedMonths: 0,
  budgetByCategory: new Map([
    ['EQUIPMENT', wan(20)],
    ['MATERIALS', wan(30)],
    [INDIRECT_CATEGORY, wan(5)],
  ]),
  spentByCategory: new Map([['EQUIPMENT', wan(15)]]),
  ...over,
});

describe('project changes', () => {
  it('extends up to twelve months in all, before the project has ended', () => {
    expect(checkChangeRequest({ kind: 'EXTENSION', months: 12 }, facts())).toEqual([]);
    expect(checkChangeRequest({ kind: 'EXTENSION', months: 7 }, facts({ extendedMonths: 6 }))).toEqual([
      { field: 'months', code: 'extensionTooLong', params: { max: EXTENSION_MAX_MONTHS - 6 } },
    ]);
    expect(
      checkChangeRequest({ kind: 'EXTENSION', months: 3 }, facts({ now: new Date('2029-01-01T00:00:00Z') })),
    ).toEqual([{ field: 'months', code: 'projectAlreadyEnded' }]);
  });

  it('hands the project to someone on the team who is not barred', () => {
    expect(checkChangeRequest({ kind: 'PI_CHANGE', newPiUserId: 'm1' }, facts())).toEqual([]);
    expect(checkChangeRequest({ kind: 'PI_CHANGE', newPiUserId: 'stranger' }, facts())).toEqual([
      { field: 'newPiUserId', code: 'newPiNotOnTeam' },
    ]);
    const barred = [{ startsOn: new Date('2027-01-01'), endsOn: null, barsApplications: true }];
    expect(checkChangeRequest({ kind: 'PI_CHANGE', newPiUserId: 'm1' }, facts({ newPiCreditRecords: barred }))).toEqual(
      [{ field: 'newPiUserId', code: 'applicantSanctioned' }],
    );
  });

  it('changes members but never removes the PI this way', () => {
    expect(checkChangeRequest({ kind: 'MEMBER_CHANGE', add: ['m3'], remove: ['m2'] }, facts())).toEqual([]);
    expect(
      checkChangeRequest({ kind: 'MEMBER_CHANGE', add: ['m1'], remove: ['pi'] }, facts()).map((i) => i.code),
    ).toEqual(['cannotRemovePi', 'alreadyMember']);
  });

  it('moves budget between direct categories, never into indirect costs or below what was spent', () => {
    expect(
      checkChangeRequest(
        { kind: 'BUDGET_REALLOCATION', moves: [{ from: 'EQUIPMENT', to: 'MATERIALS', amountFen: wan(5) }] },
        facts(),
      ),
    ).toEqual([]);
    expect(
      checkChangeRequest(
        { kind: 'BUDGET_REALLOCATION', moves: [{ from: 'EQUIPMENT', to: 'MATERIALS', amountFen: wan(6) }] },
        facts(),
      ),
    ).toEqual([{ field: 'moves.0.amountFen', code: 'belowSpent' }]);
    expect(
      checkChangeRequest(
        { kind: 'BUDGET_REALLOCATION', moves: [{ from: 'MATERIALS', to: INDIRECT_CATEGORY, amountFen: wan(1) }] },
        facts(),
      ),
    ).toEqual([{ field: 'moves.0.to', code: 'indirectIsFixed' }]);
    expect(
      checkChangeRequest(
        { kind: 'BUDGET_REALLOCATION', moves: [{ from: 'MATERIALS', to: 'TRAVEL', amountFen: 0n }] },
        facts(),
      ),
    ).toEqual([{ field: 'moves.0.amountFen', code: 'mustBePositive' }]);
    expect(
      checkChangeRequest(
        { kind: 'BUDGET_REALLOCATION', moves: [{ from: 'MATERIALS', to: 'TRAVEL', amountFen: wan(1) }] },
        facts({ budgetMode: 'LUMP_SUM' }),
      ),
    ).toEqual([{ field: 'moves', code: 'lumpSumHasNoCategories' }]);
  });

  it('goes through the institution, then the commission; the PI may withdraw until then', () => {
    expect(canTransitionChange('REQUESTED', 'approve', 'STAFF')).toBe(false);
    expect(canTransitionChange('REQUESTED', 'institution_approve', 'OFFICE')).toBe(true);
    expect(canTransitionChange('INSTITUTION_APPROVED', 'approve', 'STAFF')).toBe(true);
    expect(canTransitionChange('INSTITUTION_APPROVED', 'withdraw', 'PI')).toBe(true);
    expect(canTransitionChange('APPROVED', 'withdraw', 'PI')).toBe(false);
    expect(canTransitionChange('REQUESTED', 'institution_approve', 'PI')).toBe(false);
  });
});
