// The application's life (DATA-MODEL §3.3). Issue 4 builds the states up to the formal check; review (5) and
// decision (6) add their transitions to this table.

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'INSTITUTION_APPROVED',
  'FORMAL_CHECK_PASSED',
  'FORMAL_CHECK_FAILED',
  'UNDER_REVIEW',
  'PANEL',
  'DECIDED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

type Who = 'PI' | 'OFFICE' | 'STAFF';

export const APPLICATION_TRANSITIONS = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', by: ['PI'] },
  /** A platform application (issue 7): the office's own submission is its institution's recommendation. */
  submit_platform: { from: ['DRAFT', 'RETURNED'], to: 'INSTITUTION_APPROVED', by: ['OFFICE'] },
  return: { from: ['SUBMITTED'], to: 'RETURNED', by: ['OFFICE'] },
  recommend: { from: ['SUBMITTED'], to: 'INSTITUTION_APPROVED', by: ['OFFICE'] },
  formal_check_pass: { from: ['INSTITUTION_APPROVED'], to: 'FORMAL_CHECK_PASSED', by: ['STAFF'] },
  formal_check_fail: { from: ['INSTITUTION_APPROVED'], to: 'FORMAL_CHECK_FAILED', by: ['STAFF'] },
  /** The first invitation to an expert is sent (an assignment run committed, or a manual assignment). */
  start_review: { from: ['FORMAL_CHECK_PASSED'], to: 'UNDER_REVIEW', by: ['STAFF'] },
  /** The application is put on a panel meeting's agenda (会议评审). */
  to_panel: { from: ['UNDER_REVIEW'], to: 'PANEL', by: ['STAFF'] },
  /** Its decision became FINAL after the notice period (立项 or not). */
  decide: { from: ['UNDER_REVIEW', 'PANEL'], to: 'DECIDED', by: ['STAFF'] },
  /** By the PI; a platform application by its office (the director does not withdraw the institution's application). */
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'INSTITUTION_APPROVED'], to: 'WITHDRAWN', by: ['PI', 'OFFICE'] },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: readonly Who[] }>;
export type ApplicationTransition = keyof typeof APPLICATION_TRANSITIONS;

export function canTransitionApplication(
  status: ApplicationStatus,
  transition: ApplicationTransition,
  by: Who,
): boolean {
  const rule = APPLICATION_TRANSITIONS[transition];
  return (rule.from as readonly ApplicationStatus[]).includes(status) && (rule.by as readonly Who[]).includes(by);
}

/** The applicant edits while the application is theirs: a draft, or returned for revision. */
export function isEditable(status: ApplicationStatus): status is 'DRAFT' | 'RETURNED' {
  return status === 'DRAFT' || status === 'RETURNED';
}

/** Past the formal check: in review, at the panel or decided — what the review pages and the matrix list. */
export const IN_OR_PAST_REVIEW = [
  'FORMAL_CHECK_PASSED',
  'UNDER_REVIEW',
  'PANEL',
  'DECIDED',
] as const satisfies readonly ApplicationStatus[];

/** Every status after a first submission: the application was handed in (it may since have been returned). */
export const SUBMITTED_STATUSES = [
  'SUBMITTED',
  'RETURNED',
  'INSTITUTION_APPROVED',
  'FORMAL_CHECK_PASSED',
  'FORMAL_CHECK_FAILED',
  'UNDER_REVIEW',
  'PANEL',
  'DECIDED',
] as const satisfies readonly ApplicationStatus[];

/** Statuses in which an application counts against 限项 (it occupies a place until rejected or withdrawn). */
export const COUNTS_AGAINST_LIMITS: readonly ApplicationStatus[] = [
  'SUBMITTED',
  'RETURNED',
  'INSTITUTION_APPROVED',
  'FORMAL_CHECK_PASSED',
  'UNDER_REVIEW',
  'PANEL',
];

/**
 * The deadline that applies to a (re)submission: the call's closing time for a first submission; a returned
 * application may be resubmitted until the institutions' recommendation deadline (else the call's closing time).
 */
export function submissionDeadline(
  call: { closesAt: Date; institutionReviewClosesAt: Date | null },
  status: ApplicationStatus,
): Date {
  return status === 'RETURNED' ? (call.institutionReviewClosesAt ?? call.closesAt) : call.closesAt;
}
