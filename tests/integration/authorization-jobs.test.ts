import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll } from 'vitest';
import type { Role } from '@/domain/auth/roles';
import type { ExportKind } from '@/domain/exports';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { startBackgroundExport } from '@/server/exports/background-export';
import { startExpertImport } from '@/server/imports/expert-import';
import { cancelJob, getJobRun, listJobRuns } from '@/server/jobs/job-runs';
import { assignmentJobOf, startAssignmentJob } from '@/server/review/assignment-jobs';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { seed } from './helpers';

// Background jobs × every role. Everyone follows their own jobs (another's is "not found": jobs.test.ts); only staff
// import experts; a background export needs the list's own permission.

const actors = {} as Record<Role, Actor>;
let sheet: Buffer;

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('专家');
  ws.addRow(['邮箱']);
  ws.addRow(['expert@demo.jingyan.cn']);
  sheet = Buffer.from(await workbook.xlsx.writeBuffer());
});

/** A call with mail review (the demo's open general call): who may queue its solver. */
const reviewCall = () =>
  db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' }, select: { id: true } });

const exportOf = (kind: ExportKind) => (a: Actor) =>
  startBackgroundExport(db(), a, { kind, format: 'xlsx', filters: {}, locale: 'zh-CN' });

const OPERATIONS: MatrixOperation[] = [
  {
    name: 'startExpertImport',
    permission: 'import:expert:all',
    run: (a) => startExpertImport(db(), a, { filename: 'experts.xlsx', bytes: sheet }),
  },
  { name: 'startBackgroundExport(applications)', permission: 'check:application:all', run: exportOf('applications') },
  { name: 'startBackgroundExport(projects)', permission: 'manage:project:all', run: exportOf('projects') },
  { name: 'startBackgroundExport(budgets)', permission: 'manage:project:all', run: exportOf('budgets') },
  { name: 'startBackgroundExport(tranches)', permission: 'manage:project:all', run: exportOf('tranches') },
  { name: 'startBackgroundExport(assignments)', permission: 'assign:review:all', run: exportOf('assignments') },
  { name: 'startBackgroundExport(reviews)', permission: 'assign:review:all', run: exportOf('reviews') },
  { name: 'startBackgroundExport(decisions)', permission: 'manage:decision:all', run: exportOf('decisions') },
  {
    name: 'startAssignmentJob',
    permission: 'assign:review:all',
    run: async (a) =>
      startAssignmentJob(db(), a, { callId: (await reviewCall()).id, dueAt: new Date(Date.now() + 86_400_000) }),
  },
  {
    name: 'assignmentJobOf',
    permission: 'assign:review:all',
    run: async (a) => assignmentJobOf(db(), a, (await reviewCall()).id),
  },
  { name: 'listJobRuns', permission: 'read:job:own', run: (a) => listJobRuns(db(), a) },
  { name: 'getJobRun', permission: 'read:job:own', run: (a) => getJobRun(db(), a, randomUUID()) },
  { name: 'cancelJob', permission: 'read:job:own', run: (a) => cancelJob(db(), a, randomUUID()) },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });
