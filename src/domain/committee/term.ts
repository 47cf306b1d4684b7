// 战略咨询专家委员会的届与委员 (issue 7, DATA-MODEL §2.14).

export interface TermDates {
  id: string;
  startsOn: string; // YYYY-MM-DD
  endsOn: string;
}

/** The term whose dates contain `today` (Beijing calendar date); the latest-starting one if terms overlap. */
export function currentTerm<T extends TermDates>(terms: readonly T[], today: string): T | null {
  const running = terms.filter((t) => t.startsOn <= today && today <= t.endsOn);
  running.sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
  return running[0] ?? null;
}

export type TermIssue = { field: string; code: string };

/** A term's own settings: dates in order, a score scale of 3–100, a minimum of 1–20 scores to decide a topic. */
export function checkTerm(t: { startsOn: string; endsOn: string; scoreScaleMax: number; minScoresToDecide: number }) {
  const issues: TermIssue[] = [];
  if (t.endsOn <= t.startsOn) issues.push({ field: 'endsOn', code: 'endBeforeStart' });
  if (t.scoreScaleMax < 3 || t.scoreScaleMax > 100)
    issues.push({ field: 'scoreScaleMax', code: 'between?min=3&max=100' });
  if (t.minScoresToDecide < 1 || t.minScoresToDecide > 20)
    issues.push({ field: 'minScoresToDecide', code: 'between?min=1&max=20' });
  return issues;
}

/**
 * A new membership: within the term's dates, and at most one chair among the term's current members
 * (`others` excludes the person being added).
 */
export function checkMembership(
  m: { position: 'CHAIR' | 'VICE_CHAIR' | 'MEMBER'; fromDate: string },
  term: { startsOn: string; endsOn: string },
  others: readonly { position: string; toDate: string | null }[],
): TermIssue[] {
  const issues: TermIssue[] = [];
  if (m.fromDate < term.startsOn || m.fromDate > term.endsOn) issues.push({ field: 'fromDate', code: 'outsideTerm' });
  if (m.position === 'CHAIR' && others.some((o) => o.position === 'CHAIR' && o.toDate === null))
    issues.push({ field: 'position', code: 'oneChair' });
  return issues;
}
