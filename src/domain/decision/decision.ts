// 立项决定 (issue 6, DATA-MODEL §3.5): the commission decides each application of a call — fund (possibly less than
// requested, with conditions), waitlist or reject, always with reasons — and publishes the call's decisions together.
// A FUND through the **non-consensus route** (非共识) needs the flag staff ROUTED in review (issue 5), the experts who
// supported it, a written justification, the applicant's research-integrity record looked at, and a second member of
// staff to approve it (four eyes); it is reported separately.

import { charCount } from '../text';
import { activeSanction } from '../application/eligibility';
import type { ApplicationStatus } from '../application/transitions';

export const DECISION_OUTCOMES = ['FUND', 'WAITLIST', 'REJECT'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export type DecisionRoute = 'RANKING' | 'NON_CONSENSUS';
export type DecisionStatus = 'DRAFT' | 'PUBLISHED' | 'IN_NOTICE' | 'FINAL' | 'REVISED';

export const DECISION_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  open_notice: { from: ['PUBLISHED'], to: 'IN_NOTICE' },
  finalise: { from: ['IN_NOTICE'], to: 'FINAL' },
  revise: { from: ['IN_NOTICE'], to: 'REVISED' },
} as const satisfies Record<string, { from: readonly DecisionStatus[]; to: DecisionStatus }>;
export type DecisionTransition = keyof typeof DECISION_TRANSITIONS;

export function canTransitionDecision(status: DecisionStatus, transition: DecisionTransition): boolean {
  return (DECISION_TRANSITIONS[transition].from as readonly DecisionStatus[]).includes(status);
}

/** A justification for the special route: enough to say why this application, against the ranking. */
export const NON_CONSENSUS_JUSTIFICATION_MIN_CHARS = 50;
export const DECISION_REASONS_MIN_CHARS = 10;

export type DecisionIssue = { field: string; code: string; params?: Record<string, string | number> };

export interface DraftDecisionInput {
  outcome: DecisionOutcome;
  route: DecisionRoute;
  /** Fiscal money awarded (fen); required for FUND, absent otherwise. */
  awardedFiscalFen: bigint | null;
  reasons: string;
}

export interface DraftDecisionFacts {
  applicationStatus: ApplicationStatus;
  /** The call's rules include a panel stage: decisions wait for it. */
  hasPanel: boolean;
  /** Fiscal money requested in the application (fen). */
  requestedFiscalFen: bigint;
  /** The application's NonConsensusFlag status, if flagged in review. */
  nonConsensusFlag: 'DETECTED' | 'ROUTED' | 'DISMISSED' | null;
}

/** Whether staff may record this decision for this application now; every problem on its field. */
export function checkDraftDecision(input: DraftDecisionInput, facts: DraftDecisionFacts): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const ready = facts.hasPanel ? facts.applicationStatus === 'PANEL' : facts.applicationStatus === 'UNDER_REVIEW';
  if (!ready) issues.push({ field: 'applicationId', code: facts.hasPanel ? 'panelNotDone' : 'reviewNotDone' });
  if (charCount(input.reasons) < DECISION_REASONS_MIN_CHARS) {
    issues.push({ field: 'reasons', code: 'tooShort', params: { min: DECISION_REASONS_MIN_CHARS } });
  }
  if (input.outcome === 'FUND') {
    if (input.awardedFiscalFen === null || input.awardedFiscalFen <= 0n) {
      issues.push({ field: 'awardedFiscalFen', code: 'required' });
    } else if (input.awardedFiscalFen > facts.requestedFiscalFen) {
      issues.push({ field: 'awardedFiscalFen', code: 'awardAboveRequest' });
    }
  } else if (input.awardedFiscalFen !== null && input.awardedFiscalFen !== 0n) {
    issues.push({ field: 'awardedFiscalFen', code: 'awardWithoutFunding' });
  }
  if (input.route === 'NON_CONSENSUS') {
    if (input.outcome !== 'FUND') issues.push({ field: 'route', code: 'nonConsensusFundsOnly' });
    if (facts.nonConsensusFlag !== 'ROUTED') issues.push({ field: 'route', code: 'notRoutedAsNonConsensus' });
  }
  return issues;
}

export interface NonConsensusApprovalInput {
  proposedById: string;
  approverId: string;
  justification: string;
  /** Experts whose submitted reviews supported the non-consensus route (from the flag). */
  nominatingExpertIds: readonly string[];
  /** The applicant's credit records at approval (snapshot kept with the approval). */
  creditRecords: readonly { startsOn: Date; endsOn: Date | null; barsApplications: boolean }[];
}

/**
 * Four eyes: the approver is not the proposer. The justification is written, at least one expert supported it, and an
 * applicant barred from applying by a sanction in force cannot be funded by the special route either.
 */
export function checkNonConsensusApproval(input: NonConsensusApprovalInput, now: Date): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  if (input.approverId === input.proposedById) issues.push({ field: 'approverId', code: 'approverIsProposer' });
  if (charCount(input.justification) < NON_CONSENSUS_JUSTIFICATION_MIN_CHARS) {
    issues.push({ field: 'justification', code: 'tooShort', params: { min: NON_CONSENSUS_JUSTIFICATION_MIN_CHARS } });
  }
  if (input.nominatingExpertIds.length === 0) issues.push({ field: 'nominatingExpertIds', code: 'noNominatingExpert' });
  if (activeSanction(input.creditRecords, now)) issues.push({ field: 'applicantId', code: 'applicantSanctioned' });
  return issues;
}

export interface BatchDecision {
  applicationId: string;
  status: DecisionStatus;
  outcome: DecisionOutcome;
  route: DecisionRoute;
  /** For 揭榜挂帅 applications: the challenge, its selection mode and how many teams it may fund. */
  challenge: { id: string; mode: 'SINGLE' | 'HORSE_RACE'; teamCount: number } | null;
  /** Non-consensus FUND decisions: whether the second approval is recorded. */
  nonConsensusApproved: boolean;
}

/**
 * Publishing is all or nothing for a call: every application awaiting a decision has one in DRAFT, a challenge funds
 * no more teams than it allows (one, or its 赛马制 team count), and every non-consensus FUND has its approval.
 */
export function checkPublishDecisions(
  awaiting: readonly string[],
  decisions: readonly BatchDecision[],
): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const drafts = decisions.filter((d) => d.status === 'DRAFT');
  const decided = new Set(drafts.map((d) => d.applicationId));
  const undecided = awaiting.filter((id) => !decided.has(id));
  if (undecided.length)
    issues.push({ field: 'decisions', code: 'undecidedApplications', params: { count: undecided.length } });
  const funded = new Map<string, { limit: number; count: number }>();
  for (const d of drafts) {
    if (d.outcome !== 'FUND') continue;
    if (d.route === 'NON_CONSENSUS' && !d.nonConsensusApproved) {
      issues.push({ field: `decisions.${d.applicationId}`, code: 'nonConsensusNotApproved' });
    }
    if (d.challenge) {
      const limit = d.challenge.mode === 'HORSE_RACE' ? d.challenge.teamCount : 1;
      const entry = funded.get(d.challenge.id) ?? { limit, count: 0 };
      entry.count += 1;
      funded.set(d.challenge.id, entry);
    }
  }
  for (const [challengeId, { limit, count }] of funded) {
    if (count > limit) {
      issues.push({ field: `challenges.${challengeId}`, code: 'tooManyTeamsFunded', params: { max: limit, count } });
    }
  }
  return issues;
}
