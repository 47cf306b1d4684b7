// npm run bench:export — a 50,000-row staff export (issue 8: "streamed so that 50,000 rows stay in flat memory"), in a
// throwaway database on the server DATABASE_URL names (else an embedded one). The streamed Excel and CSV (what the
// route and the background job use) are measured against building the same workbook in memory, in the same run: time,
// and the peak rise of the process's resident memory above its level before each export. Informative only: exits 0.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { benchStaffActor } from './lib/bench-actor';
import { createDatabase, dropDatabase, ensureDatabaseServer } from './lib/database-server';
import { migrateAndLoadReference, seedDatabase } from './lib/prepare-database';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 50_000);

const server = await ensureDatabaseServer(() => {});
const name = `jingyan_bench_${randomBytes(4).toString('hex')}`;
const url = await createDatabase(server, name);

/** Runs `work` while sampling RSS every 20 ms: its time and the peak rise above the level it started from. */
async function measure(work: () => Promise<number>): Promise<{ ms: number; peakMb: number; bytes: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const bytes = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakMb: (peak - base) / 1024 / 1024, bytes };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

try {
  await migrateAndLoadReference(url, () => {});
  await seedDatabase(url);
  const { db } = await import('../src/server/db');
  const { exportSource } = await import('../src/server/exports/lists');
  const { csvStream, rowsOf, xlsxStream } = await import('../src/server/exports/stream');
  const client = db();

  const [call] = await client.$queryRaw<{ id: string; ruleVersionId: string }[]>`
    select id, "ruleVersionId" from "Call" where "ruleVersionId" is not null and title like '%一般项目%' limit 1`;
  const [staff] = await client.$queryRaw<{ id: string }[]>`select id from "User" where email = 'staff@demo.jingyan.cn'`;
  const [applicant] = await client.$queryRaw<{ id: string; institutionId: string }[]>`
    select "userId" as id, "institutionId" from "ResearcherProfile" limit 1`;
  const t0 = performance.now();
  await client.$executeRaw`
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "institutionId", status, code, title,
                               "budgetMode", "currentVersionNo", "submittedAt", "updatedAt")
    select gen_random_uuid(), ${call!.id}::uuid, ${call!.ruleVersionId}::uuid, ${applicant!.id}::uuid,
           ${applicant!.institutionId}::uuid, 'INSTITUTION_APPROVED', 'BENCH-' || lpad(g::text, 6, '0'),
           '面向国家重大需求的基础研究基准申报第 ' || g || ' 号：新材料、人工智能与生命科学交叉方向',
           'LUMP_SUM', 1, now(), now()
      from generate_series(1, ${ROWS}) g`;
  await client.$executeRaw`
    insert into "ApplicationFunding" (id, "applicationId", source, "amountFen")
    select gen_random_uuid(), id, 'FISCAL', 800000000 from "Application" where code like 'BENCH-%'`;
  await client.$executeRaw`analyze`;
  const generated = performance.now() - t0;
  const total = await client.application.count({ where: { status: { not: 'DRAFT' } } });

  const actor = benchStaffActor(staff!.id);
  const source = () => exportSource(client, actor, 'applications', {}, 'zh-CN');

  // Warm-up: plans cached, pages in memory, modules loaded.
  await drain(csvStream(source().source));

  const streamedXlsx = await measure(() => drain(xlsxStream(source().source, source().sheet)));
  const streamedCsv = await measure(() => drain(csvStream(source().source)));
  // The alternative the streaming replaces: every row read, then the workbook built and written in memory.
  const buffered = await measure(async () => {
    const { source: s } = source();
    const rows: never[] = [];
    for await (const r of rowsOf(s)) rows.push(r);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('申报');
    sheet.addRow(s.columns.map((c) => c.header));
    for (const r of rows) sheet.addRow(s.columns.map((c) => c.value(r)));
    return (await workbook.xlsx.writeBuffer()).byteLength;
  });

  const line = (label: string, m: { ms: number; peakMb: number; bytes: number }) =>
    `  ${label.padEnd(30)} ${(m.ms / 1000).toFixed(1)} s · ${Math.round(total / (m.ms / 1000))} rows/s · ` +
    `peak RSS +${m.peakMb.toFixed(0)} MB · ${(m.bytes / 1024 / 1024).toFixed(1)} MB file`;
  console.log(`export — ${total} applications (generated in ${(generated / 1000).toFixed(1)} s)`);
  console.log(line('streamed .xlsx (route, job)', streamedXlsx));
  console.log(line('streamed .csv', streamedCsv));
  console.log(line('in memory .xlsx (for contrast)', buffered));
  console.log(
    `  memory: streamed .xlsx peaks at ${(streamedXlsx.peakMb / Math.max(1, buffered.peakMb)).toFixed(2)}× the ` +
      `in-memory build's rise; time ${(streamedXlsx.ms / buffered.ms).toFixed(2)}× (goal: flat memory, ratio ≪ 1)`,
  );
  await client.$disconnect();
} finally {
  await dropDatabase(server, name);
  await server.stop();
}
