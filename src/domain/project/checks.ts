// 年度检查与中期检查, and 结题验收's entry gate (issue 6, DATA-MODEL §2.12, §3.7). The rules, written down:
//
// OPENING. Staff open an ANNUAL check of an ACTIVE project (it stays ACTIVE) or the project's MIDTERM check (ACTIVE →
//   MIDTERM_REVIEW). A project has at most one check under way (OPEN or SUBMITTED) and one mid-term in its life.
// REPORTING. The PI reports progress on every KPI of the confirmed task book (progress text, on track or not) and may
//   say which milestones were reached or missed; the report may be corrected until it is assessed.
// ASSESSING. Staff record the assessor's written assessment and a score 0–100, then an outcome:
//   CONTINUE / ADJUST   the project goes on (a mid-term: MIDTERM_REVIEW → ACTIVE; an annual check: stays ACTIVE);
//   SUSPEND             → SUSPENDED; open tranches stay but cannot be paid while suspended;
//   TERMINATE           → TERMINATED with a reason; tranches not yet paid are cancelled in the same transaction.
//   CUT is never chosen here: only a decided 赛马制 round cuts a team. For a horse-race team's mid-term the round
//   decides between going on and being cut, so its assessment carries the score alone (or SUSPEND / TERMINATE when
//   the team must stop whatever the comparison says).
// FINAL REPORT. A PI may submit the final report (ACTIVE → ACCEPTANCE) when every KPI has an attained value and an
//   assessment, and the final-year expenditure report has been filed (at least SUBMITTED).

import { z } from 'zod';
import { canTransitionProject, type ProjectStatus, type ProjectTransition } from './transitions';

export const CHECK_KINDS = ['ANNUAL', 'MIDTERM'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export type CheckStatus = 'OPEN' | 'SUBMITTED' | 'ASSESSED';
export const ASSESSABLE_OUTCOMES = ['CONTINUE', 'ADJUST', 'SUSPEND', 'TERMINATE'] as const;
export type CheckOutcome = (typeof ASSESSABLE_OUTCOMES)[number] | 'CUT';

export const PROGRESS_SUMMARY_MAX_CHARS = 5000;
export const KPI_PROGRESS_MAX_CHARS = 2000;
export const ASSESSMENT_MAX_CHARS = 5000;

const text = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: `tooLong?max=${max}` });

/** The PI's progress report, as stored in MidtermCheck.progress and as the form sends it. */
export const progressReportSchema = z.object({
  summary: text(PROGRESS_SUMMARY_MAX_CHARS),
  kpis: z
    .array(
      z.object({
        kpiId: z.string({ error: 'required' }).uuid({ error: 'invalid' }),
        progress: text(KPI_PROGRESS_MAX_CHARS),
        onTrack: z.boolean({ error: 'required' }),
      }),
      { error: 'invalid' },
    )
    .min(1, { error: 'required' }),
  milestones: z
    .array(
      z.object({
        milestoneId: z.string({ error: 'required' }).uuid({ error: 'invalid' }),
        status: z.enum(['PENDING', 'REACHED', 'MISSED'], { error: 'invalid' }),
      }),
      { error: 'invalid' },
    )
    .optional()
    .transform((m) => m ?? []),
});
export type ProgressReport = z.output<typeof progressReportSchema>;

export type CheckIssue = { field: string; code: string };

/** Whether staff may open a check of this kind now; null when they may. */
export function checkOpenRefusal(
  kind: CheckKind,
  projectStatus: ProjectStatus,
  checks: readonly { kind: CheckKind; status: CheckStatus }[],
): string | null {
  if (kind === 'MIDTERM' ? !canTransitionProject(projectStatus, 'start_midterm', 'STAFF') : projectStatus !== 'ACTIVE')
    return 'wrongState';
  if (checks.some((c) => c.status !== 'ASSESSED')) return 'checkUnderWay';
  if (kind === 'MIDTERM' && checks.some((c) => c.kind === 'MIDTERM')) return 'midtermAlreadyHeld';
  return null;
}

/** What is wrong with a report against the task book's KPIs and milestones; [] when it may be filed. */
export function checkProgressReport(
  report: ProgressReport,
  kpiIds: readonly string[],
  milestoneIds: readonly string[],
): CheckIssue[] {
  const issues: CheckIssue[] = [];
  report.kpis.forEach((k, i) => {
    if (!kpiIds.includes(k.kpiId)) issues.push({ field: `kpis.${i}.kpiId`, code: 'invalid' });
  });
  const reported = new Set(report.kpis.map((k) => k.kpiId));
  if (reported.size !== report.kpis.length) issues.push({ field: 'kpis', code: 'duplicateKpi' });
  if (kpiIds.some((id) => !reported.has(id))) issues.push({ field: 'kpis', code: 'kpiProgressMissing' });
  report.milestones.forEach((m, i) => {
    if (!milestoneIds.includes(m.milestoneId)) issues.push({ field: `milestones.${i}.milestoneId`, code: 'invalid' });
  });
  return issues;
}

export interface AssessmentFacts {
  kind: CheckKind;
  checkStatus: CheckStatus;
  projectStatus: ProjectStatus;
  /** The project is a team of a 赛马制 challenge and this is its mid-term: the race round decides go on or cut. */
  raceTeam: boolean;
}

export interface AssessmentInput {
  score: number;
  assessment: string;
  outcome: CheckOutcome | null;
  reason: string | null;
}

export type AssessmentVerdict =
  { ok: true; transition: ProjectTransition | null } | { ok: false; code: string; field?: string; conflict: boolean };

/** Which project transition an assessment makes, or why it is refused. */
export function judgeAssessment(facts: AssessmentFacts, input: AssessmentInput): AssessmentVerdict {
  const refuse = (code: string, field?: string, conflict = false): AssessmentVerdict => ({
    ok: false,
    code,
    field,
    conflict,
  });
  if (facts.checkStatus !== 'SUBMITTED') return refuse('checkNotSubmitted', undefined, true);
  const expected: ProjectStatus = facts.kind === 'MIDTERM' ? 'MIDTERM_REVIEW' : 'ACTIVE';
  if (facts.projectStatus !== expected) return refuse('wrongState', undefined, true);
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 100) return refuse('scoreRange', 'score');
  if (!input.assessment.trim()) return refuse('required', 'assessment');
  if (input.outcome === 'CUT') return refuse('cutOnlyByRace', 'outcome');
  const raceDecides = facts.raceTeam && facts.kind === 'MIDTERM';
  if (input.outcome === null) return raceDecides ? { ok: true, transition: null } : refuse('required', 'outcome');
  if (raceDecides && (input.outcome === 'CONTINUE' || input.outcome === 'ADJUST'))
    return refuse('raceDecidesOutcome', 'outcome');
  if (input.outcome === 'TERMINATE' && !input.reason?.trim()) return refuse('terminateReasonRequired', 'reason');
  const transition: ProjectTransition | null =
    input.outcome === 'SUSPEND'
      ? 'suspend'
      : input.outcome === 'TERMINATE'
        ? 'terminate'
        : facts.kind === 'MIDTERM'
          ? 'continue'
          : null;
  if (transition && !canTransitionProject(facts.projectStatus, transition, 'STAFF')) return refuse('wrongState');
  return { ok: true, transition };
}

export type KpiAttainment = 'NOT_ASSESSED' | 'MET' | 'PARTLY_MET' | 'NOT_MET';
export type ExpenditureStatus = 'DRAFT' | 'SUBMITTED' | 'INSTITUTION_SIGNED' | 'ACCEPTED' | 'RETURNED';

export interface FinalReportFacts {
  projectStatus: ProjectStatus;
  finalReport: string;
  /** The confirmed task book's KPIs in order, with what the PI reported. */
  kpis: readonly { kpiId: string; attainedValue: string | null; attainment: KpiAttainment }[];
  /** The statuses of the project's final-year expenditure reports (ExpenditureReport.isFinal). */
  finalExpenditureStatuses: readonly ExpenditureStatus[];
}

const FILED: readonly ExpenditureStatus[] = ['SUBMITTED', 'INSTITUTION_SIGNED', 'ACCEPTED'];

/** What stands between the PI and submitting the final report; [] when it may go to acceptance. */
export function canSubmitFinalReport(facts: FinalReportFacts): CheckIssue[] {
  const issues: CheckIssue[] = [];
  if (!canTransitionProject(facts.projectStatus, 'submit_final', 'PI')) return [{ field: '_form', code: 'wrongState' }];
  if (!facts.finalReport.trim()) issues.push({ field: 'finalReport', code: 'required' });
  if (facts.kpis.length === 0) issues.push({ field: 'kpis', code: 'kpiAttainmentMissing' });
  facts.kpis.forEach((k, i) => {
    if (k.attainment === 'NOT_ASSESSED' || !k.attainedValue?.trim())
      issues.push({ field: `kpis.${i}.attainment`, code: 'kpiAttainmentMissing' });
  });
  if (!facts.finalExpenditureStatuses.some((s) => FILED.includes(s)))
    issues.push({ field: '_form', code: 'finalExpenditureMissing' });
  return issues;
}

export type AcceptanceResult = 'PASSED' | 'PASSED_WITH_CONDITIONS' | 'FAILED' | 'DEFERRED';
export type AcceptanceStatus = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'DECIDED';

/**
 * The project transition an acceptance decision makes: DEFERRED sends the project back to work (the PI revises and
 * submits again); every other result closes it. FAILED closes it too — the money stops and the record says so.
 */
export function acceptanceTransition(
  acceptanceStatus: AcceptanceStatus,
  projectStatus: ProjectStatus,
  result: AcceptanceResult,
): ProjectTransition | null {
  if (acceptanceStatus !== 'SUBMITTED' && acceptanceStatus !== 'UNDER_REVIEW') return null;
  const transition: ProjectTransition = result === 'DEFERRED' ? 'defer_acceptance' : 'close';
  return canTransitionProject(projectStatus, transition, 'STAFF') ? transition : null;
}
