import { describe, expect, it } from 'vitest';
import {
  canAppointManager,
  canCreatePlatform,
  canTransitionPlatformProject,
  centerBudget,
  checkDirections,
  checkEndAppointment,
  checkPlatformProject,
  directionsFromApplication,
  hasProjectManagers,
  platformBudgetPlan,
} from '@/domain/platform/platform';

const WAN = 1_000_000n;

describe('directionsFromApplication', () => {
  it('copies titled directions in order, numbered from 1', () => {
    const content = {
      directions: [
        { title: ' 类脑芯片 ', description: '器件与电路', leadName: '王建国' },
        { title: '', description: '未完成的一行' },
        { title: '脉冲神经网络', description: '算法' },
      ],
    };
    expect(directionsFromApplication(content)).toEqual([
      { ordinal: 1, title: '类脑芯片', description: '器件与电路', leadName: '王建国' },
      { ordinal: 2, title: '脉冲神经网络', description: '算法', leadName: '' },
    ]);
  });

  it('reads nothing from content without directions', () => {
    expect(directionsFromApplication({})).toEqual([]);
    expect(directionsFromApplication(null)).toEqual([]);
    expect(directionsFromApplication({ directions: 'x' })).toEqual([]);
  });
});

describe('platformBudgetPlan', () => {
  const base = {
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    budgetMode: 'LUMP_SUM' as const,
    categories: [],
  };

  it('spreads the award in the proportions of the application year budgets', () => {
    const plan = platformBudgetPlan({
      ...base,
      sources: [{ source: 'FISCAL', sourceInstitutionId: null, amountFen: 900n * WAN }],
      yearBudgets: [
        { year: 2026, source: 'FISCAL', amountFen: 200n * WAN },
        { year: 2027, source: 'FISCAL', amountFen: 300n * WAN },
        { year: 2028, source: 'FISCAL', amountFen: 500n * WAN },
      ],
    });
    // The application's first year weighs the project's first year, whatever their calendar years.
    expect(plan.map((r) => [r.year, r.amountFen])).toEqual([
      [2027, 180n * WAN],
      [2028, 270n * WAN],
      [2029, 450n * WAN],
    ]);
  });

  it('adds application years beyond the project to its last year, and keeps the total exact', () => {
    const plan = platformBudgetPlan({
      ...base,
      endDate: '2028-12-31',
      sources: [{ source: 'FISCAL', sourceInstitutionId: null, amountFen: 1_000_001n }],
      yearBudgets: [
        { year: 2027, source: 'FISCAL', amountFen: 1n },
        { year: 2028, source: 'FISCAL', amountFen: 1n },
        { year: 2029, source: 'FISCAL', amountFen: 1n },
      ],
    });
    expect(plan.map((r) => r.year)).toEqual([2027, 2028]);
    expect(plan.reduce((s, r) => s + r.amountFen, 0n)).toBe(1_000_001n);
  });

  it('spreads a source without year budgets pro rata to months, and splits line items by category', () => {
    const plan = platformBudgetPlan({
      ...base,
      budgetMode: 'LINE_ITEM',
      categories: [
        { categoryCode: 'EQUIPMENT', amountFen: 3n },
        { categoryCode: 'OPERATIONS', amountFen: 1n },
      ],
      sources: [
        { source: 'FISCAL', sourceInstitutionId: null, amountFen: 400n * WAN },
        { source: 'INSTITUTION', sourceInstitutionId: 'inst', amountFen: 300n * WAN },
      ],
      yearBudgets: [
        { year: 2027, source: 'FISCAL', amountFen: 100n * WAN },
        { year: 2028, source: 'FISCAL', amountFen: 100n * WAN },
        { year: 2029, source: 'FISCAL', amountFen: 200n * WAN },
      ],
    });
    const fiscal2029 = plan.filter((r) => r.source === 'FISCAL' && r.year === 2029);
    expect(fiscal2029).toEqual([
      { year: 2029, source: 'FISCAL', sourceInstitutionId: null, categoryCode: 'EQUIPMENT', amountFen: 150n * WAN },
      { year: 2029, source: 'FISCAL', sourceInstitutionId: null, categoryCode: 'OPERATIONS', amountFen: 50n * WAN },
    ]);
    const institution = plan.filter((r) => r.source === 'INSTITUTION');
    expect(institution.reduce((s, r) => s + r.amountFen, 0n)).toBe(300n * WAN);
    expect(new Set(institution.map((r) => r.year))).toEqual(new Set([2027, 2028, 2029]));
  });
});

describe('canCreatePlatform', () => {
  it('only a platform application of a platform program', () => {
    expect(canCreatePlatform({ applicationKind: 'PLATFORM', programKind: 'LAB_BASIC' }).ok).toBe(true);
    expect(canCreatePlatform({ applicationKind: 'PROJECT', programKind: 'LAB_BASIC' }).ok).toBe(false);
    expect(canCreatePlatform({ applicationKind: 'PLATFORM', programKind: 'GENERAL' }).ok).toBe(false);
  });
});

describe('checkDirections', () => {
  it('needs an active direction, unique active titles, own ids, and never drops one', () => {
    expect(checkDirections([{ id: 'a', title: 'x', active: true }], ['a'])).toEqual([]);
    expect(checkDirections([{ id: 'a', title: 'x', active: false }], ['a'])).toEqual([
      { field: 'directions', code: 'directionRequired' },
    ]);
    expect(
      checkDirections(
        [
          { id: null, title: 'x', active: true },
          { id: null, title: 'x ', active: true },
        ],
        [],
      ),
    ).toEqual([{ field: 'directions.1.title', code: 'directionDuplicate' }]);
    // The same title twice is fine when one of them is retired.
    expect(
      checkDirections(
        [
          { id: 'a', title: 'x', active: false },
          { id: null, title: 'x', active: true },
        ],
        ['a'],
      ),
    ).toEqual([]);
    expect(checkDirections([{ id: 'zzz', title: 'x', active: true }], ['a'])).toEqual([
      { field: 'directions.0.id', code: 'invalid' },
      { field: 'directions', code: 'directionNotDeletable' },
    ]);
  });
});

describe('project managers (项目经理人)', () => {
  const ok = {
    kind: 'ADVANCED_INNOVATION_CENTER' as const,
    platformStatus: 'ACTIVE' as const,
    isResearcher: true,
    hasOpenAppointment: false,
  };
  it('exist only at a 高精尖创新中心', () => {
    expect(hasProjectManagers('ADVANCED_INNOVATION_CENTER')).toBe(true);
    expect(hasProjectManagers('LAB_BASIC')).toBe(false);
    expect(canAppointManager({ ...ok, kind: 'LAB_APPLIED' })).toEqual({ ok: false, code: 'notAnInnovationCenter' });
  });
  it('are registered researchers with one open appointment, on an open platform', () => {
    expect(canAppointManager(ok)).toEqual({ ok: true });
    expect(canAppointManager({ ...ok, isResearcher: false })).toEqual({ ok: false, code: 'notAResearcher' });
    expect(canAppointManager({ ...ok, hasOpenAppointment: true })).toEqual({
      ok: false,
      code: 'managerAlreadyAppointed',
    });
    expect(canAppointManager({ ...ok, platformStatus: 'CLOSED' })).toEqual({ ok: false, code: 'platformClosed' });
    // A platform under evaluation keeps working.
    expect(canAppointManager({ ...ok, platformStatus: 'UNDER_EVALUATION' })).toEqual({ ok: true });
  });
  it('end once, not before they began', () => {
    expect(checkEndAppointment({ appointedOn: '2027-01-01', endedOn: null, endOn: '2027-01-01' })).toEqual({
      ok: true,
    });
    expect(checkEndAppointment({ appointedOn: '2027-01-01', endedOn: null, endOn: '2026-12-31' })).toEqual({
      ok: false,
      code: 'endBeforeAppointment',
    });
    expect(checkEndAppointment({ appointedOn: '2027-01-01', endedOn: '2027-06-01', endOn: '2027-07-01' })).toEqual({
      ok: false,
      code: 'managerAlreadyEnded',
    });
  });
});

describe('center projects (中心项目)', () => {
  const facts = {
    kind: 'ADVANCED_INNOVATION_CENTER' as const,
    platformStatus: 'ACTIVE' as const,
    managerOpen: true,
    status: null,
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
  };
  it('go ACTIVE → COMPLETED | TERMINATED, both final', () => {
    expect(canTransitionPlatformProject('ACTIVE', 'complete')).toBe(true);
    expect(canTransitionPlatformProject('ACTIVE', 'terminate')).toBe(true);
    expect(canTransitionPlatformProject('COMPLETED', 'terminate')).toBe(false);
    expect(canTransitionPlatformProject('TERMINATED', 'complete')).toBe(false);
  });
  it('are registered under an open appointment and end after they start', () => {
    expect(checkPlatformProject(facts)).toEqual({ conflict: null, issues: [] });
    expect(checkPlatformProject({ ...facts, managerOpen: false }).conflict).toBe('managerAppointmentEnded');
    expect(checkPlatformProject({ ...facts, status: 'COMPLETED' }).conflict).toBe('platformProjectFinished');
    expect(checkPlatformProject({ ...facts, kind: 'LAB_BASIC' }).conflict).toBe('notAnInnovationCenter');
    expect(checkPlatformProject({ ...facts, endsOn: '2026-12-31' }).issues).toEqual([
      { field: 'endsOn', code: 'endsBeforeStart' },
    ]);
  });
  it('add up their budgets', () => {
    expect(
      centerBudget([
        { status: 'ACTIVE', budgetFen: 100n },
        { status: 'COMPLETED', budgetFen: 50n },
        { status: 'ACTIVE', budgetFen: 1n },
      ]),
    ).toEqual({ count: 3, totalFen: 151n, activeFen: 101n });
  });
});
