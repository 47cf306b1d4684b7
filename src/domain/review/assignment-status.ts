// A ReviewAssignment's life (DATA-MODEL §3.4): an expert on an application for one stage, from the solver's or
// staff's proposal to a submitted review. Every move is one entry of ASSIGNMENT_TRANSITIONS (which states it leaves
// from, where it goes, who may make it); the guards below check that entry first, then the move's own conditions,
// and answer `{ ok: true }` or `{ ok: false, code }` so the server can map the code to a message and audit it.
//
// Conflicts (回避) are checked at every step where the expert comes closer to the application: proposal, invitation,
// acceptance and submission. A conflict counts until staff dismiss it (only name-match kinds may be dismissed, which
// the conflict module enforces); an expert's own declaration of a conflict is never dismissible.
//
// Deadlines follow the platform's rule for instants (DATA-MODEL §1): an act at instant t is on time iff t < dueAt.
import { activeSanction } from '../application/eligibility';
import { validateReview, type ReviewDraft, type ReviewForm } from './scoring';
import type { Issue } from '../application/eligibility';
import type { ApplicationStatus } from '../application/transitions';

export const REVIEW_ASSIGNMENT_STATUSES = [
  'PROPOSED',
  'INVITED',
  'ACCEPTED',
  'SUBMITTED',
  'DECLINED',
  'CANCELLED',
  'OVERDUE',
  'WITHDRAWN_CONFLICT',
] as const;
export type ReviewAssignmentStatus = (typeof REVIEW_ASSIGNMENT_STATUSES)[number];

/** No move leaves these. */
export const TERMINAL_ASSIGNMENT_STATUSES: readonly ReviewAssignmentStatus[] = [
  'SUBMITTED',
  'DECLINED',
  'CANCELLED',
  'WITHDRAWN_CONFLICT',
];

/**
 * Assignments that occupy a place in the expert's load for the call (`ExpertProfile.loadLimitPerCall`). PROPOSED
 * counts: proposals are commitments staff are about to send, and not counting them lets two proposal runs overbook.
 */
export const LOAD_COUNTING_STATUSES: readonly ReviewAssignmentStatus[] = [
  'PROPOSED',
  'INVITED',
  'ACCEPTED',
  'SUBMITTED',
  'OVERDUE',
];

export type AssignmentActor = 'STAFF' | 'EXPERT' | 'SYSTEM';

export const ASSIGNMENT_TRANSITIONS = {
  invite: { from: ['PROPOSED'], to: 'INVITED', by: ['STAFF'] },
  cancel: { from: ['PROPOSED', 'INVITED'], to: 'CANCELLED', by: ['STAFF'] },
  accept: { from: ['INVITED'], to: 'ACCEPTED', by: ['EXPERT'] },
  decline: { from: ['INVITED'], to: 'DECLINED', by: ['EXPERT'] },
  submit: { from: ['ACCEPTED', 'OVERDUE'], to: 'SUBMITTED', by: ['EXPERT'] },
  mark_overdue: { from: ['INVITED', 'ACCEPTED'], to: 'OVERDUE', by: ['SYSTEM'] },
  withdraw_conflict: { from: ['INVITED', 'ACCEPTED', 'OVERDUE'], to: 'WITHDRAWN_CONFLICT', by: ['SYSTEM', 'EXPERT'] },
} as const satisfies Record<
  string,
  { from: readonly ReviewAssignmentStatus[]; to: ReviewAssignmentStatus; by: readonly AssignmentActor[] }
>;
export type AssignmentTransition = keyof typeof ASSIGNMENT_TRANSITIONS;

/** Open: asked and not yet answered with a review — what reminders, the dashboard and conflict withdrawal act on. */
export const OPEN_ASSIGNMENT_STATUSES: readonly ReviewAssignmentStatus[] =
  ASSIGNMENT_TRANSITIONS.withdraw_conflict.from;
/** Where the expert writes the review: the states a submission leaves from (drafts are saved only there). */
export const SCORING_ASSIGNMENT_STATUSES: readonly ReviewAssignmentStatus[] = ASSIGNMENT_TRANSITIONS.submit.from;

/** The audit action of each move (DATA-MODEL §3.4), plus the creation. */
export const ASSIGNMENT_AUDIT_ACTIONS: Record<AssignmentTransition | 'propose', string> = {
  propose: 'review_assignment.propose',
  invite: 'review_assignment.invite',
  cancel: 'review_assignment.cancel',
  accept: 'review_assignment.accept',
  decline: 'review_assignment.decline',
  submit: 'review.submit',
  mark_overdue: 'review_assignment.mark_overdue',
  withdraw_conflict: 'review_assignment.withdraw_conflict',
};

export function canTransitionAssignment(
  status: ReviewAssignmentStatus,
  transition: AssignmentTransition,
  by: AssignmentActor,
): boolean {
  const rule = ASSIGNMENT_TRANSITIONS[transition];
  return (
    (rule.from as readonly ReviewAssignmentStatus[]).includes(status) &&
    (rule.by as readonly AssignmentActor[]).includes(by)
  );
}

/**
 * Reason codes a guard may answer. Each is a key of messages/*.json → errors (the server passes it to DomainError);
 * the codes used nowhere else in the platform are listed in REVIEW_ASSIGNMENT_MESSAGE_CODES for the translators.
 */
export type AssignmentRefusal =
  | 'wrongState'
  | 'notOwnAssignment'
  | 'assignmentExists'
  | 'applicationNotInReview'
  | 'expertInactive'
  | 'conflictOfInterest'
  | 'overLoadLimit'
  | 'reviewingBarred'
  | 'dueInPast'
  | 'pastDue'
  | 'declarationRequired'
  | 'declaredConflict'
  | 'declineReasonRequired'
  | 'reviewIncomplete'
  | 'notDueYet'
  | 'noConflict';

export const REVIEW_ASSIGNMENT_MESSAGE_CODES: readonly AssignmentRefusal[] = [
  'notOwnAssignment',
  'assignmentExists',
  'applicationNotInReview',
  'expertInactive',
  'conflictOfInterest',
  'overLoadLimit',
  'reviewingBarred',
  'dueInPast',
  'pastDue',
  'declarationRequired',
  'declaredConflict',
  'declineReasonRequired',
  'reviewIncomplete',
  'notDueYet',
  'noConflict',
];

export type AssignmentVerdict = { ok: true } | { ok: false; code: AssignmentRefusal; issues?: Issue[] };

const ALLOWED: AssignmentVerdict = { ok: true };
const refuse = (code: AssignmentRefusal, issues?: Issue[]): AssignmentVerdict =>
  issues ? { ok: false, code, issues } : { ok: false, code };

// ---------------------------------------------------------------------------------------------------------------------
// Facts the guards read (loaded by the server module; no I/O here)

export interface AssignmentFacts {
  status: ReviewAssignmentStatus;
  applicationId: string;
  expertUserId: string;
  dueAt: Date;
}

/** A DetectedConflict row, as far as the guards care. */
export interface ConflictFact {
  applicationId: string;
  expertUserId: string;
  /** Set when staff dismissed it; a dismissed conflict no longer bars the pair. */
  dismissedById: string | null;
}

export interface DeclarationFact {
  moment: 'ON_ACCEPT' | 'ON_SUBMIT';
  hasConflict: boolean;
}

/** A CreditRecord, for the review side of 科研诚信: a sanction may bar its holder from reviewing for its period. */
export interface ReviewSanction {
  startsOn: Date;
  endsOn: Date | null;
  barsReviewing: boolean;
}

export interface ActorFact {
  kind: AssignmentActor;
  userId: string | null;
}

/** Whether an undismissed conflict stands between this expert and this application. */
export function hasOpenConflict(
  pair: { applicationId: string; expertUserId: string },
  conflicts: readonly ConflictFact[],
): boolean {
  // Filtering by the pair here, not trusting the caller's query, keeps a conflict list for the whole call usable.
  return conflicts.some(
    (c) => c.applicationId === pair.applicationId && c.expertUserId === pair.expertUserId && c.dismissedById === null,
  );
}

/** Whether a sanction in force on `now` bars the expert from reviewing (the solver filters experts with it). */
export function reviewingBarred(sanctions: readonly ReviewSanction[], now: Date): boolean {
  // The same in-force test as for applications (inclusive start, exclusive end, Beijing calendar day).
  return (
    activeSanction(
      sanctions.map((s) => ({ startsOn: s.startsOn, endsOn: s.endsOn, barsApplications: s.barsReviewing })),
      now,
    ) !== undefined
  );
}

/** The table's check, shared by every guard: the state allows the move and the actor may make it (experts: own). */
function checkMove(
  assignment: Pick<AssignmentFacts, 'status' | 'expertUserId'>,
  transition: AssignmentTransition,
  actor: ActorFact,
): AssignmentVerdict {
  if (!canTransitionAssignment(assignment.status, transition, actor.kind)) return refuse('wrongState');
  if (actor.kind === 'EXPERT' && actor.userId !== assignment.expertUserId) return refuse('notOwnAssignment');
  return ALLOWED;
}

// ---------------------------------------------------------------------------------------------------------------------
// — → PROPOSED and PROPOSED → INVITED

export interface ProposalContext {
  /** The status of an existing assignment for this (application, expert, stage), if any: the pair is unique. */
  existing: ReviewAssignmentStatus | null;
  /** Mail review takes experts once the formal check has passed; replacements while review runs. */
  applicationStatus: ApplicationStatus;
  expert: { active: boolean; loadLimitPerCall: number };
  /** The expert's other assignments in this call in LOAD_COUNTING_STATUSES (this one excluded). */
  currentLoad: number;
  conflicts: readonly ConflictFact[];
  sanctions: readonly ReviewSanction[];
  now: Date;
}

/** Applications that take experts: past the formal check, or already in review (replacements). */
export const REVIEWABLE_APPLICATION_STATUSES = [
  'FORMAL_CHECK_PASSED',
  'UNDER_REVIEW',
] as const satisfies readonly ApplicationStatus[];

/**
 * Whether an expert's declared absence overlaps the review window [from, until]: unavailable on any day of it counts
 * as unavailable, and an absence with no end never ends.
 */
export function unavailableDuring(
  expert: { unavailableFrom: Date | null; unavailableUntil: Date | null },
  from: Date,
  until: Date,
): boolean {
  return (
    expert.unavailableFrom !== null &&
    expert.unavailableFrom.getTime() <= until.getTime() &&
    (expert.unavailableUntil === null || expert.unavailableUntil.getTime() >= from.getTime())
  );
}

function checkPairings(
  pair: { applicationId: string; expertUserId: string },
  ctx: Omit<ProposalContext, 'existing'>,
): AssignmentVerdict {
  if (!(REVIEWABLE_APPLICATION_STATUSES as readonly ApplicationStatus[]).includes(ctx.applicationStatus))
    return refuse('applicationNotInReview');
  if (!ctx.expert.active) return refuse('expertInactive');
  if (hasOpenConflict(pair, ctx.conflicts)) return refuse('conflictOfInterest');
  if (reviewingBarred(ctx.sanctions, ctx.now)) return refuse('reviewingBarred');
  if (ctx.currentLoad + 1 > ctx.expert.loadLimitPerCall) return refuse('overLoadLimit');
  return ALLOWED;
}

/** Staff or the solver may propose an expert for an application: no conflict, within load, not barred. */
export function canProposeAssignment(
  pair: { applicationId: string; expertUserId: string },
  actor: ActorFact,
  ctx: ProposalContext,
): AssignmentVerdict {
  // Creation has no from-state in the table; experts are simply not among its actors (§3.4: staff or the solver).
  if (actor.kind === 'EXPERT') return refuse('wrongState');
  if (ctx.existing !== null) return refuse('assignmentExists');
  return checkPairings(pair, ctx);
}

/**
 * Staff commit a proposal as an invitation. Conflicts, sanctions and load are checked again: time has passed since
 * the proposal (a new co-authorship may have been found, another call's invitations may have filled the expert).
 */
export function canInvite(
  assignment: AssignmentFacts,
  actor: ActorFact,
  ctx: Omit<ProposalContext, 'existing'>,
): AssignmentVerdict {
  const move = checkMove(assignment, 'invite', actor);
  if (!move.ok) return move;
  if (assignment.dueAt.getTime() <= ctx.now.getTime()) return refuse('dueInPast');
  return checkPairings(assignment, ctx);
}

// ---------------------------------------------------------------------------------------------------------------------
// Staff's cancellation and the expert's answer

/** Staff withdraw a proposal or an unanswered invitation; a submitted review is never cancelled (it is on record). */
export function canCancelAssignment(
  assignment: AssignmentFacts,
  actor: ActorFact,
  ctx: { reviewStatus: 'DRAFT' | 'SUBMITTED' | null },
): AssignmentVerdict {
  const move = checkMove(assignment, 'cancel', actor);
  if (!move.ok) return move;
  // Cannot happen through the table (SUBMITTED is terminal); kept so a row out of step with its review is refused.
  if (ctx.reviewStatus === 'SUBMITTED') return refuse('wrongState');
  return ALLOWED;
}

/**
 * The expert accepts: only with an ON_ACCEPT declaration that states no conflict, with no detected conflict standing,
 * and before the due date (after it, staff extend `dueAt` or replace the expert).
 */
export function canAcceptInvitation(
  assignment: AssignmentFacts,
  actor: ActorFact,
  ctx: { declaration: DeclarationFact | null; conflicts: readonly ConflictFact[]; now: Date },
): AssignmentVerdict {
  const move = checkMove(assignment, 'accept', actor);
  if (!move.ok) return move;
  if (!ctx.declaration || ctx.declaration.moment !== 'ON_ACCEPT') return refuse('declarationRequired');
  if (ctx.declaration.hasConflict) return refuse('declaredConflict');
  if (hasOpenConflict(assignment, ctx.conflicts)) return refuse('conflictOfInterest');
  if (ctx.now.getTime() >= assignment.dueAt.getTime()) return refuse('pastDue');
  return ALLOWED;
}

/** Declining needs a reason (staff learn whether to ask again); a suggested replacement is optional. */
export function canDeclineInvitation(
  assignment: AssignmentFacts,
  actor: ActorFact,
  ctx: { reason: string | null },
): AssignmentVerdict {
  const move = checkMove(assignment, 'decline', actor);
  if (!move.ok) return move;
  if (!ctx.reason || !ctx.reason.trim()) return refuse('declineReasonRequired');
  return ALLOWED;
}

// ---------------------------------------------------------------------------------------------------------------------
// Submission

/**
 * The expert submits (late is allowed from OVERDUE, and recorded by `isLateSubmission`): every criterion scored on the
 * scale, comment long enough (`validateReview`; its errors come back as `issues`), an ON_SUBMIT declaration without
 * conflict, and no detected conflict standing.
 */
export function canSubmitReview(
  assignment: AssignmentFacts,
  actor: ActorFact,
  ctx: {
    form: ReviewForm;
    draft: ReviewDraft;
    declaration: DeclarationFact | null;
    conflicts: readonly ConflictFact[];
  },
): AssignmentVerdict {
  const move = checkMove(assignment, 'submit', actor);
  if (!move.ok) return move;
  const { errors } = validateReview(ctx.form, ctx.draft);
  if (errors.length) return refuse('reviewIncomplete', errors);
  if (!ctx.declaration || ctx.declaration.moment !== 'ON_SUBMIT') return refuse('declarationRequired');
  if (ctx.declaration.hasConflict) return refuse('declaredConflict');
  if (hasOpenConflict(assignment, ctx.conflicts)) return refuse('conflictOfInterest');
  return ALLOWED;
}

/** A review counts as late for the expert's credit when submitted at or after the due instant. */
export function isLateSubmission(assignment: Pick<AssignmentFacts, 'dueAt'>, submittedAt: Date): boolean {
  return submittedAt.getTime() >= assignment.dueAt.getTime();
}

// ---------------------------------------------------------------------------------------------------------------------
// System moves

/** The overdue job marks an invitation or acceptance whose due instant has come without a review. */
export function isOverdue(assignment: AssignmentFacts, now: Date): AssignmentVerdict {
  const move = checkMove(assignment, 'mark_overdue', { kind: 'SYSTEM', userId: null });
  if (!move.ok) return move;
  return now.getTime() >= assignment.dueAt.getTime() ? ALLOWED : refuse('notDueYet');
}

/**
 * An open assignment must be withdrawn once a conflict stands for the pair — detected (not dismissed) or declared by
 * the expert at either moment. `ok: true` means "withdraw now"; the code says why not. A SUBMITTED assignment is
 * terminal: a conflict found after submission is for staff to handle (the review stays on record).
 */
export function mustWithdrawForConflict(
  assignment: AssignmentFacts,
  ctx: { conflicts: readonly ConflictFact[]; declarations: readonly DeclarationFact[] },
  actor: ActorFact = { kind: 'SYSTEM', userId: null },
): AssignmentVerdict {
  const move = checkMove(assignment, 'withdraw_conflict', actor);
  if (!move.ok) return move;
  const declared = ctx.declarations.some((d) => d.hasConflict);
  return declared || hasOpenConflict(assignment, ctx.conflicts) ? ALLOWED : refuse('noConflict');
}

/** Where a move leads; callers use it after the guard said yes. */
export function nextAssignmentStatus(transition: AssignmentTransition): ReviewAssignmentStatus {
  return ASSIGNMENT_TRANSITIONS[transition].to;
}
