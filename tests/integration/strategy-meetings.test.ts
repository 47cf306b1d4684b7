import { beforeAll, describe, expect, it } from 'vitest';
import { ZCreateMeeting, ZDraftReport } from '@/lib/validation/strategy';
import type { Actor } from '@/server/auth/actor';
import {
  closeMeeting,
  createMeeting,
  draftReport,
  getMeeting,
  holdMeeting,
  listMeetingsForMember,
  listReports,
  publishReport,
  recordOpinion,
  recordResolution,
} from '@/server/committee/meetings';
import { db } from '@/server/db';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 年度战略会议 and 咨询报告: staff plan a meeting of the running term (its members invited), hold it with attendance,
// members record opinions, staff record resolutions whose adoption follows the vote, close it; a consultation report is
// drafted and published, and members read only what is published.

let staff: Actor;
let chair: Actor;
let investor: Actor;
const NOW = new Date('2026-11-28T04:00:00Z');

beforeAll(async () => {
  await seed();
  [staff, chair, investor] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.committee, 'COMMITTEE_MEMBER'),
    actorFor('committee2@demo.jingyan.cn', 'COMMITTEE_MEMBER'),
  ]);
});

const meetingInput = ZCreateMeeting.parse({
  title: '2026 年度战略咨询会议',
  heldAt: '2026-12-10 09:30:00',
  location: '市教委第一会议室',
  agenda: '一、2027 年度选题方向\n\n二、揭榜挂帅榜单建议\n',
});

describe('a strategy meeting', () => {
  it('is planned, held with attendance, records opinions and resolutions, and closes', async () => {
    const { id } = await createMeeting(db(), staff, meetingInput, NOW);
    const planned = await getMeeting(db(), staff, id);
    expect(planned).toMatchObject({
      status: 'PLANNED',
      year: 2026,
      agenda: ['一、2027 年度选题方向', '二、揭榜挂帅榜单建议'],
    });
    expect(planned.attendees.map((a) => a.user.name).sort()).toEqual(['赵永刚', '钟慧敏'].sort());
    expect((await listMeetingsForMember(db(), chair, NOW)).map((m) => m.id)).toContain(id);

    // Nothing is recorded before the meeting is held.
    const early = await expectDomainError(
      recordOpinion(db(), chair, { meetingId: id, body: '建议加强基础研究。' }, NOW),
      'CONFLICT',
    );
    expect(early.messageKey).toBe('meetingNotHeld');

    await holdMeeting(db(), staff, { meetingId: id, version: 1, attended: [chair.userId] });
    const held = await getMeeting(db(), chair, id, NOW);
    expect(held.attendees.find((a) => a.userId === chair.userId)?.attended).toBe(true);
    expect(held.attendees.find((a) => a.userId === investor.userId)?.attended).toBe(false);

    await recordOpinion(db(), chair, { meetingId: id, body: '建议把量子精密测量列入 2027 年度选题。' }, NOW);
    // An absent member cannot have an opinion recorded for this meeting, by themselves or by staff.
    await expectDomainError(recordOpinion(db(), investor, { meetingId: id, body: '缺席意见' }, NOW), 'VALIDATION');
    await expectDomainError(
      recordOpinion(db(), staff, { meetingId: id, memberUserId: investor.userId, body: '代记意见' }, NOW),
      'VALIDATION',
    );

    // One member present: a vote of 1 for adopts; more votes than people present are refused on the field.
    const tooMany = await expectDomainError(
      recordResolution(db(), staff, { meetingId: id, text: '多票', votesFor: 2, votesAgainst: 0, votesAbstain: 0 }),
      'VALIDATION',
    );
    expect(tooMany.fieldErrors).toEqual({ votesFor: 'votesExceedPresent?present=1' });
    const adopted = await recordResolution(db(), staff, {
      meetingId: id,
      text: '建议 2027 年度设立量子精密测量揭榜挂帅榜单。',
      votesFor: 1,
      votesAgainst: 0,
      votesAbstain: 0,
    });
    const notAdopted = await recordResolution(db(), staff, {
      meetingId: id,
      text: '建议压缩一般项目数量。',
      votesFor: 0,
      votesAgainst: 0,
      votesAbstain: 1,
    });
    expect([adopted, notAdopted].map((r) => [r.ordinal, r.adopted])).toEqual([
      [1, true],
      [2, false],
    ]);

    await closeMeeting(db(), staff, { meetingId: id, version: 2 });
    await expectDomainError(recordOpinion(db(), chair, { meetingId: id, body: '会后补充' }, NOW), 'CONFLICT');
    await expectDomainError(closeMeeting(db(), staff, { meetingId: id, version: 3 }), 'CONFLICT');
    expect(await auditActions(id)).toEqual([
      'strategy_meeting.create',
      'strategy_meeting.hold',
      'strategy_meeting.close',
    ]);
    const final = await getMeeting(db(), investor, id, NOW);
    expect(final.opinions.map((o) => [o.member.name, o.body])).toEqual([
      ['赵永刚', '建议把量子精密测量列入 2027 年度选题。'],
    ]);
  });

  it('is hidden from a member who was not invited, and refuses attendance of someone not invited', async () => {
    const { id } = await createMeeting(db(), staff, meetingInput, NOW);
    await db().strategyMeetingAttendee.deleteMany({ where: { meetingId: id, userId: investor.userId } });
    await expectDomainError(getMeeting(db(), investor, id, NOW), 'NOT_FOUND');
    expect((await listMeetingsForMember(db(), investor, NOW)).map((m) => m.id)).not.toContain(id);
    const bad = await expectDomainError(
      holdMeeting(db(), staff, { meetingId: id, version: 1, attended: [investor.userId] }),
      'VALIDATION',
    );
    expect(bad.fieldErrors).toEqual({ attended: 'notInvited' });
    expect((await db().strategyMeeting.findUniqueOrThrow({ where: { id } })).status).toBe('PLANNED');
  });
});

describe('a consultation report', () => {
  it('is read by members only once published', async () => {
    const { id } = await draftReport(
      db(),
      staff,
      ZDraftReport.parse({ title: '关于加强量子科技基础研究的咨询报告', body: '委员会建议……', meetingId: '' }),
      NOW,
    );
    expect((await listReports(db(), chair, NOW)).map((r) => r.id)).not.toContain(id);
    expect((await listReports(db(), staff, NOW)).map((r) => r.id)).toContain(id);
    await publishReport(db(), staff, { reportId: id, version: 1 }, NOW);
    expect((await listReports(db(), chair, NOW)).find((r) => r.id === id)).toMatchObject({ status: 'PUBLISHED' });
    await expectDomainError(publishReport(db(), staff, { reportId: id, version: 2 }, NOW), 'CONFLICT');
    expect(await auditActions(id)).toEqual(['consultation_report.create', 'consultation_report.publish']);
  });
});
