import { beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '@/domain/auth/roles';
import { ZCreateMeeting, ZDraftReport } from '@/lib/validation/strategy';
import type { Actor } from '@/server/auth/actor';
import {
  closeMeeting,
  createMeeting,
  draftReport,
  getMeeting,
  holdMeeting,
  listMeetingsForMember,
  listMeetingsForStaff,
  listReports,
  publishReport,
  recordOpinion,
  recordResolution,
} from '@/server/committee/meetings';
import { db } from '@/server/db';
import { describeMatrix, type MatrixOperation } from './authorization-matrix';
import { actorFor, DEMO, seed } from './helpers';

// Every server function of strategy meetings and consultation reports × every role.

const ACCOUNT_FOR: Record<Role, string> = {
  RESEARCHER: DEMO.researcher,
  INSTITUTION_OFFICE: DEMO.office,
  COMMISSION_STAFF: DEMO.staff,
  EXPERT: DEMO.intlExpert,
  COMMITTEE_MEMBER: DEMO.committee,
  ENTERPRISE: DEMO.enterprise,
  SYSTEM_ADMIN: DEMO.sysadmin,
  SECURITY_ADMIN: DEMO.secadmin,
  AUDIT_ADMIN: DEMO.auditor,
};
const actors = {} as Record<Role, Actor>;
const fx = { meeting: '', report: '' };

beforeAll(async () => {
  await seed();
  for (const role of ROLES) actors[role] = await actorFor(ACCOUNT_FOR[role], role);
  fx.meeting = (
    await createMeeting(
      db(),
      actors.COMMISSION_STAFF,
      ZCreateMeeting.parse({ title: '授权测试会议', heldAt: '2026-12-20 09:00:00', location: '', agenda: '议程' }),
    )
  ).id;
  fx.report = (
    await draftReport(
      db(),
      actors.COMMISSION_STAFF,
      ZDraftReport.parse({ title: '授权测试报告', body: '正文', meetingId: '' }),
    )
  ).id;
});

const STAFF_OR_MEMBER = ['manage:committee:all', 'serve:committee:own'] as const;

const OPERATIONS: MatrixOperation[] = [
  {
    name: 'createMeeting',
    permission: 'manage:committee:all',
    run: (a) =>
      createMeeting(
        db(),
        a,
        ZCreateMeeting.parse({ title: '会', heldAt: '2026-12-21 09:00:00', location: '', agenda: '议程' }),
      ),
  },
  { name: 'listMeetingsForStaff', permission: 'manage:committee:all', run: (a) => listMeetingsForStaff(db(), a) },
  { name: 'listMeetingsForMember', permission: 'serve:committee:own', run: (a) => listMeetingsForMember(db(), a) },
  { name: 'getMeeting', permission: [...STAFF_OR_MEMBER], run: (a) => getMeeting(db(), a, fx.meeting) },
  {
    name: 'holdMeeting',
    permission: 'manage:committee:all',
    run: (a) => holdMeeting(db(), a, { meetingId: fx.meeting, version: 99, attended: [] }),
  },
  {
    name: 'closeMeeting',
    permission: 'manage:committee:all',
    run: (a) => closeMeeting(db(), a, { meetingId: fx.meeting, version: 99 }),
  },
  {
    name: 'recordOpinion',
    permission: [...STAFF_OR_MEMBER],
    run: (a) =>
      recordOpinion(db(), a, { meetingId: fx.meeting, memberUserId: actors.COMMITTEE_MEMBER.userId, body: '意见' }),
  },
  {
    name: 'recordResolution',
    permission: 'manage:committee:all',
    run: (a) =>
      recordResolution(db(), a, { meetingId: fx.meeting, text: '决议', votesFor: 0, votesAgainst: 0, votesAbstain: 0 }),
  },
  {
    name: 'draftReport',
    permission: 'manage:committee:all',
    run: (a) => draftReport(db(), a, ZDraftReport.parse({ title: '报告', body: '正文', meetingId: '' })),
  },
  {
    name: 'publishReport',
    permission: 'manage:committee:all',
    run: (a) => publishReport(db(), a, { reportId: fx.report, version: 99 }),
  },
  { name: 'listReports', permission: [...STAFF_OR_MEMBER], run: (a) => listReports(db(), a) },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true });

it('reaches the real rows for the roles the fixtures are meant for', async () => {
  await expect(getMeeting(db(), actors.COMMITTEE_MEMBER, fx.meeting)).resolves.toMatchObject({ id: fx.meeting });
  await expect(getMeeting(db(), actors.COMMISSION_STAFF, fx.meeting)).resolves.toMatchObject({ id: fx.meeting });
});
