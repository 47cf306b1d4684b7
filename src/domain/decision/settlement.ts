// When a call's decisions are all final (issue 6, DATA-MODEL §3.2 and §3.5): the call moves REVIEWING → DECIDED and
// each 揭榜挂帅 challenge published under it is settled — AWARDED when at least one team's FUND decision is final
// (several for 赛马制), UNAWARDED otherwise (no team met the bar: 榜单 can be re-issued in a later call).

import type { ApplicationStatus } from '../application/transitions';

/**
 * Statuses in which an application of a call under review still waits for the commission: recommended and not yet
 * formally checked, checked, in mail review, at the panel (including while its decision is on public notice).
 * Drafts, returned applications never resubmitted, unrecommended, failed, withdrawn and decided ones wait for nothing.
 */
export const AWAITING_DECISION = [
  'INSTITUTION_APPROVED',
  'FORMAL_CHECK_PASSED',
  'UNDER_REVIEW',
  'PANEL',
] as const satisfies readonly ApplicationStatus[];

/** Whether an application in this status still holds its call back from being DECIDED. */
export function awaitsDecision(status: ApplicationStatus): boolean {
  return (AWAITING_DECISION as readonly ApplicationStatus[]).includes(status);
}

export type ChallengeSettlement = 'AWARDED' | 'UNAWARDED';

/** A challenge's outcome once its call is decided, from the number of its teams whose FUND decision is final. */
export function challengeSettlement(finalFundedTeams: number): ChallengeSettlement {
  return finalFundedTeams > 0 ? 'AWARDED' : 'UNAWARDED';
}
