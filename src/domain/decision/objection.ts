// 异议处理 (issue 6, DATA-MODEL §3.6): a real-name objection to an item on public notice is FILED by anyone (the filing
// guard, which depends on the notice's period, is `canFileObjection` in notice.ts), taken up by staff, then upheld —
// the decision is revised — or dismissed with a reason. UPHELD and DISMISSED are final.

export const OBJECTION_STATUSES = ['FILED', 'UNDER_REVIEW', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_TRANSITIONS = {
  start_review: { from: ['FILED'], to: 'UNDER_REVIEW' },
  uphold: { from: ['UNDER_REVIEW'], to: 'UPHELD' },
  dismiss: { from: ['UNDER_REVIEW'], to: 'DISMISSED' },
} as const satisfies Record<string, { from: readonly ObjectionStatus[]; to: ObjectionStatus }>;
export type ObjectionTransition = keyof typeof OBJECTION_TRANSITIONS;

/** Objections that still hold their decision back from becoming final. */
export const OPEN_OBJECTION_STATUSES = ['FILED', 'UNDER_REVIEW'] as const satisfies readonly ObjectionStatus[];

export function canTransitionObjection(status: ObjectionStatus, transition: ObjectionTransition): boolean {
  return (OBJECTION_TRANSITIONS[transition].from as readonly ObjectionStatus[]).includes(status);
}
