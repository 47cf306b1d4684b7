// 年度战略会议与咨询报告 (issue 7, DATA-MODEL §2.14): a meeting is planned (agenda, invited members), held
// (attendance, opinions, resolutions with their votes), then closed; a consultation report is drafted by staff and
// published to the term's members.

export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_TRANSITIONS = {
  hold: { from: ['PLANNED'], to: 'HELD' },
  close: { from: ['HELD'], to: 'CLOSED' },
} as const satisfies Record<string, { from: readonly MeetingStatus[]; to: MeetingStatus }>;
export type MeetingTransition = keyof typeof MEETING_TRANSITIONS;

export function canTransitionMeeting(status: MeetingStatus, transition: MeetingTransition): boolean {
  return (MEETING_TRANSITIONS[transition].from as readonly MeetingStatus[]).includes(status);
}

/** The agenda is edited while the meeting is planned or under way; opinions and resolutions are recorded while held. */
export const canEditAgenda = (status: MeetingStatus) => status !== 'CLOSED';
export const canRecordProceedings = (status: MeetingStatus) => status === 'HELD';

export type MeetingIssue = { field: string; code: string };

/**
 * A resolution's vote: whole non-negative counts, no more votes than members present, adopted when more than half of
 * the members present vote for it (a resolution needs a majority of those in the room, not of those who voted).
 */
export function resolutionOutcome(
  votes: { for: number; against: number; abstain: number },
  present: number,
): { adopted: boolean; issues: MeetingIssue[] } {
  const issues: MeetingIssue[] = [];
  for (const [field, n] of [
    ['votesFor', votes.for],
    ['votesAgainst', votes.against],
    ['votesAbstain', votes.abstain],
  ] as const) {
    if (!Number.isInteger(n) || n < 0) issues.push({ field, code: 'integer' });
  }
  if (present < 1) issues.push({ field: 'votesFor', code: 'noAttendance' });
  else if (votes.for + votes.against + votes.abstain > present)
    issues.push({ field: 'votesFor', code: `votesExceedPresent?present=${present}` });
  return { adopted: issues.length === 0 && votes.for * 2 > present, issues };
}

export const REPORT_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
} as const;
export const canEditReport = (status: 'DRAFT' | 'PUBLISHED') => status === 'DRAFT';
