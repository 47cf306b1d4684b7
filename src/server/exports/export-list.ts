import 'server-only';
import { beijingDate } from '@/domain/time';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { consumeRateLimit } from '../security/rate-limit';
import type { Db } from '../db';
import { exportSource, type ExportFilters, type ExportKind } from './lists';
import { csvStream, exportResponse, xlsxStream } from './stream';

/** Authorizes (by the list's own permission), records the export in the audit log, and streams the file. */
export async function exportList(
  client: Db,
  actor: Actor,
  input: { kind: ExportKind; format: 'xlsx' | 'csv'; filters: ExportFilters; locale: string },
): Promise<Response> {
  const { source, sheet } = exportSource(client, actor, input.kind, input.filters, input.locale);
  await consumeRateLimit(client, 'export', actor.userId);
  await client.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: 'export.download',
      entityType: 'Export',
      summary: { kind: input.kind, format: input.format, filters: { ...input.filters } },
    }),
  );
  const filename = `${input.kind}-${beijingDate(new Date())}.${input.format}`;
  const body = input.format === 'csv' ? csvStream(source) : xlsxStream(source, sheet);
  return exportResponse(body, filename, input.format);
}
