// 咨询报告 (issue 7, DATA-MODEL §2.14): staff draft a consultation report and publish it to the term's members;
// a draft is edited until it is published, and members never see a draft.

export const REPORT_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
} as const satisfies Record<string, { from: readonly ReportStatus[]; to: ReportStatus }>;
export type ReportTransition = keyof typeof REPORT_TRANSITIONS;

export function canTransitionReport(status: ReportStatus, transition: ReportTransition): boolean {
  return (REPORT_TRANSITIONS[transition].from as readonly ReportStatus[]).includes(status);
}

export const canEditReport = (status: ReportStatus) => status === 'DRAFT';

/** Staff read every report; a member of the report's term reads it once published; nobody else. */
export function canReadReport(reader: { staff: boolean; memberOfTerm: boolean }, status: ReportStatus): boolean {
  return reader.staff || (reader.memberOfTerm && status === 'PUBLISHED');
}
