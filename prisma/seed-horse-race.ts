// A past round of the key program (重点项目·揭榜挂帅) that has reached the panel stage: an enterprise's 赛马制 challenge
// (two teams funded in parallel, the weaker cut after twelve months), answered by two teams of 北京工业大学 whose
// applications were submitted, recommended, formally checked and reviewed by three experts each. The panel, the
// decisions, the notice and the funded projects are what the portal's users do next (tests/e2e/project-lifecycle.spec.ts
// walks them). Built through the same server modules the UI calls; each step is dated in the past with the modules'
// `now` parameter, so the call reads as last season's: opened 120 days ago, closed 90 days ago, reviewed since.
// Idempotent: skipped once the challenge exists. Only for dev/demo databases.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZApplicationDraft } from '@/lib/validation/applications';
import { ZCallTransition, ZCreateCall, ZSetQuotas } from '@/lib/validation/calls';
import { ZChallengeDraft, ZChallengeTransition } from '@/lib/validation/challenges';
import { ZManualAssign, ZSubmitReview } from '@/lib/validation/review';
import { toBeijingInput } from '@/domain/time';
import { attachFile, saveDraft, startApplication, submitApplication } from '@/server/applications/applicant';
import { formalCheck, recommendApplications } from '@/server/applications/review-side';
import { createCall, setCallQuotas, transitionCall } from '@/server/calls/calls';
import { createChallenge, transitionChallenge } from '@/server/challenges/challenges';
import type { Db } from '@/server/db';
import { uploadFile } from '@/server/files/files';
import { createWork } from '@/server/researchers/talent-record';
import { computeCallScores, manualAssign } from '@/server/review/staff-review';
import { respondToReviewInvitation, submitReview } from '@/server/review/expert-work';
import { demoActor } from './seed-programs';

export const HORSE_RACE_CHALLENGE_TITLE = '面向智能终端的存算一体芯片关键技术（赛马制，演示）';

const DAY = 86_400_000;
const daysAgo = (days: number, now: Date) => new Date(now.getTime() - days * DAY);

/** The two teams, strongest first: the experts score team A above team B. Each budget is the challenge's 500 万元. */
export const HORSE_RACE_TEAMS = [
  {
    email: 'qian.feng@demo.jingyan.cn',
    title: '基于阻变存储器的存算一体阵列与片上学习',
    titleEn: 'Resistive-memory compute-in-memory arrays with on-chip learning',
    lines: { EQUIPMENT: '200', OPERATIONS: '150', PERSONNEL: '70', INDIRECT: '80' },
    score: 9,
    work: { title: '阻变存储器阵列的多值存储与在线训练', venue: '中国科学：信息科学', year: 2025 },
  },
  {
    email: 'lin.tao@demo.jingyan.cn',
    title: '面向端侧大模型推理的SRAM存内计算宏单元',
    titleEn: 'SRAM compute-in-memory macros for on-device inference of large models',
    lines: { EQUIPMENT: '180', OPERATIONS: '160', PERSONNEL: '80', INDIRECT: '80' },
    score: 7,
    work: { title: '低电压SRAM存内计算宏的误差补偿方法', venue: '电子学报', year: 2024 },
  },
] as const;

/** The mail-review experts of this round (their pool entries are in seed.ts). */
export const HORSE_RACE_REVIEWERS = ['expert4@demo.jingyan.cn', 'expert5@demo.jingyan.cn', 'expert6@demo.jingyan.cn'];

function section(topic: string, sentences: number): string {
  const lines = [
    `本项目面向${topic}开展研究。`,
    '项目组将在前期器件与电路工作的基础上，系统分析存算一体架构在精度、能效和可靠性方面的关键科学问题。',
    '研究将结合器件建模、电路设计、流片验证与算法协同优化，形成从器件到系统的完整技术路线。',
    '项目将与出题企业共建验证平台，按榜单指标逐项开展第三方测试，确保成果可考核、可转化。',
    '项目组成员覆盖器件、电路与算法三个方向，依托单位提供微纳加工平台和测试条件保障。',
  ];
  return Array.from({ length: sentences }, (_, i) => lines[i % lines.length]).join('');
}

export async function seedHorseRace(client: Db, now = new Date()): Promise<{ created: boolean }> {
  if (await client.challenge.count({ where: { title: HORSE_RACE_CHALLENGE_TITLE } })) return { created: false };
  const staff = await demoActor(client, 'staff@demo.jingyan.cn', 'COMMISSION_STAFF');
  const enterprise = await demoActor(client, 'enterprise@demo.jingyan.cn', 'ENTERPRISE');
  const office = await demoActor(client, 'office@demo.jingyan.cn', 'INSTITUTION_OFFICE');
  const program = await client.program.findUniqueOrThrow({ where: { code: 'KEY' }, select: { id: true } });
  const year = Number(toBeijingInput(now).slice(0, 4));

  // The call is last season's: published 121 days ago for a window that closed 90 days ago (windows of one program
  // may not overlap, and this one ends before the current demo call opens).
  const call = await createCall(
    client,
    staff,
    ZCreateCall.parse({
      programId: program.id,
      year,
      title: `${year}年度重点项目（揭榜挂帅）申报指南（演示·评审阶段）`,
      titleEn: `${year} Key Projects (challenge-based): Call for Applications (demo, in review)`,
      guide: '本批次为演示数据：揭榜挂帅榜单已完成申报、推荐、形式审查和通讯评审，进入会议评审阶段。',
      opensAt: toBeijingInput(daysAgo(120, now)),
      closesAt: toBeijingInput(daysAgo(90, now)),
      institutionReviewClosesAt: toBeijingInput(daysAgo(85, now)),
      plannedAwards: 2,
      fiscalEnvelopeWan: '400',
    }),
  );
  await setCallQuotas(
    client,
    staff,
    ZSetQuotas.parse({
      callId: call.id,
      version: 1,
      quotas: [{ institutionId: office.institutionId!, maxRecommended: 5 }],
    }),
  );
  await transitionCall(
    client,
    staff,
    ZCallTransition.parse({ id: call.id, version: 2, transition: 'publish' }),
    daysAgo(121, now),
  );

  const field = await client.challengeField.findFirstOrThrow({
    where: { code: 'INTEGRATED_CIRCUITS', edition: { current: true } },
    select: { id: true },
  });
  const { id: challengeId } = await createChallenge(
    client,
    enterprise,
    ZChallengeDraft.parse({
      fieldId: field.id,
      title: HORSE_RACE_CHALLENGE_TITLE,
      titleEn: 'Key technologies of compute-in-memory chips for smart devices (horse race, demo)',
      problem:
        '智能终端的端侧推理受限于存储墙，现有方案能效不足。榜单要求研制存算一体芯片原型，在指定模型上达到能效与精度指标，' +
        '由两支团队并行攻关，12个月节点比选后择优一支继续支持。',
      problemEn:
        'On-device inference is bound by the memory wall. Build a compute-in-memory chip prototype meeting energy and ' +
        'accuracy targets; two teams work in parallel and the stronger continues after the 12-month review.',
      deliverables: [{ name: '芯片原型及测试报告', nameEn: 'Chip prototype and test report' }],
      targets: [
        {
          name: '能效',
          nameEn: 'Energy efficiency',
          unit: 'TOPS/W',
          comparator: 'GTE',
          targetValue: '≥ 20',
          targetMin: '',
          targetMax: '',
          acceptanceMethod: '在INT8精度下以标准测试集测量，由第三方检测机构出具报告',
          acceptanceMethodEn: 'Measured at INT8 on the standard test set; report by a third-party testing body',
        },
        {
          name: '推理精度损失',
          nameEn: 'Accuracy loss',
          unit: '%',
          comparator: 'LTE',
          targetValue: '≤ 1',
          targetMin: '',
          targetMax: '',
          acceptanceMethod: '与浮点基线在同一测试集上对比，专家组现场复核',
          acceptanceMethodEn: 'Against the floating-point baseline on the same test set; checked on site',
        },
      ],
      durationMonths: 24,
      fiscalWan: '400',
      selectionMode: 'HORSE_RACE',
      teamCount: 2,
      cutAfterMonths: 12,
      keepAfterCut: 1,
      chiefScientistRequirements: '具有正高级专业技术职务，全职在京高校工作，从事集成电路或存储器件研究。',
      chiefScientistRequirementsEn: 'Full senior title, full-time at a Beijing university, working on ICs or memory.',
      pledgeWan: '100',
    }),
  );
  await transitionChallenge(
    client,
    enterprise,
    ZChallengeTransition.parse({ id: challengeId, version: 1, transition: 'propose' }),
  );
  await transitionChallenge(
    client,
    staff,
    ZChallengeTransition.parse({ id: challengeId, version: 2, transition: 'take_up' }),
  );
  // Challenges are published onto a call still taking applications, and the module reads the clock: for that one
  // step the call's close is today's, then last season's again.
  const closesAt = daysAgo(90, now);
  await client.call.update({ where: { id: call.id }, data: { closesAt: new Date(now.getTime() + DAY) } });
  await transitionChallenge(
    client,
    staff,
    ZChallengeTransition.parse({ id: challengeId, version: 3, transition: 'publish', callId: call.id }),
  );
  await client.call.update({ where: { id: call.id }, data: { closesAt } });

  const pdf = readFileSync(path.join(import.meta.dirname, 'seed-data', 'demo-proposal.pdf'));
  const appIds: string[] = [];
  for (const team of HORSE_RACE_TEAMS) {
    const actor = await demoActor(client, team.email, 'RESEARCHER');
    const name = (await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } })).name;
    const work = await createWork(client, actor, {
      type: 'PAPER',
      title: team.work.title,
      authors: name,
      venue: team.work.venue,
      year: team.work.year,
      identifier: '',
      citation: '',
      contributionStatement: '第一作者兼通讯作者，提出器件与电路协同设计方法，完成流片测试与论文撰写。',
      evidenceFileId: null,
    });
    const { id } = await startApplication(client, actor, { callId: call.id, challengeId }, daysAgo(100, now));
    await saveDraft(
      client,
      actor,
      ZApplicationDraft.parse({
        id,
        version: 1,
        title: team.title,
        titleEn: team.titleEn,
        disciplineCode: '510',
        keywords: '存算一体，集成电路，端侧推理',
        abstract: section(team.title, 4),
        abstractEn: '',
        content: {
          researchContent: section(team.title, 8),
          innovation: section(team.title, 4),
          plan: section(team.title, 4),
          outcomes: section(team.title, 2),
        },
        durationMonths: 24,
        budgetMode: 'LINE_ITEM',
        lumpSumWan: '',
        lumpSumPlan: '',
        budgetLines: Object.entries(team.lines).map(([categoryCode, amountWan]) => ({
          categoryCode,
          amountWan,
          justification: '按研究任务测算',
        })),
        // A challenge's fiscal money and pledged co-funding are the challenge's (400 + 100 万元), whatever is typed.
        funding: { fiscalWan: '400', enterpriseWan: '100', institutionWan: '' },
        workIds: [work.id],
      }),
    );
    for (const slotKey of ['proposal', 'cofunding']) {
      const file = await uploadFile(client, actor, {
        name: `${slotKey}.pdf`,
        bytes: pdf,
        purpose: 'APPLICATION_ATTACHMENT',
      });
      await attachFile(client, actor, { applicationId: id, slotKey, fileId: file.id });
    }
    await submitApplication(client, actor, { id, idempotencyKey: randomUUID() }, daysAgo(100, now));
    appIds.push(id);
  }

  await recommendApplications(client, office, { callId: call.id, ids: appIds }, daysAgo(88, now));
  let version = (await client.call.findUniqueOrThrow({ where: { id: call.id }, select: { version: true } })).version;
  await transitionCall(client, staff, { id: call.id, version, transition: 'close' }, daysAgo(89, now));
  for (const id of appIds) {
    await formalCheck(client, staff, { id, outcome: 'PASS', reasonCodes: [], comment: null }, daysAgo(84, now));
  }
  version = (await client.call.findUniqueOrThrow({ where: { id: call.id }, select: { version: true } })).version;
  await transitionCall(client, staff, { id: call.id, version, transition: 'start_review' }, daysAgo(84, now));

  for (const email of HORSE_RACE_REVIEWERS) {
    const expert = await demoActor(client, email, 'EXPERT');
    for (const [i, applicationId] of appIds.entries()) {
      const { id: assignmentId } = await manualAssign(
        client,
        staff,
        ZManualAssign.parse({ applicationId, expertUserId: expert.userId, dueAt: toBeijingInput(daysAgo(50, now)) }),
        daysAgo(80, now),
      );
      await respondToReviewInvitation(
        client,
        expert,
        { assignmentId, response: 'ACCEPT', conflict: 'NONE', conflictStatement: null },
        daysAgo(79, now),
      );
      const score = HORSE_RACE_TEAMS[i]!.score;
      await submitReview(
        client,
        expert,
        ZSubmitReview.parse({
          assignmentId,
          version: 0,
          scores: { originality: score, feasibility: score, team: score, impact: score },
          recommendation: score >= 8 ? 'PRIORITY' : 'FUNDABLE',
          confidence: 'HIGH',
          commentToApplicant:
            '技术路线清晰，与榜单指标对应明确，团队在器件与电路方面基础扎实，建议关注流片风险与进度安排。'.repeat(3),
          confidentialComment: '',
          language: 'zh',
          nonConsensusSupport: false,
          nonConsensusReason: '',
          conflict: 'NONE',
        }),
        daysAgo(60, now),
      );
    }
  }
  await computeCallScores(client, staff, { callId: call.id }, daysAgo(45, now));
  return { created: true };
}
