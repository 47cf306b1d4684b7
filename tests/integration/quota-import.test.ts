import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { importQuotas } from '@/server/imports/quota-import';
import { actorFor, DEMO, expectDomainError, seed } from './helpers';

// 限额导入 from real .xlsx files: a clean sheet replaces the call's quotas (same rules and audit as the form); one bad
// row and nothing changes, with a report naming every bad row, column and reason.

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor;
let call: { id: string; version: number };
let universities: { id: string; name: string; creditCode: string }[];

async function sheet(rows: (string | number | null)[][], header = ['统一社会信用代码', '单位名称', '限额']) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('限额');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const current = async () =>
  (await db().call.findUniqueOrThrow({ where: { id: call.id }, select: { version: true } })).version;
const quotas = async () =>
  (
    await db().institutionQuota.findMany({
      where: { callId: call.id },
      select: { institutionId: true, maxRecommended: true },
    })
  )
    .map((q) => `${q.institutionId}:${q.maxRecommended}`)
    .sort();

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
  call = await db().call.findFirstOrThrow({
    where: { status: 'OPEN', program: { code: 'GEN' } },
    select: { id: true, version: true },
  });
  universities = await db().institution.findMany({
    where: {
      kind: { in: ['RESEARCH_UNIVERSITY', 'APPLIED_UNIVERSITY', 'SPECIALIZED_UNIVERSITY'] },
      affiliation: 'MUNICIPAL',
    },
    select: { id: true, name: true, creditCode: true },
    take: 2,
  });
});

describe('quota import', () => {
  it('a clean sheet replaces the quotas, by credit code or by name', async () => {
    const [a, b] = universities;
    const report = await importQuotas(db(), staff, {
      callId: call.id,
      version: await current(),
      bytes: await sheet([
        [a!.creditCode, null, 30],
        [null, b!.name, '20'],
      ]),
    });
    expect(report).toMatchObject({ ok: true, imported: 2, total: 50 });
    expect(await quotas()).toEqual([`${a!.id}:30`, `${b!.id}:20`].sort());
    const audit = await db().auditEvent.findFirst({
      where: { entityId: call.id, action: 'call.set_quotas' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.actorId).toBe(staff.userId);
  });

  it('one bad row and nothing changes; the report names each row, column and reason', async () => {
    const before = await quotas();
    const [a] = universities;
    const report = await importQuotas(db(), staff, {
      callId: call.id,
      version: await current(),
      bytes: await sheet([
        [a!.creditCode, null, 9],
        ['91110000000000000X', null, 1],
        [null, a!.name, -2],
        [null, '不存在的大学', 'three'],
      ]),
    });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors).toEqual([
      { row: 3, column: 'creditCode', code: 'institutionUnknown' },
      { row: 4, column: 'name', code: 'duplicateRow' },
      { row: 4, column: 'quota', code: 'quotaInvalid' },
      { row: 5, column: 'name', code: 'institutionUnknown' },
      { row: 5, column: 'quota', code: 'quotaInvalid' },
    ]);
    expect(await quotas()).toEqual(before);
  });

  it('a row the program’s rules refuse points at its row, and nothing changes', async () => {
    // The whole sheet is checked against the call too: fewer quotas than planned awards is named without a row.
    const short = await importQuotas(db(), staff, {
      callId: call.id,
      version: await current(),
      bytes: await sheet([[null, universities[0]!.name, 1]]),
    });
    expect(short).toEqual({
      ok: false,
      errors: [{ row: 0, column: 'quota', code: 'quotaBelowAwards?total=1&awards=30' }],
    });
    const before = await quotas();
    const enterprise = await db().institution.findFirstOrThrow({
      where: { kind: 'ENTERPRISE' },
      select: { name: true },
    });
    const report = await importQuotas(db(), staff, {
      callId: call.id,
      version: await current(),
      bytes: await sheet([
        [null, universities[0]!.name, 40],
        [null, enterprise.name, 1],
      ]),
    });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors.map((e) => e.row)).toEqual([3]);
    expect(await quotas()).toEqual(before);
  });

  it('says what is wrong with the file itself', async () => {
    const version = await current();
    expect(
      await importQuotas(db(), staff, { callId: call.id, version, bytes: Buffer.from('not a spreadsheet') }),
    ).toEqual({
      ok: false,
      fileError: 'notExcel',
      errors: [],
    });
    expect(
      await importQuotas(db(), staff, {
        callId: call.id,
        version,
        bytes: await sheet([['x', 'y']], ['单位名称', '备注']),
      }),
    ).toMatchObject({ ok: false, fileError: 'quotaColumnMissing' });
    expect(await importQuotas(db(), staff, { callId: call.id, version, bytes: await sheet([]) })).toMatchObject({
      ok: false,
      fileError: 'empty',
    });
  });

  it('only staff import', async () => {
    for (const email of [DEMO.office, DEMO.researcher, DEMO.sysadmin]) {
      await expectDomainError(
        importQuotas(db(), await actorFor(email), { callId: call.id, version: 1, bytes: await sheet([]) }),
        'FORBIDDEN',
      );
    }
  });
});
