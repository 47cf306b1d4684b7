import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { exportList } from '@/server/exports/export-list';
import { EXPORT_KINDS } from '@/domain/exports';
import { seedDemo } from '../../prisma/seed';
import { actorFor, DEMO, expectDomainError } from './helpers';

// Staff exports read back as a person's spreadsheet program would: the row counts and the money totals match the
// database, filters apply, CSV opens in Excel (BOM) and cannot smuggle formulas, and only staff get a file.

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor;

async function xlsxRows(response: Response): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.fromWeb(response.body! as never));
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function csvRows(text: string): string[][] {
  // Enough of RFC 4180 for these files: quoted fields may hold commas and doubled quotes, not line breaks.
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
}

beforeAll(async () => {
  await seedDemo(db());
  staff = await actorFor(DEMO.staff);
});

describe('exports', () => {
  it('applications with scores: every submitted application once, fiscal totals equal to the database', async () => {
    const response = await exportList(db(), staff, {
      kind: 'applications',
      format: 'xlsx',
      filters: {},
      locale: 'zh-CN',
    });
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const [head, ...rows] = await xlsxRows(response);
    expect(head).toContain('申请财政经费（万元）');
    const expected = await db().application.count({ where: { status: { not: 'DRAFT' } } });
    expect(rows).toHaveLength(expected);
    const fiscalColumn = head!.indexOf('申请财政经费（万元）');
    const exported = rows.reduce((s, r) => s + Number(r[fiscalColumn] ?? 0), 0);
    const [fiscal] = await db().$queryRaw<{ sum: bigint }[]>`
      select coalesce(sum(f."amountFen"), 0)::bigint as sum from "ApplicationFunding" f
        join "Application" a on a.id = f."applicationId" where a.status <> 'DRAFT' and f.source = 'FISCAL'`;
    expect(Math.round(exported * 1_000_000)).toBe(Number(fiscal!.sum));
    const codes = rows.map((r) => r[0]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('applies the page’s filters', async () => {
    const response = await exportList(db(), staff, {
      kind: 'applications',
      format: 'csv',
      filters: { status: 'FORMAL_CHECK_PASSED' },
      locale: 'en',
    });
    const [head, ...rows] = csvRows(await response.text());
    expect(head![0]).toBe('Code');
    expect(rows).toHaveLength(await db().application.count({ where: { status: 'FORMAL_CHECK_PASSED' } }));

    // The formal-check page's age band and discipline prefix carry into the file too.
    const young = csvRows(
      await (
        await exportList(db(), staff, {
          kind: 'applications',
          format: 'csv',
          filters: { age: 'under35' },
          locale: 'en',
        })
      ).text(),
    ).slice(1);
    const expectedYoung = await db().application.count({
      where: { status: { not: 'DRAFT' }, ageOnDeadline: { lt: 35 } },
    });
    const all = await db().application.count({ where: { status: { not: 'DRAFT' } } });
    expect(young).toHaveLength(expectedYoung);
    expect(expectedYoung).toBeLessThan(all);
    const [some] = await db().application.findMany({
      where: { status: { not: 'DRAFT' }, disciplineCode: { not: null } },
      select: { disciplineCode: true },
      take: 1,
    });
    const prefix = some!.disciplineCode!.slice(0, 3);
    const byDiscipline = csvRows(
      await (
        await exportList(db(), staff, {
          kind: 'applications',
          format: 'csv',
          filters: { discipline: prefix },
          locale: 'en',
        })
      ).text(),
    ).slice(1);
    expect(byDiscipline).toHaveLength(
      await db().application.count({ where: { status: { not: 'DRAFT' }, disciplineCode: { startsWith: prefix } } }),
    );
    expect(byDiscipline.length).toBeGreaterThan(0);
  });

  it('projects and tranches as CSV: counts and money match; the export is in the audit log', async () => {
    const projects = csvRows(
      await (await exportList(db(), staff, { kind: 'projects', format: 'csv', filters: {}, locale: 'zh-CN' })).text(),
    );
    expect(projects.length - 1).toBe(await db().project.count());
    const awarded = projects[0]!.indexOf('财政资助（万元）');
    const total = projects.slice(1).reduce((s, r) => s + Number(r[awarded] || 0), 0);
    const agg = await db().project.aggregate({ _sum: { awardedFiscalFen: true } });
    expect(Math.round(total * 1_000_000)).toBe(Number(agg._sum.awardedFiscalFen ?? 0n));

    const tranches = csvRows(
      await (
        await exportList(db(), staff, {
          kind: 'tranches',
          format: 'csv',
          filters: { status: 'PLANNED' },
          locale: 'zh-CN',
        })
      ).text(),
    );
    expect(tranches.length - 1).toBe(await db().tranche.count({ where: { status: 'PLANNED' } }));
    const events = await db().auditEvent.findMany({ where: { action: 'export.download', actorId: staff.userId } });
    expect(events.map((e) => (e.summary as { kind: string }).kind)).toEqual(
      expect.arrayContaining(['projects', 'tranches']),
    );
  });

  it('budgets: one row per project and source, planned and paid as the tranches hold them', async () => {
    // One tranche paid (arranged directly; paying is project-money.test.ts's), so paid and unpaid both count.
    const first = await db().tranche.findFirstOrThrow({
      where: { status: { not: 'CANCELLED' } },
      orderBy: { id: 'asc' },
    });
    await db().tranche.update({ where: { id: first.id }, data: { status: 'PAID', paidAt: new Date() } });
    const rows = csvRows(
      await (await exportList(db(), staff, { kind: 'budgets', format: 'csv', filters: {}, locale: 'zh-CN' })).text(),
    );
    const [head, ...body] = rows;
    expect(head).toEqual([
      '项目编号',
      '名称',
      '依托单位',
      '经费来源',
      '计划安排（万元）',
      '已拨付（万元）',
      '未拨付（万元）',
    ]);
    const groups = await db().tranche.groupBy({ by: ['projectId', 'source'], where: { status: { not: 'CANCELLED' } } });
    expect(body).toHaveLength(groups.length);
    expect(body.length).toBeGreaterThan(0);
    const yuan = (fen: bigint | null | undefined) => Math.round(Number(fen ?? 0n) / 100);
    // 万元 in the sheet, compared in yuan.
    const total = (column: number) => Math.round(body.reduce((sum, r) => sum + Number(r[column] || 0), 0) * 10_000);
    const [planned, paid] = await Promise.all([
      db().tranche.aggregate({ where: { status: { not: 'CANCELLED' } }, _sum: { amountFen: true } }),
      db().tranche.aggregate({ where: { status: 'PAID' }, _sum: { amountFen: true } }),
    ]);
    expect(total(4)).toBe(yuan(planned._sum.amountFen));
    expect(total(5)).toBe(yuan(paid._sum.amountFen));
    expect(total(6)).toBe(yuan(planned._sum.amountFen) - yuan(paid._sum.amountFen));
    expect(total(5)).toBeGreaterThan(0);
    expect(total(6)).toBeGreaterThanOrEqual(0);
  });

  it('assignments, reviews and decisions: one row each, the scores and amounts of the database', async () => {
    const assignments = await xlsxRows(
      await exportList(db(), staff, { kind: 'assignments', format: 'xlsx', filters: {}, locale: 'zh-CN' }),
    );
    expect(assignments[0]).toEqual([
      '申报编号',
      '名称',
      '评审专家',
      '专家邮箱',
      '评审阶段',
      '状态',
      '分配方式',
      '分配时间',
      '截止时间',
    ]);
    expect(assignments.length - 1).toBe(await db().reviewAssignment.count());
    expect(assignments.length - 1).toBeGreaterThan(0);

    const reviews = await xlsxRows(
      await exportList(db(), staff, { kind: 'reviews', format: 'xlsx', filters: {}, locale: 'zh-CN' }),
    );
    const submitted = await db().review.findMany({
      where: { status: 'SUBMITTED' },
      select: { weightedScore: true },
    });
    expect(reviews.length - 1).toBe(submitted.length);
    expect(submitted.length).toBeGreaterThan(0);
    const scoreColumn = reviews[0]!.indexOf('加权总分');
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e4);
    expect(sum(reviews.slice(1).map((r) => Number(r[scoreColumn] ?? 0)))).toBe(
      sum(submitted.map((r) => Number(r.weightedScore ?? 0))),
    );

    // One decision of each outcome, on submitted applications (arranged directly: the decisions pages are tested
    // in decisions.test.ts).
    const apps = await db().application.findMany({
      where: { status: { not: 'DRAFT' } },
      take: 2,
      select: { id: true, callId: true },
    });
    for (const [i, a] of apps.entries()) {
      await db().decision.create({
        data: {
          applicationId: a.id,
          callId: a.callId,
          outcome: i === 0 ? 'FUND' : 'REJECT',
          awardedFiscalFen: i === 0 ? 1_234_500_000n : null,
          reasons: '测试决定',
          decidedById: staff.userId,
        },
      });
    }
    const decisions = csvRows(
      await (await exportList(db(), staff, { kind: 'decisions', format: 'csv', filters: {}, locale: 'zh-CN' })).text(),
    );
    const rows = await db().decision.findMany({ select: { awardedFiscalFen: true } });
    expect(decisions.length - 1).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const awarded = decisions[0]!.indexOf('财政资助（万元）');
    expect(sum(decisions.slice(1).map((r) => Number(r[awarded] || 0)))).toBe(
      sum(rows.map((r) => Number(r.awardedFiscalFen ?? 0n) / 1_000_000)),
    );
  });

  it('only commission staff export', async () => {
    for (const email of [DEMO.researcher, DEMO.office, DEMO.enterprise, DEMO.auditor]) {
      const actor = await actorFor(email);
      for (const kind of EXPORT_KINDS) {
        await expectDomainError(
          exportList(db(), actor, { kind, format: 'csv', filters: {}, locale: 'zh-CN' }),
          'FORBIDDEN',
        );
      }
    }
  });
});

describe('filters from the address bar', () => {
  it('ignore a status that is not one of the list’s (no error, the whole list)', async () => {
    const all = csvRows(
      await (await exportList(db(), staff, { kind: 'projects', format: 'csv', filters: {}, locale: 'zh-CN' })).text(),
    );
    for (const status of ["'; drop table", 'NOPE', 'x'.repeat(500)]) {
      const rows = csvRows(
        await (
          await exportList(db(), staff, {
            kind: 'projects',
            format: 'csv',
            filters: { status, programId: status },
            locale: 'zh-CN',
          })
        ).text(),
      );
      expect(rows).toHaveLength(all.length);
    }
  });
});
