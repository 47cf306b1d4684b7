import { describe, expect, it } from 'vitest';
import {
  canChangeInvitees,
  canChangeMaterials,
  canEditAgenda,
  canRecordProceedings,
  canTransitionMeeting,
  checkAgenda,
  checkInvitees,
  MEETING_STATUSES,
  opinionTopicIssue,
  parseAgenda,
  resolutionOutcome,
} from '@/domain/committee/meeting';

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';
const OTHER = '00000000-0000-4000-8000-000000000009';

describe('strategy meeting', () => {
  it('is planned, held, closed — once each, and records proceedings only while held', () => {
    const moves = MEETING_STATUSES.flatMap((s) =>
      (['hold', 'close'] as const).filter((t) => canTransitionMeeting(s, t)).map((t) => `${s}-${t}`),
    );
    expect(moves).toEqual(['PLANNED-hold', 'HELD-close']);
    expect(MEETING_STATUSES.filter(canRecordProceedings)).toEqual(['HELD']);
    expect(MEETING_STATUSES.filter(canEditAgenda)).toEqual(['PLANNED', 'HELD']);
    expect(MEETING_STATUSES.filter(canChangeMaterials)).toEqual(['PLANNED', 'HELD']);
    expect(MEETING_STATUSES.filter(canChangeInvitees)).toEqual(['PLANNED']);
  });

  it('adopts a resolution with more than half of the members present voting for it', () => {
    expect(resolutionOutcome({ for: 3, against: 2, abstain: 0 }, 5)).toEqual({ adopted: true, issues: [] });
    // Half is not a majority; abstentions and absent votes count against.
    expect(resolutionOutcome({ for: 2, against: 0, abstain: 2 }, 4).adopted).toBe(false);
    expect(resolutionOutcome({ for: 3, against: 0, abstain: 0 }, 7).adopted).toBe(false);
    expect(resolutionOutcome({ for: 4, against: 0, abstain: 0 }, 7).adopted).toBe(true);
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

describe('the agenda', () => {
  const term = new Set([T1, T2]);

  it('links only topics of the term, each once per item, and has at least one item', () => {
    const ok = [
      { title: '一、选题方向', topicIds: [T1, T2], note: null },
      { title: '二、其他', topicIds: [], note: '材料会前发送' },
    ];
    expect(checkAgenda(ok, term)).toEqual([]);
    expect(checkAgenda([], term)).toEqual([{ field: 'agenda', code: 'required' }]);
    expect(
      checkAgenda(
        [
          { title: 'a', topicIds: [T1], note: null },
          { title: 'b', topicIds: [T1, OTHER], note: null },
          { title: 'c', topicIds: [T2, T2], note: null },
        ],
        term,
      ),
    ).toEqual([
      { field: 'agenda.1.topicIds', code: 'topicNotInTerm' },
      { field: 'agenda.2.topicIds', code: 'duplicateTopic' },
    ]);
  });

  it('reads stored JSON leniently: bare titles, missing lists, junk left out', () => {
    expect(
      parseAgenda([{ title: '一' }, { title: '二', topicIds: [T1, 7], note: '' }, 'junk', { note: 'no title' }, null]),
    ).toEqual([
      { title: '一', topicIds: [], note: null },
      { title: '二', topicIds: [T1], note: null },
    ]);
    expect(parseAgenda({ title: 'not a list' })).toEqual([]);
  });

  it('lets an opinion be on a topic only when the agenda takes it up', () => {
    const agenda = [{ title: '一', topicIds: [T1], note: null }];
    expect(opinionTopicIssue(null, agenda)).toBeNull();
    expect(opinionTopicIssue(T1, agenda)).toBeNull();
    expect(opinionTopicIssue(T2, agenda)).toEqual({ field: 'topicProposalId', code: 'topicNotOnAgenda' });
  });
});

describe('invitations', () => {
  it('go to at least one member of the term, and to members only', () => {
    const members = new Set([T1, T2]);
    expect(checkInvitees([T1], members)).toEqual([]);
    expect(checkInvitees([], members)).toEqual([{ field: 'userIds', code: 'chooseAtLeastOne' }]);
    expect(checkInvitees([T1, OTHER], members)).toEqual([{ field: 'userIds', code: 'notTermMember' }]);
  });
});
