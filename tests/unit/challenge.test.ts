import { describe, expect, it } from 'vitest';
import {
  canEditChallenge,
  issuerSeesApplicants,
  canTransitionChallenge,
  challengeFunding,
  checkChallengeComplete,
  type ChallengeContent,
} from '@/domain/challenge/challenge';

const complete: ChallengeContent = {
  title: '面向国产加速器的高能效推理',
  problem: '问题描述',
  deliverables: [{ name: '原型系统' }],
  targets: [{ name: '能效', unit: 'TOPS/W', targetValue: '≥ 10', acceptanceMethod: '第三方测试' }],
  durationMonths: 36,
  fiscalFen: 500_000_000n,
  selectionMode: 'SINGLE',
  teamCount: 1,
  cutAfterMonths: null,
  keepAfterCut: null,
  chiefScientistRequirements: '正高级职称',
};

describe('challenge completeness', () => {
  it('accepts a challenge with measurable targets, deliverables and money', () => {
    expect(checkChallengeComplete(complete)).toEqual([]);
  });
  it('refuses one without a measurable target, or a target without unit or acceptance method', () => {
    expect(checkChallengeComplete({ ...complete, targets: [] })).toEqual([
      { field: 'targets', code: 'challengeNeedsTarget' },
    ]);
    expect(
      checkChallengeComplete({
        ...complete,
        targets: [{ name: '能效', unit: ' ', targetValue: '10', acceptanceMethod: '' }],
      }),
    ).toEqual([
      { field: 'targets.0.unit', code: 'required' },
      { field: 'targets.0.acceptanceMethod', code: 'required' },
    ]);
  });
  it('refuses zero money and incoherent horse races', () => {
    expect(checkChallengeComplete({ ...complete, fiscalFen: 0n })).toEqual([
      { field: 'fiscalWan', code: 'moneyPositive' },
    ]);
    expect(checkChallengeComplete({ ...complete, teamCount: 2 })).toEqual([
      { field: 'teamCount', code: 'singleMeansOneTeam' },
    ]);
    const race = {
      ...complete,
      selectionMode: 'HORSE_RACE' as const,
      teamCount: 3,
      cutAfterMonths: 12,
      keepAfterCut: 1,
    };
    expect(checkChallengeComplete(race)).toEqual([]);
    expect(checkChallengeComplete({ ...race, cutAfterMonths: 36 })).toEqual([
      { field: 'cutAfterMonths', code: 'horseRaceCut' },
    ]);
    expect(checkChallengeComplete({ ...race, keepAfterCut: 3 })).toEqual([
      { field: 'keepAfterCut', code: 'horseRaceKeep' },
    ]);
    expect(checkChallengeComplete({ ...race, teamCount: 1, keepAfterCut: null })).toContainEqual({
      field: 'teamCount',
      code: 'horseRaceTeams?max=5',
    });
  });
});

describe('challenge life', () => {
  it('lets the issuer propose and withdraw, and only staff take up, return and publish', () => {
    expect(canTransitionChallenge('DRAFT', 'propose', 'ISSUER')).toBe(true);
    expect(canTransitionChallenge('PROPOSED', 'publish', 'ISSUER')).toBe(false);
    expect(canTransitionChallenge('UNDER_REVIEW', 'publish', 'STAFF')).toBe(true);
    expect(canTransitionChallenge('PUBLISHED', 'publish', 'STAFF')).toBe(false); // publishing twice
    expect(canTransitionChallenge('PUBLISHED', 'withdraw', 'ISSUER')).toBe(false);
    expect(canTransitionChallenge('UNDER_REVIEW', 'return', 'STAFF')).toBe(true);
  });
  it('lets the issuer edit drafts only, staff until publication', () => {
    expect(canEditChallenge('DRAFT', 'ISSUER')).toBe(true);
    expect(canEditChallenge('PROPOSED', 'ISSUER')).toBe(false);
    expect(canEditChallenge('UNDER_REVIEW', 'STAFF')).toBe(true);
    expect(canEditChallenge('PUBLISHED', 'STAFF')).toBe(false);
  });
  it('adds up funding per source, ignoring withdrawn pledges', () => {
    expect(
      challengeFunding(100n, [
        { source: 'ENTERPRISE', amountFen: 50n, status: 'CONFIRMED' },
        { source: 'ENTERPRISE', amountFen: 999n, status: 'WITHDRAWN' },
        { source: 'INSTITUTION', amountFen: 7n, status: 'PLEDGED' },
      ]),
    ).toEqual({ fiscalFen: 100n, enterpriseFen: 50n, institutionFen: 7n, totalFen: 157n });
  });
});

describe('issuerSeesApplicants', () => {
  const closesAt = new Date('2027-04-01T09:00:00Z'); // 17:00 Beijing time
  it('opens to the issuer at the deadline to the millisecond, never before', () => {
    expect(issuerSeesApplicants(closesAt, new Date(closesAt.getTime() - 1))).toBe(false);
    expect(issuerSeesApplicants(closesAt, closesAt)).toBe(true);
    expect(issuerSeesApplicants(closesAt, new Date('2027-05-01T00:00:00Z'))).toBe(true);
  });
  it('stays closed while the challenge is in no call', () => {
    expect(issuerSeesApplicants(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
