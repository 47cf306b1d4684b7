import { describe, expect, it } from 'vitest';
import {
  canCastVote,
  canCloseMeeting,
  canOpenItem,
  canSetAttendance,
  canSkipItem,
  canStartMeeting,
} from '@/domain/panel/meeting';

describe('panel meeting guards', () => {
  it('starts only a planned meeting with one chair and an agenda', () => {
    expect(canStartMeeting('PLANNED', 1, 3)).toBeNull();
    expect(canStartMeeting('PLANNED', 0, 3)).toBe('panelNoChair');
    expect(canStartMeeting('PLANNED', 1, 0)).toBe('panelNoAgenda');
    expect(canStartMeeting('IN_SESSION', 1, 3)).toBe('wrongState');
  });

  it('opens one pending item at a time, in session', () => {
    expect(canOpenItem('IN_SESSION', 'PENDING', false)).toBeNull();
    expect(canOpenItem('IN_SESSION', 'PENDING', true)).toBe('panelItemInProgress');
    expect(canOpenItem('PLANNED', 'PENDING', false)).toBe('wrongState');
    expect(canOpenItem('IN_SESSION', 'VOTED', false)).toBe('wrongState');
  });

  it('skips pending or open items, and closes the meeting only when every item is settled', () => {
    expect(canSkipItem('IN_SESSION', 'IN_PROGRESS')).toBeNull();
    expect(canSkipItem('IN_SESSION', 'VOTED')).toBe('wrongState');
    expect(canCloseMeeting('IN_SESSION', ['VOTED', 'SKIPPED'])).toBeNull();
    expect(canCloseMeeting('IN_SESSION', ['VOTED', 'PENDING'])).toBe('panelItemsOpen');
    expect(canCloseMeeting('PLANNED', [])).toBe('wrongState');
  });

  it('never marks absent a member whose vote on the open item is counted', () => {
    expect(canSetAttendance('IN_SESSION', false, true)).toBe('panelAlreadyVoted');
    expect(canSetAttendance('IN_SESSION', true, true)).toBeNull();
    expect(canSetAttendance('CLOSED', true, false)).toBe('wrongState');
  });

  it('takes a vote once, from a present member not excluded, while the item is open', () => {
    const ok = {
      meeting: 'IN_SESSION',
      item: 'IN_PROGRESS',
      attended: true,
      excluded: false,
      alreadyVoted: false,
    } as const;
    expect(canCastVote(ok)).toBeNull();
    expect(canCastVote({ ...ok, item: 'PENDING' })).toBe('panelItemNotOpen');
    expect(canCastVote({ ...ok, excluded: true, attended: false })).toBe('panelExcluded');
    expect(canCastVote({ ...ok, attended: false })).toBe('panelNotPresent');
    expect(canCastVote({ ...ok, alreadyVoted: true })).toBe('panelAlreadyVoted');
  });
});
