import { planTranches, type BudgetPlanRow } from '@/domain/project/tranche';
import { db } from '@/server/db';
import type { Prisma } from '@/server/db';
import { DEMO } from './helpers';

// Funded projects written straight to the tables, in the state a lifecycle test starts from: a confirmed task book
// with two KPIs, a mid-term (or 赛马制 cut) milestone and a final one, a budget by year and source, and tranches
// planned from it. The lifecycle tests do not wait for the project-creation code; they need only these rows.

const W = 1_000_000n; // fen per 万元
let serial = 0;

export interface Base {
  staffId: string;
  researcherId: string;
  youngId: string;
  bjutId: string;
  buuId: string;
  enterpriseId: string;
  programs: Record<'GEN' | 'KEY', { id: string; ruleVersionId: string; callId: string }>;
}

export async function lifecycleBase(): Promise<Base> {
  const user = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email } })).id;
  const inst = async (name: string) => (await db().institution.findUniqueOrThrow({ where: { name } })).id;
  const staffId = await user(DEMO.staff);
  const program = async (code: 'GEN' | 'KEY') => {
    const p = await db().program.findUniqueOrThrow({ where: { code } });
    const call = await db().call.create({
      data: {
        programId: p.id,
        ruleVersionId: p.currentRuleVersionId,
        year: 2027,
        title: `立项测试 ${code}`,
        opensAt: new Date('2027-01-01T00:00:00Z'),
        closesAt: new Date('2027-02-01T00:00:00Z'),
        status: 'DECIDED',
      },
    });
    return { id: p.id, ruleVersionId: p.currentRuleVersionId!, callId: call.id };
  };
  return {
    staffId,
    researcherId: await user(DEMO.researcher),
    youngId: await user(DEMO.young),
    bjutId: await inst('北京工业大学'),
    buuId: await inst('北京联合大学'),
    enterpriseId: await inst('京研示范科技有限公司'),
    programs: { GEN: await program('GEN'), KEY: await program('KEY') },
  };
}

/** A 赛马制 challenge of the demo enterprise: `teams` funded in parallel, keeping `keep` after the cut. */
export async function horseRaceChallenge(base: Base, teams = 2, keep = 1) {
  const field = await db().challengeField.findFirstOrThrow({ where: { edition: { current: true } } });
  return db().challenge.create({
    data: {
      callId: base.programs.KEY.callId,
      issuerInstitutionId: base.enterpriseId,
      proposedById: base.staffId,
      fieldId: field.id,
      title: `赛马测试榜单 ${++serial}`,
      problem: '并行攻关',
      deliverables: [],
      durationMonths: 36,
      fiscalFen: 600n * W,
      selectionMode: 'HORSE_RACE',
      teamCount: teams,
      keepAfterCut: keep,
      cutAfterMonths: 18,
      status: 'AWARDED',
    },
  });
}

export interface ProjectOptions {
  piId?: string;
  memberIds?: string[];
  institutionId?: string;
  program?: 'GEN' | 'KEY';
  challengeId?: string;
  status?: Prisma.ProjectCreateInput['status'];
  budgetMode?: 'LINE_ITEM' | 'LUMP_SUM';
  /** Paid amount of the first fiscal tranche (it is PAID when set). */
  firstTranchePaid?: boolean;
  startDate?: string;
  endDate?: string;
}

/** One project with everything a check, change or acceptance reads. */
export async function makeProject(base: Base, o: ProjectOptions = {}) {
  const n = ++serial;
  const program = base.programs[o.program ?? (o.challengeId ? 'KEY' : 'GEN')];
  const piId = o.piId ?? base.researcherId;
  const institutionId = o.institutionId ?? base.bjutId;
  const budgetMode = o.budgetMode ?? 'LINE_ITEM';
  const startDate = o.startDate ?? '2027-07-01';
  const endDate = o.endDate ?? '2030-06-30';
  const application = await db().application.create({
    data: {
      callId: program.callId,
      challengeId: o.challengeId ?? null,
      ruleVersionId: program.ruleVersionId,
      applicantId: piId,
      institutionId,
      status: 'DECIDED',
      code: `LC-${n}-${Date.now()}`,
      title: `生命周期测试项目 ${n}`,
      budgetMode,
      currentVersionNo: 1,
    },
  });
  const decision = await db().decision.create({
    data: {
      applicationId: application.id,
      callId: program.callId,
      outcome: 'FUND',
      awardedFiscalFen: 200n * W,
      reasons: '评审通过',
      status: 'FINAL',
      decidedById: base.staffId,
      finalAt: new Date('2027-06-01T00:00:00Z'),
    },
  });
  const project = await db().project.create({
    data: {
      code: `XM-${n}-${Date.now()}`,
      applicationId: application.id,
      decisionId: decision.id,
      callId: program.callId,
      programId: program.id,
      challengeId: o.challengeId ?? null,
      piUserId: piId,
      institutionId,
      title: `生命周期测试项目 ${n}`,
      budgetMode,
      awardedFiscalFen: 200n * W,
      startDate: new Date(`${startDate}T00:00:00Z`),
      endDate: new Date(`${endDate}T00:00:00Z`),
      status: o.status ?? 'ACTIVE',
    },
  });
  const users = await db().user.findMany({ where: { id: { in: [piId, ...(o.memberIds ?? [base.youngId])] } } });
  await db().projectMember.createMany({
    data: users.map((u) => ({
      projectId: project.id,
      userId: u.id,
      name: u.name,
      memberRole: u.id === piId ? 'PI' : 'MEMBER',
      fromDate: new Date(`${startDate}T00:00:00Z`),
    })),
  });
  const taskBook = await db().taskBook.create({
    data: {
      projectId: project.id,
      number: 1,
      content: { goals: '目标', plan: '计划', outputs: '成果' },
      status: 'CONFIRMED',
      piConfirmedAt: new Date('2027-06-10T00:00:00Z'),
      institutionConfirmedAt: new Date('2027-06-11T00:00:00Z'),
      commissionConfirmedAt: new Date('2027-06-12T00:00:00Z'),
    },
  });
  await db().projectKpi.createMany({
    data: [
      {
        taskBookId: taskBook.id,
        ordinal: 1,
        name: '推理能效提升',
        unit: '倍',
        comparator: 'GTE',
        targetValue: '3',
        acceptanceMethod: '第三方测试',
      },
      {
        taskBookId: taskBook.id,
        ordinal: 2,
        name: '精度下降',
        unit: '%',
        comparator: 'LTE',
        targetValue: '1',
        acceptanceMethod: '公开评测',
      },
    ],
  });
  await db().projectMilestone.createMany({
    data: [
      {
        taskBookId: taskBook.id,
        key: o.challengeId ? 'race-cut' : 'midterm',
        title: '中期节点',
        dueDate: new Date('2028-12-31T00:00:00Z'),
        isRaceCut: Boolean(o.challengeId),
      },
      { taskBookId: taskBook.id, key: 'final', title: '结题', dueDate: new Date(`${endDate}T00:00:00Z`) },
    ],
  });
  // 200 万元 fiscal over three years; a challenge team also has 90 万元 of the enterprise's money.
  const plan: (BudgetPlanRow & { categoryCode: string | null })[] = [];
  const cat = (c: string) => (budgetMode === 'LINE_ITEM' ? c : null);
  const fiscal = [
    [2027, 'EQUIPMENT', 40n],
    [2027, 'MATERIALS', 20n],
    [2028, 'MATERIALS', 60n],
    [2029, 'MATERIALS', 50n],
    [2029, 'INDIRECT', 30n],
  ] as const;
  for (const [year, c, wan] of fiscal) {
    const row = plan.find((p) => p.year === year && p.source === 'FISCAL' && p.categoryCode === cat(c));
    if (row) row.amountFen += wan * W;
    else plan.push({ year, source: 'FISCAL', sourceInstitutionId: null, categoryCode: cat(c), amountFen: wan * W });
  }
  if (o.challengeId) {
    for (const year of [2027, 2028, 2029])
      plan.push({
        year,
        source: 'ENTERPRISE',
        sourceInstitutionId: base.enterpriseId,
        categoryCode: cat('MATERIALS'),
        amountFen: 30n * W,
      });
  }
  await db().budgetPlan.createMany({ data: plan.map((p) => ({ ...p, taskBookId: taskBook.id })) });
  const tranches = planTranches(plan, startDate);
  await db().tranche.createMany({
    data: tranches.map((t, i) => ({
      projectId: project.id,
      source: t.source,
      sourceInstitutionId: t.sourceInstitutionId,
      ordinal: t.ordinal,
      plannedDate: new Date(`${t.plannedDate}T00:00:00Z`),
      amountFen: t.amountFen,
      // The first year's money has been paid: a cut keeps it with the team.
      status: (o.firstTranchePaid ?? true) && t.ordinal === 1 ? 'PAID' : i % 2 === 0 ? 'PLANNED' : 'APPROVED',
      paidAt: t.ordinal === 1 ? new Date('2027-07-10T00:00:00Z') : null,
      paymentReference: t.ordinal === 1 ? `PZ-${n}-${i}` : null,
    })),
  });
  return { ...project, taskBookId: taskBook.id, plan };
}

/** The project's KPI and milestone ids, in order. */
export async function taskBookIds(projectId: string) {
  const tb = await db().taskBook.findFirstOrThrow({
    where: { projectId, status: 'CONFIRMED' },
    include: { kpis: { orderBy: { ordinal: 'asc' } }, milestones: { orderBy: { dueDate: 'asc' } } },
  });
  return { kpis: tb.kpis.map((k) => k.id), milestones: tb.milestones.map((m) => m.id), taskBookId: tb.id };
}

/** A final-year expenditure report in the given state (the other area's table, written directly). */
export async function finalExpenditureReport(projectId: string, status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED') {
  return db().expenditureReport.create({
    data: {
      projectId,
      year: 2030,
      mode: 'SIMPLIFIED',
      totalSpentFen: 100n * W,
      statement: '经费使用情况说明',
      isFinal: true,
      status,
      submittedAt: status === 'DRAFT' ? null : new Date(),
    },
  });
}

export const wan = (n: number | bigint) => BigInt(n) * W;
