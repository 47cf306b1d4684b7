import { describe, expect, it } from 'vitest';
import { needsMentor, checkMentoringEntry } from '@/domain/project/mentor';
import {
  addMonths,
  BUDGET_UNIT_FEN,
  canApproveTranche,
  canConfirmTaskBook,
  completesConfirmation,
  initialBudgetPlan,
  initialMilestones,
  monthsBetween,
  monthsByYear,
  projectDates,
  shareFen,
  splitByYears,
  taskBookContentFromApplication,
  type TaskBookFacts,
} from '@/domain/project/task-book';

const sum = (xs: { amountFen: bigint }[]) => xs.reduce((s, x) => s + x.amountFen, 0n);

describe('project dates', () => {
  it('starts on the first of the month after the final day and runs whole months', () => {
    expect(projectDates('2027-06-15', 24)).toEqual({ startDate: '2027-07-01', endDate: '2029-06-30' });
    expect(projectDates('2027-12-31', 12)).toEqual({ startDate: '2028-01-01', endDate: '2028-12-31' });
    expect(projectDates('2027-01-01', 1)).toEqual({ startDate: '2027-02-01', endDate: '2027-02-28' });
  });
  it('adds months clamped to the month end', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-01', 3)).toBe('2028-02-01');
  });
  it('counts months per calendar year and in total', () => {
    expect(monthsByYear('2027-07-01', '2029-06-30')).toEqual([
      { year: 2027, months: 6 },
      { year: 2028, months: 12 },
      { year: 2029, months: 6 },
    ]);
    expect(monthsBetween('2027-07-01', '2029-06-30')).toBe(24);
    expect(() => projectDates('2027-06-15', 0)).toThrow(RangeError);
  });
});

describe('money by year and category', () => {
  it('shares pro rata to the fen, the remainder on the last positive weight', () => {
    expect(shareFen(100n, [1n, 1n, 1n])).toEqual([33n, 33n, 34n]);
    expect(shareFen(10n, [1n, 0n])).toEqual([10n, 0n]);
    expect(shareFen(7n, [0n, 0n])).toEqual([0n, 7n]);
    expect(() => shareFen(-1n, [1n])).toThrow(RangeError);
  });
  it('rounds generated shares to 100 元, the total still exact', () => {
    // 4 万元 over 3 equal years: 1.33, 1.33, 1.34 万元 — not 1.333333.
    expect(shareFen(40_000_00n, [1n, 1n, 1n], BUDGET_UNIT_FEN)).toEqual([1_330_000n, 1_330_000n, 1_340_000n]);
    // A total that is not a multiple keeps its odd fen on the last share.
    expect(shareFen(1_000_001n, [1n, 1n], BUDGET_UNIT_FEN)).toEqual([500_000n, 500_001n]);
    expect(() => shareFen(1n, [1n], 0n)).toThrow(RangeError);
  });
  it('spreads over years by months, remainder in the last year', () => {
    const rows = splitByYears(1_000_001n, '2027-07-01', '2029-06-30');
    expect(rows).toEqual([
      { year: 2027, amountFen: 250_000n },
      { year: 2028, amountFen: 500_000n },
      { year: 2029, amountFen: 250_001n },
    ]);
  });
  it('keeps the application categories scaled to the award, every source summing exactly', () => {
    const plan = initialBudgetPlan({
      startDate: '2027-07-01',
      endDate: '2029-06-30',
      budgetMode: 'LINE_ITEM',
      categories: [
        { categoryCode: 'EQUIPMENT', amountFen: 200n },
        { categoryCode: 'OPERATIONS', amountFen: 150n },
        { categoryCode: 'INDIRECT', amountFen: 50n },
      ],
      sources: [
        { source: 'FISCAL', sourceInstitutionId: null, amountFen: 3_000_000_07n },
        { source: 'ENTERPRISE', sourceInstitutionId: 'ent', amountFen: 1_000_000_00n },
        { source: 'INSTITUTION', sourceInstitutionId: 'inst', amountFen: 0n },
      ],
    });
    expect(sum(plan.filter((r) => r.source === 'FISCAL'))).toBe(3_000_000_07n);
    expect(sum(plan.filter((r) => r.source === 'ENTERPRISE'))).toBe(1_000_000_00n);
    expect(plan.some((r) => r.source === 'INSTITUTION')).toBe(false);
    expect(plan.every((r) => r.categoryCode !== null)).toBe(true);
    // 200 : 150 : 50 of the fiscal award.
    const equipment = sum(plan.filter((r) => r.source === 'FISCAL' && r.categoryCode === 'EQUIPMENT'));
    // Rounded down to 100 元 per category, the remainder on the last category.
    expect(equipment).toBe(((3_000_000_07n * 200n) / 400n / BUDGET_UNIT_FEN) * BUDGET_UNIT_FEN);
    // Only the row taking the award's odd 7 fen is off the 100 元 grid.
    const offGrid = (source: string) =>
      plan.filter((r) => r.source === source && r.amountFen % BUDGET_UNIT_FEN !== 0n).length;
    expect([offGrid('FISCAL'), offGrid('ENTERPRISE')]).toEqual([1, 0]);
    expect(new Set(plan.map((r) => r.year))).toEqual(new Set([2027, 2028, 2029]));
    expect(plan.find((r) => r.source === 'ENTERPRISE')?.sourceInstitutionId).toBe('ent');
  });
  it('gives a lump-sum plan one uncategorised row per source and year', () => {
    const plan = initialBudgetPlan({
      startDate: '2028-01-01',
      endDate: '2028-12-31',
      budgetMode: 'LUMP_SUM',
      categories: [],
      sources: [{ source: 'FISCAL', sourceInstitutionId: null, amountFen: 500n }],
    });
    expect(plan).toEqual([
      { year: 2028, source: 'FISCAL', sourceInstitutionId: null, categoryCode: null, amountFen: 500n },
    ]);
  });
});

describe('milestones', () => {
  it('puts a mid-term at half the duration and a final one on the end date', () => {
    expect(initialMilestones('2027-07-01', '2029-06-30', null)).toEqual([
      { key: 'midterm', title: '中期检查', dueDate: '2028-06-30', isRaceCut: false },
      { key: 'final', title: '结题验收', dueDate: '2029-06-30', isRaceCut: false },
    ]);
  });
  it('makes the horse-race cut the mid-term milestone after cutAfterMonths', () => {
    const [cut] = initialMilestones('2027-07-01', '2029-06-30', { cutAfterMonths: 12 });
    expect(cut).toEqual({ key: 'race-cut', title: '赛马制中期比选', dueDate: '2028-06-30', isRaceCut: true });
  });
});

describe('the task book content and its confirmation', () => {
  it('drafts goals, plan and outputs from the application', () => {
    expect(taskBookContentFromApplication({ researchContent: 'R', innovation: 'I', plan: 'P', outcomes: 'O' })).toEqual(
      { goals: 'R\n\nI', plan: 'P', outputs: 'O' },
    );
    expect(taskBookContentFromApplication(null)).toEqual({ goals: '', plan: '', outputs: '' });
    // A platform's goals with its directions listed, and its building plan.
    expect(
      taskBookContentFromApplication({
        goals: 'G',
        buildingPlan: 'B',
        openness: 'O',
        directions: [{ title: '方向一' }, { title: ' 方向二 ' }, { title: '' }],
      }),
    ).toEqual({ goals: 'G\n\n1. 方向一\n2. 方向二', plan: 'B', outputs: '' });
  });

  const facts = (over: Partial<TaskBookFacts> = {}): TaskBookFacts => ({
    budgetMode: 'LUMP_SUM',
    startDate: '2027-07-01',
    endDate: '2029-06-30',
    awardedFiscalFen: 1000n,
    pledgedFen: { ENTERPRISE: 300n, INSTITUTION: 0n },
    challengeTargets: [{ id: 't1', name: '能效' }],
    kpis: [{ challengeTargetId: 't1' }],
    milestones: [{ key: 'final', dueDate: '2029-06-30' }],
    budget: [
      { year: 2027, source: 'FISCAL', categoryCode: null, amountFen: 400n },
      { year: 2028, source: 'FISCAL', categoryCode: null, amountFen: 600n },
      { year: 2027, source: 'ENTERPRISE', categoryCode: null, amountFen: 300n },
    ],
    ...over,
  });

  it('accepts a complete task book', () => {
    expect(canConfirmTaskBook(facts())).toEqual({ ok: true });
  });
  it('names the missing challenge target KPI', () => {
    const r = canConfirmTaskBook(facts({ kpis: [{ challengeTargetId: null }] }));
    expect(r).toEqual({
      ok: false,
      issues: [{ field: 'kpis', code: 'challengeTargetKpiMissing', params: { name: '能效' } }],
    });
    expect(canConfirmTaskBook(facts({ kpis: [], challengeTargets: [] }))).toMatchObject({
      issues: [{ field: 'kpis', code: 'kpiRequired' }],
    });
  });
  it('refuses a budget that does not add up to the award or the pledge, per source', () => {
    const r = canConfirmTaskBook(facts({ awardedFiscalFen: 1001n, pledgedFen: { ENTERPRISE: 300n, INSTITUTION: 5n } }));
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.issues.map((i) => i.field);
    expect(fields).toEqual(['budget.FISCAL', 'budget.INSTITUTION']);
  });
  it('refuses milestones outside the project and budget years outside it', () => {
    const r = canConfirmTaskBook(
      facts({
        milestones: [{ key: 'x', dueDate: '2030-01-01' }],
        budget: [
          { year: 2026, source: 'FISCAL', categoryCode: null, amountFen: 1000n },
          { year: 2027, source: 'ENTERPRISE', categoryCode: null, amountFen: 300n },
        ],
      }),
    );
    expect(r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'milestones.0.dueDate:milestoneOutsideProject',
      'budget.0.year:budgetYearOutsideProject',
    ]);
  });
  it('asks for a category on every line-item row', () => {
    const r = canConfirmTaskBook(facts({ budgetMode: 'LINE_ITEM' }));
    expect(r.ok ? [] : r.issues.map((i) => i.field)).toEqual([
      'budget.0.categoryCode',
      'budget.1.categoryCode',
      'budget.2.categoryCode',
    ]);
  });
  it('completes only with the third distinct party', () => {
    const none = { piConfirmedAt: null, institutionConfirmedAt: null, commissionConfirmedAt: null };
    const two = { piConfirmedAt: new Date(), institutionConfirmedAt: new Date(), commissionConfirmedAt: null };
    expect(completesConfirmation(none, 'PI')).toBe(false);
    expect(completesConfirmation(two, 'COMMISSION')).toBe(true);
    expect(completesConfirmation(two, 'PI')).toBe(false);
  });
});

describe('mentoring', () => {
  it('reads mentorRequired from frozen rules', () => {
    expect(needsMentor({ mentorRequired: true })).toBe(true);
    expect(needsMentor({ mentorRequired: false })).toBe(false);
    expect(needsMentor(null)).toBe(false);
  });
  it('requires a milestone of the project for an opinion and always shows it to the PI', () => {
    const ctx = { projectMilestoneIds: ['m1'], today: '2028-01-01' };
    expect(
      checkMentoringEntry(
        { kind: 'MILESTONE_OPINION', milestoneId: 'm1', occurredOn: '2028-01-01', visibleToPi: false },
        ctx,
      ),
    ).toEqual({ ok: true, visibleToPi: true });
    expect(
      checkMentoringEntry(
        { kind: 'MILESTONE_OPINION', milestoneId: null, occurredOn: '2027-12-01', visibleToPi: true },
        ctx,
      ),
    ).toMatchObject({ ok: false, issues: [{ field: 'milestoneId', code: 'milestoneRequired' }] });
    expect(
      checkMentoringEntry({ kind: 'MEETING', milestoneId: 'other', occurredOn: '2028-01-02', visibleToPi: false }, ctx),
    ).toMatchObject({
      ok: false,
      issues: [
        { field: 'milestoneId', code: 'milestoneNotOfProject' },
        { field: 'occurredOn', code: 'dateInFuture' },
      ],
    });
    expect(
      checkMentoringEntry({ kind: 'CALL', milestoneId: null, occurredOn: '2027-01-01', visibleToPi: false }, ctx),
    ).toEqual({ ok: true, visibleToPi: false });
  });
});

describe('tranche approval', () => {
  const ctx = {
    projectRunning: true,
    projectStartYear: 2027,
    previousYearReportStatus: null,
    payerLimitFen: 1000n,
    payerCommittedFen: 0n,
  };
  const t = { status: 'PLANNED', plannedYear: 2027, amountFen: 600n };
  it('approves a planned first-year tranche of a running project', () => {
    expect(canApproveTranche(t, ctx)).toEqual({ ok: true });
  });
  it('refuses the wrong state, a project not running, a missing report, and too much money', () => {
    expect(canApproveTranche({ ...t, status: 'APPROVED' }, ctx)).toEqual({ ok: false, code: 'wrongState' });
    expect(canApproveTranche(t, { ...ctx, projectRunning: false })).toEqual({ ok: false, code: 'projectNotRunning' });
    expect(canApproveTranche({ ...t, plannedYear: 2028 }, ctx)).toEqual({
      ok: false,
      code: 'previousReportNotAccepted',
    });
    expect(canApproveTranche({ ...t, plannedYear: 2028 }, { ...ctx, previousYearReportStatus: 'ACCEPTED' })).toEqual({
      ok: true,
    });
    expect(canApproveTranche(t, { ...ctx, payerCommittedFen: 401n })).toEqual({
      ok: false,
      code: 'sourceTotalExceeded',
    });
  });
  it('counts the stable support that platform evaluations planned toward the fiscal limit', () => {
    // The task book's fiscal money is all committed; an evaluation planned 600 more for the year.
    const full = { ...ctx, payerCommittedFen: 1000n };
    expect(canApproveTranche(t, full)).toEqual({ ok: false, code: 'sourceTotalExceeded' });
    expect(canApproveTranche(t, { ...full, stableSupportPlannedFen: 600n })).toEqual({ ok: true });
    expect(canApproveTranche(t, { ...full, stableSupportPlannedFen: 599n })).toEqual({
      ok: false,
      code: 'sourceTotalExceeded',
    });
  });
});
