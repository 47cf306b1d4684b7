import 'server-only';
import ExcelJS from 'exceljs';
import { checkQuotaRows, type QuotaSheetRow } from '@/domain/imports/quota-rows';
import { DomainError } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { setCallQuotas } from '../calls/calls';
import type { Db } from '../db';
import { cellText, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './sheet';

// 限额导入: an Excel sheet of institutions and quotas for a call (columns 统一社会信用代码 and/or 单位名称, and 限额).
// Every row is checked first; one bad row and nothing is written, and the report names each bad row, column and
// reason. A clean sheet replaces the call's quotas through setCallQuotas — the same rules, transaction and audit
// event as the form.

export type ImportReport =
  | { ok: true; imported: number; total: number; version: number }
  | {
      ok: false;
      fileError?: 'notExcel' | 'tooLarge' | 'quotaColumnMissing' | 'institutionColumnMissing' | 'tooManyRows' | 'empty';
      errors: { row: number; column: string; code: string }[];
    };

export async function importQuotas(
  client: Db,
  actor: Actor,
  input: { callId: string; version: number; bytes: Buffer },
): Promise<ImportReport> {
  assertCan(actor, 'manage:call:all');
  if (input.bytes.length > MAX_IMPORT_BYTES) return { ok: false, fileError: 'tooLarge', errors: [] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input.bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, fileError: 'notExcel', errors: [] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) return { ok: false, fileError: 'empty', errors: [] };
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return { ok: false, fileError: 'tooManyRows', errors: [] };
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v).trim());
  const col = (test: (h: string) => boolean) => header.findIndex((h) => !!h && test(h));
  const codeCol = col((h) => h.includes('信用代码') || /credit/i.test(h));
  const nameCol = col((h) => h.includes('单位名称') || h === '单位' || /institution/i.test(h));
  const quotaCol = col((h) => h.includes('限额') || /quota/i.test(h));
  if (quotaCol < 0) return { ok: false, fileError: 'quotaColumnMissing', errors: [] };
  if (codeCol < 0 && nameCol < 0) return { ok: false, fileError: 'institutionColumnMissing', errors: [] };

  const rows: QuotaSheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const get = (c: number) => (c < 0 ? '' : cellText(row.getCell(c).value));
    const quotaValue = row.getCell(quotaCol).value;
    if (!get(codeCol).trim() && !get(nameCol).trim() && (quotaValue === null || quotaValue === undefined)) return;
    rows.push({
      row: number,
      creditCode: get(codeCol),
      name: get(nameCol),
      quota: typeof quotaValue === 'number' ? quotaValue : get(quotaCol),
    });
  });
  if (rows.length === 0) return { ok: false, fileError: 'empty', errors: [] };

  const institutions = await client.institution.findMany({ select: { id: true, creditCode: true, name: true } });
  const checked = checkQuotaRows(rows, institutions);
  if (checked.errors.length) return { ok: false, errors: checked.errors };
  try {
    const { version } = await setCallQuotas(client, actor, {
      callId: input.callId,
      version: input.version,
      quotas: checked.quotas.map(({ institutionId, maxRecommended }) => ({ institutionId, maxRecommended })),
    });
    return {
      ok: true,
      imported: checked.quotas.length,
      total: checked.quotas.reduce((s, q) => s + q.maxRecommended, 0),
      version,
    };
  } catch (error) {
    // The program's rules (eligible institution kinds, the total against planned awards) are checked by
    // setCallQuotas: its field errors point at rows of the sheet.
    if (error instanceof DomainError && error.code === 'VALIDATION' && error.fieldErrors) {
      const errors = Object.entries(error.fieldErrors).map(([field, code]) => {
        const index = /^quotas\.(\d+)\./.exec(field)?.[1];
        return { row: index === undefined ? 0 : checked.quotas[Number(index)]!.row, column: 'quota', code };
      });
      return { ok: false, errors };
    }
    throw error;
  }
}
