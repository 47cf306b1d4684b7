import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import { type Role } from '@/domain/auth/roles';
import { ZPlatformDraft } from '@/lib/validation/platforms';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  addPlatformMember,
  attachPlatformFile,
  detachPlatformFile,
  getPlatformApplication,
  listPlatformApplications,
  listPlatformCalls,
  removePlatformMember,
  savePlatformDraft,
  startPlatformApplication,
  submitPlatformApplication,
  withdrawPlatformApplication,
} from '@/server/platforms/application';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { DEMO, seed } from './helpers';

// Every server function of the platform application (平台申报) × every role: allowed exactly when the permission
// matrix says so ('apply:platform:institution', the institution office). A denied call fails with FORBIDDEN before it
// reads or writes anything; an allowed call may still meet a refusal of the module (incomplete draft, wrong state),
// which means authorization let it through. Scoping to the office's institution is tested in
// platform-application.test.ts.

const actors = {} as Record<Role, Actor>;
/** An open platform call, a draft to edit and submit (it stays incomplete), and a draft to withdraw. */
const fx = { callId: '', draftId: '', withdrawId: '' };

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  fx.callId = (await db().call.findFirstOrThrow({ where: { program: { code: 'LAB-B' }, status: 'OPEN' } })).id;
  const office = actors.INSTITUTION_OFFICE;
  fx.draftId = (await startPlatformApplication(db(), office, { callId: fx.callId, directorEmail: DEMO.researcher })).id;
  fx.withdrawId = (await startPlatformApplication(db(), office, { callId: fx.callId, directorEmail: DEMO.young })).id;
});

const version = async (id: string) =>
  (await db().application.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const P = 'apply:platform:institution' as const;

const OPERATIONS: MatrixOperation[] = [
  { name: 'listPlatformCalls', permission: P, run: (a) => listPlatformCalls(db(), a) },
  { name: 'listPlatformApplications', permission: P, run: (a) => listPlatformApplications(db(), a) },
  {
    name: 'startPlatformApplication',
    permission: P,
    run: (a) => startPlatformApplication(db(), a, { callId: fx.callId, directorEmail: DEMO.researcher }),
  },
  { name: 'getPlatformApplication', permission: P, run: (a) => getPlatformApplication(db(), a, fx.draftId) },
  {
    name: 'savePlatformDraft',
    permission: P,
    run: async (a) =>
      savePlatformDraft(
        db(),
        a,
        ZPlatformDraft.parse({
          id: fx.draftId,
          version: await version(fx.draftId),
          title: '北京智能感知实验室',
          directorEmail: DEMO.researcher,
          content: { directions: [] },
          partners: [],
          yearBudget: [],
        }),
      ),
  },
  {
    name: 'addPlatformMember',
    permission: P,
    run: (a) =>
      addPlatformMember(db(), a, {
        applicationId: fx.draftId,
        email: DEMO.young,
        responsibility: '骨干',
        monthsPerYear: 6,
      }),
  },
  {
    name: 'removePlatformMember',
    permission: P,
    run: (a) => removePlatformMember(db(), a, { applicationId: fx.draftId, memberId: randomUUID() }),
  },
  {
    name: 'attachPlatformFile',
    permission: P,
    run: (a) => attachPlatformFile(db(), a, { applicationId: fx.draftId, slotKey: 'proposal', fileId: randomUUID() }),
  },
  {
    name: 'detachPlatformFile',
    permission: P,
    run: (a) => detachPlatformFile(db(), a, { applicationId: fx.draftId, slotKey: 'proposal' }),
  },
  {
    name: 'submitPlatformApplication',
    permission: P,
    run: (a) => submitPlatformApplication(db(), a, { id: fx.draftId, idempotencyKey: randomUUID() }),
  },
  {
    name: 'withdrawPlatformApplication',
    permission: P,
    run: (a) => withdrawPlatformApplication(db(), a, { id: fx.withdrawId, reason: '测试撤回' }),
  },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });
