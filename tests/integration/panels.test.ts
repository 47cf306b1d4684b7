import { beforeAll, describe, expect, it } from 'vitest';
import { ZCastPanelVote, ZCreatePanelMeeting, ZSetDefenceSlot } from '@/lib/validation/panels';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { buildPanelAgenda, movePanelItem, setDefenceSlot } from '@/server/panels/agenda';
import {
  addPanelMember,
  createPanelMeeting,
  getPanelMeeting,
  listPanelCalls,
  listPanelMemberCandidates,
  removePanelMember,
} from '@/server/panels/meetings';
import { approvePanelMinutes, savePanelMinutes } from '@/server/panels/minutes';
import {
  closePanelItemVote,
  closePanelMeeting,
  openPanelItem,
  setPanelAttendance,
  skipPanelItem,
  startPanelMeeting,
} from '@/server/panels/run-meeting';
import { castPanelVote, getPanelMeetingForMember, listOwnPanelMeetings } from '@/server/panels/votes';
import { actorFor, auditActions, DEMO, expectDomainError, institutionId, seed } from './helpers';

// One panel sitting of the demo key-program call, end to end. Five members: the chair 赵永刚 (committee), Anna Schmidt,
// 王磊, 黄丽 and 刘洋 (experts). Four applications in review, written straight to the tables with their mail-review
// aggregates: A (rank 1; 王磊 has a standing conflict on it, 黄丽 a dismissed one), B (rank 2, hosted by 刘洋's
// 北京航空航天大学), D (rank 3) and C (unscored; 黄丽 is on its team). Pass rule two thirds (6667 bp).

let staff: Actor;
let chair: Actor;
let anna: Actor;
let wang: Actor;
let huang: Actor;
let liu: Actor;
let outsider: Actor;
let keyCall: { id: string; ruleVersionId: string };
let genCallId: string;
const apps = {} as Record<'A' | 'B' | 'C' | 'D', string>;
let meetingId = '';
const itemOf = {} as Record<'A' | 'B' | 'C' | 'D', string>;
const memberOf = {} as Record<'chair' | 'anna' | 'wang' | 'huang' | 'liu', string>;

const meetingInput = (callId: string) =>
  ZCreatePanelMeeting.parse({
    callId,
    title: '重点项目会议评审（第一组）',
    startsAt: '2040-05-10T09:00',
    endsAt: '2040-05-10T17:30',
    location: '市科委 3 号会议室',
  });

async function application(code: string, institution: string, rank: number | null) {
  const researcher = await db().user.findUniqueOrThrow({ where: { email: DEMO.researcher } });
  const app = await db().application.create({
    data: {
      callId: keyCall.id,
      ruleVersionId: keyCall.ruleVersionId,
      applicantId: researcher.id,
      institutionId: await institutionId(institution),
      status: 'UNDER_REVIEW',
      budgetMode: 'LINE_ITEM',
      youthTrack: false,
      currentVersionNo: 1,
      code,
      title: `申请${code}`,
    },
  });
  if (rank !== null) {
    const mean = 9 - rank;
    await db().scoreNormalisation.create({
      data: {
        applicationId: app.id,
        callId: keyCall.id,
        stage: 'MAIL',
        reviewCount: 3,
        rawMean: mean,
        weightedMean: mean,
        normalisedMean: mean,
        rank,
        percentileBp: 10_000 - rank * 1000,
        minScore: mean - 1,
        maxScore: mean + 1,
        range: 2,
        stdDev: 0.8,
        computedAt: new Date(),
      },
    });
  }
  return app.id;
}

const item = async (key: keyof typeof itemOf) => db().panelAgendaItem.findUniqueOrThrow({ where: { id: itemOf[key] } });
const meetingVersion = async () => (await db().panelMeeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
const vote = (actor: Actor, key: keyof typeof itemOf, choice: 'FOR' | 'AGAINST' | 'ABSTAIN', score?: number) =>
  castPanelVote(db(), actor, ZCastPanelVote.parse({ itemId: itemOf[key], vote: choice, score }));
const attend = (who: keyof typeof memberOf, attended: boolean) =>
  setPanelAttendance(db(), chair, { meetingId, memberId: memberOf[who], attended });

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
  chair = await actorFor(DEMO.committee);
  anna = await actorFor(DEMO.intlExpert);
  wang = await actorFor('expert2@demo.jingyan.cn');
  huang = await actorFor('expert3@demo.jingyan.cn');
  liu = await actorFor(DEMO.expert, 'EXPERT');
  outsider = await actorFor('expert4@demo.jingyan.cn');
  const key = await db().call.findFirstOrThrow({ where: { program: { code: 'KEY' } } });
  keyCall = { id: key.id, ruleVersionId: key.ruleVersionId! };
  genCallId = (await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' } } })).id;

  apps.A = await application('KEY-T-A', '北京工业大学', 1);
  apps.B = await application('KEY-T-B', '北京航空航天大学', 2);
  apps.C = await application('KEY-T-C', '北京工业大学', null);
  apps.D = await application('KEY-T-D', '北京工业大学', 3);
  await db().detectedConflict.create({
    data: { applicationId: apps.A, expertUserId: wang.userId, reason: 'CO_AUTHOR', detail: {}, detectedAt: new Date() },
  });
  await db().detectedConflict.create({
    data: {
      applicationId: apps.A,
      expertUserId: huang.userId,
      reason: 'CO_AUTHOR',
      detail: {},
      detectedAt: new Date(),
      dismissedById: staff.userId,
      dismissedAt: new Date(),
      dismissedReason: '同名不同人',
    },
  });
  await db().applicationMember.create({ data: { applicationId: apps.C, userId: huang.userId, ordinal: 2 } });
});

describe('setting up a meeting', () => {
  it('lists the calls with a panel stage and refuses a meeting for a call without one', async () => {
    const calls = await listPanelCalls(db(), staff);
    expect(calls.map((c) => c.id)).toContain(keyCall.id);
    expect(calls.map((c) => c.id)).not.toContain(genCallId);
    expect(calls.find((c) => c.id === keyCall.id)).toMatchObject({ passRuleBp: 6667, underReview: 4 });

    const e = await expectDomainError(createPanelMeeting(db(), staff, meetingInput(genCallId)), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ callId: 'panelStageMissing' });
    expect(await db().panelMeeting.count()).toBe(0);
  });

  it('names the field of a bad meeting input', () => {
    const bad = ZCreatePanelMeeting.safeParse({
      callId: keyCall.id,
      title: '会议',
      startsAt: '2040-05-10T09:00',
      endsAt: '2040-05-10T08:00',
      location: '',
      onlineUrl: 'zoom',
    });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({ endsAt: 'panelEndsBeforeStart', onlineUrl: 'panelOnlineUrl' });
  });

  it('creates the meeting with the pass rule of the call, audited', async () => {
    ({ id: meetingId } = await createPanelMeeting(db(), staff, meetingInput(keyCall.id)));
    const row = await db().panelMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(row).toMatchObject({ passRuleBp: 6667, status: 'PLANNED', createdById: staff.userId });
    expect(row.startsAt.toISOString()).toBe('2040-05-10T01:00:00.000Z');
    expect(await auditActions(meetingId)).toEqual(['panel.create']);
  });

  it('seats experts and committee members, one chair, and refuses anyone else', async () => {
    const candidates = await listPanelMemberCandidates(db(), staff, meetingId);
    expect(candidates.map((c) => c.userId)).toEqual(expect.arrayContaining([chair.userId, anna.userId, liu.userId]));
    expect(candidates.map((c) => c.userId)).not.toContain(staff.userId);

    memberOf.chair = (await addPanelMember(db(), staff, { meetingId, userId: chair.userId, role: 'CHAIR' })).id;
    const second = await expectDomainError(
      addPanelMember(db(), staff, { meetingId, userId: anna.userId, role: 'CHAIR' }),
      'VALIDATION',
    );
    expect(second.fieldErrors).toEqual({ role: 'panelChairExists' });
    const researcher = await db().user.findUniqueOrThrow({ where: { email: DEMO.young } });
    const notExpert = await expectDomainError(
      addPanelMember(db(), staff, { meetingId, userId: researcher.id, role: 'MEMBER' }),
      'VALIDATION',
    );
    expect(notExpert.fieldErrors).toEqual({ userId: 'panelMemberRole' });
    memberOf.anna = (await addPanelMember(db(), staff, { meetingId, userId: anna.userId, role: 'MEMBER' })).id;
    memberOf.wang = (await addPanelMember(db(), staff, { meetingId, userId: wang.userId, role: 'MEMBER' })).id;
    memberOf.huang = (await addPanelMember(db(), staff, { meetingId, userId: huang.userId, role: 'MEMBER' })).id;
    const twice = await expectDomainError(
      addPanelMember(db(), staff, { meetingId, userId: anna.userId, role: 'MEMBER' }),
      'VALIDATION',
    );
    expect(twice.fieldErrors).toEqual({ userId: 'panelMemberExists' });
    expect(await db().panelMember.count({ where: { meetingId } })).toBe(4);
    expect(await auditActions(memberOf.chair)).toEqual(['panel_member.add']);
  });

  it('builds the agenda by review rank, unscored last, moves each application to PANEL and excludes conflicts', async () => {
    expect(await buildPanelAgenda(db(), staff, { meetingId })).toEqual({ added: 4 });
    const items = await db().panelAgendaItem.findMany({ where: { meetingId }, orderBy: { ordinal: 'asc' } });
    const byApp = Object.fromEntries(Object.entries(apps).map(([k, v]) => [v, k]));
    expect(items.map((i) => byApp[i.applicationId])).toEqual(['A', 'B', 'D', 'C']);
    for (const i of items) itemOf[byApp[i.applicationId] as keyof typeof itemOf] = i.id;
    expect(items.map((i) => i.reviewRank)).toEqual([1, 2, 3, null]);
    expect(Number(items[0]!.reviewScore)).toBe(8);
    // 王磊's conflict on A stands; 黄丽's was dismissed. 黄丽 is on C's team.
    expect((await item('A')).excludedUserIds).toEqual([wang.userId]);
    expect((await item('B')).excludedUserIds).toEqual([]);
    expect((await item('C')).excludedUserIds).toEqual([huang.userId]);
    const statuses = await db().application.findMany({ where: { id: { in: Object.values(apps) } } });
    expect(statuses.every((a) => a.status === 'PANEL')).toBe(true);
    expect(await auditActions(apps.A)).toEqual(['application.to_panel']);
    expect(await auditActions(meetingId)).toContain('panel.build_agenda');
  });

  it('excludes a member added later from the items at their institution', async () => {
    memberOf.liu = (await addPanelMember(db(), staff, { meetingId, userId: liu.userId, role: 'MEMBER' })).id;
    expect((await item('B')).excludedUserIds).toEqual([liu.userId]);
    expect((await item('A')).excludedUserIds).toEqual([wang.userId]);
  });

  it('refuses to build again with nothing left in review, changing nothing', async () => {
    const before = await db().panelAgendaItem.count();
    const audits = (await auditActions()).length;
    const e = await expectDomainError(buildPanelAgenda(db(), staff, { meetingId }), 'CONFLICT');
    expect(e.messageKey).toBe('panelNothingToAdd');
    expect(await db().panelAgendaItem.count()).toBe(before);
    expect((await auditActions()).length).toBe(audits);
  });

  it('sets a defence slot, and refuses a stale version', async () => {
    const a = await item('A');
    const input = ZSetDefenceSlot.parse({ itemId: a.id, version: a.version, defenceAt: '2040-05-10T09:30' });
    await setDefenceSlot(db(), staff, input);
    expect((await item('A')).defenceAt?.toISOString()).toBe('2040-05-10T01:30:00.000Z');
    await expectDomainError(setDefenceSlot(db(), staff, input), 'STALE');
    expect(await auditActions(a.id)).toEqual(['panel_item.set_defence']);
    expect(
      ZSetDefenceSlot.safeParse({ itemId: a.id, version: 1, defenceAt: '2040-13-01T09:00' }).error?.issues[0],
    ).toMatchObject({ path: ['defenceAt'], message: 'dateTime' });
  });

  it('reorders pending items by swapping neighbours', async () => {
    await movePanelItem(db(), staff, { itemId: itemOf.C, direction: 'UP' });
    expect((await item('C')).ordinal).toBe(3);
    expect((await item('D')).ordinal).toBe(4);
    await movePanelItem(db(), staff, { itemId: itemOf.C, direction: 'DOWN' });
    expect((await item('D')).ordinal).toBe(3);
    await expectDomainError(movePanelItem(db(), staff, { itemId: itemOf.A, direction: 'UP' }), 'CONFLICT');
  });
});

describe('scoping', () => {
  it('hides the meeting from a member of another meeting', async () => {
    const other = await createPanelMeeting(db(), staff, meetingInput(keyCall.id));
    await addPanelMember(db(), staff, { meetingId: other.id, userId: outsider.userId, role: 'CHAIR' });
    expect((await listOwnPanelMeetings(db(), outsider)).map((m) => m.id)).toEqual([other.id]);
    await expectDomainError(getPanelMeetingForMember(db(), outsider, meetingId), 'NOT_FOUND');
    await expectDomainError(getPanelMeeting(db(), outsider, meetingId), 'NOT_FOUND');
    await expectDomainError(startPanelMeeting(db(), outsider, { meetingId, version: 1 }), 'NOT_FOUND');
    await expectDomainError(vote(outsider, 'A', 'FOR'), 'NOT_FOUND');
    await expectDomainError(
      savePanelMinutes(db(), outsider, { meetingId, version: 0, body: '越权的纪要' }),
      'NOT_FOUND',
    );
  });

  it('lets only the chair among the members run the meeting', async () => {
    const e = await expectDomainError(getPanelMeeting(db(), anna, meetingId), 'FORBIDDEN');
    expect(e.messageKey).toBe('panelChairOnly');
    await expectDomainError(startPanelMeeting(db(), anna, { meetingId, version: 1 }), 'FORBIDDEN');
    await expectDomainError(openPanelItem(db(), anna, { itemId: itemOf.A, version: 1 }), 'FORBIDDEN');
    expect((await getPanelMeeting(db(), chair, meetingId)).viewerIsChair).toBe(true);
  });
});

describe('running the meeting', () => {
  it('refuses a vote before the item is open', async () => {
    const e = await expectDomainError(vote(anna, 'A', 'FOR'), 'CONFLICT');
    expect(e.messageKey).toBe('panelItemNotOpen');
    expect(await db().panelVote.count()).toBe(0);
  });

  it('starts the meeting (the chair), after which the set-up is fixed', async () => {
    await startPanelMeeting(db(), chair, { meetingId, version: await meetingVersion() });
    expect((await db().panelMeeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('IN_SESSION');
    await expectDomainError(removePanelMember(db(), staff, { meetingId, memberId: memberOf.anna }), 'CONFLICT');
    await expectDomainError(buildPanelAgenda(db(), staff, { meetingId }), 'CONFLICT');
    expect(await auditActions(meetingId)).toContain('panel.start');
  });

  it('records attendance', async () => {
    for (const who of ['chair', 'anna', 'wang', 'huang'] as const) await attend(who, true);
    const rows = await db().panelMember.findMany({ where: { meetingId }, orderBy: { createdAt: 'asc' } });
    expect(
      rows
        .filter((r) => r.attended)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([chair.userId, anna.userId, wang.userId, huang.userId].sort());
    expect(await auditActions(memberOf.anna)).toEqual(['panel_member.add', 'panel_member.attendance']);
  });

  it('opens one item at a time', async () => {
    await openPanelItem(db(), chair, { itemId: itemOf.A, version: (await item('A')).version });
    const e = await expectDomainError(
      openPanelItem(db(), chair, { itemId: itemOf.B, version: (await item('B')).version }),
      'CONFLICT',
    );
    expect(e.messageKey).toBe('panelItemInProgress');
    expect((await item('B')).status).toBe('PENDING');
  });

  it('takes votes only from present, non-excluded members, once each', async () => {
    const excluded = await expectDomainError(vote(wang, 'A', 'FOR'), 'CONFLICT');
    expect(excluded.messageKey).toBe('panelExcluded');
    const absent = await expectDomainError(vote(liu, 'A', 'FOR'), 'CONFLICT');
    expect(absent.messageKey).toBe('panelNotPresent');

    const cast = await vote(anna, 'A', 'FOR', 88.5);
    expect(await auditActions(cast.id)).toEqual(['panel_vote.cast']);
    const again = await expectDomainError(vote(anna, 'A', 'AGAINST'), 'CONFLICT');
    expect(again.messageKey).toBe('panelAlreadyVoted');
    // A double click: two submits at once keep one vote and answer the other plainly.
    const both = await Promise.allSettled([vote(huang, 'A', 'FOR'), vote(huang, 'A', 'FOR')]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'CONFLICT', messageKey: 'panelAlreadyVoted' },
    });
    await vote(chair, 'A', 'AGAINST');
    expect(await db().panelVote.count({ where: { agendaItemId: itemOf.A } })).toBe(3);
  });

  it('shows a member their own vote only, and 回避 to the excluded member', async () => {
    const annaView = await getPanelMeetingForMember(db(), anna, meetingId);
    const a = annaView.items.find((i) => i.id === itemOf.A)!;
    expect(a.myVote).toMatchObject({ vote: 'FOR', score: 88.5 });
    expect(JSON.stringify(annaView)).not.toContain('AGAINST');
    expect(a.canVote).toBe(false);
    const wangView = await getPanelMeetingForMember(db(), wang, meetingId);
    expect(wangView.items.find((i) => i.id === itemOf.A)).toMatchObject({ excluded: true, canVote: false });
    expect(wangView.items.find((i) => i.id === itemOf.B)).toMatchObject({ excluded: false, canVote: false });
  });

  it("shows the chair live progress without anyone's choice", async () => {
    const board = await getPanelMeeting(db(), chair, meetingId);
    const a = board.items.find((i) => i.id === itemOf.A)!;
    expect(a.live).toEqual({ votesCast: 3, presentEntitled: 3, entitled: 4, needed: 2 });
    expect(a.excluded).toEqual([{ userId: wang.userId, name: '王磊' }]);
    expect(a.tally).toBeNull();
  });

  it('never marks absent a member whose vote on the open item counts', async () => {
    const e = await expectDomainError(attend('anna', false), 'CONFLICT');
    expect(e.messageKey).toBe('panelAlreadyVoted');
    expect((await db().panelMember.findUniqueOrThrow({ where: { id: memberOf.anna } })).attended).toBe(true);
  });

  it('closes the vote: 2 of 3 present reaches two thirds → PASSED', async () => {
    const r = await closePanelItemVote(db(), chair, { itemId: itemOf.A, version: (await item('A')).version });
    expect(r.result).toBe('PASSED');
    const a = await item('A');
    expect(a).toMatchObject({ status: 'VOTED', result: 'PASSED' });
    expect(a.tally).toEqual({ entitled: 4, present: 3, for: 2, against: 1, abstain: 0, notVoted: 0, needed: 2 });
    expect(a.votedAt).toBeInstanceOf(Date);
    expect(await auditActions(a.id)).toEqual(['panel_item.set_defence', 'panel_item.open', 'panel_item.close']);
    const late = await expectDomainError(vote(liu, 'A', 'FOR'), 'CONFLICT');
    expect(late.messageKey).toBe('panelItemNotOpen');
  });

  it('2 of 4 present with an abstention stays below two thirds → FAILED', async () => {
    await openPanelItem(db(), staff, { itemId: itemOf.B, version: (await item('B')).version });
    const excluded = await expectDomainError(vote(liu, 'B', 'FOR'), 'CONFLICT');
    expect(excluded.messageKey).toBe('panelExcluded');
    await vote(chair, 'B', 'FOR');
    await vote(anna, 'B', 'FOR');
    await vote(wang, 'B', 'AGAINST');
    await vote(huang, 'B', 'ABSTAIN');
    await closePanelItemVote(db(), staff, { itemId: itemOf.B, version: (await item('B')).version });
    const b = await item('B');
    expect(b).toMatchObject({ status: 'VOTED', result: 'FAILED' });
    expect(b.tally).toMatchObject({ present: 4, for: 2, abstain: 1, needed: 3 });
  });

  it('refuses to close a vote without quorum and keeps the item open; then it can be skipped', async () => {
    for (const who of ['anna', 'wang', 'huang'] as const) await attend(who, false);
    await openPanelItem(db(), chair, { itemId: itemOf.D, version: (await item('D')).version });
    await vote(chair, 'D', 'FOR');
    const before = await item('D');
    const e = await expectDomainError(
      closePanelItemVote(db(), chair, { itemId: itemOf.D, version: before.version }),
      'CONFLICT',
    );
    expect(e.messageKey).toBe('panelNoQuorum');
    expect(e.params).toEqual({ present: 1, entitled: 5 });
    expect(await item('D')).toEqual(before);
    expect(await auditActions(itemOf.D)).toEqual(['panel_item.open']);

    const closing = await expectDomainError(
      closePanelMeeting(db(), chair, { meetingId, version: await meetingVersion() }),
      'CONFLICT',
    );
    expect(closing.messageKey).toBe('panelItemsOpen');
    await skipPanelItem(db(), chair, { itemId: itemOf.D, version: before.version });
    expect(await item('D')).toMatchObject({ status: 'SKIPPED', result: null });
    expect(await auditActions(itemOf.D)).toEqual(['panel_item.open', 'panel_item.skip']);
  });

  it('votes the last item and closes the meeting', async () => {
    for (const who of ['anna', 'wang'] as const) await attend(who, true);
    await openPanelItem(db(), chair, { itemId: itemOf.C, version: (await item('C')).version });
    expect((await expectDomainError(vote(huang, 'C', 'FOR'), 'CONFLICT')).messageKey).toBe('panelExcluded');
    for (const who of [chair, anna, wang]) await vote(who, 'C', 'FOR');
    await closePanelItemVote(db(), chair, { itemId: itemOf.C, version: (await item('C')).version });
    expect(await item('C')).toMatchObject({ status: 'VOTED', result: 'PASSED' });

    const board = await getPanelMeeting(db(), staff, meetingId);
    expect(board.progress).toEqual({ total: 4, voted: 3, skipped: 1, passed: 2 });
    expect(board.viewerIsChair).toBe(false);
  });
});

describe('minutes', () => {
  it('are written while in session and approved only after the meeting closes', async () => {
    const early = await expectDomainError(approvePanelMinutes(db(), chair, { meetingId, version: 1 }), 'CONFLICT');
    expect(early.messageKey).toBe('panelMinutesBeforeClose');
    const saved = await savePanelMinutes(db(), chair, { meetingId, version: 0, body: '会议审议了四项申请。' });
    expect(saved.version).toBe(1);
    await expectDomainError(savePanelMinutes(db(), staff, { meetingId, version: 0, body: '并发写入' }), 'STALE');
    const edited = await savePanelMinutes(db(), staff, {
      meetingId,
      version: 1,
      body: '会议审议了四项申请，通过两项。',
    });
    expect(edited.version).toBe(2);

    await closePanelMeeting(db(), chair, { meetingId, version: await meetingVersion() });
    expect((await db().panelMeeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('CLOSED');
    await expectDomainError(approvePanelMinutes(db(), staff, { meetingId, version: 1 }), 'STALE');
    await approvePanelMinutes(db(), staff, { meetingId, version: 2 });
    const minutes = await db().panelMinutes.findUniqueOrThrow({ where: { meetingId } });
    expect(minutes).toMatchObject({ approvedById: staff.userId, body: '会议审议了四项申请，通过两项。' });
    const after = await expectDomainError(
      savePanelMinutes(db(), chair, { meetingId, version: minutes.version, body: '改动' }),
      'CONFLICT',
    );
    expect(after.messageKey).toBe('panelMinutesApproved');
    expect(await auditActions(minutes.id)).toEqual([
      'panel_minutes.save',
      'panel_minutes.save',
      'panel_minutes.approve',
    ]);
    expect(await auditActions(meetingId)).toEqual(['panel.create', 'panel.build_agenda', 'panel.start', 'panel.close']);
  });
});
