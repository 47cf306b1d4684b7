import { beforeAll, expect, it } from 'vitest';
import { type Permission } from '@/domain/auth/permissions';
import { type Role } from '@/domain/auth/roles';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { saveDirections } from '@/server/platforms/directions';
import { decideEvaluation, openEvaluation, saveEvaluation } from '@/server/platforms/evaluations';
import {
  appointManager,
  endManager,
  savePlatformProject,
  transitionPlatformProject,
} from '@/server/platforms/managers';
import { getPlatform, getPublicPlatform, listPlatforms, listPublicPlatforms } from '@/server/platforms/platforms';
import { acceptPlatformReport, returnPlatformReport, savePlatformReport } from '@/server/platforms/reports';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { DEMO, seed } from './helpers';
import { fundedPlatform } from './platform-fixtures';

// Every server function of the platform record × every role: allowed exactly when the permission matrix says so
// (src/domain/auth/permissions.ts). A denied call fails with FORBIDDEN and writes nothing; an allowed one may still
// meet a stale version, a wrong state or a record outside its scope (STALE, CONFLICT, VALIDATION, NOT_FOUND) — the
// inputs are chosen so that no allowed call changes what the next role's call meets. createPlatformFromProject is not
// here: it takes no actor (the system calls it inside the finalising transaction of a decision).

const actors = {} as Record<Role, Actor>;
const fx = { platformId: '', managerId: '', centerProjectId: '', reportId: '', evaluationId: '', year: 0 };

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  // A 高精尖创新中心 directed by the demo researcher, hosted by the demo office's institution.
  const f = await fundedPlatform({ program: 'AIC' });
  fx.platformId = f.platformId;
  const p = await db().platform.findUniqueOrThrow({ where: { id: f.platformId } });
  fx.year = p.establishedOn.getUTCFullYear();
  const young = await db().user.findUniqueOrThrow({ where: { email: DEMO.young } });
  fx.managerId = (
    await db().projectManager.create({
      data: { platformId: f.platformId, userId: young.id, appointedOn: new Date('2027-01-01') },
    })
  ).id;
  fx.centerProjectId = (
    await db().platformProject.create({
      data: {
        platformId: f.platformId,
        projectManagerId: fx.managerId,
        title: '中心项目',
        leadName: '周敏',
        budgetFen: 1_000_000n,
        startsOn: new Date('2027-01-01'),
        endsOn: new Date('2027-12-31'),
      },
    })
  ).id;
  fx.reportId = (
    await db().platformAnnualReport.create({ data: { platformId: f.platformId, year: fx.year, status: 'SUBMITTED' } })
  ).id;
  fx.evaluationId = (
    await db().platformEvaluation.create({
      data: {
        platformId: f.platformId,
        periodFrom: new Date('2027-01-01'),
        periodTo: new Date('2029-12-31'),
        nextPeriodYears: 3,
      },
    })
  ).id;
});

type Op = MatrixOperation;

const READ: Permission[] = ['manage:platform:all', 'manage:platform:institution', 'manage:platform:own'];
const MANAGERS: Permission[] = ['manage:platform:institution', 'manage:platform:all'];
const CENTER: Permission[] = ['manage:platform:own', 'manage:platform:institution'];
const STALE = 99;

const OPERATIONS: Op[] = [
  { name: 'listPublicPlatforms', permission: 'public', run: () => listPublicPlatforms(db()) },
  { name: 'getPublicPlatform', permission: 'public', run: () => getPublicPlatform(db(), fx.platformId) },
  { name: 'listPlatforms', permission: READ, run: (a) => listPlatforms(db(), a) },
  { name: 'getPlatform', permission: READ, run: (a) => getPlatform(db(), a, fx.platformId) },
  {
    name: 'saveDirections',
    permission: READ,
    run: (a) =>
      saveDirections(db(), a, {
        platformId: fx.platformId,
        version: STALE,
        directions: [{ id: null, title: '方向', titleEn: null, leadName: null, description: null, active: true }],
      }),
  },
  {
    name: 'appointManager',
    permission: MANAGERS,
    // Staff are no researchers: a field error, after authorization.
    run: (a) =>
      appointManager(db(), a, { platformId: fx.platformId, email: DEMO.staff, appointedOn: '2027-01-01', remit: null }),
  },
  {
    name: 'endManager',
    permission: MANAGERS,
    run: (a) => endManager(db(), a, { managerId: fx.managerId, version: STALE, endedOn: '2027-06-30' }),
  },
  {
    name: 'savePlatformProject',
    permission: CENTER,
    run: (a) =>
      savePlatformProject(db(), a, {
        platformId: fx.platformId,
        id: fx.centerProjectId,
        version: STALE,
        projectManagerId: fx.managerId,
        title: '中心项目',
        leadName: '周敏',
        budgetWan: 1_000_000n,
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        summary: null,
      }),
  },
  {
    name: 'transitionPlatformProject',
    permission: CENTER,
    run: (a) => transitionPlatformProject(db(), a, { id: fx.centerProjectId, version: STALE, transition: 'complete' }),
  },
  {
    name: 'savePlatformReport',
    permission: CENTER,
    run: (a) =>
      savePlatformReport(db(), a, {
        platformId: fx.platformId,
        year: fx.year - 1,
        content: { summary: '', outputs: '', talent: '', openness: '', fundingNote: '' },
        fileId: null,
        submit: false,
      }),
  },
  {
    name: 'acceptPlatformReport',
    permission: 'manage:platform:all',
    run: (a) => acceptPlatformReport(db(), a, { reportId: fx.reportId, version: STALE }),
  },
  {
    name: 'returnPlatformReport',
    permission: 'manage:platform:all',
    run: (a) => returnPlatformReport(db(), a, { reportId: fx.reportId, version: STALE, reason: '请补充材料' }),
  },
  {
    name: 'openEvaluation',
    permission: 'manage:platform:all',
    run: (a) =>
      openEvaluation(db(), a, {
        platformId: fx.platformId,
        version: STALE,
        periodFrom: '2030-01-01',
        periodTo: '2030-12-31',
      }),
  },
  {
    name: 'saveEvaluation',
    permission: 'manage:platform:all',
    run: (a) =>
      saveEvaluation(db(), a, {
        evaluationId: fx.evaluationId,
        version: STALE,
        grade: 'GOOD',
        report: '良好',
        nextPeriodYears: 3,
      }),
  },
  {
    name: 'decideEvaluation',
    permission: 'manage:platform:all',
    run: (a) =>
      decideEvaluation(db(), a, {
        evaluationId: fx.evaluationId,
        version: STALE,
        overrideWan: null,
        overrideReason: null,
      }),
  },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });

it('reaches the real rows for the roles the fixtures are meant for', async () => {
  // Guards the test above against passing vacuously: these calls succeed outright.
  await expect(getPlatform(db(), actors.RESEARCHER, fx.platformId)).resolves.toMatchObject({ id: fx.platformId });
  await expect(getPlatform(db(), actors.INSTITUTION_OFFICE, fx.platformId)).resolves.toMatchObject({
    id: fx.platformId,
  });
  await expect(getPlatform(db(), actors.COMMISSION_STAFF, fx.platformId)).resolves.toMatchObject({
    id: fx.platformId,
  });
  await expect(getPublicPlatform(db(), fx.platformId)).resolves.toMatchObject({ id: fx.platformId });
});
