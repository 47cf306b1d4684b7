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
 * A new membership: within the term's dates, and at most one chair at a time — a chair's membership still running on
 * the new one's first day blocks another chair (`others` excludes the person being added).
 */
export function checkMembership(
  m: { position: 'CHAIR' | 'VICE_CHAIR' | 'MEMBER'; fromDate: string },
  term: { startsOn: string; endsOn: string },
  others: readonly { position: string; toDate: string | null }[],
): TermIssue[] {
  const issues: TermIssue[] = [];
  if (m.fromDate < term.startsOn || m.fromDate > term.endsOn) issues.push({ field: 'fromDate', code: 'outsideTerm' });
  if (
    m.position === 'CHAIR' &&
    others.some((o) => o.position === 'CHAIR' && (o.toDate === null || o.toDate >= m.fromDate))
  )
    issues.push({ field: 'position', code: 'oneChair' });
  return issues;
}

/**
 * Editing a term: its own settings as for a new one, dates that still hold every membership, and a score scale that
 * stays fixed once a member has scored a topic of the term (the scores already given were on that scale).
 */
export function checkTermChange(
  next: { startsOn: string; endsOn: string; scoreScaleMax: number; minScoresToDecide: number },
  current: { scoreScaleMax: number },
  ctx: { memberships: readonly { fromDate: string; toDate: string | null }[]; scored: boolean },
): TermIssue[] {
  const issues = checkTerm(next);
  if (ctx.memberships.some((m) => m.fromDate < next.startsOn))
    issues.push({ field: 'startsOn', code: 'membersOutsideTerm' });
  if (ctx.memberships.some((m) => m.fromDate > next.endsOn || (m.toDate !== null && m.toDate > next.endsOn)))
    issues.push({ field: 'endsOn', code: 'membersOutsideTerm' });
  if (ctx.scored && next.scoreScaleMax !== current.scoreScaleMax)
    issues.push({ field: 'scoreScaleMax', code: 'scaleFixedOnceScored' });
  return issues;
}

/** Ending a membership: on or after its start, and no later than the term's last day. */
export function checkMembershipEnd(
  toDate: string,
  membership: { fromDate: string },
  term: { endsOn: string },
): TermIssue[] {
  if (toDate < membership.fromDate) return [{ field: 'toDate', code: 'endBeforeStart' }];
  if (toDate > term.endsOn) return [{ field: 'toDate', code: 'outsideTerm' }];
  return [];
}
