import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { createProjectFromDecision } from '@/server/projects/create-project';
import { assignMentor, addMentoringEntry, getMentorship, listOwnMentorships } from '@/server/projects/mentoring';
import { getProject, listProjects } from '@/server/projects/projects';
import {
  activateProject,
  confirmTaskBook,
  saveTaskBookBudget,
  saveTaskBookContent,
  saveTaskBookKpis,
  saveTaskBookMilestones,
} from '@/server/projects/task-book';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { fundedProject } from './project-fixtures';

// The funded project's birth and its task book (DATA-MODEL §2.12, §3.7): what createProjectFromDecision writes, the
// PI's edits, the three confirmations, activation, the responsible expert's log, and who may see which project.

let pi: Actor;
let member: Actor;
let office: Actor;
let staff: Actor;
let enterprise: Actor;
let expert: Actor;
let otherExpert: Actor;

beforeAll(async () => {
  await seed();
  pi = await actorFor(DEMO.researcher, 'RESEARCHER');
  member = await actorFor(DEMO.young, 'RESEARCHER');
  office = await actorFor(DEMO.office, 'INSTITUTION_OFFICE');
  staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
  enterprise = await actorFor(DEMO.enterprise, 'ENTERPRISE');
  expert = await actorFor(DEMO.intlExpert, 'EXPERT');
  otherExpert = await actorFor('expert2@demo.jingyan.cn', 'EXPERT');
});

const sum = (rows: { amountFen: bigint }[]) => rows.reduce((s, r) => s + r.amountFen, 0n);

async function taskBookOf(projectId: string) {
  return db().taskBook.findFirstOrThrow({ where: { projectId }, orderBy: { number: 'desc' } });
}

describe('creation from a final FUND decision', () => {
  it('writes the project, its team, KPIs from the challenge targets, milestones with the race cut and the budget', async () => {
    const now = new Date('2027-06-15T04:00:00Z');
    const f = await fundedProject({
      kind: 'HORSE_RACE',
      requestedWan: 300,
      awardedWan: 250,
      enterpriseWan: 100,
      institutionWan: 20,
      memberEmails: [DEMO.young],
      now,
    });
    const p = await db().project.findUniqueOrThrow({
      where: { id: f.projectId },
      include: { members: true, call: { select: { year: true } } },
    });
    expect(p.code).toMatch(new RegExp(`^JY${p.call.year}-KEY-P\\d{4}$`));
    expect(p.status).toBe('TASK_BOOK_DRAFT');
    expect(p.awardedFiscalFen).toBe(250_000_000n);
    expect(p.challengeId).toBe(f.challengeId);
    expect(p.startDate.toISOString().slice(0, 10)).toBe('2027-07-01');
    expect(p.endDate.toISOString().slice(0, 10)).toBe('2029-06-30');
    expect(p.members.map((m) => m.memberRole).sort()).toEqual(['MEMBER', 'PI']);
    expect(p.members.find((m) => m.memberRole === 'PI')?.userId).toBe(pi.userId);

    const tb = await db().taskBook.findFirstOrThrow({
      where: { projectId: f.projectId },
      include: { kpis: true, milestones: true, budget: true },
    });
    expect(tb).toMatchObject({ number: 1, status: 'DRAFT' });
    expect((tb.content as { plan: string }).plan).toContain('研究计划');
    const targets = await db().challengeTarget.findMany({ where: { challengeId: f.challengeId! } });
    expect(tb.kpis.map((k) => k.challengeTargetId).sort()).toEqual(targets.map((t) => t.id).sort());
    expect(tb.milestones.find((m) => m.isRaceCut)).toMatchObject({ key: 'race-cut' });
    expect(
      tb.milestones
        .find((m) => m.isRaceCut)
        ?.dueDate.toISOString()
        .slice(0, 10),
    ).toBe('2028-06-30');
    expect(
      tb.milestones
        .find((m) => m.key === 'final')
        ?.dueDate.toISOString()
        .slice(0, 10),
    ).toBe('2029-06-30');

    const issuer = await db().challenge.findUniqueOrThrow({ where: { id: f.challengeId! } });
    expect(sum(tb.budget.filter((b) => b.source === 'FISCAL'))).toBe(250_000_000n);
    expect(sum(tb.budget.filter((b) => b.source === 'ENTERPRISE'))).toBe(100_000_000n);
    expect(sum(tb.budget.filter((b) => b.source === 'INSTITUTION'))).toBe(20_000_000n);
    expect(new Set(tb.budget.filter((b) => b.source === 'ENTERPRISE').map((b) => b.sourceInstitutionId))).toEqual(
      new Set([issuer.issuerInstitutionId]),
    );
    expect(new Set(tb.budget.filter((b) => b.source === 'INSTITUTION').map((b) => b.sourceInstitutionId))).toEqual(
      new Set([p.institutionId]),
    );
    expect(tb.budget.every((b) => b.categoryCode !== null)).toBe(true);
    expect(new Set(tb.budget.map((b) => b.year))).toEqual(new Set([2027, 2028, 2029]));

    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityId: f.projectId, action: 'project.create' },
    });
    expect(audit.actorId).toBeNull();
  });

  it('is idempotent: a second call returns the same project and writes nothing', async () => {
    const f = await fundedProject();
    const before = await db().auditEvent.count();
    const again = await db().$transaction((tx) => createProjectFromDecision(tx, f.decisionId, new Date()));
    expect(again.projectId).toBe(f.projectId);
    expect(await db().project.count({ where: { decisionId: f.decisionId } })).toBe(1);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it('refuses a decision that is not a final FUND', async () => {
    const f = await fundedProject();
    const other = await db().decision.create({
      data: {
        applicationId: f.applicationId,
        callId: f.callId,
        outcome: 'FUND',
        awardedFiscalFen: 1n,
        reasons: 'x',
        status: 'REVISED',
        decidedById: staff.userId,
      },
    });
    await expectDomainError(
      db().$transaction((tx) => createProjectFromDecision(tx, other.id, new Date())),
      'CONFLICT',
    );
  });

  it('gives a lump-sum project uncategorised budget rows', async () => {
    const f = await fundedProject({ budgetMode: 'LUMP_SUM', requestedWan: 30 });
    const tb = await db().taskBook.findFirstOrThrow({ where: { projectId: f.projectId }, include: { budget: true } });
    expect(tb.budget.every((b) => b.categoryCode === null && b.source === 'FISCAL')).toBe(true);
    expect(sum(tb.budget)).toBe(30_000_000n);
    // A general project has no challenge: its mid-term is an ordinary milestone.
    const milestones = await db().projectMilestone.findMany({ where: { taskBookId: tb.id } });
    expect(milestones.map((m) => m.key).sort()).toEqual(['final', 'midterm']);
  });
});

describe('the task book', () => {
  it('clears confirmations on any edit, and confirms with the third party in any order', async () => {
    const f = await fundedProject({ kind: 'CHALLENGE' });
    let tb = await taskBookOf(f.projectId);
    await confirmTaskBook(db(), office, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    await confirmTaskBook(db(), staff, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    expect(tb.institutionConfirmedAt).not.toBeNull();
    expect(tb.commissionConfirmedById).toBe(staff.userId);
    // The same party twice is refused.
    await expectDomainError(confirmTaskBook(db(), staff, { projectId: f.projectId, version: tb.version }), 'CONFLICT');

    await saveTaskBookContent(db(), pi, {
      projectId: f.projectId,
      version: tb.version,
      content: { goals: '新的研究目标', plan: '新的计划', outputs: '新的成果' },
    });
    tb = await taskBookOf(f.projectId);
    expect(tb).toMatchObject({ institutionConfirmedAt: null, commissionConfirmedAt: null, piConfirmedAt: null });
    expect(await auditActions(tb.id)).toContain('task_book.edit');

    // Order: PI, commission, institution.
    await confirmTaskBook(db(), pi, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    await confirmTaskBook(db(), staff, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    const last = await confirmTaskBook(db(), office, { projectId: f.projectId, version: tb.version });
    expect(last).toEqual({ complete: true, party: 'INSTITUTION' });
    tb = await taskBookOf(f.projectId);
    expect(tb.status).toBe('CONFIRMED');
    const p = await db().project.findUniqueOrThrow({ where: { id: f.projectId } });
    expect(p.status).toBe('TASK_BOOK_CONFIRMED');
    expect(await auditActions(f.projectId)).toContain('project.confirm_task_book');
    // A confirmed task book is no longer editable.
    await expectDomainError(
      saveTaskBookContent(db(), pi, {
        projectId: f.projectId,
        version: tb.version,
        content: { goals: 'a', plan: 'b', outputs: 'c' },
      }),
      'CONFLICT',
    );
  });

  it('refuses the last confirmation when the budget does not add up, naming the source, and writes nothing', async () => {
    const f = await fundedProject({ budgetMode: 'LUMP_SUM', requestedWan: 40 });
    let tb = await taskBookOf(f.projectId);
    const year = (await db().project.findUniqueOrThrow({ where: { id: f.projectId } })).startDate.getUTCFullYear();
    // A general project has no challenge targets: the PI states at least one KPI.
    await saveTaskBookKpis(db(), pi, {
      projectId: f.projectId,
      version: tb.version,
      kpis: [{ id: null, name: '论文', unit: '篇', comparator: 'GTE', targetValue: '3', acceptanceMethod: '检索证明' }],
    });
    tb = await taskBookOf(f.projectId);
    await saveTaskBookBudget(db(), pi, {
      projectId: f.projectId,
      version: tb.version,
      budget: [{ year, source: 'FISCAL', categoryCode: null, amountWan: 39_000_000n }],
    });
    tb = await taskBookOf(f.projectId);
    await confirmTaskBook(db(), pi, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    await confirmTaskBook(db(), office, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    const e = await expectDomainError(
      confirmTaskBook(db(), staff, { projectId: f.projectId, version: tb.version }),
      'VALIDATION',
    );
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(['budget.FISCAL']);
    const after = await taskBookOf(f.projectId);
    expect(after).toMatchObject({ status: 'DRAFT', commissionConfirmedAt: null, version: tb.version });
    expect((await db().project.findUniqueOrThrow({ where: { id: f.projectId } })).status).toBe('TASK_BOOK_DRAFT');
  });

  it('refuses the last confirmation when a challenge target has no KPI', async () => {
    const f = await fundedProject({ kind: 'CHALLENGE' });
    let tb = await taskBookOf(f.projectId);
    // A KPI lost outside the module (the module itself refuses to remove it, below).
    await db().projectKpi.deleteMany({ where: { taskBookId: tb.id, ordinal: 2 } });
    await confirmTaskBook(db(), pi, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    await confirmTaskBook(db(), office, { projectId: f.projectId, version: tb.version });
    tb = await taskBookOf(f.projectId);
    const e = await expectDomainError(
      confirmTaskBook(db(), staff, { projectId: f.projectId, version: tb.version }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ kpis: expect.stringContaining('challengeTargetKpiMissing') });
  });

  it('keeps challenge KPIs: not removed, not retyped; other KPIs and milestones are the PI’s to edit', async () => {
    const f = await fundedProject({ kind: 'CHALLENGE' });
    let tb = await taskBookOf(f.projectId);
    const kpis = await db().projectKpi.findMany({ where: { taskBookId: tb.id }, orderBy: { ordinal: 'asc' } });
    const row = (k: (typeof kpis)[number]) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      comparator: k.comparator,
      targetValue: k.targetValue,
      acceptanceMethod: k.acceptanceMethod,
    });
    const removed = await expectDomainError(
      saveTaskBookKpis(db(), pi, { projectId: f.projectId, version: tb.version, kpis: [row(kpis[0]!)] }),
      'VALIDATION',
    );
    expect(Object.keys(removed.fieldErrors!)).toEqual(['kpis']);
    const retyped = await expectDomainError(
      saveTaskBookKpis(db(), pi, {
        projectId: f.projectId,
        version: tb.version,
        kpis: [{ ...row(kpis[0]!), targetValue: '≥ 5' }, row(kpis[1]!)],
      }),
      'VALIDATION',
    );
    expect(Object.keys(retyped.fieldErrors!)).toEqual(['kpis.0.targetValue']);

    await saveTaskBookKpis(db(), pi, {
      projectId: f.projectId,
      version: tb.version,
      kpis: [
        { id: null, name: '发明专利', unit: '项', comparator: 'GTE', targetValue: '2', acceptanceMethod: '授权证书' },
        { ...row(kpis[1]!), acceptanceMethod: '公开基准测试，第三方复现' },
        row(kpis[0]!),
      ],
    });
    const after = await db().projectKpi.findMany({ where: { taskBookId: tb.id }, orderBy: { ordinal: 'asc' } });
    expect(after.map((k) => k.name)).toEqual(['发明专利', kpis[1]!.name, kpis[0]!.name]);
    expect(after[1]!.acceptanceMethod).toBe('公开基准测试，第三方复现');

    tb = await taskBookOf(f.projectId);
    const stale = await expectDomainError(
      saveTaskBookMilestones(db(), pi, {
        projectId: f.projectId,
        version: tb.version - 1,
        milestones: [{ id: null, title: 'x', dueDate: '2030-01-01' }],
      }),
      'STALE',
    );
    expect(stale.code).toBe('STALE');
    await saveTaskBookMilestones(db(), pi, {
      projectId: f.projectId,
      version: tb.version,
      milestones: [{ id: null, title: '样机完成', dueDate: '2030-01-01' }],
    });
    const ms = await db().projectMilestone.findMany({ where: { taskBookId: tb.id } });
    expect(ms.map((m) => m.title)).toEqual(['样机完成']);
  });

  it('lets only the PI edit, and names an unknown budget category', async () => {
    const f = await fundedProject({ memberEmails: [DEMO.young] });
    const tb = await taskBookOf(f.projectId);
    await expectDomainError(
      saveTaskBookContent(db(), member, {
        projectId: f.projectId,
        version: tb.version,
        content: { goals: 'a', plan: 'b', outputs: 'c' },
      }),
      'NOT_FOUND',
    );
    // The member reads the project all the same.
    await expect(getProject(db(), member, f.projectId)).resolves.toMatchObject({ id: f.projectId });
    const e = await expectDomainError(
      saveTaskBookBudget(db(), pi, {
        projectId: f.projectId,
        version: tb.version,
        budget: [{ year: 2030, source: 'FISCAL', categoryCode: 'NOPE', amountWan: 1n }],
      }),
      'VALIDATION',
    );
    expect(Object.keys(e.fieldErrors!)).toEqual(['budget.0.categoryCode']);
    expect((await taskBookOf(f.projectId)).version).toBe(tb.version);
  });

  it('activates a confirmed project and plans its tranches from the budget', async () => {
    const f = await fundedProject({ kind: 'CHALLENGE', requestedWan: 200, enterpriseWan: 60, institutionWan: 10 });
    const p0 = await db().project.findUniqueOrThrow({ where: { id: f.projectId } });
    await expectDomainError(activateProject(db(), staff, { projectId: f.projectId, version: p0.version }), 'CONFLICT');
    for (const a of [pi, office, staff]) {
      const tb = await taskBookOf(f.projectId);
      await confirmTaskBook(db(), a, { projectId: f.projectId, version: tb.version });
    }
    const p = await db().project.findUniqueOrThrow({ where: { id: f.projectId } });
    await activateProject(db(), staff, { projectId: f.projectId, version: p.version });
    const tranches = await db().tranche.findMany({ where: { projectId: f.projectId } });
    const by = (s: string) => sum(tranches.filter((t) => t.source === s));
    expect(by('FISCAL')).toBe(200_000_000n);
    expect(by('ENTERPRISE')).toBe(60_000_000n);
    expect(by('INSTITUTION')).toBe(10_000_000n);
    expect(tranches.every((t) => t.status === 'PLANNED')).toBe(true);
    expect((await db().project.findUniqueOrThrow({ where: { id: f.projectId } })).status).toBe('ACTIVE');
    expect(await auditActions(f.projectId)).toEqual(
      expect.arrayContaining(['project.create', 'project.confirm_task_book', 'project.activate', 'tranche.plan']),
    );
    const detail = await getProject(db(), staff, f.projectId);
    expect(detail.reconciliation.every((r) => r.problems.length === 0)).toBe(true);
  });
});

describe('who sees which project', () => {
  it('answers NOT_FOUND to another PI, another institution and another enterprise', async () => {
    const f = await fundedProject({ kind: 'CHALLENGE' });
    await expectDomainError(getProject(db(), member, f.projectId), 'NOT_FOUND');
    const other = await db().institution.findFirstOrThrow({ where: { name: '北京联合大学' } });
    await expectDomainError(getProject(db(), { ...office, institutionId: other.id }, f.projectId), 'NOT_FOUND');
    await expectDomainError(getProject(db(), { ...enterprise, institutionId: other.id }, f.projectId), 'NOT_FOUND');
    await expectDomainError(getProject(db(), expert, f.projectId), 'NOT_FOUND');
    // The issuing enterprise sees status, KPIs and milestones, but not the team or the budget plan.
    const seen = await getProject(db(), enterprise, f.projectId);
    expect(seen.taskBook?.kpis.length).toBe(2);
    expect(seen.members).toEqual([]);
    expect(seen.taskBook?.budget).toEqual([]);
    expect(seen.taskBook?.content).toBeNull();
    expect((await listProjects(db(), enterprise)).map((p) => p.id)).toContain(f.projectId);
    expect((await listProjects(db(), member)).map((p) => p.id)).not.toContain(f.projectId);
    // A project on a commission challenge is not the enterprise's.
    const commission = await fundedProject({ kind: 'CHALLENGE', issuerInstitutionId: null, enterpriseWan: 0 });
    await expectDomainError(getProject(db(), enterprise, commission.projectId), 'NOT_FOUND');
  });

  it('filters the staff list by status and program', async () => {
    const f = await fundedProject({ kind: 'EXCELLENT_YOUNG' });
    const program = await db().project.findUniqueOrThrow({ where: { id: f.projectId }, select: { programId: true } });
    const rows = await listProjects(db(), staff, { programId: program.programId, status: 'TASK_BOOK_DRAFT' });
    expect(rows.map((r) => r.id)).toContain(f.projectId);
    expect(rows.every((r) => r.status === 'TASK_BOOK_DRAFT')).toBe(true);
    expect(await listProjects(db(), staff, { programId: program.programId, status: 'CLOSED' })).toEqual([]);
  });
});

describe('mentoring (护航)', () => {
  it('assigns, replaces, logs and shows the PI the entries meant for them', async () => {
    const f = await fundedProject({ kind: 'EXCELLENT_YOUNG' });
    const detail0 = await getProject(db(), staff, f.projectId);
    expect(detail0.mentorRequired).toBe(true);
    const notExpert = await expectDomainError(
      assignMentor(db(), staff, { projectId: f.projectId, expertUserId: pi.userId }),
      'VALIDATION',
    );
    expect(Object.keys(notExpert.fieldErrors!)).toEqual(['expertUserId']);

    const first = await assignMentor(db(), staff, { projectId: f.projectId, expertUserId: otherExpert.userId });
    const second = await assignMentor(db(), staff, { projectId: f.projectId, expertUserId: expert.userId });
    const rows = await db().mentorAssignment.findMany({ where: { projectId: f.projectId } });
    expect(rows.find((r) => r.id === first.id)?.status).toBe('ENDED');
    expect(rows.find((r) => r.id === second.id)?.status).toBe('ACTIVE');
    expect(await auditActions(first.id)).toEqual(['mentor_assignment.create', 'mentor_assignment.end']);

    expect((await listOwnMentorships(db(), expert)).map((m) => m.id)).toContain(second.id);
    const m = await getMentorship(db(), expert, second.id);
    const milestone = m.milestones[0]!;
    await expectDomainError(getMentorship(db(), expert, first.id), 'NOT_FOUND');
    // The replaced mentor can no longer write.
    await expectDomainError(
      addMentoringEntry(db(), otherExpert, {
        assignmentId: first.id,
        occurredOn: '2020-01-01',
        kind: 'CALL',
        milestoneId: null,
        body: '电话',
        visibleToPi: true,
      }),
      'CONFLICT',
    );
    const noMilestone = await expectDomainError(
      addMentoringEntry(db(), expert, {
        assignmentId: second.id,
        occurredOn: '2020-01-01',
        kind: 'MILESTONE_OPINION',
        milestoneId: null,
        body: '意见',
        visibleToPi: false,
      }),
      'VALIDATION',
    );
    expect(Object.keys(noMilestone.fieldErrors!)).toEqual(['milestoneId']);

    const opinion = await addMentoringEntry(db(), expert, {
      assignmentId: second.id,
      occurredOn: '2020-01-02',
      kind: 'MILESTONE_OPINION',
      milestoneId: milestone.id,
      body: '中期进展符合预期，建议加强流片验证。',
      visibleToPi: false,
    });
    expect(opinion.visibleToPi).toBe(true);
    await addMentoringEntry(db(), expert, {
      assignmentId: second.id,
      occurredOn: '2020-01-03',
      kind: 'MEETING',
      milestoneId: null,
      body: '内部备忘：团队分工需调整。',
      visibleToPi: false,
    });
    expect(await auditActions(opinion.id)).toEqual(['mentoring_log.add']);

    const piView = await getProject(db(), pi, f.projectId);
    expect(piView.mentor?.name).toBeTruthy();
    expect(piView.mentoringEntries.map((e) => e.kind)).toEqual(['MILESTONE_OPINION']);
    const staffView = await getProject(db(), staff, f.projectId);
    expect(staffView.mentoringEntries).toHaveLength(2);
    // The mentor sees the project; another expert does not.
    await expect(getProject(db(), expert, f.projectId)).resolves.toMatchObject({ id: f.projectId });
    await expectDomainError(getProject(db(), otherExpert, f.projectId), 'NOT_FOUND');
  });
});
