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

/**
 * The agenda and the materials change while the meeting is planned or under way; who is invited only while it is
 * planned (attendance is taken from the invited when it is held); opinions and resolutions are recorded while held.
 */
export const canEditAgenda = (status: MeetingStatus) => status !== 'CLOSED';
export const canChangeMaterials = (status: MeetingStatus) => status !== 'CLOSED';
export const canChangeInvitees = (status: MeetingStatus) => status === 'PLANNED';
export const canRecordProceedings = (status: MeetingStatus) => status === 'HELD';

export type MeetingIssue = { field: string; code: string };

/** One agenda item: its title, the term's topics it takes up (选题), a note for the members. */
export type AgendaItem = { title: string; topicIds: string[]; note: string | null };

/** The stored agenda JSON as items; anything malformed (an older or hand-written row) is read leniently. */
export function parseAgenda(json: unknown): AgendaItem[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((raw: unknown) => {
    if (!raw || typeof raw !== 'object') return [];
    const item = raw as { title?: unknown; topicIds?: unknown; note?: unknown };
    const title = typeof item.title === 'string' ? item.title : '';
    if (!title) return [];
    const topicIds = Array.isArray(item.topicIds) ? item.topicIds.filter((t) => typeof t === 'string') : [];
    return [{ title, topicIds, note: typeof item.note === 'string' && item.note ? item.note : null }];
  });
}

/**
 * An agenda is at least one item; each linked topic is a topic of the meeting's term, linked once per item. Issues
 * name the field as the form does (`agenda.2.topicIds`).
 */
export function checkAgenda(items: readonly AgendaItem[], termTopicIds: ReadonlySet<string>): MeetingIssue[] {
  if (items.length === 0) return [{ field: 'agenda', code: 'required' }];
  const issues: MeetingIssue[] = [];
  items.forEach((item, i) => {
    const field = `agenda.${i}.topicIds`;
    if (new Set(item.topicIds).size !== item.topicIds.length) issues.push({ field, code: 'duplicateTopic' });
    else if (item.topicIds.some((id) => !termTopicIds.has(id))) issues.push({ field, code: 'topicNotInTerm' });
  });
  return issues;
}

/** An opinion may be on a topic only if the agenda takes that topic up. */
export function opinionTopicIssue(topicId: string | null, agenda: readonly AgendaItem[]): MeetingIssue | null {
  if (!topicId) return null;
  return agenda.some((item) => item.topicIds.includes(topicId))
    ? null
    : { field: 'topicProposalId', code: 'topicNotOnAgenda' };
}

/** Those invited are members of the meeting's term (an open membership); at least one. */
export function checkInvitees(userIds: readonly string[], memberIds: ReadonlySet<string>): MeetingIssue[] {
  if (userIds.length === 0) return [{ field: 'userIds', code: 'chooseAtLeastOne' }];
  return userIds.some((id) => !memberIds.has(id)) ? [{ field: 'userIds', code: 'notTermMember' }] : [];
}

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
