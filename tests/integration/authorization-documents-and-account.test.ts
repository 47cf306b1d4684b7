import { beforeAll } from 'vitest';
import type { Role } from '@/domain/auth/roles';
import { EXPORT_KINDS, type ExportKind } from '@/domain/exports';
import type { Permission } from '@/domain/auth/permissions';
import { changePassword } from '@/server/account/change-password';
import { saveLocalePreference } from '@/server/account/set-locale';
import { switchRole } from '@/server/account/switch-role';
import { getApplicantIdNumberMasked, revealApplicantIdNumber } from '@/server/applications/applicant-id-number';
import { verifyAuditChainAsAuditor } from '@/server/audit/verify-audit-chain';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { applicationPdf, assignmentPdf } from '@/server/documents/application-pdf';
import { taskBookPdf } from '@/server/documents/task-book-pdf';
import { exportList } from '@/server/exports/export-list';
import { readFile, uploadFile } from '@/server/files/files';
import { expertImportTemplate } from '@/server/imports/expert-import';
import { importQuotas } from '@/server/imports/quota-import';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { applicationAt, callOf } from './decision-fixtures';
import { DEMO_PASSWORD, seed } from './helpers';
import { activeProject } from './project-fixtures';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The documents (PDFs, file downloads, exports), the applicant's ID number beside an application, the imports, the
// auditor's chain check and a person's own account × every role. Route handlers and actions call exactly these (tests/unit/
// authorization-coverage.test.ts checks that every server function an action or route reaches has a matrix row).
// Fixtures are shared by every role, so an allowed role may meet "not found" (a record outside its scope, or an
// application printed before its snapshot exists): that is past the matrix. Scoping itself: tests/integration/idor.test.ts.

const actors = {} as Record<Role, Actor>;
const fx = { applicationId: '', assignmentId: '', projectId: '', fileId: '', callId: '' };

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  const call = await callOf('GEN');
  fx.callId = call.id;
  const app = await applicationAt(call, { status: 'UNDER_REVIEW' });
  fx.applicationId = app.id;
  fx.assignmentId = (
    await db().reviewAssignment.create({
      data: {
        applicationId: app.id,
        callId: app.callId,
        expertUserId: actors.EXPERT.userId,
        stage: 'MAIL',
        status: 'ACCEPTED',
        origin: 'MANUAL',
        dueAt: new Date('2040-01-01T09:00:00Z'),
      },
    })
  ).id;
  fx.projectId = (await activeProject({ kind: 'GENERAL' })).projectId;
  const pdf = readFileSync(path.join(process.cwd(), 'tests/fixtures/sample.pdf'));
  fx.fileId = (
    await uploadFile(db(), actors.RESEARCHER, {
      name: 'sample.pdf',
      bytes: pdf,
      purpose: 'APPLICATION_ATTACHMENT',
    })
  ).id;
});

/** Streams are cancelled unread: the matrix asks only whether the export was let through. */
const exportOf = (kind: ExportKind) => async (a: Actor) => {
  const response = await exportList(db(), a, { kind, format: 'csv', filters: {}, locale: 'zh-CN' });
  await response.body?.cancel();
};

const EXPORT_PERMISSION: Record<ExportKind, Permission> = {
  applications: 'check:application:all',
  projects: 'manage:project:all',
  budgets: 'manage:project:all',
  tranches: 'manage:project:all',
  assignments: 'assign:review:all',
  reviews: 'assign:review:all',
  decisions: 'manage:decision:all',
};

const OPERATIONS: MatrixOperation[] = [
  {
    name: 'applicationPdf',
    permission: ['create:application:own', 'review:application:institution', 'check:application:all'],
    run: (a) => applicationPdf(db(), a, fx.applicationId, { locale: 'zh-CN' }),
  },
  {
    name: 'applicationPdf(blind)',
    permission: ['create:application:own', 'review:application:institution', 'check:application:all'],
    run: (a) => applicationPdf(db(), a, fx.applicationId, { locale: 'zh-CN', blind: true }),
  },
  {
    name: 'assignmentPdf',
    permission: 'review:assignment:own',
    run: (a) => assignmentPdf(db(), a, fx.assignmentId, { locale: 'en' }),
  },
  {
    name: 'taskBookPdf',
    permission: [
      'manage:project:all',
      'manage:project:own',
      'manage:project:institution',
      'read:project:institution',
      'mentor:project:own',
    ],
    run: (a) => taskBookPdf(db(), a, fx.projectId, { locale: 'zh-CN' }),
  },
  // A file is reached through its record (its owner, the application it is attached to, a committee or platform
  // file): no role gate of its own, every role is let through to the scoped lookup.
  { name: 'readFile', permission: 'signed-in', run: (a) => readFile(db(), a, fx.fileId) },
  ...EXPORT_KINDS.map((kind) => ({
    name: `exportList(${kind})`,
    permission: EXPORT_PERMISSION[kind],
    run: exportOf(kind),
  })),
  {
    name: 'getApplicantIdNumberMasked',
    permission: 'read:id-number:all',
    run: (a) => getApplicantIdNumberMasked(db(), a, fx.applicationId),
  },
  {
    name: 'revealApplicantIdNumber',
    permission: 'read:id-number:all',
    run: (a) => revealApplicantIdNumber(db(), a, { applicationId: fx.applicationId }),
  },
  {
    name: 'importQuotas',
    permission: 'manage:call:all',
    run: (a) => importQuotas(db(), a, { callId: fx.callId, version: 1, bytes: Buffer.from('not a workbook') }),
  },
  { name: 'verifyAuditChainAsAuditor', permission: 'read:audit:all', run: (a) => verifyAuditChainAsAuditor(db(), a) },
  { name: 'expertImportTemplate', permission: 'import:expert:all', run: (a) => expertImportTemplate(a) },
  {
    // Wrong current password: the module's own VALIDATION, reached by every role (nothing is changed).
    name: 'changePassword',
    permission: 'signed-in',
    run: (a) =>
      changePassword(db(), a, {
        currentPassword: `${DEMO_PASSWORD}-wrong`,
        newPassword: 'Another-Pass-2026',
        confirmPassword: 'Another-Pass-2026',
      }),
  },
  { name: 'saveLocalePreference', permission: 'signed-in', run: (a) => saveLocalePreference(db(), a, a.locale) },
  { name: 'switchRole', permission: 'signed-in', run: (a) => switchRole(db(), a, a.role) },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true });
