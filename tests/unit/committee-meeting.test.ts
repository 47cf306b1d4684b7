import { describe, expect, it } from 'vitest';
import {
  canEditAgenda,
  canEditReport,
  canRecordProceedings,
  canTransitionMeeting,
  MEETING_STATUSES,
  resolutionOutcome,
} from '@/domain/committee/meeting';

describe('strategy meeting', () => {
  it('is planned, held, closed — once each, and records proceedings only while held', () => {
    const moves = MEETING_STATUSES.flatMap((s) =>
      (['hold', 'close'] as const).filter((t) => canTransitionMeeting(s, t)).map((t) => `${s}-${t}`),
    );
    expect(moves).toEqual(['PLANNED-hold', 'HELD-close']);
    expect(MEETING_STATUSES.filter(canRecordProceedings)).toEqual(['HELD']);
    expect(MEETING_STATUSES.filter(canEditAgenda)).toEqual(['PLANNED', 'HELD']);
    expect(canEditReport('DRAFT')).toBe(true);
    expect(canEditReport('PUBLISHED')).toBe(false);
  });

  it('adopts a resolution with more than half of the members present voting for it', () => {
    expect(resolutionOutcome({ for: 3, against: 2, abstain: 0 }, 5)).toEqual({ adopted: true, issues: [] });
    // Half is not a majority; abstentions and absent votes count against.
    expect(resolutionOutcome({ for: 2, against: 0, abstain: 2 }, 4).adopted).toBe(false);
    expect(resolutionOutcome({ for: 3, against: 0, abstain: 0 }, 7).adopted).toBe(false);
  });

  it('refuses impossible counts on their fields', () => {
    expect(resolutionOutcome({ for: 4, against: 2, abstain: 0 }, 5)).toEqual({
      adopted: false,
      issues: [{ field: 'votesFor', code: 'votesExceedPresent?present=5' }],
    });
    expect(resolutionOutcome({ for: -1, against: 0.5, abstain: 0 }, 5).issues).toEqual([
      { field: 'votesFor', code: 'integer' },
      { field: 'votesAgainst', code: 'integer' },
    ]);
    expect(resolutionOutcome({ for: 0, against: 0, abstain: 0 }, 0).issues).toEqual([
      { field: 'votesFor', code: 'noAttendance' },
    ]);
  });
});
