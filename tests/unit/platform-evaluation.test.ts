import { describe, expect, it } from 'vitest';
import {
  awardedPerYear,
  canOpenEvaluation,
  canTransitionPlatformEvaluation,
  checkDecision,
  isStableSupportTranche,
  platformStatusAfter,
  STABLE_SUPPORT_ORDINAL_BASE,
  STABLE_SUPPORT_SETTINGS,
  stableSupportFor,
  stableSupportTranches,
  type DecisionFacts,
} from '@/domain/platform/evaluation';

const WAN = 1_000_000n;

describe('stableSupportFor', () => {
  it('applies the grade to the current stable support', () => {
    expect(stableSupportFor('EXCELLENT', 500n * WAN, 999n * WAN)).toEqual({
      decision: 'INCREASE',
      fenPerYear: 600n * WAN,
      basisFen: 500n * WAN,
    });
    expect(stableSupportFor('GOOD', 500n * WAN, 0n)).toMatchObject({ decision: 'MAINTAIN', fenPerYear: 500n * WAN });
    expect(stableSupportFor('PASS', 500n * WAN, 0n)).toMatchObject({ decision: 'REDUCE', fenPerYear: 350n * WAN });
    expect(stableSupportFor('FAIL', 500n * WAN, 0n)).toMatchObject({ decision: 'STOP', fenPerYear: 0n });
  });
  it('measures the first evaluation against the base (the awarded fiscal money per year)', () => {
    expect(stableSupportFor('EXCELLENT', 0n, 300n * WAN)).toEqual({
      decision: 'INCREASE',
      fenPerYear: 360n * WAN,
      basisFen: 300n * WAN,
    });
  });
  it('rounds down to the settings unit (100 元)', () => {
    // 333.333333 万元 × 0.7 = 233.3333331 万元 → 233.33 万元
    expect(stableSupportFor('PASS', 333_333_333n, 0n).fenPerYear).toBe(233_330_000n);
    expect(stableSupportFor('PASS', 333_333_333n, 0n).fenPerYear % STABLE_SUPPORT_SETTINGS.unitFen).toBe(0n);
  });
  it('refuses negative amounts', () => {
    expect(() => stableSupportFor('GOOD', -1n, 0n)).toThrow(RangeError);
  });
});

describe('awardedPerYear', () => {
  it('is the award over the project months, times twelve', () => {
    expect(awardedPerYear(900n * WAN, '2027-01-01', '2029-12-31')).toBe(300n * WAN);
    expect(awardedPerYear(100n * WAN, '2027-01-01', '2027-06-30')).toBe(200n * WAN);
  });
});

describe('opening and deciding', () => {
  it('opens for an ACTIVE or SUSPENDED platform, once, for a forward period after establishment', () => {
    const f = {
      platformStatus: 'ACTIVE' as const,
      establishedOn: '2027-01-01',
      periodFrom: '2027-01-01',
      periodTo: '2029-12-31',
    };
    expect(canOpenEvaluation(f)).toEqual({ conflict: null, issues: [] });
    expect(canOpenEvaluation({ ...f, platformStatus: 'SUSPENDED' }).conflict).toBeNull();
    expect(canOpenEvaluation({ ...f, platformStatus: 'UNDER_EVALUATION' }).conflict).toBe('evaluationAlreadyOpen');
    expect(canOpenEvaluation({ ...f, platformStatus: 'CLOSED' }).conflict).toBe('platformClosed');
    expect(canOpenEvaluation({ ...f, periodFrom: '2026-01-01', periodTo: '2025-12-31' }).issues).toEqual([
      { field: 'periodTo', code: 'endsBeforeStart' },
      { field: 'periodFrom', code: 'periodBeforeEstablished' },
    ]);
  });

  it('decides a draft once', () => {
    expect(canTransitionPlatformEvaluation('DRAFT', 'decide')).toBe(true);
    expect(canTransitionPlatformEvaluation('DECIDED', 'decide')).toBe(false);
  });

  const good: DecisionFacts = {
    status: 'DRAFT',
    grade: 'GOOD',
    report: '评估报告',
    nextPeriodYears: 3,
    proposal: { decision: 'MAINTAIN', fenPerYear: 300n * WAN, basisFen: 300n * WAN },
    fenPerYear: 300n * WAN,
    overrideReason: null,
    projectRunning: true,
  };

  it('needs a grade and a report, and a reason to depart from the proposal', () => {
    expect(checkDecision(good)).toEqual({ conflict: null, issues: [] });
    expect(checkDecision({ ...good, grade: null, proposal: null, report: ' ' }).issues).toEqual([
      { field: 'grade', code: 'gradeRequired' },
      { field: 'report', code: 'required' },
    ]);
    expect(checkDecision({ ...good, fenPerYear: 320n * WAN }).issues).toEqual([
      { field: 'overrideReason', code: 'overrideReasonRequired' },
    ]);
    expect(checkDecision({ ...good, fenPerYear: 320n * WAN, overrideReason: '承担重大任务' }).issues).toEqual([]);
    expect(checkDecision({ ...good, nextPeriodYears: 9 }).issues).toEqual([
      { field: 'nextPeriodYears', code: 'between?min=1&max=5' },
    ]);
  });

  it('plans nothing on a STOP, and money only on a running project', () => {
    const stop = {
      ...good,
      grade: 'FAIL' as const,
      proposal: { decision: 'STOP' as const, fenPerYear: 0n, basisFen: 1n },
    };
    expect(checkDecision({ ...stop, fenPerYear: 0n, projectRunning: false })).toEqual({ conflict: null, issues: [] });
    expect(checkDecision({ ...stop, fenPerYear: 1n, overrideReason: 'x' }).issues).toEqual([
      { field: 'fenPerYear', code: 'stopMeansNoSupport' },
    ]);
    expect(checkDecision({ ...good, projectRunning: false }).conflict).toBe('platformProjectNotRunning');
    expect(checkDecision({ ...good, status: 'DECIDED' }).conflict).toBe('evaluationDecided');
  });

  it('suspends a platform whose support stops; otherwise it is active again', () => {
    expect(platformStatusAfter('STOP')).toBe('SUSPENDED');
    expect(platformStatusAfter('REDUCE')).toBe('ACTIVE');
    expect(platformStatusAfter('INCREASE')).toBe('ACTIVE');
  });
});

describe('stableSupportTranches', () => {
  it('plans one fiscal tranche per year from the day after the period, numbered in the stable-support range', () => {
    const t = stableSupportTranches({
      periodTo: '2029-12-31',
      years: 3,
      fenPerYear: 360n * WAN,
      fiscalOrdinals: [1, 2, 3],
    });
    expect(t).toEqual([
      { source: 'FISCAL', sourceInstitutionId: null, ordinal: 1001, plannedDate: '2030-01-01', amountFen: 360n * WAN },
      { source: 'FISCAL', sourceInstitutionId: null, ordinal: 1002, plannedDate: '2031-01-01', amountFen: 360n * WAN },
      { source: 'FISCAL', sourceInstitutionId: null, ordinal: 1003, plannedDate: '2032-01-01', amountFen: 360n * WAN },
    ]);
    expect(t.every(isStableSupportTranche)).toBe(true);
    expect(isStableSupportTranche({ source: 'FISCAL', ordinal: 3 })).toBe(false);
  });
  it('continues after an earlier period, and plans nothing at 0', () => {
    const next = stableSupportTranches({
      periodTo: '2032-12-31',
      years: 2,
      fenPerYear: 1n,
      fiscalOrdinals: [1, 2, STABLE_SUPPORT_ORDINAL_BASE + 3],
    });
    expect(next.map((x) => x.ordinal)).toEqual([1004, 1005]);
    expect(stableSupportTranches({ periodTo: '2029-12-31', years: 3, fenPerYear: 0n, fiscalOrdinals: [] })).toEqual([]);
  });
});
