// The run of a panel meeting (会议评审, issue 6; DATA-MODEL §2.9): which step may happen in which state. Pure guards,
// each returning null (allowed) or the refusal's message code under "errors"; the server module throws CONFLICT with
// it. The pass rule itself is pass-rule.ts.
//
// Meeting: PLANNED ─start─► IN_SESSION ─close─► CLOSED. Set-up (members, agenda) only while PLANNED, so an item's
// excluded members are fixed before anyone votes. Item: PENDING ─open─► IN_PROGRESS ─close vote─► VOTED, and PENDING
// or IN_PROGRESS ─skip─► SKIPPED; one item is open at a time, so the chair's live view and the members' form agree on
// what is being voted.

export type PanelMeetingStatus = 'PLANNED' | 'IN_SESSION' | 'CLOSED';
export type PanelItemStatus = 'PENDING' | 'IN_PROGRESS' | 'VOTED' | 'SKIPPED';
export type PanelRefusal =
  | 'wrongState'
  | 'panelNoChair'
  | 'panelNoAgenda'
  | 'panelItemInProgress'
  | 'panelItemsOpen'
  | 'panelItemNotOpen'
  | 'panelNotPresent'
  | 'panelExcluded'
  | 'panelAlreadyVoted';

export function canEditSetup(meeting: PanelMeetingStatus): PanelRefusal | null {
  return meeting === 'PLANNED' ? null : 'wrongState';
}

export function canStartMeeting(meeting: PanelMeetingStatus, chairs: number, items: number): PanelRefusal | null {
  if (meeting !== 'PLANNED') return 'wrongState';
  if (chairs !== 1) return 'panelNoChair';
  if (items === 0) return 'panelNoAgenda';
  return null;
}

export function canOpenItem(
  meeting: PanelMeetingStatus,
  item: PanelItemStatus,
  otherOpen: boolean,
): PanelRefusal | null {
  if (meeting !== 'IN_SESSION' || item !== 'PENDING') return 'wrongState';
  if (otherOpen) return 'panelItemInProgress';
  return null;
}

export function canCloseItemVote(meeting: PanelMeetingStatus, item: PanelItemStatus): PanelRefusal | null {
  return meeting === 'IN_SESSION' && item === 'IN_PROGRESS' ? null : 'wrongState';
}

export function canSkipItem(meeting: PanelMeetingStatus, item: PanelItemStatus): PanelRefusal | null {
  return meeting === 'IN_SESSION' && (item === 'PENDING' || item === 'IN_PROGRESS') ? null : 'wrongState';
}

export function canCloseMeeting(meeting: PanelMeetingStatus, items: readonly PanelItemStatus[]): PanelRefusal | null {
  if (meeting !== 'IN_SESSION') return 'wrongState';
  return items.every((s) => s === 'VOTED' || s === 'SKIPPED') ? null : 'panelItemsOpen';
}

/**
 * Attendance is recorded before and during the session. A member who has voted on the open item cannot be marked
 * absent: the vote would then come from someone not counted, and the tally would be invalid (pass-rule.ts).
 */
export function canSetAttendance(
  meeting: PanelMeetingStatus,
  attended: boolean,
  hasVoteOnOpenItem: boolean,
): PanelRefusal | null {
  if (meeting === 'CLOSED') return 'wrongState';
  if (!attended && hasVoteOnOpenItem) return 'panelAlreadyVoted';
  return null;
}

/** A vote is cast once, by a member present and not excluded, while the item is open. */
export function canCastVote(facts: {
  meeting: PanelMeetingStatus;
  item: PanelItemStatus;
  attended: boolean;
  excluded: boolean;
  alreadyVoted: boolean;
}): PanelRefusal | null {
  if (facts.meeting !== 'IN_SESSION' || facts.item !== 'IN_PROGRESS') return 'panelItemNotOpen';
  if (facts.excluded) return 'panelExcluded';
  if (!facts.attended) return 'panelNotPresent';
  if (facts.alreadyVoted) return 'panelAlreadyVoted';
  return null;
}

/** Every refusal code, for the messages check (codes built from a union are invisible to a text scan). */
export const PANEL_MESSAGE_CODES: readonly PanelRefusal[] = [
  'wrongState',
  'panelNoChair',
  'panelNoAgenda',
  'panelItemInProgress',
  'panelItemsOpen',
  'panelItemNotOpen',
  'panelNotPresent',
  'panelExcluded',
  'panelAlreadyVoted',
];
