import { describe, expect, it } from 'vitest';
import {
  acceptanceTransition,
  canSubmitFinalReport,
  checkOpenRefusal,
  checkProgressReport,
  judgeAssessment,
  progressReportSchema,
  type AssessmentFacts,
  type AssessmentInput,
  type FinalReportFacts,
} from '@/domain/project/checks';

const K1 = '00000000-0000-4000-8000-000000000001';
const K2 = '00000000-0000-4000-8000-000000000002';
const M1 = '00000000-0000-4000-8000-000000000011';

describe('opening a check', () => {
  it('opens an annual check of an active project and the mid-term once', () => {
    expect(checkOpenRefusal('ANNUAL', 'ACTIVE', [])).toBeNull();
    expect(checkOpenRefusal('MIDTERM', 'ACTIVE', [{ kind: 'ANNUAL', status: 'ASSESSED' }])).toBeNull();
    expect(checkOpenRefusal('MIDTERM', 'ACTIVE', [{ kind: 'MIDTERM', status: 'ASSESSED' }])).toBe('midtermAlreadyHeld');
  });
  it('refuses while another check is under way or the project is not running', () => {
    expect(checkOpenRefusal('ANNUAL', 'ACTIVE', [{ kind: 'ANNUAL', status: 'SUBMITTED' }])).toBe('checkUnderWay');
    expect(checkOpenRefusal('ANNUAL', 'SUSPENDED', [])).toBe('wrongState');
    expect(checkOpenRefusal('MIDTERM', 'TASK_BOOK_CONFIRMED', [])).toBe('wrongState');
    expect(checkOpenRefusal('ANNUAL', 'MIDTERM_REVIEW', [])).toBe('wrongState');
  });
});

describe('the progress report', () => {
  const report = (kpis: { kpiId: string; progress: string; onTrack: boolean }[], milestones = [] as never[]) =>
    progressReportSchema.parse({ summary: '按计划推进', kpis, milestones });

  it('covers every KPI exactly once', () => {
    const both = report([
      { kpiId: K1, progress: '完成 60%', onTrack: true },
      { kpiId: K2, progress: '滞后', onTrack: false },
    ]);
    expect(checkProgressReport(both, [K1, K2], [M1])).toEqual([]);
    expect(checkProgressReport(report([{ kpiId: K1, progress: 'x', onTrack: true }]), [K1, K2], [])).toEqual([
      { field: 'kpis', code: 'kpiProgressMissing' },
    ]);
    const twice = report([
      { kpiId: K1, progress: 'a', onTrack: true },
      { kpiId: K1, progress: 'b', onTrack: true },
    ]);
    expect(checkProgressReport(twice, [K1], []).map((i) => i.code)).toContain('duplicateKpi');
    expect(checkProgressReport(both, [K1], [])).toContainEqual({ field: 'kpis.1.kpiId', code: 'invalid' });
  });
  it('names the empty field and rejects unknown milestones', () => {
    const parsed = progressReportSchema.safeParse({ summary: ' ', kpis: [{ kpiId: K1, progress: '', onTrack: true }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['summary', 'kpis.0.progress']);
    const r = progressReportSchema.parse({
      summary: 's',
      kpis: [{ kpiId: K1, progress: 'p', onTrack: true }],
      milestones: [{ milestoneId: K2, status: 'REACHED' }],
    });
    expect(checkProgressReport(r, [K1], [M1])).toEqual([{ field: 'milestones.0.milestoneId', code: 'invalid' }]);
  });
});

describe('assessing a check', () => {
  const facts = (over: Partial<AssessmentFacts> = {}): AssessmentFacts => ({
    kind: 'MIDTERM',
    checkStatus: 'SUBMITTED',
    projectStatus: 'MIDTERM_REVIEW',
    raceTeam: false,
    ...over,
  });
  const input = (over: Partial<AssessmentInput> = {}): AssessmentInput => ({
    score: 82,
    assessment: '进展良好',
    outcome: 'CONTINUE',
    reason: null,
    ...over,
  });

  it('maps each outcome to its transition', () => {
    expect(judgeAssessment(facts(), input())).toEqual({ ok: true, transition: 'continue' });
    expect(judgeAssessment(facts(), input({ outcome: 'ADJUST' }))).toEqual({ ok: true, transition: 'continue' });
    expect(judgeAssessment(facts(), input({ outcome: 'SUSPEND' }))).toEqual({ ok: true, transition: 'suspend' });
    expect(judgeAssessment(facts(), input({ outcome: 'TERMINATE', reason: '无法完成' }))).toEqual({
      ok: true,
      transition: 'terminate',
    });
    const annual = facts({ kind: 'ANNUAL', projectStatus: 'ACTIVE' });
    expect(judgeAssessment(annual, input())).toEqual({ ok: true, transition: null });
    expect(judgeAssessment(annual, input({ outcome: 'SUSPEND' }))).toEqual({ ok: true, transition: 'suspend' });
  });
  it('refuses before the report, outside the range, without a reason to terminate, and a cut', () => {
    expect(judgeAssessment(facts({ checkStatus: 'OPEN' }), input())).toMatchObject({ code: 'checkNotSubmitted' });
    expect(judgeAssessment(facts({ projectStatus: 'ACTIVE' }), input())).toMatchObject({ code: 'wrongState' });
    expect(judgeAssessment(facts(), input({ score: 100.5 }))).toMatchObject({ field: 'score', code: 'scoreRange' });
    expect(judgeAssessment(facts(), input({ score: -1 }))).toMatchObject({ field: 'score' });
    expect(judgeAssessment(facts(), input({ assessment: ' ' }))).toMatchObject({ field: 'assessment' });
    expect(judgeAssessment(facts(), input({ outcome: 'TERMINATE' }))).toMatchObject({ field: 'reason' });
    expect(judgeAssessment(facts(), input({ outcome: 'CUT' }))).toMatchObject({ code: 'cutOnlyByRace' });
    expect(judgeAssessment(facts(), input({ outcome: null }))).toMatchObject({ field: 'outcome', code: 'required' });
  });
  it('leaves go-on-or-cut of a horse-race team to the round', () => {
    const race = facts({ raceTeam: true });
    expect(judgeAssessment(race, input({ outcome: null }))).toEqual({ ok: true, transition: null });
    expect(judgeAssessment(race, input())).toMatchObject({ code: 'raceDecidesOutcome' });
    expect(judgeAssessment(race, input({ outcome: 'TERMINATE', reason: '造假' }))).toEqual({
      ok: true,
      transition: 'terminate',
    });
    // An annual check of a race team is assessed like any other.
    expect(judgeAssessment(facts({ raceTeam: true, kind: 'ANNUAL', projectStatus: 'ACTIVE' }), input())).toEqual({
      ok: true,
      transition: null,
    });
  });
});

describe('the final report', () => {
  const facts = (over: Partial<FinalReportFacts> = {}): FinalReportFacts => ({
    projectStatus: 'ACTIVE',
    finalReport: '完成全部任务',
    kpis: [
      { kpiId: K1, attainedValue: '96%', attainment: 'MET' },
      { kpiId: K2, attainedValue: '1.1', attainment: 'PARTLY_MET' },
    ],
    finalExpenditureStatuses: ['SUBMITTED'],
    ...over,
  });
  it('may be submitted with every KPI assessed and the final expenditure report filed', () => {
    expect(canSubmitFinalReport(facts())).toEqual([]);
    expect(canSubmitFinalReport(facts({ finalExpenditureStatuses: ['ACCEPTED'] }))).toEqual([]);
  });
  it('names each KPI without attainment, and a missing or draft expenditure report', () => {
    const k = facts().kpis;
    expect(
      canSubmitFinalReport(facts({ kpis: [k[0]!, { kpiId: K2, attainedValue: null, attainment: 'NOT_ASSESSED' }] })),
    ).toEqual([{ field: 'kpis.1.attainment', code: 'kpiAttainmentMissing' }]);
    expect(canSubmitFinalReport(facts({ kpis: [k[0]!, { ...k[1]!, attainedValue: ' ' }] }))).toHaveLength(1);
    expect(canSubmitFinalReport(facts({ finalExpenditureStatuses: ['DRAFT'] }))).toEqual([
      { field: '_form', code: 'finalExpenditureMissing' },
    ]);
    expect(canSubmitFinalReport(facts({ finalExpenditureStatuses: [] }))).toHaveLength(1);
    expect(canSubmitFinalReport(facts({ kpis: [] }))).toEqual([{ field: 'kpis', code: 'kpiAttainmentMissing' }]);
  });
  it('only from an active project', () => {
    expect(canSubmitFinalReport(facts({ projectStatus: 'MIDTERM_REVIEW' }))).toEqual([
      { field: '_form', code: 'wrongState' },
    ]);
  });
});

describe('the acceptance decision', () => {
  it('closes on pass or fail and defers back to work', () => {
    expect(acceptanceTransition('SUBMITTED', 'ACCEPTANCE', 'PASSED')).toBe('close');
    expect(acceptanceTransition('UNDER_REVIEW', 'ACCEPTANCE', 'PASSED_WITH_CONDITIONS')).toBe('close');
    expect(acceptanceTransition('SUBMITTED', 'ACCEPTANCE', 'FAILED')).toBe('close');
    expect(acceptanceTransition('SUBMITTED', 'ACCEPTANCE', 'DEFERRED')).toBe('defer_acceptance');
  });
  it('refuses a draft, a decided acceptance or a project not in acceptance', () => {
    expect(acceptanceTransition('DRAFT', 'ACCEPTANCE', 'PASSED')).toBeNull();
    expect(acceptanceTransition('DECIDED', 'ACCEPTANCE', 'PASSED')).toBeNull();
    expect(acceptanceTransition('SUBMITTED', 'ACTIVE', 'PASSED')).toBeNull();
  });
});
