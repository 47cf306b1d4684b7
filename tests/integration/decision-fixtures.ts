// Fixtures for the decision and notice tests: a call of its own per scenario (so one test's applications never wait
// in another's batch), applications written straight to the tables at the decision stage, a routed non-consensus
// flag with submitted reviews, a second member of staff for four eyes, and a challenge. How an application reached
// review is other files' business. Needs the demo data (helpers.seed()) loaded first.
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password-hash';
import { db } from '@/server/db';
import { actorFor, DEMO, DEMO_PASSWORD } from './helpers';

export const WAN = 1_000_000n;
let n = 0;

const CONTENT = {
  researchContent: '研究内容：面向存算一体芯片的器件、电路与算法协同设计，建立误差模型并完成流片验证。',
  innovation: '创新点：提出多值存储的在线校准方法。',
  plan: '研究计划：第一年完成器件建模，第二年完成阵列设计与流片，第三年完成系统验证。',
  outcomes: '预期成果：原型芯片一套，高水平论文若干篇，发明专利两项。',
};

export async function userId(email: string) {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** A call in review of the program (GEN has no panel stage; KEY and EYS have one), with the program's pinned rules. */
export async function callOf(programCode: 'GEN' | 'KEY' | 'EYS') {
  const template = await db().call.findFirstOrThrow({
    where: { program: { code: programCode }, ruleVersionId: { not: null } },
    select: { programId: true, ruleVersionId: true },
  });
  return db().call.create({
    data: {
      programId: template.programId,
      ruleVersionId: template.ruleVersionId,
      year: 2026,
      title: `测试批次${++n}`,
      opensAt: new Date('2026-03-01T01:00:00Z'),
      closesAt: new Date('2026-04-01T09:00:00Z'),
      status: 'REVIEWING',
    },
    select: { id: true, ruleVersionId: true },
  });
}

/** An application at the given stage with a fiscal request (万元), PI a demo researcher (default 王建国, 北京工业大学). */
export async function applicationAt(
  call: { id: string; ruleVersionId: string | null },
  options: {
    status?: 'UNDER_REVIEW' | 'PANEL' | 'FORMAL_CHECK_PASSED';
    requestedWan?: number;
    piEmail?: string;
    challengeId?: string;
  } = {},
) {
  const piId = await userId(options.piEmail ?? DEMO.researcher);
  const profile = await db().researcherProfile.findUniqueOrThrow({
    where: { userId: piId },
    select: { institutionId: true },
  });
  const requested = BigInt(options.requestedWan ?? 80) * WAN;
  return db().application.create({
    data: {
      callId: call.id,
      ruleVersionId: call.ruleVersionId!,
      challengeId: options.challengeId ?? null,
      applicantId: piId,
      institutionId: profile.institutionId,
      status: options.status ?? 'UNDER_REVIEW',
      code: `JY-T-${randomUUID().slice(0, 8)}`,
      title: `测试申报${++n}`,
      content: CONTENT,
      durationMonths: 24,
      budgetMode: 'LUMP_SUM',
      lumpSumFen: requested,
      currentVersionNo: 1,
      submittedAt: new Date('2026-03-20T02:00:00Z'),
      funding: { create: [{ source: 'FISCAL', amountFen: requested }] },
    },
    select: { id: true, callId: true, code: true, title: true, applicantId: true, institutionId: true },
  });
}

/** A 赛马制 challenge funding `teamCount` teams, on the call. */
export async function horseRaceChallenge(callId: string, teamCount = 2) {
  const enterprise = await db().institution.findFirstOrThrow({ where: { kind: 'ENTERPRISE' }, select: { id: true } });
  const field = await db().challengeField.findFirstOrThrow({ where: { code: 'AI' }, select: { id: true } });
  return db().challenge.create({
    data: {
      callId,
      issuerInstitutionId: enterprise.id,
      proposedById: await userId(DEMO.enterprise),
      fieldId: field.id,
      title: `赛马榜单${++n}`,
      problem: '测试用榜单问题描述。',
      deliverables: [],
      durationMonths: 24,
      fiscalFen: 500n * WAN,
      selectionMode: 'HORSE_RACE',
      teamCount,
      cutAfterMonths: 12,
      keepAfterCut: 1,
      status: 'CLOSED',
    },
    select: { id: true },
  });
}

/**
 * Submitted mail reviews by the given experts on the application, two of them supporting the non-consensus route,
 * and the flag staff ROUTED (issue 5's work, written straight to the tables).
 */
export async function routedFlag(application: { id: string; callId: string }, expertEmails: string[]) {
  const template = await db().call.findUniqueOrThrow({
    where: { id: application.callId },
    select: { ruleVersionId: true },
  });
  const reviewIds: string[] = [];
  for (const [i, email] of expertEmails.entries()) {
    const assignment = await db().reviewAssignment.create({
      data: {
        applicationId: application.id,
        callId: application.callId,
        expertUserId: await userId(email),
        stage: 'MAIL',
        status: 'SUBMITTED',
        origin: 'MANUAL',
        dueAt: new Date('2026-05-01T09:00:00Z'),
      },
      select: { id: true },
    });
    const review = await db().review.create({
      data: {
        assignmentId: assignment.id,
        applicationVersionNo: 1,
        ruleVersionId: template.ruleVersionId!,
        status: 'SUBMITTED',
        submittedAt: new Date('2026-04-20T02:00:00Z'),
        nonConsensusSupport: i < 2,
      },
      select: { id: true },
    });
    if (i < 2) reviewIds.push(review.id);
  }
  return db().nonConsensusFlag.create({
    data: {
      applicationId: application.id,
      callId: application.callId,
      measure: 'RANGE',
      dispersion: 5,
      threshold: 4,
      supportingReviewIds: reviewIds,
      status: 'ROUTED',
      justification: '评审意见分歧大，两位专家认为选题原创性突出。',
    },
    select: { id: true, supportingReviewIds: true },
  });
}

/** A second member of commission staff (the four-eyes approver), created once per database. */
export async function secondStaff(): Promise<Actor> {
  const email = 'staff2@test.jingyan.cn';
  if (!(await db().user.findUnique({ where: { email } }))) {
    await db().user.create({
      data: {
        email,
        name: '吴静',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles: { create: [{ role: 'COMMISSION_STAFF' }] },
      },
    });
  }
  return actorFor(email, 'COMMISSION_STAFF');
}

export const REASONS = '评审意见一致支持立项，研究基础扎实。';
export const JUSTIFICATION =
  '两位评审专家认为该申报提出的多值存储在线校准思路具有明显原创性，虽然另一位专家对可行性存疑，但申请人前期工作扎实，' +
  '科研诚信记录良好，适合通过非共识通道给予支持。';
