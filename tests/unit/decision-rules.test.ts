import { describe, expect, it } from 'vitest';
import {
  canTransitionDecision,
  checkDraftDecision,
  checkNonConsensusApproval,
  checkPublishDecisions,
  NON_CONSENSUS_JUSTIFICATION_MIN_CHARS,
  type BatchDecision,
} from '@/domain/decision/decision';

const wan = (n: number) => BigInt(n) * 1_000_000n;
const facts = {
  applicationStatus: 'UNDER_REVIEW' as const,
  hasPanel: false,
  requestedFiscalFen: wan(20),
  nonConsensusFlag: null,
};
const fund = {
  outcome: 'FUND' as const,
  route: 'RANKING' as const,
  awardedFiscalFen: wan(18),
  reasons: '评审排名靠前，研究方案可行。',
};

describe('drafting a decision', () => {
  it('funds up to the request, with reasons, once review (or the panel) is done', () => {
    expect(checkDraftDecision(fund, facts)).toEqual([]);
    expect(checkDraftDecision({ ...fund, awardedFiscalFen: wan(21) }, facts)).toEqual([
      { field: 'awardedFiscalFen', code: 'awardAboveRequest' },
    ]);
    expect(checkDraftDecision({ ...fund, awardedFiscalFen: null, reasons: '好' }, facts).map((i) => i.code)).toEqual([
      'tooShort',
      'required',
    ]);
    // With a panel stage, the decision waits for it.
    expect(checkDraftDecision(fund, { ...facts, hasPanel: true })).toEqual([
      { field: 'applicationId', code: 'panelNotDone' },
    ]);
    expect(checkDraftDecision(fund, { ...facts, hasPanel: true, applicationStatus: 'PANEL' })).toEqual([]);
    expect(checkDraftDecision({ ...fund, outcome: 'REJECT', awardedFiscalFen: wan(1) }, facts)).toEqual([
      { field: 'awardedFiscalFen', code: 'awardWithoutFunding' },
    ]);
  });

  it('takes the non-consensus route only for a FUND on an application staff routed in review', () => {
    const special = { ...fund, route: 'NON_CONSENSUS' as const };
    expect(checkDraftDecision(special, { ...facts, nonConsensusFlag: 'ROUTED' })).toEqual([]);
    expect(checkDraftDecision(special, { ...facts, nonConsensusFlag: 'DETECTED' })).toEqual([
      { field: 'route', code: 'notRoutedAsNonConsensus' },
    ]);
    expect(
      checkDraftDecision(
        { ...special, outcome: 'WAITLIST', awardedFiscalFen: null },
        { ...facts, nonConsensusFlag: 'ROUTED' },
      ),
    ).toEqual([{ field: 'route', code: 'nonConsensusFundsOnly' }]);
  });
});

describe('approving the non-consensus route (four eyes)', () => {
  const now = new Date('2027-06-01T02:00:00Z');
  const ok = {
    proposedById: 'p',
    approverId: 'a',
    justification:
      '两位专家认为该方法原创性强，虽然风险较高，但一旦成功将显著改变端侧训练方式，评分分歧源于对风险的不同判断。'.padEnd(
        NON_CONSENSUS_JUSTIFICATION_MIN_CHARS,
        '。',
      ),
    nominatingExpertIds: ['e1'],
    creditRecords: [],
  };
  it('needs a second person, a written justification, a supporting expert and a clean integrity record', () => {
    expect(checkNonConsensusApproval(ok, now)).toEqual([]);
    expect(checkNonConsensusApproval({ ...ok, approverId: 'p' }, now)).toEqual([
      { field: 'approverId', code: 'approverIsProposer' },
    ]);
    expect(
      checkNonConsensusApproval({ ...ok, justification: '原创', nominatingExpertIds: [] }, now).map((i) => i.code),
    ).toEqual(['tooShort', 'noNominatingExpert']);
    const sanction = { startsOn: new Date('2026-01-01'), endsOn: new Date('2028-01-01'), barsApplications: true };
    expect(checkNonConsensusApproval({ ...ok, creditRecords: [sanction] }, now)).toEqual([
      { field: 'applicantId', code: 'applicantSanctioned' },
    ]);
    // An expired sanction is on record but no longer bars.
    expect(
      checkNonConsensusApproval({ ...ok, creditRecords: [{ ...sanction, endsOn: new Date('2027-01-01') }] }, now),
    ).toEqual([]);
  });
});

describe('publishing a call’s decisions', () => {
  const d = (applicationId: string, over: Partial<BatchDecision> = {}): BatchDecision => ({
    applicationId,
    status: 'DRAFT',
    outcome: 'FUND',
    route: 'RANKING',
    challenge: null,
    nonConsensusApproved: false,
    ...over,
  });
  it('publishes only a complete batch, within each challenge’s team count, with approvals in place', () => {
    expect(checkPublishDecisions(['a', 'b'], [d('a'), d('b', { outcome: 'REJECT' })])).toEqual([]);
    expect(checkPublishDecisions(['a', 'b', 'c'], [d('a')])).toEqual([
      { field: 'decisions', code: 'undecidedApplications', params: { count: 2 } },
    ]);
    const race = { id: 'ch', mode: 'HORSE_RACE' as const, teamCount: 2 };
    expect(checkPublishDecisions(['a', 'b'], [d('a', { challenge: race }), d('b', { challenge: race })])).toEqual([]);
    expect(
      checkPublishDecisions(
        ['a', 'b', 'c'],
        ['a', 'b', 'c'].map((id) => d(id, { challenge: race })),
      ),
    ).toEqual([{ field: 'challenges.ch', code: 'tooManyTeamsFunded', params: { max: 2, count: 3 } }]);
    const single = { id: 'one', mode: 'SINGLE' as const, teamCount: 1 };
    expect(
      checkPublishDecisions(['a', 'b'], [d('a', { challenge: single }), d('b', { challenge: single })]),
    ).toHaveLength(1);
    expect(checkPublishDecisions(['a'], [d('a', { route: 'NON_CONSENSUS' })])).toEqual([
      { field: 'decisions.a', code: 'nonConsensusNotApproved' },
    ]);
  });

  it('moves a decision only along its table', () => {
    expect(canTransitionDecision('DRAFT', 'publish')).toBe(true);
    expect(canTransitionDecision('PUBLISHED', 'finalise')).toBe(false);
    expect(canTransitionDecision('IN_NOTICE', 'revise')).toBe(true);
    expect(canTransitionDecision('FINAL', 'revise')).toBe(false);
  });
});
