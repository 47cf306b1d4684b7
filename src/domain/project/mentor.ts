// 护航 (卓越青年科学家计划): a program whose frozen rules say `mentorRequired` gives each funded project a responsible
// expert, assigned by commission staff. The expert keeps a mentoring log; a milestone opinion names a milestone and is
// always shown to the PI (the policy's point is that the PI hears it), other entries only when the expert says so.

export const MENTORING_KINDS = ['MEETING', 'SITE_VISIT', 'CALL', 'MILESTONE_OPINION'] as const;
export type MentoringKind = (typeof MENTORING_KINDS)[number];

/** Whether the program's rules (as frozen on the application) ask for a responsible expert. */
export function needsMentor(rules: unknown): boolean {
  return typeof rules === 'object' && rules !== null && (rules as { mentorRequired?: unknown }).mentorRequired === true;
}

export type MentoringEntryIssue =
  | { field: 'milestoneId'; code: 'milestoneRequired' | 'milestoneNotOfProject' }
  | { field: 'occurredOn'; code: 'dateInFuture' };

/** What a log entry must satisfy, and whether the PI sees it. */
export function checkMentoringEntry(
  entry: { kind: MentoringKind; milestoneId: string | null; occurredOn: string; visibleToPi: boolean },
  ctx: { projectMilestoneIds: readonly string[]; today: string },
): { ok: true; visibleToPi: boolean } | { ok: false; issues: MentoringEntryIssue[] } {
  const issues: MentoringEntryIssue[] = [];
  if (entry.kind === 'MILESTONE_OPINION' && !entry.milestoneId) {
    issues.push({ field: 'milestoneId', code: 'milestoneRequired' });
  }
  if (entry.milestoneId && !ctx.projectMilestoneIds.includes(entry.milestoneId)) {
    issues.push({ field: 'milestoneId', code: 'milestoneNotOfProject' });
  }
  if (entry.occurredOn > ctx.today) issues.push({ field: 'occurredOn', code: 'dateInFuture' });
  if (issues.length) return { ok: false, issues };
  return { ok: true, visibleToPi: entry.kind === 'MILESTONE_OPINION' ? true : entry.visibleToPi };
}
