// 揭榜挂帅 challenges (DATA-MODEL §2.6, §3.2): what a challenge must state before it can be proposed or
// published, who may move it, and the money it carries.
import { SUBMITTED_STATUSES } from '../application/transitions';
import { MAX_FEN, sumFen } from '../money';

export const CHALLENGE_STATUSES = [
  'DRAFT',
  'PROPOSED',
  'UNDER_REVIEW',
  'PUBLISHED',
  'CLOSED',
  'AWARDED',
  'UNAWARDED',
  'WITHDRAWN',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export interface ChallengeContent {
  title: string;
  problem: string;
  deliverables: { name: string }[];
  targets: { name: string; unit: string; targetValue: string; acceptanceMethod: string }[];
  durationMonths: number;
  fiscalFen: bigint;
  selectionMode: 'SINGLE' | 'HORSE_RACE';
  teamCount: number;
  cutAfterMonths: number | null;
  keepAfterCut: number | null;
  chiefScientistRequirements: string;
}

export type ChallengeProblem = { field: string; code: string };

/** Limits that keep a horse race meaningful: several teams, a cut before the end, at least one kept. */
export const HORSE_RACE_MAX_TEAMS = 5;

/**
 * What makes a challenge complete enough to propose or publish: measurable targets (each with unit and acceptance
 * method), deliverables, fiscal money, a time limit, the chief-scientist requirement, and a coherent selection mode.
 * Drafts may be saved incomplete; this is checked at propose and again at publish.
 */
export function checkChallengeComplete(c: ChallengeContent): ChallengeProblem[] {
  const problems: ChallengeProblem[] = [];
  if (!c.problem.trim()) problems.push({ field: 'problem', code: 'required' });
  if (c.targets.length === 0) problems.push({ field: 'targets', code: 'challengeNeedsTarget' });
  c.targets.forEach((t, i) => {
    if (!t.unit.trim()) problems.push({ field: `targets.${i}.unit`, code: 'required' });
    if (!t.targetValue.trim()) problems.push({ field: `targets.${i}.targetValue`, code: 'required' });
    if (!t.acceptanceMethod.trim()) problems.push({ field: `targets.${i}.acceptanceMethod`, code: 'required' });
  });
  if (c.deliverables.length === 0) problems.push({ field: 'deliverables', code: 'challengeNeedsDeliverable' });
  if (c.fiscalFen <= 0n) problems.push({ field: 'fiscalWan', code: 'moneyPositive' });
  if (c.fiscalFen > MAX_FEN) problems.push({ field: 'fiscalWan', code: 'moneyRange' });
  if (!c.chiefScientistRequirements.trim()) problems.push({ field: 'chiefScientistRequirements', code: 'required' });
  if (c.selectionMode === 'SINGLE') {
    if (c.teamCount !== 1) problems.push({ field: 'teamCount', code: 'singleMeansOneTeam' });
  } else {
    if (c.teamCount < 2 || c.teamCount > HORSE_RACE_MAX_TEAMS) {
      problems.push({ field: 'teamCount', code: `horseRaceTeams?max=${HORSE_RACE_MAX_TEAMS}` });
    }
    if (c.cutAfterMonths === null || c.cutAfterMonths < 1 || c.cutAfterMonths >= c.durationMonths) {
      problems.push({ field: 'cutAfterMonths', code: 'horseRaceCut' });
    }
    if (c.keepAfterCut === null || c.keepAfterCut < 1 || c.keepAfterCut >= c.teamCount) {
      problems.push({ field: 'keepAfterCut', code: 'horseRaceKeep' });
    }
  }
  return problems;
}

type Actor = 'ISSUER' | 'STAFF';

export const CHALLENGE_TRANSITIONS = {
  propose: { from: ['DRAFT'], to: 'PROPOSED', by: ['ISSUER', 'STAFF'] },
  take_up: { from: ['PROPOSED'], to: 'UNDER_REVIEW', by: ['STAFF'] },
  return: { from: ['PROPOSED', 'UNDER_REVIEW'], to: 'DRAFT', by: ['STAFF'] },
  publish: { from: ['PROPOSED', 'UNDER_REVIEW'], to: 'PUBLISHED', by: ['STAFF'] },
  withdraw: { from: ['DRAFT', 'PROPOSED'], to: 'WITHDRAWN', by: ['ISSUER', 'STAFF'] },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus; by: readonly Actor[] }>;
export type ChallengeTransition = keyof typeof CHALLENGE_TRANSITIONS;

/**
 * What happens to a published challenge when its call moves on — made by the system in the call's own transaction,
 * never by a button: the call closes (no more teams may apply), the call is decided (settled by `challengeSettlement`
 * in domain/decision/settlement.ts: AWARDED with at least one funded team, else UNAWARDED).
 */
export const CHALLENGE_FOLLOWS_CALL = {
  close: { from: ['PUBLISHED'], to: 'CLOSED' },
  award: { from: ['PUBLISHED', 'CLOSED'], to: 'AWARDED' },
  leave_unawarded: { from: ['PUBLISHED', 'CLOSED'], to: 'UNAWARDED' },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus }>;
export type ChallengeFollowsCall = keyof typeof CHALLENGE_FOLLOWS_CALL;

export function canTransitionChallenge(status: ChallengeStatus, transition: ChallengeTransition, by: Actor): boolean {
  const rule = CHALLENGE_TRANSITIONS[transition];
  return (rule.from as readonly ChallengeStatus[]).includes(status) && (rule.by as readonly Actor[]).includes(by);
}

/** The issuer edits its own drafts (including returned ones); staff may edit until publication ("review and edit"). */
export function canEditChallenge(status: ChallengeStatus, by: Actor): boolean {
  return by === 'ISSUER' ? status === 'DRAFT' : ['DRAFT', 'PROPOSED', 'UNDER_REVIEW'].includes(status);
}

/** The funding a challenge offers: fiscal money plus every pledge not withdrawn, per source and in total. */
export function challengeFunding(
  fiscalFen: bigint,
  pledges: readonly { source: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION'; amountFen: bigint; status: string }[],
) {
  const live = pledges.filter((p) => p.status !== 'WITHDRAWN');
  const enterpriseFen = sumFen(live.filter((p) => p.source === 'ENTERPRISE').map((p) => p.amountFen));
  const institutionFen = sumFen(live.filter((p) => p.source === 'INSTITUTION').map((p) => p.amountFen));
  return { fiscalFen, enterpriseFen, institutionFen, totalFen: fiscalFen + enterpriseFen + institutionFen };
}

/** Application statuses that count as "a team that applied": submitted and not withdrawn or sent back unsubmitted. */
export const CHALLENGE_APPLICANT_STATUSES = SUBMITTED_STATUSES.filter((s) => s !== 'RETURNED');

/**
 * 揭榜 teams are the issuer's to see only once the call has closed: before the deadline the field is still open and an
 * issuer who saw who applied could steer it. `closesAt` is the call's deadline as it stands (an extension moves it).
 */
export function issuerSeesApplicants(callClosesAt: Date | null, now: Date): boolean {
  return callClosesAt !== null && now.getTime() >= callClosesAt.getTime();
}
