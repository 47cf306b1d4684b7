import { beforeAll, describe, expect, it } from 'vitest';
import {
  ZCompleteLongCycle,
  ZDecideAcceptance,
  ZRecordEvaluation,
  ZSaveFinalReport,
  ZSubmitFinalReport,
} from '@/lib/validation/project-lifecycle';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  decideAcceptance,
  getProjectAcceptance,
  saveFinalReport,
  submitFinalReport,
} from '@/server/projects/acceptance';
import { completeLongCycle, listLongCycleEvaluations, recordEvaluation } from '@/server/projects/evaluation';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { finalExpenditureReport, lifecycleBase, makeProject, taskBookIds, type Base } from './lifecycle-fixtures';

// 结题验收 and 绩效评价: the PI's final report with KPI attainment and outputs linked to talent-record works; staff
// decide; a pass closes the project and schedules the long-cycle review; deferral sends it back to work.

let base: Base;
let staff: Actor;
let pi: Actor;
let young: Actor;
let office: Actor;
let workId: string;

beforeAll(async () => {
  await seed();
  base = await lifecycleBase();
  [staff, pi, young, office] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
    actorFor(DEMO.young, 'RESEARCHER'),
    actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
  ]);
  workId = (
    await db().representativeWork.create({
      data: {
        userId: base.youngId,
        type: 'PAPER',
        title: '类脑芯片论文',
        authors: '李晓',
        year: 2029,
        contributionStatement: '第一作者',
      },
    })
  ).id;
});

const acceptanceVersion = async (projectId: string) =>
  (await db().finalAcceptance.findUnique({ where: { projectId } }))?.version ?? 0;

async function draft(projectId: string, attainments: ('MET' | 'NOT_ASSESSED')[] = ['MET', 'MET'], works = [workId]) {
  const ids = await taskBookIds(projectId);
  return saveFinalReport(
    db(),
    pi,
    ZSaveFinalReport.parse({
      projectId,
      version: await acceptanceVersion(projectId),
      finalReport: '项目完成了任务书规定的全部研究内容。',
      kpis: ids.kpis.map((kpiId, i) => ({
        kpiId,
        attainedValue: attainments[i] === 'MET' ? '达到' : '',
        attainment: attainments[i],
      })),
      workIds: works,
    }),
  );
}
const submit = async (projectId: string) =>
  submitFinalReport(db(), pi, ZSubmitFinalReport.parse({ projectId, version: await acceptanceVersion(projectId) }));
const decide = async (projectId: string, result: string, extra: Record<string, unknown> = {}) =>
  decideAcceptance(
    db(),
    staff,
    ZDecideAcceptance.parse({
      projectId,
      version: await acceptanceVersion(projectId),
      expertOpinion: '验收专家组意见：完成任务书目标。',
      result,
      ...extra,
    }),
    new Date('2030-07-15T02:00:00Z'),
  );

describe('final acceptance', () => {
  it('refuses submission without KPI attainment or the final expenditure report', async () => {
    const p = await makeProject(base);
    await draft(p.id, ['MET', 'NOT_ASSESSED']);
    await finalExpenditureReport(p.id, 'SUBMITTED');
    const e = await expectDomainError(submit(p.id), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ 'kpis.1.attainment': 'kpiAttainmentMissing' });
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('ACTIVE');

    const q = await makeProject(base);
    await draft(q.id);
    await finalExpenditureReport(q.id, 'DRAFT');
    const f = await expectDomainError(submit(q.id), 'CONFLICT');
    expect(f.messageKey).toBe('finalExpenditureMissing');
    expect((await db().finalAcceptance.findUniqueOrThrow({ where: { projectId: q.id } })).status).toBe('DRAFT');
    expect(await auditActions(q.id)).toEqual([]);
  });

  it('passes: the project closes, outputs are linked and the long-cycle review is scheduled', async () => {
    const p = await makeProject(base);
    await draft(p.id);
    await finalExpenditureReport(p.id, 'SUBMITTED');
    await submit(p.id);
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('ACCEPTANCE');
    const view = await getProjectAcceptance(db(), office, p.id);
    expect(view.outputs.map((w) => w.id)).toEqual([workId]);
    expect(view.kpis.map((k) => k.attainment)).toEqual(['MET', 'MET']);

    const r = await decide(p.id, 'PASSED');
    expect(r.longCycle).toMatchObject({ scheduledFor: '2033-07-15', international: true });
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('CLOSED');
    const acceptance = await db().finalAcceptance.findUniqueOrThrow({ where: { projectId: p.id } });
    expect(acceptance).toMatchObject({ status: 'DECIDED', result: 'PASSED', decidedById: staff.userId });
    const long = await db().longCycleEvaluation.findFirstOrThrow({ where: { projectId: p.id } });
    expect(long.scheduledFor.toISOString().slice(0, 10)).toBe('2033-07-15');
    expect(await auditActions(p.id)).toEqual(['project.submit_final', 'project.close']);
    expect(await auditActions(acceptance.id)).toEqual([
      'final_acceptance.save',
      'final_acceptance.submit',
      'final_acceptance.decide',
    ]);
    await expectDomainError(decide(p.id, 'PASSED'), 'CONFLICT');

    // Performance evaluation by category, then the long-cycle review completed once.
    const ev = await recordEvaluation(
      db(),
      staff,
      ZRecordEvaluation.parse({
        projectId: p.id,
        grade: 'GOOD',
        teamAssessment: '团队协作好',
        individualAssessment: '负责人投入足',
        international: true,
      }),
    );
    expect(ev.category).toBe('BASIC');
    expect(await auditActions(ev.id)).toEqual(['performance_evaluation.record']);
    expect((await listLongCycleEvaluations(db(), staff)).some((l) => l.id === long.id)).toBe(true);
    const done = ZCompleteLongCycle.parse({
      evaluationId: long.id,
      version: long.version,
      findings: '成果持续产生影响',
      grade: 'EXCELLENT',
    });
    await completeLongCycle(db(), staff, done);
    expect((await db().longCycleEvaluation.findUniqueOrThrow({ where: { id: long.id } })).status).toBe('DONE');
    await expectDomainError(completeLongCycle(db(), staff, { ...done, version: long.version + 1 }), 'CONFLICT');
  });

  it('defers back to ACTIVE with the report a draft again; fails close without a long-cycle review', async () => {
    const p = await makeProject(base);
    await draft(p.id);
    await finalExpenditureReport(p.id, 'ACCEPTED');
    await submit(p.id);
    await decide(p.id, 'DEFERRED');
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('ACTIVE');
    expect(await db().finalAcceptance.findUniqueOrThrow({ where: { projectId: p.id } })).toMatchObject({
      status: 'DRAFT',
      result: 'DEFERRED',
    });
    expect(await auditActions(p.id)).toEqual(['project.submit_final', 'project.defer_acceptance']);
    await draft(p.id);
    await submit(p.id);
    await decide(p.id, 'FAILED');
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('CLOSED');
    expect(await db().longCycleEvaluation.count({ where: { projectId: p.id } })).toBe(0);
  });

  it('refuses outputs that are not the team’s works, naming the field', async () => {
    const p = await makeProject(base, { memberIds: [] });
    const e = await expectDomainError(draft(p.id, ['MET', 'MET'], [workId]), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ workIds: 'outputWorkUnknown' });
    expect(await db().finalAcceptance.count({ where: { projectId: p.id } })).toBe(0);
  });

  it('scopes: another PI or institution gets NOT_FOUND', async () => {
    const other = await makeProject(base, { institutionId: base.buuId, piId: base.youngId, memberIds: [] });
    await expectDomainError(draft(other.id), 'NOT_FOUND');
    await expectDomainError(getProjectAcceptance(db(), office, other.id), 'NOT_FOUND');
    await expectDomainError(getProjectAcceptance(db(), pi, other.id), 'NOT_FOUND');
    expect((await getProjectAcceptance(db(), young, other.id)).isPi).toBe(true);
  });
});
