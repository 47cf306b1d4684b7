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
