// 限额导入: the rows of an uploaded quota sheet, checked one by one before anything is written. Pure: the server reads
// the workbook and the institutions, this says which rows are good and, for every bad one, which column and why.

export interface QuotaSheetRow {
  /** The spreadsheet's row number (the header is row 1), for the report. */
  row: number;
  creditCode: string;
  name: string;
  quota: unknown;
}

export type QuotaColumn = 'creditCode' | 'name' | 'quota';
export interface RowError {
  row: number;
  column: QuotaColumn;
  /** A message key under imports.errors. */
  code:
    'institutionRequired' | 'institutionUnknown' | 'nameMismatch' | 'duplicateRow' | 'quotaInvalid' | 'quotaTooLarge';
}

export const MAX_QUOTA = 1_000;

export function checkQuotaRows(
  rows: readonly QuotaSheetRow[],
  institutions: readonly { id: string; creditCode: string; name: string }[],
): { quotas: { institutionId: string; maxRecommended: number; row: number }[]; errors: RowError[] } {
  const byCode = new Map(institutions.map((i) => [i.creditCode.toUpperCase(), i]));
  const byName = new Map(institutions.map((i) => [i.name, i]));
  const seen = new Set<string>();
  const quotas: { institutionId: string; maxRecommended: number; row: number }[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const code = r.creditCode.trim().toUpperCase();
    const name = r.name.trim();
    let institution: { id: string; name: string } | undefined;
    if (!code && !name) errors.push({ row: r.row, column: 'creditCode', code: 'institutionRequired' });
    else if (code) {
      institution = byCode.get(code);
      if (!institution) errors.push({ row: r.row, column: 'creditCode', code: 'institutionUnknown' });
      else if (name && name !== institution.name) {
        errors.push({ row: r.row, column: 'name', code: 'nameMismatch' });
        institution = undefined;
      }
    } else {
      institution = byName.get(name);
      if (!institution) errors.push({ row: r.row, column: 'name', code: 'institutionUnknown' });
    }
    if (institution && seen.has(institution.id)) {
      errors.push({ row: r.row, column: code ? 'creditCode' : 'name', code: 'duplicateRow' });
      institution = undefined;
    }
    const text = typeof r.quota === 'number' ? String(r.quota) : String(r.quota ?? '').trim();
    const quota = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(quota)) errors.push({ row: r.row, column: 'quota', code: 'quotaInvalid' });
    else if (quota > MAX_QUOTA) errors.push({ row: r.row, column: 'quota', code: 'quotaTooLarge' });
    else if (institution) {
      seen.add(institution.id);
      quotas.push({ institutionId: institution.id, maxRecommended: quota, row: r.row });
    }
  }
  return { quotas, errors };
}
