import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '@/domain/auth/roles';
import { ZCreateMeeting, ZDraftReport, ZRecordOpinion, ZUpdateAgenda, ZUpdateReport } from '@/lib/validation/strategy';
import type { Actor } from '@/server/auth/actor';
import {
  addMaterial,
  closeMeeting,
  committeeFileReadable,
  createMeeting,
  getMeeting,
  holdMeeting,
  listMeetingsForMember,
  listMeetingsForStaff,
  meetingChoices,
  recordOpinion,
  recordResolution,
  removeMaterial,
  setInvitees,
  updateAgenda,
} from '@/server/committee/meetings';
import { draftReport, getReport, listReports, publishReport, updateReport } from '@/server/committee/reports';
import { db } from '@/server/db';
import { uploadFile } from '@/server/files/files';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { seed } from './helpers';

// Every server function of strategy meetings and consultation reports × every role; and who may download a meeting's
// material or a report's file.

const actors = {} as Record<Role, Actor>;
const fx = { meeting: '', report: '', material: '', file: '', reportFile: '' };
const MISSING = '00000000-0000-4000-8000-000000000000';
const PDF = readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf'));

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  const staff = actors.COMMISSION_STAFF;
  fx.meeting = (
    await createMeeting(
      db(),
      staff,
      ZCreateMeeting.parse({
        title: '授权测试会议',
        heldAt: '2026-12-20 09:00:00',
        location: '',
        agenda: [{ title: '议程', topicIds: [] }],
      }),
    )
  ).id;
  fx.file = (await uploadFile(db(), staff, { name: '材料.pdf', bytes: PDF, purpose: 'MEETING_MATERIAL' })).id;
  fx.material = (await addMaterial(db(), staff, { meetingId: fx.meeting, title: '材料', fileId: fx.file })).id;
  fx.reportFile = (await uploadFile(db(), staff, { name: '报告.pdf', bytes: PDF, purpose: 'CONSULTATION_REPORT' })).id;
  fx.report = (
    await draftReport(
      db(),
      staff,
      ZDraftReport.parse({ title: '授权测试报告', body: '正文', meetingId: '', fileId: fx.reportFile }),
    )
  ).id;
});

const STAFF_OR_MEMBER = ['manage:committee:all', 'serve:committee:own'] as const;

const OPERATIONS: MatrixOperation[] = [
  {
    name: 'createMeeting',
    permission: 'manage:committee:all',
    // A topic id that is not the term's: allowed roles are refused on the field, nothing is created.
    run: (a) =>
      createMeeting(
        db(),
        a,
        ZCreateMeeting.parse({
          title: '会',
          heldAt: '2026-12-21 09:00:00',
          location: '',
          agenda: [{ title: '议程', topicIds: [MISSING] }],
        }),
      ),
  },
  { name: 'listMeetingsForStaff', permission: 'manage:committee:all', run: (a) => listMeetingsForStaff(db(), a) },
  { name: 'meetingChoices', permission: 'manage:committee:all', run: (a) => meetingChoices(db(), a, fx.meeting) },
  { name: 'listMeetingsForMember', permission: 'serve:committee:own', run: (a) => listMeetingsForMember(db(), a) },
  { name: 'getMeeting', permission: [...STAFF_OR_MEMBER], run: (a) => getMeeting(db(), a, fx.meeting) },
  {
    name: 'updateAgenda',
    permission: 'manage:committee:all',
    run: (a) =>
      updateAgenda(
        db(),
        a,
        ZUpdateAgenda.parse({ meetingId: fx.meeting, version: 99, agenda: [{ title: '议程', topicIds: [] }] }),
      ),
  },
  {
    name: 'setInvitees',
    permission: 'manage:committee:all',
    run: (a) => setInvitees(db(), a, { meetingId: fx.meeting, version: 99, userIds: [] }),
  },
  {
    name: 'addMaterial',
    permission: 'manage:committee:all',
    run: (a) => addMaterial(db(), a, { meetingId: fx.meeting, title: '材料', fileId: fx.file }),
  },
  {
    name: 'removeMaterial',
    permission: 'manage:committee:all',
    run: (a) => removeMaterial(db(), a, { materialId: MISSING }),
  },
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
      recordOpinion(
        db(),
        a,
        ZRecordOpinion.parse({ meetingId: fx.meeting, memberUserId: actors.COMMITTEE_MEMBER.userId, body: '意见' }),
      ),
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
    // A meeting that does not exist: refused on the field, nothing is created.
    run: (a) => draftReport(db(), a, ZDraftReport.parse({ title: '报告', body: '正文', meetingId: MISSING })),
  },
  {
    name: 'updateReport',
    permission: 'manage:committee:all',
    run: (a) =>
      updateReport(db(), a, ZUpdateReport.parse({ reportId: fx.report, version: 99, title: '报告', body: '正文' })),
  },
  {
    name: 'publishReport',
    permission: 'manage:committee:all',
    run: (a) => publishReport(db(), a, { reportId: fx.report, version: 99 }),
  },
  { name: 'listReports', permission: [...STAFF_OR_MEMBER], run: (a) => listReports(db(), a) },
  { name: 'getReport', permission: [...STAFF_OR_MEMBER], run: (a) => getReport(db(), a, fx.report) },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });

it('reaches the real rows for the roles the fixtures are meant for', async () => {
  await expect(getMeeting(db(), actors.COMMITTEE_MEMBER, fx.meeting)).resolves.toMatchObject({ id: fx.meeting });
  await expect(getMeeting(db(), actors.COMMISSION_STAFF, fx.meeting)).resolves.toMatchObject({ id: fx.meeting });
  await expect(getReport(db(), actors.COMMISSION_STAFF, fx.report)).resolves.toMatchObject({ status: 'DRAFT' });
});

it('lets staff and the invited members download a material, staff alone a draft report’s file', async () => {
  const readers = async (fileId: string) => {
    const out: Role[] = [];
    for (const role of ROLES) if (await committeeFileReadable(db(), actors[role], fileId)) out.push(role);
    return out;
  };
  expect(await readers(fx.file)).toEqual(['COMMISSION_STAFF', 'COMMITTEE_MEMBER']);
  expect(await readers(fx.reportFile)).toEqual(['COMMISSION_STAFF']);
  expect(await readers(MISSING)).toEqual([]);
});
