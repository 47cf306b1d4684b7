// A funded project to start a test from: the application (in PANEL) and its FINAL FUND decision are written straight
// to the tables — how they got there is other files' business — and the project is then made by the real
// createProjectFromDecision, so its task book, KPIs, milestones and budget are exactly what production creates.
// Needs the demo data (helpers.seed()) loaded first.
import { randomUUID } from 'node:crypto';
import { db } from '@/server/db';
import { createProjectFromDecision } from '@/server/projects/create-project';
import { activateProject, confirmTaskBook } from '@/server/projects/task-book';
import { actorFor, DEMO } from './helpers';

export type FundedProjectKind = 'GENERAL' | 'CHALLENGE' | 'HORSE_RACE' | 'EXCELLENT_YOUNG';

export interface FundedProjectOptions {
  /** GENERAL (default, 一般项目), CHALLENGE (an enterprise's single-winner 揭榜), HORSE_RACE, EXCELLENT_YOUNG (护航). */
  kind?: FundedProjectKind;
  /** The PI (a demo researcher's e-mail); default the demo researcher 王建国 of 北京工业大学. */
  piEmail?: string;
  budgetMode?: 'LINE_ITEM' | 'LUMP_SUM';
  /** Fiscal money requested and awarded, in 万元 (awarded defaults to requested). */
  requestedWan?: number;
  awardedWan?: number;
  /** Enterprise co-funding pledged (challenges of an enterprise issuer), in 万元. */
  enterpriseWan?: number;
  /** Institution matching pledged, in 万元. */
  institutionWan?: number;
  durationMonths?: number;
  /** Confirmed team members (demo e-mails). */
  memberEmails?: string[];
  /** Reuse a challenge (the parallel teams of one horse race share it). */
  challengeId?: string;
  /** The challenge's issuer: the demo enterprise (default) or another institution id (null: the commission). */
  issuerInstitutionId?: string | null;
  /** When the decision became final (the project starts the first of the next month, Beijing calendar). */
  now?: Date;
}

export interface FundedProject {
  projectId: string;
  applicationId: string;
  decisionId: string;
  challengeId: string | null;
  callId: string;
}

const WAN = 1_000_000n;
let n = 0;

const PROGRAM_OF: Record<FundedProjectKind, string> = {
  GENERAL: 'GEN',
  CHALLENGE: 'KEY',
  HORSE_RACE: 'KEY',
  EXCELLENT_YOUNG: 'EYS',
};

const CONTENT = {
  researchContent: '研究内容：面向存算一体芯片的器件、电路与算法协同设计，建立误差模型并完成流片验证。',
  innovation: '创新点：提出多值存储的在线校准方法。',
  plan: '研究计划：第一年完成器件建模，第二年完成阵列设计与流片，第三年完成系统验证。',
  outcomes: '预期成果：原型芯片一套，高水平论文若干篇，发明专利两项。',
};

async function userId(email: string) {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** A challenge written straight to the table, with two targets (指标). */
export async function challengeRow(options: {
  horseRace?: boolean;
  issuerInstitutionId?: string | null;
  callId: string;
}): Promise<string> {
  const enterprise = await db().institution.findFirstOrThrow({ where: { kind: 'ENTERPRISE' }, select: { id: true } });
  const field = await db().challengeField.findFirstOrThrow({ where: { code: 'AI' }, select: { id: true } });
  const proposer = await userId(DEMO.enterprise);
  const challenge = await db().challenge.create({
    data: {
      callId: options.callId,
      issuerInstitutionId: options.issuerInstitutionId === undefined ? enterprise.id : options.issuerInstitutionId,
      proposedById: proposer,
      fieldId: field.id,
      title: `测试榜单${++n}`,
      problem: '测试用榜单问题描述。',
      deliverables: [],
      durationMonths: 24,
      fiscalFen: 500n * WAN,
      selectionMode: options.horseRace ? 'HORSE_RACE' : 'SINGLE',
      teamCount: options.horseRace ? 2 : 1,
      cutAfterMonths: options.horseRace ? 12 : null,
      keepAfterCut: options.horseRace ? 1 : null,
      status: 'CLOSED',
      targets: {
        create: [
          {
            ordinal: 1,
            name: '能效比',
            unit: 'TOPS/W',
            comparator: 'GTE',
            targetValue: '≥ 20',
            acceptanceMethod: '第三方测试',
          },
          {
            ordinal: 2,
            name: '推理精度损失',
            unit: '%',
            comparator: 'LTE',
            targetValue: '≤ 1',
            acceptanceMethod: '公开基准测试',
          },
        ],
      },
    },
    select: { id: true },
  });
  return challenge.id;
}

/** A funded project made by createProjectFromDecision from an application and a FINAL FUND decision. */
export async function fundedProject(options: FundedProjectOptions = {}): Promise<FundedProject> {
  const kind = options.kind ?? 'GENERAL';
  const budgetMode = options.budgetMode ?? 'LINE_ITEM';
  const requestedWan = options.requestedWan ?? 100;
  const awardedWan = options.awardedWan ?? requestedWan;
  const isChallenge = kind === 'CHALLENGE' || kind === 'HORSE_RACE';
  const call = await db().call.findFirstOrThrow({
    where: { program: { code: PROGRAM_OF[kind] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, ruleVersionId: true },
  });
  const challengeId = isChallenge
    ? (options.challengeId ??
      (await challengeRow({
        horseRace: kind === 'HORSE_RACE',
        issuerInstitutionId: options.issuerInstitutionId,
        callId: call.id,
      })))
    : null;
  const piId = await userId(options.piEmail ?? DEMO.researcher);
  const profile = await db().researcherProfile.findUniqueOrThrow({
    where: { userId: piId },
    select: { institutionId: true },
  });
  const enterpriseWan = options.enterpriseWan ?? (isChallenge ? 50 : 0);
  const institutionWan = options.institutionWan ?? 0;
  const total = requestedWan + enterpriseWan + institutionWan;
  // Line items in the proportions of a typical budget: 40% equipment, 30% operations, 20% personnel, 10% indirect.
  const totalFen = BigInt(total) * WAN;
  const equipment = (totalFen * 40n) / 100n;
  const operations = (totalFen * 30n) / 100n;
  const personnel = (totalFen * 20n) / 100n;
  const lines =
    budgetMode === 'LINE_ITEM'
      ? [
          { ordinal: 1, categoryCode: 'EQUIPMENT', amountFen: equipment },
          { ordinal: 2, categoryCode: 'OPERATIONS', amountFen: operations },
          { ordinal: 3, categoryCode: 'PERSONNEL', amountFen: personnel },
          { ordinal: 4, categoryCode: 'INDIRECT', amountFen: totalFen - equipment - operations - personnel },
        ]
      : [];
  const funding = [
    { source: 'FISCAL' as const, amountFen: BigInt(requestedWan) * WAN },
    ...(enterpriseWan ? [{ source: 'ENTERPRISE' as const, amountFen: BigInt(enterpriseWan) * WAN }] : []),
    ...(institutionWan ? [{ source: 'INSTITUTION' as const, amountFen: BigInt(institutionWan) * WAN }] : []),
  ];
  const memberIds = await Promise.all((options.memberEmails ?? []).map(userId));
  const application = await db().application.create({
    data: {
      callId: call.id,
      challengeId,
      ruleVersionId: call.ruleVersionId!,
      applicantId: piId,
      institutionId: profile.institutionId,
      status: 'PANEL',
      code: `TEST-${randomUUID().slice(0, 8)}`,
      title: `测试项目${++n}`,
      content: CONTENT,
      durationMonths: options.durationMonths ?? 24,
      budgetMode,
      lumpSumFen: budgetMode === 'LUMP_SUM' ? totalFen : null,
      currentVersionNo: 1,
      submittedAt: new Date(),
      budgetLines: { create: lines },
      funding: { create: funding },
      members: {
        create: memberIds.map((id, i) => ({
          userId: id,
          ordinal: i + 1,
          confirmation: 'CONFIRMED' as const,
          confirmedAt: new Date(),
        })),
      },
    },
    select: { id: true, callId: true },
  });
  const staffId = await userId(DEMO.staff);
  const now = options.now ?? new Date();
  const decision = await db().decision.create({
    data: {
      applicationId: application.id,
      callId: application.callId,
      outcome: 'FUND',
      awardedFiscalFen: BigInt(awardedWan) * WAN,
      reasons: '评审意见一致支持立项。',
      status: 'FINAL',
      decidedById: staffId,
      publishedAt: now,
      finalAt: now,
    },
    select: { id: true },
  });
  const { projectId } = await db().$transaction((tx) => createProjectFromDecision(tx, decision.id, now));
  return { projectId, applicationId: application.id, decisionId: decision.id, challengeId, callId: application.callId };
}

/**
 * A funded project taken through its task book to ACTIVE by the real modules: a KPI added where the program has no
 * challenge targets, the three confirmations (PI, office of 北京工业大学, staff), activation with tranches planned.
 * The PI must be of 北京工业大学 (the demo office's institution).
 */
export async function activeProject(options: FundedProjectOptions = {}): Promise<FundedProject> {
  const f = await fundedProject(options);
  const tb = await db().taskBook.findFirstOrThrow({ where: { projectId: f.projectId }, select: { id: true } });
  if ((await db().projectKpi.count({ where: { taskBookId: tb.id } })) === 0) {
    await db().projectKpi.create({
      data: {
        taskBookId: tb.id,
        ordinal: 1,
        name: '高水平论文',
        unit: '篇',
        comparator: 'GTE',
        targetValue: '3',
        acceptanceMethod: '论文检索证明',
      },
    });
  }
  const parties = [
    await actorFor(options.piEmail ?? DEMO.researcher, 'RESEARCHER'),
    await actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
    await actorFor(DEMO.staff, 'COMMISSION_STAFF'),
  ];
  for (const actor of parties) {
    const { version } = await db().taskBook.findUniqueOrThrow({ where: { id: tb.id }, select: { version: true } });
    await confirmTaskBook(db(), actor, { projectId: f.projectId, version });
  }
  const { version } = await db().project.findUniqueOrThrow({ where: { id: f.projectId }, select: { version: true } });
  await activateProject(db(), parties[2]!, { projectId: f.projectId, version });
  return f;
}
