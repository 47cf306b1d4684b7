// 限额: how many applications each institution may recommend to a call. Checked when staff save quotas and again
// when the call is published.
import type { InstitutionKind } from '../auth/roles';
import type { ProgramRules } from './rules';

export interface QuotaRow {
  institutionId: string;
  kind: InstitutionKind;
  affiliation: 'MUNICIPAL' | 'CENTRAL_IN_BEIJING' | 'OTHER';
  maxRecommended: number;
}

export type QuotaProblem =
  | { index: number; code: 'quotaNegative' | 'quotaTooLarge' | 'quotaDuplicate' | 'quotaIneligible' }
  | { index: null; code: 'quotaBelowAwards'; total: number; awards: number };

/** The most any one institution may be given: a typing guard (the largest universities recommend dozens). */
export const MAX_QUOTA = 1000;

export function checkQuotas(
  rows: readonly QuotaRow[],
  rules: Pick<ProgramRules, 'institutionKinds' | 'affiliations'>,
  plannedAwards: number | null,
): QuotaProblem[] {
  const problems: QuotaProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!Number.isInteger(row.maxRecommended) || row.maxRecommended < 0)
      problems.push({ index, code: 'quotaNegative' });
    else if (row.maxRecommended > MAX_QUOTA) problems.push({ index, code: 'quotaTooLarge' });
    if (seen.has(row.institutionId)) problems.push({ index, code: 'quotaDuplicate' });
    seen.add(row.institutionId);
    const eligible = rules.institutionKinds.includes(row.kind) && rules.affiliations.includes(row.affiliation);
    if (!eligible && row.maxRecommended > 0) problems.push({ index, code: 'quotaIneligible' });
  });
  // Quotas that cannot fill the planned awards make the call fail before it starts.
  const total = rows.reduce((s, r) => s + Math.max(0, r.maxRecommended), 0);
  if (plannedAwards !== null && rows.length > 0 && total < plannedAwards) {
    problems.push({ index: null, code: 'quotaBelowAwards', total, awards: plannedAwards });
  }
  return problems;
}
