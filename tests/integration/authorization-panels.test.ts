import { beforeAll, describe, expect, it } from 'vitest';
import { type Permission } from '@/domain/auth/permissions';
import { type Role } from '@/domain/auth/roles';
import { DomainError } from '@/lib/errors';
import { ZCastPanelVote, ZCreatePanelMeeting } from '@/lib/validation/panels';
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
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { seed } from './helpers';

// Every panel module function × every role: allowed exactly when the permission matrix says so, denied with
// FORBIDDEN before any data is touched. Running a meeting is open to staff (manage:panel:all) and to the meeting's
// chair (vote:panel:own): the expert and committee actors are seated as chair of the fixture meetings, so that for
// them the answer depends on the permission alone.

const RUN: Permission[] = ['manage:panel:all', 'vote:panel:own'];

const actors = {} as Record<Role, Actor>;
const fixtures = { callId: '', ruleVersionId: '', applicantId: '', institutionId: '', otherChairId: '' };
let n = 0;

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  const call = await db().call.findFirstOrThrow({ where: { program: { code: 'KEY' } } });
  fixtures.callId = call.id;
  fixtures.ruleVersionId = call.ruleVersionId!;
  fixtures.applicantId = actors.RESEARCHER.userId;
  fixtures.institutionId = actors.INSTITUTION_OFFICE.institutionId!;
  fixtures.otherChairId = (await db().user.findUniqueOrThrow({ where: { email: 'expert2@demo.jingyan.cn' } })).id;
});

const isVoter = (a: Actor) => a.role === 'EXPERT' || a.role === 'COMMITTEE_MEMBER';

/**
 * A meeting written straight to the tables, chaired by the actor when they can sit on a panel (else by 王磊), present,
 * with one agenda item in `itemStatus`: these tests are about who may call a function (panels.test.ts walks the flow).
 */
async function meetingRow(
  a: Actor,
  status: 'PLANNED' | 'IN_SESSION' | 'CLOSED',
  itemStatus: 'PENDING' | 'IN_PROGRESS' = 'PENDING',
) {
  const meeting = await db().panelMeeting.create({
    data: {
      callId: fixtures.callId,
      title: `会议${++n}`,
      startsAt: new Date('2040-05-10T01:00:00Z'),
      endsAt: new Date('2040-05-10T09:00:00Z'),
      location: '会议室',
      passRuleBp: 6667,
      status,
      createdById: actors.COMMISSION_STAFF.userId,
      members: { create: { userId: isVoter(a) ? a.userId : fixtures.otherChairId, role: 'CHAIR', attended: true } },
    },
    include: { members: true },
  });
  const app = await db().application.create({
    data: {
      callId: fixtures.callId,
      ruleVersionId: fixtures.ruleVersionId,
      applicantId: fixtures.applicantId,
      institutionId: fixtures.institutionId,
      status: 'PANEL',
      budgetMode: 'LINE_ITEM',
      youthTrack: false,
      currentVersionNo: 1,
    },
  });
  const item = await db().panelAgendaItem.create({
    data: { meetingId: meeting.id, applicationId: app.id, ordinal: 1, status: itemStatus },
  });
  return { meeting, member: meeting.members[0]!, item };
}

/** The module refused on the record's state or found nothing: authorization let the call through. */
const reached = (p: Promise<unknown>) =>
  p.catch((e: unknown) => {
    if (e instanceof DomainError && ['NOT_FOUND', 'VALIDATION', 'CONFLICT', 'STALE'].includes(e.code)) return 'reached';
    throw e;
  });

const createInput = () =>
  ZCreatePanelMeeting.parse({
    callId: fixtures.callId,
    title: `会议${++n}`,
    startsAt: '2040-05-10T09:00',
    endsAt: '2040-05-10T17:00',
    onlineUrl: 'https://meeting.example.cn/123',
  });

type Op = MatrixOperation;

const OPERATIONS: Op[] = [
  { name: 'listPanelCalls', permission: 'manage:panel:all', run: (a) => listPanelCalls(db(), a) },
  {
    name: 'createPanelMeeting',
    permission: 'manage:panel:all',
    run: (a) => createPanelMeeting(db(), a, createInput()),
  },
  {
    name: 'listPanelMemberCandidates',
    permission: 'manage:panel:all',
    run: async (a) => listPanelMemberCandidates(db(), a, (await meetingRow(a, 'PLANNED')).meeting.id),
  },
  {
    name: 'addPanelMember',
    permission: 'manage:panel:all',
    run: async (a) => {
      const { meeting } = await meetingRow(a, 'PLANNED');
      const expert = await db().user.findUniqueOrThrow({ where: { email: 'expert3@demo.jingyan.cn' } });
      return addPanelMember(db(), a, { meetingId: meeting.id, userId: expert.id, role: 'MEMBER' });
    },
  },
  {
    name: 'removePanelMember',
    permission: 'manage:panel:all',
    run: async (a) => {
      const { meeting, member } = await meetingRow(a, 'PLANNED');
      return removePanelMember(db(), a, { meetingId: meeting.id, memberId: member.id });
    },
  },
  {
    name: 'getPanelMeeting',
    permission: RUN,
    run: async (a) => getPanelMeeting(db(), a, (await meetingRow(a, 'IN_SESSION')).meeting.id),
  },
  {
    name: 'buildPanelAgenda',
    permission: 'manage:panel:all',
    run: async (a) => reached(buildPanelAgenda(db(), a, { meetingId: (await meetingRow(a, 'PLANNED')).meeting.id })),
  },
  {
    name: 'setDefenceSlot',
    permission: 'manage:panel:all',
    run: async (a) => {
      const { item } = await meetingRow(a, 'PLANNED');
      return setDefenceSlot(db(), a, { itemId: item.id, version: item.version, defenceAt: new Date() });
    },
  },
  {
    name: 'movePanelItem',
    permission: 'manage:panel:all',
    run: async (a) =>
      reached(movePanelItem(db(), a, { itemId: (await meetingRow(a, 'PLANNED')).item.id, direction: 'UP' })),
  },
  {
    name: 'startPanelMeeting',
    permission: RUN,
    run: async (a) => {
      const { meeting } = await meetingRow(a, 'PLANNED');
      return startPanelMeeting(db(), a, { meetingId: meeting.id, version: meeting.version });
    },
  },
  {
    name: 'setPanelAttendance',
    permission: RUN,
    run: async (a) => {
      const { meeting, member } = await meetingRow(a, 'IN_SESSION');
      return setPanelAttendance(db(), a, { meetingId: meeting.id, memberId: member.id, attended: false });
    },
  },
  {
    name: 'openPanelItem',
    permission: RUN,
    run: async (a) => {
      const { item } = await meetingRow(a, 'IN_SESSION');
      return openPanelItem(db(), a, { itemId: item.id, version: item.version });
    },
  },
  {
    name: 'closePanelItemVote',
    permission: RUN,
    run: async (a) => {
      const { item } = await meetingRow(a, 'IN_SESSION', 'IN_PROGRESS');
      return closePanelItemVote(db(), a, { itemId: item.id, version: item.version });
    },
  },
  {
    name: 'skipPanelItem',
    permission: RUN,
    run: async (a) => {
      const { item } = await meetingRow(a, 'IN_SESSION');
      return skipPanelItem(db(), a, { itemId: item.id, version: item.version });
    },
  },
  {
    name: 'closePanelMeeting',
    permission: RUN,
    run: async (a) => {
      const { meeting } = await meetingRow(a, 'IN_SESSION');
      return reached(closePanelMeeting(db(), a, { meetingId: meeting.id, version: meeting.version }));
    },
  },
  {
    name: 'savePanelMinutes',
    permission: RUN,
    run: async (a) => {
      const { meeting } = await meetingRow(a, 'IN_SESSION');
      return savePanelMinutes(db(), a, { meetingId: meeting.id, version: 0, body: '纪要' });
    },
  },
  {
    name: 'approvePanelMinutes',
    permission: RUN,
    run: async (a) => {
      const { meeting } = await meetingRow(a, 'CLOSED');
      await db().panelMinutes.create({ data: { meetingId: meeting.id, body: '纪要' } });
      return approvePanelMinutes(db(), a, { meetingId: meeting.id, version: 1 });
    },
  },
  { name: 'listOwnPanelMeetings', permission: 'vote:panel:own', run: (a) => listOwnPanelMeetings(db(), a) },
  {
    name: 'getPanelMeetingForMember',
    permission: 'vote:panel:own',
    run: async (a) => getPanelMeetingForMember(db(), a, (await meetingRow(a, 'IN_SESSION')).meeting.id),
  },
  {
    name: 'castPanelVote',
    permission: 'vote:panel:own',
    run: async (a) => {
      const { item } = await meetingRow(a, 'IN_SESSION', 'IN_PROGRESS');
      return castPanelVote(db(), a, ZCastPanelVote.parse({ itemId: item.id, vote: 'FOR' }));
    },
  },
];

describeMatrix(OPERATIONS, actors);

describe('denied before touching data', () => {
  it('writes nothing for a role without the permission', async () => {
    const researcher = actors.RESEARCHER;
    const { meeting, item } = await meetingRow(actors.EXPERT, 'IN_SESSION', 'IN_PROGRESS');
    const counts = async () => [
      await db().panelMeeting.count(),
      await db().panelVote.count(),
      await db().auditEvent.count(),
      (await db().panelAgendaItem.findUniqueOrThrow({ where: { id: item.id } })).version,
    ];
    const before = await counts();
    const attempts = [
      createPanelMeeting(db(), researcher, createInput()),
      castPanelVote(db(), researcher, ZCastPanelVote.parse({ itemId: item.id, vote: 'FOR' })),
      closePanelItemVote(db(), researcher, { itemId: item.id, version: item.version }),
      closePanelMeeting(db(), actors.SYSTEM_ADMIN, { meetingId: meeting.id, version: meeting.version }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
  });

  it('keeps a member who does not chair away from the run, without hiding the meeting from them', async () => {
    const { meeting } = await meetingRow(actors.COMMISSION_STAFF, 'PLANNED');
    await db().panelMember.create({ data: { meetingId: meeting.id, userId: actors.EXPERT.userId } });
    await expect(
      startPanelMeeting(db(), actors.EXPERT, { meetingId: meeting.id, version: meeting.version }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'panelChairOnly' });
    await expect(getPanelMeetingForMember(db(), actors.EXPERT, meeting.id)).resolves.toMatchObject({ id: meeting.id });
    expect((await db().panelMeeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('PLANNED');
  });
});
