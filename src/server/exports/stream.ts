import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// Streams a staff list as .xlsx or .csv. Rows come in keyset-paged batches and leave as they are written (exceljs's
// streaming writer commits each row; CSV is plain text), so memory stays flat however long the list (issue 10 measures
// 50,000 rows). The caller checks the permission before anything is read.

export type Cell = string | number | null;
export interface Column<Row> {
  header: string;
  width?: number;
  value: (row: Row) => Cell;
}
export interface ExportSource<Row> {
  columns: Column<Row>[];
  /** The next batch after `after` (the last row's key), or an empty array when done. */
  batch: (after: string | null, size: number) => Promise<Row[]>;
  key: (row: Row) => string;
  /** How many rows the list has (a background export's progress). */
  count: () => Promise<number>;
}

const BATCH = 1_000;

export async function* rowsOf<Row>(source: ExportSource<Row>): AsyncGenerator<Row> {
  let after: string | null = null;
  for (;;) {
    const rows = await source.batch(after, BATCH);
    for (const r of rows) yield r;
    if (rows.length < BATCH) return;
    after = source.key(rows[rows.length - 1]!);
  }
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised (CSV injection). */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvStream<Row>(source: ExportSource<Row>): ReadableStream<Uint8Array> {
  async function* lines() {
    // The BOM makes Excel read the UTF-8 Chinese correctly.
    yield Buffer.from(`\uFEFF${source.columns.map((c) => csvField(c.header)).join(',')}\r\n`);
    for await (const row of rowsOf(source))
      yield Buffer.from(`${source.columns.map((c) => csvField(c.value(row))).join(',')}\r\n`);
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>;
}

export function xlsxStream<Row>(source: ExportSource<Row>, sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = source.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const row of rowsOf(source)) sheet.addRow(source.columns.map((c) => c.value(row))).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export function exportResponse(body: ReadableStream<Uint8Array>, filename: string, format: 'xlsx' | 'csv'): Response {
  return new Response(body, {
    headers: {
      'Content-Type':
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
