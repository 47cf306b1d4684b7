import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  reconcileExpenditure,
  SIMPLIFIED_STATEMENT_MIN_CHARS,
  type ExpenditureContext,
} from '@/domain/project/expenditure';
import { canMarkTranchePaid, planTranches, reconcileTranches, type BudgetPlanRow } from '@/domain/project/tranche';

const wan = (n: number) => BigInt(n) * 10_000_00n;
const PLAN: BudgetPlanRow[] = [
  { year: 2027, source: 'FISCAL', sourceInstitutionId: null, amountFen: wan(60) },
  { year: 2028, source: 'FISCAL', sourceInstitutionId: null, amountFen: wan(40) },
  { year: 2027, source: 'ENTERPRISE', sourceInstitutionId: 'ent', amountFen: wan(30) },
  { year: 2027, source: 'ENTERPRISE', sourceInstitutionId: 'ent', amountFen: wan(5) }, // a second category, same year
  { year: 2028, source: 'INSTITUTION', sourceInstitutionId: 'uni', amountFen: 0n },
];

describe('tranches', () => {
  it('plans one tranche per payer and year: the first on the start date, later ones on 1 March', () => {
    expect(planTranches(PLAN, '2027-05-10')).toEqual([
      { source: 'ENTERPRISE', sourceInstitutionId: 'ent', ordinal: 1, plannedDate: '2027-05-10', amountFen: wan(35) },
      { source: 'FISCAL', sourceInstitutionId: null, ordinal: 1, plannedDate: '2027-05-10', amountFen: wan(60) },
      { source: 'FISCAL', sourceInstitutionId: null, ordinal: 2, plannedDate: '2028-03-01', amountFen: wan(40) },
    ]);
    expect(() => planTranches([{ ...PLAN[0]!, year: 2026 }], '2027-05-10')).toThrow(RangeError);
  });

  it('reconciles per payer: live tranches equal the plan, payments within it, race-cut moves accounted for', () => {
    const tranches = planTranches(PLAN, '2027-05-10').map((t) => ({ ...t, status: 'PLANNED' as const }));
    expect(reconcileTranches(PLAN, tranches).flatMap((p) => p.problems)).toEqual([]);
    // A fiscal tranche lost without a reason, and an enterprise payment above the pledge.
    const broken = [
      { ...tranches[0]!, status: 'PAID' as const, amountFen: wan(36) },
      tranches[1]!,
      { ...tranches[2]!, status: 'CANCELLED' as const },
    ];
    const byPayer = Object.fromEntries(reconcileTranches(PLAN, broken).map((p) => [p.source, p.problems]));
    expect(byPayer).toEqual({
      ENTERPRISE: ['liveDiffersFromPlan', 'paidExceedsPlan'],
      FISCAL: ['liveDiffersFromPlan'],
      INSTITUTION: [],
    });
    // Cancelled by a race cut and received from one: both sides reconcile.
    const cut = [tranches[0]!, tranches[1]!, { ...tranches[2]!, status: 'CANCELLED' as const, reallocated: true }];
    expect(reconcileTranches(PLAN, cut).flatMap((p) => p.problems)).toEqual([]);
    const gained = [...tranches, { ...tranches[1]!, amountFen: 1n, fromRaceCut: true }];
    expect(reconcileTranches(PLAN, gained).flatMap((p) => p.problems)).toEqual([]);
  });

  it('keeps the plan whole: planned tranches always reconcile with any budget plan', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.integer({ min: 2027, max: 2031 }),
            source: fc.constantFrom('FISCAL', 'ENTERPRISE', 'INSTITUTION'),
            payer: fc.constantFrom('a', 'b'),
            amount: fc.bigInt({ min: 0n, max: 10n ** 11n }),
          }),
          { maxLength: 25 },
        ),
        (rows) => {
          const plan = rows.map((r) => ({
            year: r.year,
            source: r.source as BudgetPlanRow['source'],
            sourceInstitutionId: r.source === 'FISCAL' ? null : r.payer,
            amountFen: r.amount,
          }));
          const tranches = planTranches(plan, '2027-01-01').map((t) => ({ ...t, status: 'PLANNED' as const }));
          return reconcileTranches(plan, tranches).every((p) => p.problems.length === 0);
        },
      ),
    );
  });

  it('lets only the payer mark a tranche paid, with the voucher number', () => {
    const fiscal = { status: 'APPROVED' as const, source: 'FISCAL' as const, sourceInstitutionId: null };
    const enterprise = { status: 'APPROVED' as const, source: 'ENTERPRISE' as const, sourceInstitutionId: 'ent' };
    const staff = { role: 'COMMISSION_STAFF', institutionId: null };
    expect(canMarkTranchePaid(fiscal, staff, 'GK-2027-001')).toEqual({ ok: true });
    expect(canMarkTranchePaid(fiscal, staff, ' ')).toEqual({ ok: false, code: 'paymentReferenceRequired' });
    expect(canMarkTranchePaid(enterprise, staff, 'x')).toEqual({ ok: false, code: 'notThePayer' });
    expect(canMarkTranchePaid(enterprise, { role: 'ENTERPRISE', institutionId: 'other' }, 'x')).toEqual({
      ok: false,
      code: 'notThePayer',
    });
    expect(canMarkTranchePaid(enterprise, { role: 'ENTERPRISE', institutionId: 'ent' }, 'x')).toEqual({ ok: true });
    expect(canMarkTranchePaid({ ...fiscal, status: 'PLANNED' }, staff, 'x')).toEqual({ ok: false, code: 'wrongState' });
  });
});

const ctx = (over: Partial<ExpenditureContext> = {}): ExpenditureContext => ({
  budgetByCategory: new Map([
    ['EQUIPMENT', wan(20)],
    ['MATERIALS', wan(30)],
  ]),
  spentBeforeByCategory: new Map([['EQUIPMENT', wan(15)]]),
  spentBeforeFen: wan(15),
  paidFen: wan(60),
  ...over,
});

describe('expenditure reports', () => {
  it('accepts a line-item report whose lines add up, within each category budget and the money received', () => {
    const report = {
      mode: 'LINE_ITEM' as const,
      totalSpentFen: wan(25),
      statement: null,
      lines: [
        { categoryCode: 'EQUIPMENT', source: 'FISCAL' as const, amountFen: wan(5) },
        { categoryCode: 'MATERIALS', source: 'FISCAL' as const, amountFen: wan(20) },
      ],
    };
    expect(reconcileExpenditure(report, ctx())).toEqual([]);
  });

  it('names every problem of a line-item report on its field', () => {
    const report = {
      mode: 'LINE_ITEM' as const,
      totalSpentFen: wan(50),
      statement: null,
      lines: [
        { categoryCode: 'EQUIPMENT', source: 'FISCAL' as const, amountFen: wan(3) },
        { categoryCode: 'EQUIPMENT', source: 'ENTERPRISE' as const, amountFen: wan(3) },
        { categoryCode: 'TRAVEL', source: 'FISCAL' as const, amountFen: wan(1) },
      ],
    };
    expect(reconcileExpenditure(report, ctx())).toEqual([
      {
        field: 'totalSpentFen',
        code: 'linesDoNotAddUp',
        params: { lines: '7', total: '50' },
      },
      { field: 'lines.2.categoryCode', code: 'categoryNotInBudget' },
      {
        field: 'lines.1.amountFen',
        code: 'categoryOverBudget',
        params: { budget: '20', spent: '21' },
      },
      { field: 'totalSpentFen', code: 'spentExceedsReceived', params: { received: '60' } },
    ]);
  });

  it('takes a simplified 包干制 report as a total and a statement, without categories', () => {
    const statement =
      '本年度经费主要用于实验材料、测试加工和研究生劳务，支出与研究进度相符，结余结转下一年度继续用于项目研究。'.padEnd(
        SIMPLIFIED_STATEMENT_MIN_CHARS,
        '。',
      );
    const simplified = { mode: 'SIMPLIFIED' as const, totalSpentFen: wan(40), statement, lines: [] };
    expect(reconcileExpenditure(simplified, ctx())).toEqual([]);
    expect(reconcileExpenditure({ ...simplified, statement: '用于研究。' }, ctx())).toEqual([
      { field: 'statement', code: 'tooShort', params: { min: SIMPLIFIED_STATEMENT_MIN_CHARS } },
    ]);
    expect(
      reconcileExpenditure(
        { ...simplified, statement: null, lines: [{ categoryCode: 'EQUIPMENT', source: 'FISCAL', amountFen: 1n }] },
        ctx(),
      ).map((i) => i.code),
    ).toEqual(['linesInSimplifiedReport', 'required']);
    expect(reconcileExpenditure({ ...simplified, totalSpentFen: wan(46) }, ctx()).map((i) => i.code)).toEqual([
      'spentExceedsReceived',
    ]);
  });
});
