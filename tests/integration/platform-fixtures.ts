// A funded platform to start a test from: a PLATFORM application of a platform program (with partners, directions in
// its content and a multi-year budget by source) and its FINAL FUND decision are written straight to the tables — the
// application side is H1's — and the real createProjectFromDecision then makes the project and, through
// createPlatformFromProject, the platform. Needs the demo data (helpers.seed()) loaded first.
import { randomUUID } from 'node:crypto';
import { db } from '@/server/db';
import { createProjectFromDecision } from '@/server/projects/create-project';
import { activateProject, confirmTaskBook } from '@/server/projects/task-book';
import { actorFor, DEMO } from './helpers';

const WAN = 1_000_000n;
let n = 0;

export type PlatformProgram = 'LAB-B' | 'LAB-A' | 'LAB-H' | 'AIC' | 'BRC' | 'HSC' | 'PSIC' | 'TCP';

export interface FundedPlatformOptions {
  /** The platform program's code (default LAB-B, 北京实验室（基础研究类）; AIC is the 高精尖创新中心). */
  program?: PlatformProgram;
  /** The director (a demo researcher's e-mail); default 王建国 of 北京工业大学. */
  directorEmail?: string;
  /** Fiscal money requested and awarded, in 万元. */
  awardedWan?: number;
  /** Institution matching pledged, in 万元. */
  institutionWan?: number;
  /** Fiscal year budgets of the application, in 万元 per year (default 200, 300, 400). */
  fiscalYearsWan?: number[];
  durationMonths?: number;
  directions?: { title: string; description: string; leadName: string }[];
  /** When the decision became final. */
  now?: Date;
}

export interface FundedPlatform {
  platformId: string;
  projectId: string;
  applicationId: string;
  decisionId: string;
}

async function userId(email: string) {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** The application and its decision, before the project: what the finalising transaction receives. */
export async function platformDecision(options: FundedPlatformOptions = {}) {
  const program = options.program ?? 'LAB-B';
  const awardedWan = options.awardedWan ?? 900;
  const institutionWan = options.institutionWan ?? 90;
  const years = options.fiscalYearsWan ?? [200, 300, 400];
  const call = await db().call.findFirstOrThrow({
    where: { program: { code: program } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, ruleVersionId: true, year: true },
  });
  const directorId = await userId(options.directorEmail ?? DEMO.researcher);
  const officeId = await userId(DEMO.office);
  const profile = await db().researcherProfile.findUniqueOrThrow({
    where: { userId: directorId },
    select: { institutionId: true },
  });
  const partnerUni = await db().institution.findFirstOrThrow({ where: { name: '首都师范大学' }, select: { id: true } });
  const enterprise = await db().institution.findFirstOrThrow({ where: { kind: 'ENTERPRISE' }, select: { id: true } });
  const directions = options.directions ?? [
    { title: '类脑计算芯片', description: '器件、电路与架构协同设计', leadName: '王建国' },
    { title: '脉冲神经网络算法', description: '面向类脑芯片的学习算法', leadName: '李晓' },
  ];
  const application = await db().application.create({
    data: {
      kind: 'PLATFORM',
      createdById: officeId,
      callId: call.id,
      ruleVersionId: call.ruleVersionId!,
      applicantId: directorId,
      institutionId: profile.institutionId,
      status: 'PANEL',
      code: `PTEST-${randomUUID().slice(0, 8)}`,
      title: `测试平台${++n}`,
      content: { directions, buildingPlan: '建设方案：三年建成开放共享的研究平台。' },
      durationMonths: options.durationMonths ?? 36,
      budgetMode: 'LUMP_SUM',
      lumpSumFen: BigInt(awardedWan + institutionWan) * WAN,
      currentVersionNo: 1,
      submittedAt: new Date(),
      funding: {
        create: [
          { source: 'FISCAL', amountFen: BigInt(awardedWan) * WAN },
          ...(institutionWan ? [{ source: 'INSTITUTION' as const, amountFen: BigInt(institutionWan) * WAN }] : []),
        ],
      },
      yearBudgets: {
        create: years.map((wan, i) => ({
          year: call.year + i,
          source: 'FISCAL' as const,
          amountFen: BigInt(wan) * WAN,
        })),
      },
      partners: {
        create: [
          { institutionId: partnerUni.id, ordinal: 1, role: 'CO_BUILDER', contribution: '共建实验平台' },
          { institutionId: enterprise.id, ordinal: 2, role: 'ENTERPRISE_PARTNER', contribution: '应用场景与数据' },
        ],
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
      reasons: '评审意见一致支持建设。',
      status: 'FINAL',
      decidedById: staffId,
      publishedAt: now,
      finalAt: now,
    },
    select: { id: true },
  });
  return { applicationId: application.id, decisionId: decision.id, now };
}

/** A funded platform, made by the real createProjectFromDecision (task book #1 DRAFT, platform ACTIVE). */
export async function fundedPlatform(options: FundedPlatformOptions = {}): Promise<FundedPlatform> {
  const { applicationId, decisionId, now } = await platformDecision(options);
  const { projectId } = await db().$transaction((tx) => createProjectFromDecision(tx, decisionId, now));
  const platform = await db().platform.findUniqueOrThrow({ where: { projectId }, select: { id: true } });
  return { platformId: platform.id, projectId, applicationId, decisionId };
}

/** A funded platform whose project went through its task book to ACTIVE (tranches planned). */
export async function activePlatform(options: FundedPlatformOptions = {}): Promise<FundedPlatform> {
  const f = await fundedPlatform(options);
  const tb = await db().taskBook.findFirstOrThrow({ where: { projectId: f.projectId }, select: { id: true } });
  await db().projectKpi.create({
    data: {
      taskBookId: tb.id,
      ordinal: 1,
      name: '开放共享服务',
      unit: '次',
      comparator: 'GTE',
      targetValue: '50',
      acceptanceMethod: '服务记录',
    },
  });
  const parties = [
    await actorFor(options.directorEmail ?? DEMO.researcher, 'RESEARCHER'),
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
