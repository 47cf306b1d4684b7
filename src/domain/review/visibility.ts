// What an expert may see (DATA-MODEL §2.8 access gate; issue 5 "Read phase"). The server's SQL predicate
// (`src/server/review/scope.ts`) must select exactly what these functions allow; they are the rule, it is the index.
//
// The application: through an assignment in EXPERT_VISIBLE_STATUSES and with no undismissed conflict for the pair.
// OVERDUE is included although §2.8's gate lists only INVITED/ACCEPTED/SUBMITTED: an overdue expert may still submit
// late (§3.4 OVERDUE → SUBMITTED) and cannot without reading the application. PROPOSED is not — the expert has not
// been asked yet — nor are DECLINED, CANCELLED and WITHDRAWN_CONFLICT.
//
// Others' reviews of the same application: only once one's own review is SUBMITTED (so it cannot be anchored on
// theirs), and never while a conflict stands — a conflict found after submission leaves the assignment SUBMITTED
// (terminal), so the review-reading query must apply both gates: `canExpertSeeOtherReviews`.
import { hasOpenConflict, type ConflictFact, type ReviewAssignmentStatus } from './assignment-status';

export const EXPERT_VISIBLE_STATUSES: readonly ReviewAssignmentStatus[] = [
  'INVITED',
  'ACCEPTED',
  'SUBMITTED',
  'OVERDUE',
];

type VisibilityRefusal = 'wrongState' | 'conflictOfInterest' | 'ownReviewNotSubmitted';
export type VisibilityVerdict = { ok: true } | { ok: false; code: VisibilityRefusal };

/** Codes new with this module, for messages/*.json → errors (wrongState and conflictOfInterest are shared). */
export const REVIEW_VISIBILITY_MESSAGE_CODES: readonly VisibilityRefusal[] = ['ownReviewNotSubmitted'];

const ALLOWED: VisibilityVerdict = { ok: true };
const deny = (code: VisibilityRefusal): VisibilityVerdict => ({ ok: false, code });

export function canExpertSeeApplication(
  assignment: { status: ReviewAssignmentStatus; applicationId: string; expertUserId: string },
  conflicts: readonly ConflictFact[],
): VisibilityVerdict {
  if (!EXPERT_VISIBLE_STATUSES.includes(assignment.status)) return deny('wrongState');
  // Checked even though conflicts withdraw the assignment: between detection and withdrawal the gate must hold.
  if (hasOpenConflict(assignment, conflicts)) return deny('conflictOfInterest');
  return ALLOWED;
}

export function canSeeOtherReviews(
  viewerAssignmentStatus: ReviewAssignmentStatus,
  ownReviewStatus: 'DRAFT' | 'SUBMITTED' | null,
): VisibilityVerdict {
  if (viewerAssignmentStatus !== 'SUBMITTED') return deny('wrongState');
  if (ownReviewStatus !== 'SUBMITTED') return deny('ownReviewNotSubmitted');
  return ALLOWED;
}

/** Both gates at once, for the query that lists the other experts' reviews of an application. */
export function canExpertSeeOtherReviews(
  assignment: { status: ReviewAssignmentStatus; applicationId: string; expertUserId: string },
  ownReviewStatus: 'DRAFT' | 'SUBMITTED' | null,
  conflicts: readonly ConflictFact[],
): VisibilityVerdict {
  const application = canExpertSeeApplication(assignment, conflicts);
  return application.ok ? canSeeOtherReviews(assignment.status, ownReviewStatus) : application;
}
