import { beforeAll, describe, expect, it } from 'vitest';
import { ZAssessCheck, ZOpenCheck, ZResumeProject, ZSubmitProgress } from '@/lib/validation/project-lifecycle';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { assessCheck, getProjectChecks, openCheck, resumeProject, submitProgress } from '@/server/projects/checks';
import { markTranchePaid } from '@/server/projects/tranches';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { lifecycleBase, makeProject, taskBookIds, type Base } from './lifecycle-fixtures';

// 年度/中期检查 end to end on rows written by the fixtures: staff open, the PI reports per KPI, staff assess; each
// outcome moves the project as DATA-MODEL §3.7 says, in the same transaction as its audit events.

let base: Base;
let staff: Actor;
let pi: Actor;
let young: Actor;
let office: Actor;

beforeAll(async () => {
  await seed();
  base = await lifecycleBase();
  [staff, pi, young, office] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
    actorFor(DEMO.young, 'RESEARCHER'),
    actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
  ]);
});

const open = async (projectId: string, kind: 'ANNUAL' | 'MIDTERM' = 'MIDTERM', year = 2028) => {
  const p = await db().project.findUniqueOrThrow({ where: { id: projectId } });
  return openCheck(db(), staff, ZOpenCheck.parse({ projectId, version: p.version, kind, year }));
};

const report = async (checkId: string, projectId: string, onTrack = [true, false]) => {
  const ids = await taskBookIds(projectId);
  const check = await db().midtermCheck.findUniqueOrThrow({ where: { id: checkId } });
  return submitProgress(
    db(),
    pi,
    ZSubmitProgress.parse({
      checkId,
      version: check.version,
      summary: '按任务书推进，第一项指标进展顺利。',
      kpis: ids.kpis.map((kpiId, i) => ({ kpiId, progress: `进展 ${i + 1}`, onTrack: onTrack[i] ?? true })),
      milestones: [{ milestoneId: ids.milestones[0]!, status: 'REACHED' }],
    }),
  );
};

const assess = async (checkId: string, over: Record<string, unknown> = {}) => {
  const check = await db().midtermCheck.findUniqueOrThrow({ where: { id: checkId } });
  return assessCheck(
    db(),
    staff,
    ZAssessCheck.parse({
      checkId,
      version: check.version,
      score: 85.5,
      assessment: '专家组认为进展良好。',
      outcome: 'CONTINUE',
      ...over,
    }),
  );
};

describe('the mid-term', () => {
  it('opens (project → MIDTERM_REVIEW, linked to the mid-term milestone), is reported and continues', async () => {
    const project = await makeProject(base);
    const { id } = await open(project.id);
    const ids = await taskBookIds(project.id);
    let check = await db().midtermCheck.findUniqueOrThrow({ where: { id } });
    expect(check).toMatchObject({ kind: 'MIDTERM', status: 'OPEN', milestoneId: ids.milestones[0] });
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('MIDTERM_REVIEW');

    // Staff cannot assess before the PI has reported.
    await expectDomainError(assess(id), 'CONFLICT');
    await report(id, project.id);
    const view = await getProjectChecks(db(), pi, project.id);
    expect(view.isPi).toBe(true);
    expect(view.checks[0]!.progress!.kpis.map((k) => k.onTrack)).toEqual([true, false]);

    const result = await assess(id, { outcome: 'ADJUST' });
    expect(result).toEqual({ outcome: 'ADJUST', transition: 'continue' });
    check = await db().midtermCheck.findUniqueOrThrow({ where: { id } });
    expect(check).toMatchObject({ status: 'ASSESSED', outcome: 'ADJUST', assessedById: staff.userId });
    expect(Number(check.score)).toBe(85.5);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('ACTIVE');
    const milestone = await db().projectMilestone.findUniqueOrThrow({ where: { id: ids.milestones[0]! } });
    expect(milestone.status).toBe('REACHED');
    expect(await auditActions(id)).toEqual(['midterm_check.open', 'midterm_check.submit', 'midterm_check.assess']);
    expect(await auditActions(project.id)).toEqual(['project.start_midterm', 'project.continue']);
    // One mid-term in a project's life.
    await expectDomainError(open(project.id), 'CONFLICT');
  });

  it('suspends: open tranches stay as they were', async () => {
    const project = await makeProject(base);
    const { id } = await open(project.id);
    await report(id, project.id);
    const before = await db().tranche.findMany({ where: { projectId: project.id }, orderBy: { id: 'asc' } });
    await assess(id, { outcome: 'SUSPEND' });
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('SUSPENDED');
    const after = await db().tranche.findMany({ where: { projectId: project.id }, orderBy: { id: 'asc' } });
    expect(after.map((t) => t.status)).toEqual(before.map((t) => t.status));
    expect(await auditActions(project.id)).toContain('project.suspend');

    // No money moves while suspended, not even a tranche approved before.
    const approved = after.find((t) => t.status === 'APPROVED' && t.source === 'FISCAL')!;
    expect(approved).toBeDefined();
    const pay = () =>
      markTranchePaid(db(), staff, {
        trancheId: approved.id,
        version: approved.version,
        paymentReference: 'PZ-2028-001',
      });
    expect((await expectDomainError(pay(), 'CONFLICT')).messageKey).toBe('projectNotRunning');

    // Staff lift the suspension with a reason; the approved tranche can be paid again.
    const suspended = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    const resume = (note: string, version = suspended.version) =>
      resumeProject(db(), staff, ZResumeProject.parse({ projectId: project.id, version, note }));
    expect(() => ZResumeProject.parse({ projectId: project.id, version: suspended.version, note: '' })).toThrow();
    await expectDomainError(resumeProject(db(), pi, { projectId: project.id, version: 1, note: 'x' }), 'FORBIDDEN');
    await resume('整改材料已报送，专家复核通过。');
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('ACTIVE');
    expect((await auditActions(project.id)).at(-1)).toBe('project.resume');
    // Twice is a stale version (or a wrong state), never a second resume.
    await expectDomainError(resume('再次恢复'), 'STALE');
    await pay();
    expect((await db().tranche.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe('PAID');
  });

  it('terminates with a reason and cancels every unpaid tranche in the same transaction', async () => {
    const project = await makeProject(base);
    const { id } = await open(project.id);
    await report(id, project.id);
    const e = await expectDomainError(assess(id, { outcome: 'TERMINATE' }), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ reason: 'terminateReasonRequired' });
    await assess(id, { outcome: 'TERMINATE', reason: '核心成员离职，无法完成任务。' });
    const p = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(p).toMatchObject({ status: 'TERMINATED', terminatedReason: '核心成员离职，无法完成任务。' });
    const tranches = await db().tranche.findMany({ where: { projectId: project.id } });
    expect(tranches.filter((t) => t.status !== 'PAID').every((t) => t.status === 'CANCELLED')).toBe(true);
    expect(tranches.some((t) => t.status === 'PAID')).toBe(true);
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'tranche.cancel').length).toBeGreaterThanOrEqual(
      tranches.filter((t) => t.status === 'CANCELLED').length,
    );
  });

  it('refuses bad input naming the field and leaves nothing half-written', async () => {
    const project = await makeProject(base);
    const { id } = await open(project.id);
    const ids = await taskBookIds(project.id);
    const check = await db().midtermCheck.findUniqueOrThrow({ where: { id } });
    // One KPI missing from the report.
    const e = await expectDomainError(
      submitProgress(
        db(),
        pi,
        ZSubmitProgress.parse({
          checkId: id,
          version: check.version,
          summary: '只报一项',
          kpis: [{ kpiId: ids.kpis[0]!, progress: '进展', onTrack: true }],
        }),
      ),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ kpis: 'kpiProgressMissing' });
    expect((await db().midtermCheck.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN');
    expect(ZSubmitProgress.safeParse({ checkId: id, version: 1, summary: '', kpis: [] }).success).toBe(false);
    await report(id, project.id);
    const bad = ZAssessCheck.safeParse({ checkId: id, version: 2, score: 101, assessment: 'x', outcome: 'CONTINUE' });
    expect(bad.error!.issues[0]!.path).toEqual(['score']);
    // A cut is only ever made by a 赛马制 round: the form does not offer it.
    const cut = ZAssessCheck.safeParse({ checkId: id, version: 2, score: 50, assessment: 'x', outcome: 'CUT' });
    expect(cut.error!.issues[0]!.path).toEqual(['outcome']);
    await expectDomainError(assess(id, { outcome: null }), 'VALIDATION');
    const state = await db().midtermCheck.findUniqueOrThrow({ where: { id } });
    expect(state.status).toBe('SUBMITTED');
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('MIDTERM_REVIEW');
    expect(await auditActions(id)).toEqual(['midterm_check.open', 'midterm_check.submit']);
  });

  it('refuses a stale version', async () => {
    const project = await makeProject(base);
    await expectDomainError(
      openCheck(db(), staff, ZOpenCheck.parse({ projectId: project.id, version: 99, kind: 'MIDTERM', year: 2028 })),
      'STALE',
    );
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('ACTIVE');
  });
});

describe('the annual check', () => {
  it('keeps the project ACTIVE and allows one check at a time', async () => {
    const project = await makeProject(base);
    const { id } = await open(project.id, 'ANNUAL', 2027);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('ACTIVE');
    await expectDomainError(open(project.id, 'MIDTERM'), 'CONFLICT');
    await report(id, project.id);
    expect(await assess(id)).toEqual({ outcome: 'CONTINUE', transition: null });
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe('ACTIVE');
    const again = await expectDomainError(open(project.id, 'ANNUAL', 2027), 'VALIDATION');
    expect(again.fieldErrors).toEqual({ year: 'checkYearTaken' });
  });
});

describe('scoping', () => {
  it("answers NOT_FOUND for another PI's report, another institution's project", async () => {
    const mine = await makeProject(base);
    const { id } = await open(mine.id);
    const check = await db().midtermCheck.findUniqueOrThrow({ where: { id } });
    const ids = await taskBookIds(mine.id);
    const input = ZSubmitProgress.parse({
      checkId: id,
      version: check.version,
      summary: 's',
      kpis: ids.kpis.map((kpiId) => ({ kpiId, progress: 'p', onTrack: true })),
    });
    // 李晓 is a member, not the PI: the report is the PI's alone.
    await expectDomainError(submitProgress(db(), young, input), 'NOT_FOUND');
    expect((await getProjectChecks(db(), young, mine.id)).isPi).toBe(false);
    const other = await makeProject(base, { institutionId: base.buuId, piId: base.youngId, memberIds: [] });
    await expectDomainError(getProjectChecks(db(), office, other.id), 'NOT_FOUND');
    await expectDomainError(getProjectChecks(db(), pi, other.id), 'NOT_FOUND');
    expect((await getProjectChecks(db(), office, mine.id)).project.id).toBe(mine.id);
  });
});
