import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// 后台任务 (JobRun) against real parts: PostgreSQL (the job row and pg-boss's queue), the app's job workers, real
// .xlsx files and the disk file store. An expert import writes all its rows or none and reports every bad one; a
// background export makes the same rows as the list, into a file only its requester can fetch; a job can be left,
// cancelled, run twice, and read by no one else.

process.env.MAIL_RETRY_DELAY_SECONDS = '1';
const { db } = await import('@/server/db');
const { startExpertImport } = await import('@/server/imports/expert-import');
const { startBackgroundExport } = await import('@/server/exports/background-export');
const { cancelJob, getJobRun, listJobRuns, runJob, sweepExpiredExportResults } = await import('@/server/jobs/job-runs');
const { fileStore } = await import('@/server/files/store');
const { EXPORT_RESULT_RETENTION_DAYS } = await import('@/domain/exports');
const { JOB_HANDLERS } = await import('@/server/jobs/handlers');
const { startWorkers, stopWorkers } = await import('@/server/jobs/worker');
const { readFile } = await import('@/server/files/files');
const { createUser } = await import('@/server/users/create-user');
const { seedDemo } = await import('../../prisma/seed');
const { actorFor, auditActions, DEMO, eventually, expectDomainError } = await import('./helpers');

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor;
let otherStaff: Actor;
let sysadmin: Actor;
let newExpertId: string;

const HEADER = ['邮箱', '姓名', '工作单位', '国家或地区', '评审语言', '学科代码', '关键词', '职称', '每批次评审上限'];
async function sheet(rows: (string | number | null)[][], header = HEADER) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('专家');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every expert profile as a comparable string: what "nothing changed" compares. */
const pool = async () =>
  JSON.stringify(
    await db().expertProfile.findMany({
      orderBy: { userId: 'asc' },
      select: {
        userId: true,
        disciplineCodes: true,
        keywords: true,
        loadLimitPerCall: true,
        country: true,
        version: true,
      },
    }),
  );

beforeAll(async () => {
  // The whole demo (with its projects): the background export has rows to make.
  await seedDemo(db());
  staff = await actorFor(DEMO.staff);
  sysadmin = await actorFor(DEMO.sysadmin);
  // A second staff member, and an expert account with no profile yet: both opened the way the admin pages do.
  await createUser(db(), sysadmin, {
    email: 'staff.jobs@demo.jingyan.cn',
    name: '周敏',
    locale: 'zh-CN',
    initialPassword: 'Jingyan@2026',
    roles: [{ role: 'COMMISSION_STAFF', institutionId: null }],
  });
  newExpertId = (
    await createUser(db(), sysadmin, {
      email: 'new.expert@demo.jingyan.cn',
      name: '顾新',
      locale: 'zh-CN',
      initialPassword: 'Jingyan@2026',
      roles: [{ role: 'EXPERT', institutionId: null }],
    })
  ).id;
  await db().user.updateMany({
    where: { email: { in: ['staff.jobs@demo.jingyan.cn', 'new.expert@demo.jingyan.cn'] } },
    data: { mustChangePassword: false },
  });
  otherStaff = await actorFor('staff.jobs@demo.jingyan.cn');
});

afterAll(async () => {
  await stopWorkers();
});

describe('expert import', () => {
  it('one bad row and nothing is written; the job reports every bad row, column and reason', async () => {
    const before = await pool();
    const { id } = await startExpertImport(db(), staff, {
      filename: '专家名单.xlsx',
      bytes: await sheet([
        ['new.expert@demo.jingyan.cn', '顾新', '北京工业大学', 'CN', '中文', '430', '材料', '正高级', 8],
        ['nobody@demo.jingyan.cn', '', '', '', '', '', '', '', ''],
        ['researcher@demo.jingyan.cn', '', '', '', '', '', '', '', ''],
        ['expert2@demo.jingyan.cn', '王雷', '', 'China', '法语', '99', '', '教授', 80],
        ['NEW.EXPERT@demo.jingyan.cn', '', '', '', '', '', '', '', ''],
      ]),
    });
    const queued = await getJobRun(db(), staff, id);
    expect(queued).toMatchObject({ kind: 'EXPERT_IMPORT', status: 'QUEUED' });
    // The queue holds its job, written in the same transaction as the row.
    const [queuedJob] = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'long-work' AND data->>'jobRunId' = ${id}`;
    expect(Number(queuedJob!.n)).toBe(1);

    await runJob(db(), id, JOB_HANDLERS);
    const job = await getJobRun(db(), staff, id);
    expect(job.status).toBe('FAILED');
    expect(job.error).toBe('jobRowsRejected');
    const errors = (job.resultSummary as { errors: { row: number; column: string; code: string }[] }).errors;
    expect(errors).toEqual([
      { row: 3, column: 'email', code: 'accountUnknown' },
      { row: 4, column: 'email', code: 'notAnExpert' },
      { row: 5, column: 'name', code: 'expertNameMismatch' },
      { row: 5, column: 'country', code: 'countryCode' },
      { row: 5, column: 'languages', code: 'languageUnknown' },
      { row: 5, column: 'disciplineCodes', code: 'disciplineCode' },
      { row: 5, column: 'title', code: 'titleUnknown' },
      { row: 5, column: 'loadLimit', code: 'between?min=0&max=50' },
      { row: 6, column: 'email', code: 'duplicateEmail' },
    ]);
    expect(await pool()).toBe(before);
    expect(await db().expertProfile.count({ where: { userId: newExpertId } })).toBe(0);
  });

  it('a clean sheet runs through the queue: new profiles created, existing ones updated, each audited', async () => {
    await startWorkers({ pollingIntervalSeconds: 0.5 });
    const expert2 = await db().user.findUniqueOrThrow({ where: { email: 'expert2@demo.jingyan.cn' } });
    const before2 = await db().expertProfile.findUnique({ where: { userId: expert2.id } });
    const versionBefore = before2?.version;
    const { id } = await startExpertImport(db(), staff, {
      filename: 'experts.xlsx',
      bytes: await sheet([
        [
          'new.expert@demo.jingyan.cn',
          '顾新',
          '北京工业大学',
          'cn',
          '中文、英文',
          '430, 520',
          '材料；人工智能',
          '正高级',
          8,
        ],
        ['expert2@demo.jingyan.cn', '王磊', 'ETH Zürich', 'CH', 'English', '520', '机器学习', '', ''],
      ]),
    });
    const job = await eventually(
      () => getJobRun(db(), staff, id),
      (j) => j.status === 'SUCCEEDED' || j.status === 'FAILED',
    );
    expect(job.status).toBe('SUCCEEDED');
    expect(versionBefore).toBeDefined();
    expect(job.resultSummary).toMatchObject({ rows: 2, created: 1, updated: 1 });
    expect(job.progressDone).toBe(job.progressTotal);
    expect(job.progressTotal).toBe(4);

    const created = await db().expertProfile.findUniqueOrThrow({
      where: { userId: newExpertId },
      include: { institution: { select: { name: true } } },
    });
    expect(created).toMatchObject({
      country: 'CN',
      languages: ['zh', 'en'],
      disciplineCodes: ['430', '520'],
      keywords: ['材料', '人工智能'],
      title: 'SENIOR',
      loadLimitPerCall: 8,
      institution: { name: '北京工业大学' },
    });
    const updated = await db().expertProfile.findUniqueOrThrow({ where: { userId: expert2.id } });
    expect(updated).toMatchObject({
      country: 'CH',
      languages: ['en'],
      institutionId: null,
      institutionName: 'ETH Zürich',
      disciplineCodes: ['520'],
      keywords: ['机器学习'],
      // Blank cells (title, load limit) keep what the profile had.
      loadLimitPerCall: before2!.loadLimitPerCall,
      title: before2!.title,
    });
    const audits = await db().auditEvent.findMany({
      where: { action: { in: ['expert_profile.import_create', 'expert_profile.import_update'] } },
      select: { entityId: true, actorId: true },
    });
    expect(audits.map((a) => a.entityId).sort()).toEqual([newExpertId, expert2.id].sort());
    expect(audits.every((a) => a.actorId === staff.userId)).toBe(true);
    expect(await db().auditEvent.count({ where: { entityId: id, action: { in: ['job.start', 'job.finish'] } } })).toBe(
      2,
    );
    await stopWorkers();
  });

  it('refuses a file that is not a workbook before storing anything, with the field named', async () => {
    const files = await db().storedFile.count();
    const e = await expectDomainError(
      startExpertImport(db(), staff, { filename: 'x.xlsx', bytes: Buffer.from('%PDF-1.7 not a sheet') }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ file: 'notExcel' });
    expect(await db().storedFile.count()).toBe(files);
  });

  it('a sheet without an e-mail column fails with that reason', async () => {
    const { id } = await startExpertImport(db(), staff, {
      filename: 'x.xlsx',
      bytes: await sheet([['刘洋', '430']], ['姓名', '学科代码']),
    });
    await runJob(db(), id, JOB_HANDLERS);
    const job = await getJobRun(db(), staff, id);
    expect(job).toMatchObject({ status: 'FAILED', resultSummary: { fileError: 'emailColumnMissing' } });
  });
});

describe('jobs: left, cancelled, run twice, and private', () => {
  it('a cancelled job never runs, and a finished job delivered again does nothing', async () => {
    const before = await pool();
    const cancelled = await startExpertImport(db(), staff, {
      filename: 'x.xlsx',
      bytes: await sheet([['new.expert@demo.jingyan.cn', '', '', '', '', '', '', '', 3]]),
    });
    await cancelJob(db(), staff, cancelled.id);
    await runJob(db(), cancelled.id, JOB_HANDLERS);
    expect((await getJobRun(db(), staff, cancelled.id)).status).toBe('CANCELLED');
    expect(await pool()).toBe(before);
    await expectDomainError(cancelJob(db(), staff, cancelled.id), 'CONFLICT');

    const done = await startExpertImport(db(), staff, {
      filename: 'x.xlsx',
      bytes: await sheet([['new.expert@demo.jingyan.cn', '', '', '', '', '', '', '', 4]]),
    });
    await runJob(db(), done.id, JOB_HANDLERS);
    const first = await getJobRun(db(), staff, done.id);
    expect(first.status).toBe('SUCCEEDED');
    const version = (await db().expertProfile.findUniqueOrThrow({ where: { userId: newExpertId } })).version;
    await runJob(db(), done.id, JOB_HANDLERS);
    expect((await db().expertProfile.findUniqueOrThrow({ where: { userId: newExpertId } })).version).toBe(version);
    expect((await getJobRun(db(), staff, done.id)).finishedAt).toEqual(first.finishedAt);
  });

  it('another person cannot read, list or cancel a job, nor fetch its file', async () => {
    const { id } = await startBackgroundExport(db(), staff, {
      kind: 'projects',
      format: 'xlsx',
      filters: {},
      locale: 'zh-CN',
    });
    await runJob(db(), id, JOB_HANDLERS);
    const job = await getJobRun(db(), staff, id);
    await expectDomainError(getJobRun(db(), otherStaff, id), 'NOT_FOUND');
    await expectDomainError(cancelJob(db(), otherStaff, id), 'NOT_FOUND');
    expect((await listJobRuns(db(), otherStaff)).map((j) => j.id)).not.toContain(id);
    await expectDomainError(readFile(db(), otherStaff, job.resultFileId!), 'NOT_FOUND');
  });

  it('a job whose requester lost the role fails, doing nothing', async () => {
    const { id } = await startExpertImport(db(), otherStaff, {
      filename: 'x.xlsx',
      bytes: await sheet([['new.expert@demo.jingyan.cn', '', '', '', '', '', '', '', 5]]),
    });
    // The system admin withdrew it after the job was queued.
    await db().roleAssignment.deleteMany({ where: { userId: otherStaff.userId, role: 'COMMISSION_STAFF' } });
    await runJob(db(), id, JOB_HANDLERS);
    const job = await db().jobRun.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: 'FAILED', error: 'FORBIDDEN' });
    expect((await db().expertProfile.findUniqueOrThrow({ where: { userId: newExpertId } })).loadLimitPerCall).not.toBe(
      5,
    );
  });
});

describe('background export', () => {
  it('makes the same rows as the list, with progress, into a file only its requester fetches', async () => {
    const total = await db().project.count();
    expect(total).toBeGreaterThan(0);
    const { id } = await startBackgroundExport(db(), staff, {
      kind: 'projects',
      format: 'xlsx',
      filters: {},
      locale: 'zh-CN',
    });
    expect((await getJobRun(db(), staff, id)).progressTotal).toBe(total);
    await runJob(db(), id, JOB_HANDLERS);
    const job = await getJobRun(db(), staff, id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', progressDone: total, progressTotal: total });
    const file = await readFile(db(), staff, job.resultFileId!);
    expect(file.mimeType).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.rowCount - 1).toBe(total);
    const codes = new Set((await db().project.findMany({ select: { code: true } })).map((p) => p.code));
    for (let r = 2; r <= ws.rowCount; r++) expect(codes.has(String(ws.getRow(r).getCell(1).value))).toBe(true);
    expect(
      await db().auditEvent.count({
        where: { action: 'export.generate', actorId: staff.userId, entityId: job.resultFileId },
      }),
    ).toBe(1);
  });

  it('keeps the file for its retention, then deletes it with an audit event and says so on the job', async () => {
    const { id } = await startBackgroundExport(db(), staff, {
      kind: 'projects',
      format: 'csv',
      filters: {},
      locale: 'zh-CN',
    });
    await runJob(db(), id, JOB_HANDLERS);
    const done = await getJobRun(db(), staff, id);
    const fileId = done.resultFileId!;
    const { storageKey } = await db().storedFile.findUniqueOrThrow({ where: { id: fileId } });
    const finished = done.finishedAt!;
    const day = 86_400_000;
    // Within the retention: nothing is swept (another, older export may be).
    await sweepExpiredExportResults(db(), new Date(finished.getTime() + (EXPORT_RESULT_RETENTION_DAYS * day - 1000)));
    expect((await readFile(db(), staff, fileId)).bytes.length).toBeGreaterThan(0);

    const after = new Date(finished.getTime() + EXPORT_RESULT_RETENTION_DAYS * day + 1000);
    expect(await sweepExpiredExportResults(db(), after)).toBeGreaterThanOrEqual(1);
    const job = await getJobRun(db(), staff, id);
    expect(job.resultFileId).toBeNull();
    expect((job.resultSummary as { expiredAt?: string }).expiredAt).toBe(after.toISOString());
    await expectDomainError(readFile(db(), staff, fileId), 'NOT_FOUND');
    await expect(fileStore().get(storageKey)).rejects.toThrow();
    expect(await auditActions(fileId)).toContain('file.expire');
    // A second sweep finds nothing more to do for it.
    expect(await sweepExpiredExportResults(db(), after)).toBe(0);
  });

  it('is refused at once to a role without the list', async () => {
    const researcher = await actorFor(DEMO.researcher);
    await expectDomainError(
      startBackgroundExport(db(), researcher, { kind: 'applications', format: 'csv', filters: {}, locale: 'zh-CN' }),
      'FORBIDDEN',
    );
  });
});

describe('automatic assignment as a background job', () => {
  it('queues the solver, refuses at once what it can, and writes the proposal the review page shows', async () => {
    const { startAssignmentJob, assignmentJobOf } = await import('@/server/review/assignment-jobs');
    const call = await db().call.findFirstOrThrow({
      where: { applications: { some: { status: 'FORMAL_CHECK_PASSED' } }, program: { code: 'GEN' } },
      select: { id: true },
    });
    const dueAt = new Date(Date.now() + 30 * 86_400_000);
    const past = await expectDomainError(
      startAssignmentJob(db(), staff, { callId: call.id, dueAt: new Date(Date.now() - 1000) }),
      'VALIDATION',
    );
    expect(past.fieldErrors).toEqual({ dueAt: 'dueInPast' });

    const { id } = await startAssignmentJob(db(), staff, { callId: call.id, dueAt });
    // A second request while the first is queued is refused: one solve or proposal per call at a time.
    const twice = await expectDomainError(startAssignmentJob(db(), staff, { callId: call.id, dueAt }), 'CONFLICT');
    expect(twice.messageKey).toBe('assignmentRunPending');
    // Any staff member sees the call is being solved (it is the call's state, not the requester's).
    expect(await assignmentJobOf(db(), await actorFor(DEMO.staff), call.id)).toMatchObject({ id, status: 'QUEUED' });

    await runJob(db(), id, JOB_HANDLERS);
    const job = await getJobRun(db(), staff, id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', progressDone: 3, progressTotal: 3 });
    const { runId } = job.resultSummary as { runId: string };
    const run = await db().assignmentRun.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true, callId: true, createdById: true, _count: { select: { assignments: true } } },
    });
    expect(run).toMatchObject({ status: 'PROPOSED', callId: call.id, createdById: staff.userId });
    expect(run._count.assignments).toBeGreaterThan(0);
    expect(await assignmentJobOf(db(), staff, call.id)).toBeNull();
    // The proposal itself now blocks another request until staff commit or discard it.
    await expectDomainError(startAssignmentJob(db(), staff, { callId: call.id, dueAt }), 'CONFLICT');
  });
});
