import 'server-only';
import ExcelJS from 'exceljs';
import { checkExpertRows, type ExpertColumn, type ExpertSheetRow } from '@/domain/imports/expert-rows';
import { DomainError } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { storeOwnFile } from '../files/files';
import { fileStore } from '../files/store';
import { consumeRateLimit } from '../security/rate-limit';
import { startJobInTx, type JobContext, type JobOutcome } from '../jobs/job-runs';
import { cellText, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './sheet';

// 专家导入 (issue 8): staff upload an Excel sheet of experts; a background job (JobRun) checks every row and, only if
// all are right, writes every profile in one transaction — new profiles are created, existing ones take the sheet's
// institution, country, languages, disciplines, keywords, title and load limit (their availability, name variants and
// affiliation history stay). The job's page shows progress and, for a rejected sheet, each bad row, column and why.

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Header words that name each column (Chinese or English, as staff's sheets have them). */
const HEADERS: Record<ExpertColumn, (h: string) => boolean> = {
  email: (h) => h.includes('邮箱') || /e-?mail/i.test(h),
  name: (h) => h === '姓名' || /^name$/i.test(h),
  institution: (h) => h.includes('单位') || h.includes('机构') || /institution|affiliation/i.test(h),
  country: (h) => h.includes('国家') || /country/i.test(h),
  languages: (h) => h.includes('语言') || /language/i.test(h),
  disciplineCodes: (h) => h.includes('学科') || /discipline/i.test(h),
  keywords: (h) => h.includes('关键词') || /keyword/i.test(h),
  title: (h) => h.includes('职称') || /^title$/i.test(h),
  loadLimit: (h) => h.includes('上限') || /load|limit/i.test(h),
};

/** Stores the uploaded sheet (its uploader alone reads it) and starts the job that imports it. */
export async function startExpertImport(client: Db, actor: Actor, input: { filename: string; bytes: Buffer }) {
  assertCan(actor, 'import:expert:all');
  if (input.bytes.length > MAX_IMPORT_BYTES)
    throw new DomainError('VALIDATION', 'checkFields', { file: 'fileTooLarge?max=1' });
  // An .xlsx is a ZIP archive: anything else is refused before it is stored.
  if (input.bytes.length < 4 || input.bytes.readUInt32LE(0) !== 0x04034b50)
    throw new DomainError('VALIDATION', 'checkFields', { file: 'notExcel' });
  await consumeRateLimit(client, 'bulk_job', actor.userId);
  return client.$transaction(async (tx) => {
    const file = await storeOwnFile(tx, {
      ownerId: actor.userId,
      filename: input.filename || 'experts.xlsx',
      mimeType: XLSX_MIME,
      bytes: input.bytes,
      purpose: 'IMPORT_SHEET',
    });
    return startJobInTx(tx, actor, { kind: 'EXPERT_IMPORT', params: { fileId: file.id, filename: file.filename } });
  });
}

type Report = { fileError?: string; errors?: { row: number; column: ExpertColumn; code: string }[] };
const rejected = (report: Report): JobOutcome => ({ rejected: true, summary: { errors: [], ...report } });

/** The job's work (see job-runs.ts): read the sheet, check every row, write all or nothing. */
/**
 * The import's sheet: its header row and one example row, so staff fill in what the import reads. Commission staff
 * only, like the import itself.
 */
export async function expertImportTemplate(actor: Actor) {
  assertCan(actor, 'import:expert:all');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专家');
  sheet.columns = [
    { header: '邮箱', width: 30 },
    { header: '姓名', width: 12 },
    { header: '工作单位', width: 24 },
    { header: '国家或地区', width: 12 },
    { header: '评审语言', width: 12 },
    { header: '学科代码', width: 16 },
    { header: '关键词', width: 30 },
    { header: '职称', width: 10 },
    { header: '每批次评审上限', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([
    'expert@example.edu.cn',
    '张伟',
    '北京工业大学',
    'CN',
    '中文、英文',
    '430, 520',
    '先进材料；机器学习',
    '正高级',
    10,
  ]);
  return {
    filename: '专家导入模板.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

export async function runExpertImport(ctx: JobContext): Promise<JobOutcome> {
  const { client, actor } = ctx;
  assertCan(actor, 'import:expert:all');
  const file = await client.storedFile.findFirst({
    where: { id: String(ctx.params.fileId), ownerId: actor.userId, purpose: 'IMPORT_SHEET', deletedAt: null },
    select: { storageKey: true },
  });
  if (!file) throw new DomainError('NOT_FOUND');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await fileStore().get(file.storageKey)) as unknown as ArrayBuffer);
  } catch {
    return rejected({ fileError: 'notExcel' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) return rejected({ fileError: 'empty' });
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return rejected({ fileError: 'tooManyRows' });
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v).trim());
  const columnOf = Object.fromEntries(
    Object.entries(HEADERS).map(([column, test]) => [column, header.findIndex((h) => !!h && test(h))]),
  ) as Record<ExpertColumn, number>;
  if (columnOf.email < 0) return rejected({ fileError: 'emailColumnMissing' });

  const rows: ExpertSheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const get = (column: ExpertColumn) => (columnOf[column] < 0 ? '' : cellText(row.getCell(columnOf[column]).value));
    const limit = columnOf.loadLimit < 0 ? null : row.getCell(columnOf.loadLimit).value;
    const r: ExpertSheetRow = {
      row: number,
      email: get('email'),
      name: get('name'),
      institution: get('institution'),
      country: get('country'),
      languages: get('languages'),
      disciplineCodes: get('disciplineCodes'),
      keywords: get('keywords'),
      title: get('title'),
      loadLimit: typeof limit === 'number' ? limit : get('loadLimit'),
    };
    const { row: _, ...cells } = r;
    if (Object.values(cells).some((v) => String(v ?? '').trim())) rows.push(r);
  });
  if (rows.length === 0) return rejected({ fileError: 'empty' });
  // Checking is half the work, writing the other half.
  const total = rows.length * 2;
  await ctx.progress(0, total);

  const emails = [...new Set(rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean))];
  const [users, institutions, disciplines] = await Promise.all([
    client.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, name: true, roles: { where: { role: 'EXPERT' }, select: { id: true } } },
    }),
    client.institution.findMany({ select: { id: true, name: true, aliases: true } }),
    client.discipline.findMany({ where: { edition: { current: true } }, select: { code: true } }),
  ]);
  const checked = checkExpertRows(rows, {
    accounts: new Map(users.map((u) => [u.email, { id: u.id, name: u.name, isExpert: u.roles.length > 0 }])),
    institutions,
    disciplines: new Set(disciplines.map((d) => d.code)),
  });
  await ctx.progress(rows.length);
  if (checked.errors.length) return rejected({ errors: checked.errors });

  let created = 0;
  let updated = 0;
  await client.$transaction(
    async (tx) => {
      const existing = new Set(
        (
          await tx.expertProfile.findMany({
            where: { userId: { in: checked.experts.map((e) => e.userId) } },
            select: { userId: true },
          })
        ).map((p) => p.userId),
      );
      // An existing profile takes only the cells the row filled (a sheet of e-mails and keywords changes keywords
      // alone; a blank cell keeps the profile's value); a new one takes defaults for the rest.
      for (const [i, e] of checked.experts.entries()) {
        const { row: _, userId, title, given, ...fields } = e;
        const has = (column: ExpertColumn) => given.includes(column);
        const data = { ...fields, ...(title ? { title } : {}) };
        if (existing.has(userId)) {
          const update = {
            ...(has('institution') ? { institutionId: e.institutionId, institutionName: e.institutionName } : {}),
            ...(has('country') ? { country: e.country } : {}),
            ...(has('languages') ? { languages: e.languages } : {}),
            ...(has('disciplineCodes') ? { disciplineCodes: e.disciplineCodes } : {}),
            ...(has('keywords') ? { keywords: e.keywords } : {}),
            ...(has('title') && title ? { title } : {}),
            ...(has('loadLimit') ? { loadLimitPerCall: e.loadLimitPerCall } : {}),
          };
          await tx.expertProfile.update({ where: { userId }, data: { ...update, version: { increment: 1 } } });
          updated += 1;
        } else {
          await tx.expertProfile.create({ data: { ...data, userId } });
          created += 1;
        }
        await recordAudit(tx, {
          actor,
          action: existing.has(userId) ? 'expert_profile.import_update' : 'expert_profile.import_create',
          entityType: 'ExpertProfile',
          entityId: userId,
          summary: {
            jobRunId: ctx.jobId,
            row: e.row,
            disciplineCodes: e.disciplineCodes,
            country: e.country,
            loadLimitPerCall: e.loadLimitPerCall,
          },
        });
        // Progress from inside the transaction is written on another connection, so the page sees it now.
        await ctx.progress(rows.length + i + 1);
      }
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  return { summary: { created, updated, rows: rows.length } };
}
