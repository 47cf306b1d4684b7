import 'server-only';
import type ExcelJS from 'exceljs';

// What the Excel imports share: their limits and how a cell reads as text.

/** A server action's body limit; 2,000 rows are ~60–200 KB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 2_000;

/** A cell as the person sees it: plain, hyperlink (an e-mail), formula result or rich text. */
export const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
};
