/** The staff lists that export (Excel/CSV, streamed or in the background): src/server/exports/lists.ts builds each. */
export const EXPORT_KINDS = [
  'applications',
  'projects',
  'budgets',
  'tranches',
  'assignments',
  'reviews',
  'decisions',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * How long a background export's file is kept for its requester to download (docs/RELIABILITY.md): a copy of data
 * that lives in the database, so it is not kept for ever. The export itself stays in the audit log.
 */
export const EXPORT_RESULT_RETENTION_DAYS = 7;

/** The instant an export finished at `finishedAt` stops being downloadable. */
export function exportResultExpiresAt(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + EXPORT_RESULT_RETENTION_DAYS * 86_400_000);
}
