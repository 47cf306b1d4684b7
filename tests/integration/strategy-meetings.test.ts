import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZCreateMeeting, ZDraftReport, ZRecordOpinion, ZUpdateAgenda, ZUpdateReport } from '@/lib/validation/strategy';
import type { Actor } from '@/server/auth/actor';
import {
  addMaterial,
  closeMeeting,
  createMeeting,
  getMeeting,
  holdMeeting,
  listMeetingsForMember,
  recordOpinion,
  recordResolution,
  removeMaterial,
  setInvitees,
  updateAgenda,
} from '@/server/committee/meetings';
import { draftReport, getReport, listReports, publishReport, updateReport } from '@/server/committee/reports';
import { db } from '@/server/db';
import { readFile, uploadFile } from '@/server/files/files';
import { DEMO_TERM } from '../../prisma/seed-committee';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 年度战略会议 and 咨询报告: staff plan a meeting of the running term (its members invited, agenda items linking the
// term's topics), change invitations and materials, hold it with attendance, members record opinions (optionally on an
// agenda topic), staff record resolutions whose adoption follows the vote, close it; a consultation report is drafted,
// edited and published, and members read only what is published. Files follow the record they belong to.

let staff: Actor;
let chair: Actor;
let investor: Actor;
let researcher: Actor;
let termId: string;
let topicA: string;
let topicB: string;
const NOW = new Date('2026-11-28T04:00:00Z');
const PDF = readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf'));

beforeAll(async () => {
  await seed();
  [staff, chair, investor, researcher] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.committee, 'COMMITTEE_MEMBER'),
    actorFor('committee2@demo.jingyan.cn', 'COMMITTEE_MEMBER'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
  ]);
  termId = (await db().committeeTerm.findUniqueOrThrow({ where: { name: DEMO_TERM } })).id;
  const topic = (title: string) =>
    db().topicProposal.create({
      data: {
        termId,
        source: 'TOP_DOWN',
        proposerUserId: staff.userId,
        title,
        background: '背景',
        goals: '目标',
        expectedImpact: '影响',
        suggestedForm: 'CALL',
      },
      select: { id: true },
    });
  [topicA, topicB] = [(await topic('会议测试选题甲')).id, (await topic('会议测试选题乙')).id];
});

const meetingInput = () =>
  ZCreateMeeting.parse({
    title: '2026 年度战略咨询会议',
    heldAt: '2026-12-10 09:30:00',
    location: '市教委第一会议室',
    agenda: [
      { title: '一、2027 年度选题方向', topicIds: [topicA], note: '请提前阅读选题材料' },
      { title: '二、揭榜挂帅榜单建议', topicIds: [] },
    ],
  });

const opinion = (input: unknown) => ZRecordOpinion.parse(input);
const reportEdit = (input: unknown) => ZUpdateReport.parse(input);

describe('a strategy meeting', () => {
  it('is planned, held with attendance, records opinions and resolutions, and closes', async () => {
    const { id } = await createMeeting(db(), staff, meetingInput(), NOW);
    const planned = await getMeeting(db(), staff, id);
    expect(planned).toMatchObject({ status: 'PLANNED', year: 2026 });
    expect(planned.agenda).toEqual([
      {
        title: '一、2027 年度选题方向',
        topicIds: [topicA],
        note: '请提前阅读选题材料',
        topics: [{ id: topicA, title: '会议测试选题甲' }],
      },
      { title: '二、揭榜挂帅榜单建议', topicIds: [], note: null, topics: [] },
    ]);
    expect(planned.attendees.map((a) => a.user.name).sort()).toEqual(['赵永刚', '钟慧敏'].sort());
    expect((await listMeetingsForMember(db(), chair, NOW)).map((m) => m.id)).toContain(id);

    // Nothing is recorded before the meeting is held.
    const early = await expectDomainError(
      recordOpinion(db(), chair, opinion({ meetingId: id, body: '建议加强基础研究。' }), NOW),
      'CONFLICT',
    );
    expect(early.messageKey).toBe('meetingNotHeld');

    await holdMeeting(db(), staff, { meetingId: id, version: 1, attended: [chair.userId] });
    // A second click on the same page: the version has moved on.
    await expectDomainError(
      holdMeeting(db(), staff, { meetingId: id, version: 1, attended: [chair.userId] }),
      'CONFLICT',
    );
    const held = await getMeeting(db(), chair, id, NOW);
    expect(held.attendees.find((a) => a.userId === chair.userId)?.attended).toBe(true);
    expect(held.attendees.find((a) => a.userId === investor.userId)?.attended).toBe(false);

    await recordOpinion(db(), chair, opinion({ meetingId: id, body: '建议把量子精密测量列入 2027 年度选题。' }), NOW);
    await recordOpinion(
      db(),
      chair,
      opinion({ meetingId: id, topicProposalId: topicA, body: '该选题宜以揭榜挂帅方式组织。' }),
      NOW,
    );
    // A topic the agenda does not take up is refused on its field.
    const offAgenda = await expectDomainError(
      recordOpinion(db(), chair, opinion({ meetingId: id, topicProposalId: topicB, body: '题外话' }), NOW),
      'VALIDATION',
    );
    expect(offAgenda.fieldErrors).toEqual({ topicProposalId: 'topicNotOnAgenda' });
    // An absent member cannot have an opinion recorded for this meeting, by themselves or by staff.
    await expectDomainError(
      recordOpinion(db(), investor, opinion({ meetingId: id, body: '缺席意见' }), NOW),
      'VALIDATION',
    );
    await expectDomainError(
      recordOpinion(db(), staff, opinion({ meetingId: id, memberUserId: investor.userId, body: '代记意见' }), NOW),
      'VALIDATION',
    );
    // Staff record on behalf of a member who attended.
    await recordOpinion(db(), staff, opinion({ meetingId: id, memberUserId: chair.userId, body: '会上口头意见' }), NOW);

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
    await expectDomainError(recordOpinion(db(), chair, opinion({ meetingId: id, body: '会后补充' }), NOW), 'CONFLICT');
    await expectDomainError(closeMeeting(db(), staff, { meetingId: id, version: 3 }), 'CONFLICT');
    await expectDomainError(
      updateAgenda(
        db(),
        staff,
        ZUpdateAgenda.parse({ meetingId: id, version: 3, agenda: [{ title: '晚了', topicIds: [] }] }),
      ),
      'CONFLICT',
    );
    expect(await auditActions(id)).toEqual([
      'strategy_meeting.create',
      'strategy_meeting.hold',
      'strategy_meeting.close',
    ]);
    // Everyone invited reads the opinions, the absent member too; staff-recorded ones say so.
    const final = await getMeeting(db(), investor, id, NOW);
    expect(final.opinions.map((o) => [o.member.name, o.topic?.title ?? null, o.recordedById === staff.userId])).toEqual(
      [
        ['赵永刚', null, false],
        ['赵永刚', '会议测试选题甲', false],
        ['赵永刚', null, true],
      ],
    );
    const opinionAudit = await db().auditEvent.count({
      where: { action: 'meeting_opinion.record', entityId: { in: final.opinions.map((o) => o.id) } },
    });
    expect(opinionAudit).toBe(3);
  });

  it('has its agenda edited with topics of its term only, and its invitations changed while planned', async () => {
    const { id } = await createMeeting(db(), staff, meetingInput(), NOW);
    const agenda = (items: unknown[], version: number) =>
      updateAgenda(db(), staff, ZUpdateAgenda.parse({ meetingId: id, version, agenda: items }));

    // A topic of another term is refused on the item's field, and nothing is written or audited.
    const otherTerm = await db().committeeTerm.create({
      data: { name: `测试届 ${id}`, startsOn: new Date('2020-01-01'), endsOn: new Date('2021-12-31') },
    });
    const foreign = await db().topicProposal.create({
      data: {
        termId: otherTerm.id,
        source: 'TOP_DOWN',
        proposerUserId: staff.userId,
        title: '往届选题',
        background: '背景',
        goals: '目标',
        expectedImpact: '影响',
        suggestedForm: 'CALL',
      },
    });
    const bad = await expectDomainError(
      agenda(
        [
          { title: '一', topicIds: [topicA] },
          { title: '二', topicIds: [foreign.id] },
        ],
        1,
      ),
      'VALIDATION',
    );
    expect(bad.fieldErrors).toEqual({ 'agenda.1.topicIds': 'topicNotInTerm' });
    expect(await auditActions(id)).toEqual(['strategy_meeting.create']);

    await agenda([{ title: '唯一议程', topicIds: [topicA, topicB], note: '' }], 1);
    // The same save again from the stale page.
    await expectDomainError(agenda([{ title: '唯一议程', topicIds: [] }], 1), 'STALE');
    expect((await getMeeting(db(), staff, id)).agenda.map((i) => [i.title, i.topics.length])).toEqual([
      ['唯一议程', 2],
    ]);

    // Invitations: only the term's members; removing someone hides the meeting from them.
    const notMember = await expectDomainError(
      setInvitees(db(), staff, { meetingId: id, version: 2, userIds: [chair.userId, researcher.userId] }, NOW),
      'VALIDATION',
    );
    expect(notMember.fieldErrors).toEqual({ userIds: 'notTermMember' });
    await setInvitees(db(), staff, { meetingId: id, version: 2, userIds: [chair.userId] }, NOW);
    await expectDomainError(getMeeting(db(), investor, id, NOW), 'NOT_FOUND');
    expect((await listMeetingsForMember(db(), investor, NOW)).map((m) => m.id)).not.toContain(id);
    const bad2 = await expectDomainError(
      holdMeeting(db(), staff, { meetingId: id, version: 3, attended: [investor.userId] }),
      'VALIDATION',
    );
    expect(bad2.fieldErrors).toEqual({ attended: 'notInvited' });
    await setInvitees(db(), staff, { meetingId: id, version: 3, userIds: [chair.userId, investor.userId] }, NOW);
    await holdMeeting(db(), staff, { meetingId: id, version: 4, attended: [investor.userId] });
    // Once held, who was invited is settled.
    await expectDomainError(
      setInvitees(db(), staff, { meetingId: id, version: 5, userIds: [chair.userId] }, NOW),
      'CONFLICT',
    );
    expect(await auditActions(id)).toEqual([
      'strategy_meeting.create',
      'strategy_meeting.agenda',
      'strategy_meeting.invite',
      'strategy_meeting.invite',
      'strategy_meeting.hold',
    ]);
  });

  it('is closed to a member whose membership has ended', async () => {
    const { id } = await createMeeting(db(), staff, meetingInput(), NOW);
    const membership = await db().committeeMembership.findUniqueOrThrow({
      where: { termId_userId: { termId, userId: investor.userId } },
    });
    await db().committeeMembership.update({ where: { id: membership.id }, data: { toDate: new Date('2026-06-30') } });
    try {
      await expectDomainError(getMeeting(db(), investor, id, NOW), 'FORBIDDEN');
    } finally {
      await db().committeeMembership.update({ where: { id: membership.id }, data: { toDate: null } });
    }
  });

  it('has materials that the invited members and staff download, and nobody else', async () => {
    const { id } = await createMeeting(db(), staff, meetingInput(), NOW);
    const file = await uploadFile(db(), staff, { name: '选题材料.pdf', bytes: PDF, purpose: 'MEETING_MATERIAL' });
    // Someone else's upload cannot be attached.
    const own = await uploadFile(db(), researcher, { name: '他人.pdf', bytes: PDF, purpose: 'WORK_EVIDENCE' });
    const foreign = await expectDomainError(
      addMaterial(db(), staff, { meetingId: id, title: '他人文件', fileId: own.id }),
      'VALIDATION',
    );
    expect(foreign.fieldErrors).toEqual({ fileId: 'fileUnknown' });

    const material = await addMaterial(db(), staff, { meetingId: id, title: '会议材料一', fileId: file.id });
    // The same file twice (a double click): refused on the field, one row.
    const twice = await expectDomainError(
      addMaterial(db(), staff, { meetingId: id, title: '会议材料一', fileId: file.id }),
      'VALIDATION',
    );
    expect(twice.fieldErrors).toEqual({ fileId: 'materialAttached' });
    expect((await getMeeting(db(), chair, id, NOW)).materials.map((m) => m.title)).toEqual(['会议材料一']);

    expect((await readFile(db(), chair, file.id)).bytes.equals(PDF)).toBe(true);
    const otherStaff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
    expect((await readFile(db(), otherStaff, file.id)).filename).toBe('选题材料.pdf');
    await expectDomainError(readFile(db(), researcher, file.id), 'NOT_FOUND');
    await setInvitees(db(), staff, { meetingId: id, version: 1, userIds: [chair.userId] }, NOW);
    await expectDomainError(readFile(db(), investor, file.id), 'NOT_FOUND');

    await removeMaterial(db(), staff, { materialId: material.id });
    await expectDomainError(removeMaterial(db(), staff, { materialId: material.id }), 'NOT_FOUND');
    await expectDomainError(readFile(db(), chair, file.id), 'NOT_FOUND');
    expect(await auditActions(id)).toEqual([
      'strategy_meeting.create',
      'strategy_meeting.add_material',
      'strategy_meeting.invite',
      'strategy_meeting.remove_material',
    ]);
  });
});

describe('a consultation report', () => {
  it('is edited as a draft and read by members (with its file) only once published', async () => {
    const file = await uploadFile(db(), staff, { name: '咨询报告.pdf', bytes: PDF, purpose: 'CONSULTATION_REPORT' });
    const { id } = await draftReport(
      db(),
      staff,
      ZDraftReport.parse({ title: '关于加强量子科技基础研究的咨询报告', body: '委员会建议……', meetingId: '' }),
      NOW,
    );
    expect((await listReports(db(), chair, NOW)).map((r) => r.id)).not.toContain(id);
    expect((await listReports(db(), staff, NOW)).map((r) => r.id)).toContain(id);
    await expectDomainError(getReport(db(), chair, id, NOW), 'NOT_FOUND');

    await updateReport(
      db(),
      staff,
      reportEdit({ reportId: id, version: 1, title: '关于量子科技的咨询报告', body: '修改后正文', fileId: file.id }),
    );
    await expectDomainError(
      updateReport(db(), staff, reportEdit({ reportId: id, version: 1, title: '旧页面', body: '旧' })),
      'STALE',
    );
    await expectDomainError(readFile(db(), chair, file.id), 'NOT_FOUND');

    await publishReport(db(), staff, { reportId: id, version: 2 }, NOW);
    expect(await getReport(db(), chair, id, NOW)).toMatchObject({
      status: 'PUBLISHED',
      title: '关于量子科技的咨询报告',
      file: { id: file.id },
    });
    expect((await readFile(db(), chair, file.id)).bytes.equals(PDF)).toBe(true);
    await expectDomainError(readFile(db(), researcher, file.id), 'NOT_FOUND');
    // Published is final: neither published again nor edited.
    await expectDomainError(publishReport(db(), staff, { reportId: id, version: 3 }, NOW), 'CONFLICT');
    await expectDomainError(
      updateReport(db(), staff, reportEdit({ reportId: id, version: 3, title: '改', body: '改' })),
      'CONFLICT',
    );
    expect(await auditActions(id)).toEqual([
      'consultation_report.create',
      'consultation_report.update',
      'consultation_report.publish',
    ]);
  });

  it('refuses a meeting of another term and a file the author did not upload', async () => {
    const own = await uploadFile(db(), researcher, { name: '他人.pdf', bytes: PDF, purpose: 'WORK_EVIDENCE' });
    const e = await expectDomainError(
      draftReport(db(), staff, ZDraftReport.parse({ title: '报告', body: '正文', fileId: own.id }), NOW),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ fileId: 'fileUnknown' });
    const m = await expectDomainError(
      draftReport(
        db(),
        staff,
        ZDraftReport.parse({ title: '报告', body: '正文', meetingId: '00000000-0000-4000-8000-000000000000' }),
        NOW,
      ),
      'VALIDATION',
    );
    expect(m.fieldErrors).toEqual({ meetingId: 'invalid' });
  });
});
