import 'server-only';
import { beijingDate } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, Prisma } from '../db';
import { storeOwnFile } from '../files/files';
import { consumeRateLimit } from '../security/rate-limit';
import { startJobInTx, type JobContext, type JobOutcome } from '../jobs/job-runs';
import { EXPORT_KINDS, exportSource, type ExportFilters, type ExportKind } from './lists';
import { csvStream, xlsxStream, type ExportSource } from './stream';

// 后台导出 (issue 8): the same list, filters and columns as the streamed download, written by a background job into
// a file its requester alone may fetch — for a list long enough that one would rather leave the page and come back.

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

interface ExportParams {
  kind: ExportKind;
  format: 'xlsx' | 'csv';
  filters: ExportFilters;
  locale: string;
}

/** Checks the list's permission now (so a refusal is immediate) and starts the job. */
export async function startBackgroundExport(client: Db, actor: Actor, input: ExportParams) {
  const { source } = exportSource(client, actor, input.kind, input.filters, input.locale);
  await consumeRateLimit(client, 'export', actor.userId);
  const total = await source.count();
  const filters = Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v !== undefined));
  return client.$transaction((tx) =>
    startJobInTx(tx, actor, {
      kind: 'EXPORT',
      params: { kind: input.kind, format: input.format, filters, locale: asLocale(input.locale) },
      total,
    }),
  );
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The job's work: every row of the list as it stands now, into a file kept for the requester. */
export async function runBackgroundExport(ctx: JobContext): Promise<JobOutcome> {
  const params = ctx.params as unknown as ExportParams;
  if (!(EXPORT_KINDS as readonly string[]).includes(params.kind)) throw new Error(`unknown export ${params.kind}`);
  const format = params.format === 'csv' ? 'csv' : 'xlsx';
  const { source, sheet } = exportSource(ctx.client, ctx.actor, params.kind, params.filters ?? {}, params.locale);
  const total = await source.count();
  await ctx.progress(0, total);
  let done = 0;
  const counted: ExportSource<never> = {
    ...source,
    batch: async (after, size) => {
      const rows = await source.batch(after, size);
      done += rows.length;
      await ctx.progress(done);
      return rows;
    },
  };
  const bytes = await collect(format === 'csv' ? csvStream(counted) : xlsxStream(counted, sheet));
  const filename = `${params.kind}-${beijingDate(new Date())}.${format}`;
  const file = await ctx.client.$transaction(async (tx) => {
    const stored = await storeOwnFile(tx, {
      ownerId: ctx.actor.userId,
      filename,
      mimeType: MIME[format],
      bytes,
      purpose: 'EXPORT_RESULT',
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'export.generate',
      entityType: 'Export',
      entityId: stored.id,
      summary: { kind: params.kind, format, filters: params.filters as Prisma.InputJsonObject, rows: done },
    });
    return stored;
  });
  return { resultFileId: file.id, summary: { rows: done, filename: file.filename, sizeBytes: file.sizeBytes } };
}
