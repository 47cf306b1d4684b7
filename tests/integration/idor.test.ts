import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import ts from 'typescript';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PERMISSIONS, permissionsOf, type Permission } from '@/domain/auth/permissions';
import { EXPORT_KINDS } from '@/domain/exports';
import { ZProgramRules } from '@/domain/program/rules';
import { nameVariants } from '@/domain/review/name-match';
import { DomainError } from '@/lib/errors';
import { ZApplicationDraft } from '@/lib/validation/applications';
import { ZChallengeDraft } from '@/lib/validation/challenges';
import { ZProposeTopic } from '@/lib/validation/committee';
import { ZPlatformDraft } from '@/lib/validation/platforms';
import { ZSubmitProgress } from '@/lib/validation/project-lifecycle';
import { ZReviewDraft, ZSubmitReview } from '@/lib/validation/review';
import { ZDraftReport } from '@/lib/validation/strategy';
import { getApplicantIdNumberMasked, revealApplicantIdNumber } from '@/server/applications/applicant-id-number';
import {
  attachFile,
  detachFile,
  getOwnApplication,
  inviteMember,
  listOwnAvoidances,
  removeMember,
  respondToInvitation,
  saveAvoidances,
  saveDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/server/applications/applicant';
import {
  getApplicationForReader,
  listAvoidancesForStaff,
  listOfficeApplications,
  recommendApplications,
  returnApplication,
} from '@/server/applications/review-side';
import type { Actor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password-hash';
import { getChallengeForEdit, listChallengeApplicants, createChallenge } from '@/server/challenges/challenges';
import { transitionChallenge, updateChallenge } from '@/server/challenges/challenges';
import { addMaterial, committeeFileReadable, getMeeting, recordOpinion } from '@/server/committee/meetings';
import { draftReport, getReport, publishReport } from '@/server/committee/reports';
import { getTopicForMember, proposeTopic, scoreTopic, withdrawTopic } from '@/server/committee/topics';
import { getDashboard } from '@/server/dashboard/get-dashboard';
import { db } from '@/server/db';
import { getPublishedDecisionForApplication } from '@/server/decisions/decisions';
import { applicationPdf, assignmentPdf } from '@/server/documents/application-pdf';
import { taskBookPdf } from '@/server/documents/task-book-pdf';
import { exportList } from '@/server/exports/export-list';
import { readFile, storeOwnFile, uploadFile } from '@/server/files/files';
import { cancelJob, getJobRun, listJobRuns } from '@/server/jobs/job-runs';
import { listInbox, markRead, unreadCount } from '@/server/notify/inbox';
import { getPanelMeeting } from '@/server/panels/meetings';
import { approvePanelMinutes, savePanelMinutes } from '@/server/panels/minutes';
import {
  closePanelItemVote,
  closePanelMeeting,
  openPanelItem,
  setPanelAttendance,
  skipPanelItem,
  startPanelMeeting,
} from '@/server/panels/run-meeting';
import { castPanelVote, getPanelMeetingForMember, listOwnPanelMeetings } from '@/server/panels/votes';
import {
  addPlatformMember,
  attachPlatformFile,
  detachPlatformFile,
  getPlatformApplication,
  removePlatformMember,
  savePlatformDraft,
  startPlatformApplication,
  submitPlatformApplication,
  withdrawPlatformApplication,
} from '@/server/platforms/application';
import { saveDirections } from '@/server/platforms/directions';
import {
  appointManager,
  endManager,
  savePlatformProject,
  transitionPlatformProject,
} from '@/server/platforms/managers';
import { getPlatform } from '@/server/platforms/platforms';
import { platformFileReadable, savePlatformReport } from '@/server/platforms/reports';
import { getProjectAcceptance, saveFinalReport, submitFinalReport } from '@/server/projects/acceptance';
import { getProjectChanges, institutionDecideChange, requestChange, withdrawChange } from '@/server/projects/changes';
import { getProjectChecks, openCheck, submitProgress } from '@/server/projects/checks';
import { fileExpenditureReport, signExpenditureReport } from '@/server/projects/expenditure';
import { getRaceOutcomeForProject } from '@/server/projects/horse-race';
import { addMentoringEntry, getMentorship, listOwnMentorships } from '@/server/projects/mentoring';
import { getProject, listProjects } from '@/server/projects/projects';
import {
  confirmTaskBook,
  saveTaskBookBudget,
  saveTaskBookContent,
  saveTaskBookKpis,
  saveTaskBookMilestones,
} from '@/server/projects/task-book';
import { markTranchePaid } from '@/server/projects/tranches';
import { getInstitutionResearcher } from '@/server/researchers/profile';
import {
  createWork,
  deleteWork,
  removeCareerEntry,
  removeHonour,
  revealIdNumberForStaff,
  updateWork,
} from '@/server/researchers/talent-record';
import { getOwnExpertProfile } from '@/server/review/expert-pool';
import {
  getAssignmentForExpert,
  listOwnAssignments,
  readAssignmentAttachment,
  respondToReviewInvitation,
  saveReviewDraft,
  submitReview,
} from '@/server/review/expert-work';
import { cancelAssignment, manualAssign, remindAssignment } from '@/server/review/staff-review';
import { secondStaff } from './decision-fixtures';
import { actorFor, DEMO, DEMO_PASSWORD, institutionId, seed } from './helpers';
import { horseRaceChallenge, lifecycleBase, makeProject, taskBookIds, type Base } from './lifecycle-fixtures';
import { fundedPlatform } from './platform-fixtures';
import { fundedProject } from './project-fixtures';

// IDOR (insecure direct object reference): the permission matrix (authorization*.test.ts) says which ROLE may call a
// server function; this file checks that a holder of the right role still cannot reach ANOTHER person's or
// institution's record by its id. Two of everything: party A is the demo data (王建国 and the office of 北京工业大学,
// the demo enterprise, Anna Schmidt, 赵永刚, staff 陈立); party B a researcher and an office of 北京联合大学, a second
// enterprise, the expert 刘洋, 钟慧敏 (not invited), a former committee member and a second member of staff.
//
// Each probe calls one exported server function as the wrong party with the other party's id: it must be refused
// (NOT_FOUND or FORBIDDEN — or, for a predicate, answer false), write no audit event and leave the target rows as they
// were. Then the same call as the owner must get past the scope (any answer but NOT_FOUND / FORBIDDEN), so a probe
// cannot pass because its fixture was wrong. A scan of src/server (the last describe) makes every exported function
// that takes an actor and an id either a probe here or an entry of NOT_OWNER_SCOPED, with its reason.

const PDF = readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf'));
const FUTURE_DUE = new Date('2040-03-01T09:00:00Z');
let serial = 0;

// ───────────── the two parties ─────────────

interface Party {
  researcher: Actor;
  office: Actor;
  enterprise: Actor;
  expert: Actor;
  committee: Actor;
  staff: Actor;
}
const A = {} as Party & { young: Actor; zhou: Actor };
const B = {} as Party & { exMember: Actor };

let passwordHash = '';
let base: Base;

/** A valid 统一社会信用代码 that differs each call (check character computed). */
function creditCode() {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91110000IDOR${String(++serial).padStart(5, '0')}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

async function newInstitution(name: string, kind: 'ENTERPRISE' | 'RESEARCH_UNIVERSITY', nameEn?: string) {
  return (
    await db().institution.create({
      data: {
        name,
        nameEn: nameEn ?? null,
        kind,
        affiliation: kind === 'ENTERPRISE' ? 'OTHER' : 'MUNICIPAL',
        creditCode: creditCode(),
      },
      select: { id: true },
    })
  ).id;
}

/** A user made the way the seed makes one: password, roles, and a researcher profile when they research. */
async function person(
  email: string,
  name: string,
  roles: { role: 'RESEARCHER' | 'INSTITUTION_OFFICE' | 'ENTERPRISE' | 'EXPERT' | 'COMMITTEE_MEMBER'; at?: string }[],
  profileAt?: string,
) {
  const user = await db().user.create({
    data: {
      email,
      name,
      passwordHash,
      roles: { create: roles.map((r) => ({ role: r.role, institutionId: r.at ?? null })) },
      ...(profileAt
        ? {
            researcherProfile: {
              create: {
                institutionId: profileAt,
                department: '信息学院',
                gender: 'FEMALE',
                birthDate: new Date('1980-05-04T00:00:00Z'),
                title: 'SENIOR',
                degree: 'DOCTORATE',
                disciplineCodes: ['520'],
                keywords: ['类脑计算'],
              },
            },
          }
        : {}),
    },
    select: { id: true },
  });
  return user.id;
}

const upload = (actor: Actor, purpose: Parameters<typeof uploadFile>[2]['purpose'], bytes: Buffer = PDF) =>
  uploadFile(db(), actor, { name: `${purpose.toLowerCase()}-${++serial}.pdf`, bytes, purpose });

/** An OPEN call of the program, pinned to `ruleVersionId` (default the program's current rules). */
async function openCall(programCode: string, ruleVersionId?: string) {
  const program = await db().program.findUniqueOrThrow({ where: { code: programCode } });
  const now = Date.now();
  return db().call.create({
    data: {
      programId: program.id,
      ruleVersionId: ruleVersionId ?? program.currentRuleVersionId,
      year: 2026,
      title: `越权测试批次${++serial}`,
      opensAt: new Date(now - 3600_000),
      closesAt: new Date(now + 30 * 86_400_000),
      institutionReviewClosesAt: new Date(now + 37 * 86_400_000),
      status: 'OPEN',
    },
    select: { id: true, ruleVersionId: true },
  });
}

/** Proposal text of the length the submission check wants (as the demo seed writes it). */
function section(topic: string, sentences: number, extra = ''): string {
  const lines = [
    `本项目围绕${topic}开展研究。${extra}`,
    '在前期工作基础上，项目组将系统梳理国内外研究现状，明确拟解决的关键科学问题。',
    '研究将结合理论分析、数值模拟与实验验证，逐步建立完整的方法体系，并在典型场景中检验其有效性。',
    '项目预期形成具有自主知识产权的原创成果，为相关领域的基础研究和应用转化提供支撑。',
  ];
  return Array.from({ length: sentences }, (_, i) => lines[i % lines.length]).join('');
}

/**
 * An application taken through the applicant's real modules (work, draft, team, attachment, submission) and then
 * moved past the formal check (other files test the office's and the commission's steps).
 */
async function submittedApplication(
  pi: Actor,
  callId: string,
  o: { members?: Actor[]; names?: string; abstractEn?: string; attachment?: Buffer; titleNote?: string } = {},
) {
  const names = o.names ?? '';
  const work = await createWork(db(), pi, {
    type: 'PAPER',
    title: `代表作：${names}忆阻器阵列上的在线学习`,
    authors: pi.name,
    venue: '中国科学：信息科学',
    year: 2024,
    identifier: '',
    citation: '',
    contributionStatement: `第一作者兼通讯作者，${names}提出研究思路与方法，完成主要实验和论文撰写。`,
    evidenceFileId: null,
  });
  const { id } = await startApplication(db(), pi, { callId });
  const topic = '类脑计算芯片的在线学习机制';
  await saveDraft(
    db(),
    pi,
    ZApplicationDraft.parse({
      id,
      version: 1,
      title: `类脑计算芯片的在线学习机制${o.titleNote ?? ''}`,
      titleEn: 'Online learning on neuromorphic chips',
      disciplineCode: '520',
      keywords: '类脑计算，在线学习',
      abstract: section(topic, 4, names),
      abstractEn: `We study online learning rules for memristive neuromorphic chips. ${o.abstractEn ?? ''}`,
      content: {
        researchContent: section(topic, 8, names),
        innovation: section(topic, 4),
        plan: section(topic, 4),
        outcomes: section(topic, 2),
      },
      durationMonths: 24,
      budgetMode: 'LUMP_SUM',
      lumpSumWan: '20',
      lumpSumPlan: section(topic, 2),
      budgetLines: [],
      funding: { fiscalWan: '20', enterpriseWan: '', institutionWan: '' },
      workIds: [work.id],
    }),
  );
  for (const member of o.members ?? []) {
    const m = await inviteMember(db(), pi, {
      applicationId: id,
      email: member.email,
      responsibility: `负责器件测试（${member.name}）`,
      monthsPerYear: 3,
    });
    await respondToInvitation(db(), member, { memberId: m.id, accept: true });
  }
  const file = await uploadFile(db(), pi, {
    name: '申报书（盖章版）.pdf',
    bytes: o.attachment ?? PDF,
    purpose: 'APPLICATION_ATTACHMENT',
  });
  await attachFile(db(), pi, { applicationId: id, slotKey: 'proposal', fileId: file.id });
  await submitApplication(db(), pi, { id, idempotencyKey: randomUUID() });
  await db().application.update({ where: { id }, data: { status: 'FORMAL_CHECK_PASSED' } });
  return { id, fileId: file.id, workId: work.id };
}

/** An application row straight in the table (for the states a probe needs, not how it got there). */
async function applicationRow(
  status: 'DRAFT' | 'SUBMITTED' | 'PANEL',
  o: { applicantId: string; institutionId: string; callId: string; ruleVersionId: string },
) {
  return db().application.create({
    data: { ...o, status, budgetMode: 'LUMP_SUM', currentVersionNo: status === 'DRAFT' ? 0 : 1 },
    select: { id: true },
  });
}

// ───────────── fixtures: records of party A (and a few of B, to probe with their own ids) ─────────────

const fx = {
  bjut: '',
  buu: '',
  genCallId: '',
  // applications
  appDraft: '',
  appDraftMemberId: '',
  appSubmitted: '',
  appSubmittedFile: '',
  appWithdrawable: '',
  appForReturn: '',
  appForRecommend: '',
  appDraftOfB: '',
  // files and the talent record
  evidenceFile: '',
  fileOfB: '',
  exportFile: '',
  workToUpdate: '',
  workToDelete: '',
  workOfB: '',
  honour: '',
  careerEntry: '',
  // review
  asgA: '',
  // projects
  draftProject: '',
  draftProjectOfB: '',
  activeProject: '',
  challengeProject: '',
  changeForOffice: '',
  changeForWithdraw: '',
  checkId: '',
  finalProject: '',
  draftedFinalProject: '',
  reportId: '',
  institutionTranche: '',
  enterpriseTranche: '',
  mentorship: '',
  // platforms
  platform: '',
  platformReportFile: '',
  center: '',
  youngManager: '',
  zhouManager: '',
  centerProject: '',
  platformApp: '',
  platformAppMember: '',
  platformFile: '',
  platformSlot: '',
  fileOfOfficeB: '',
  // challenges and committee
  challenge: '',
  topicOfResearcher: '',
  topicOfOffice: '',
  topicOfEnterprise: '',
  scoringTopic: '',
  meeting: '',
  meetingFile: '',
  report: '',
  // panels
  panelMeeting: '',
  panelItem: '',
  panelChairMember: '',
  // jobs and the inbox
  jobOfStaff: '',
  jobOfResearcher: '',
  notification: '',
};

const version = {
  application: async (id: string) => (await db().application.findUniqueOrThrow({ where: { id } })).version,
  taskBook: async (projectId: string) =>
    (await db().taskBook.findFirstOrThrow({ where: { projectId }, orderBy: { number: 'desc' } })).version,
  project: async (id: string) => (await db().project.findUniqueOrThrow({ where: { id } })).version,
  platform: async (id: string) => (await db().platform.findUniqueOrThrow({ where: { id } })).version,
  challenge: async (id: string) => (await db().challenge.findUniqueOrThrow({ where: { id } })).version,
  meeting: async (id: string) => (await db().panelMeeting.findUniqueOrThrow({ where: { id } })).version,
  item: async (id: string) => (await db().panelAgendaItem.findUniqueOrThrow({ where: { id } })).version,
};

beforeAll(async () => {
  await seed();
  passwordHash = await hashPassword(DEMO_PASSWORD);
  base = await lifecycleBase();
  fx.bjut = await institutionId('北京工业大学');
  fx.buu = await institutionId('北京联合大学');
  const enterpriseB = await newInstitution('京研对照科技有限公司', 'ENTERPRISE');

  await person('idor.researcher@test.jingyan.cn', '贺兰雪', [{ role: 'RESEARCHER', at: fx.buu }], fx.buu);
  await person('idor.office@test.jingyan.cn', '潘越', [{ role: 'INSTITUTION_OFFICE', at: fx.buu }]);
  await person('idor.enterprise@test.jingyan.cn', '丁磊石', [{ role: 'ENTERPRISE', at: enterpriseB }]);
  const exMember = await person('idor.former@test.jingyan.cn', '秦观海', [{ role: 'COMMITTEE_MEMBER' }]);
  const term = await db().committeeTerm.findFirstOrThrow({ orderBy: { startsOn: 'desc' } });
  await db().committeeMembership.create({
    data: {
      termId: term.id,
      userId: exMember,
      category: 'SCIENTIST',
      fromDate: new Date('2026-01-01'),
      toDate: new Date('2026-06-30'),
    },
  });

  // Signing in is a password check each (argon2id): in parallel.
  const signIn = async <K extends string>(accounts: Record<K, () => Promise<Actor>>) =>
    Object.fromEntries(
      await Promise.all(Object.entries<() => Promise<Actor>>(accounts).map(async ([k, f]) => [k, await f()])),
    ) as Record<K, Actor>;
  Object.assign(
    A,
    await signIn({
      researcher: () => actorFor(DEMO.researcher, 'RESEARCHER'),
      young: () => actorFor(DEMO.young, 'RESEARCHER'),
      zhou: () => actorFor('zhou.min@demo.jingyan.cn', 'RESEARCHER'),
      office: () => actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
      enterprise: () => actorFor(DEMO.enterprise, 'ENTERPRISE'),
      expert: () => actorFor(DEMO.intlExpert, 'EXPERT'),
      committee: () => actorFor(DEMO.committee, 'COMMITTEE_MEMBER'),
      staff: () => actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    }),
  );
  Object.assign(
    B,
    await signIn({
      researcher: () => actorFor('idor.researcher@test.jingyan.cn', 'RESEARCHER'),
      office: () => actorFor('idor.office@test.jingyan.cn', 'INSTITUTION_OFFICE'),
      enterprise: () => actorFor('idor.enterprise@test.jingyan.cn', 'ENTERPRISE'),
      expert: () => actorFor(DEMO.expert, 'EXPERT'),
      committee: () => actorFor('committee2@demo.jingyan.cn', 'COMMITTEE_MEMBER'),
      exMember: () => actorFor('idor.former@test.jingyan.cn', 'COMMITTEE_MEMBER'),
      staff: () => secondStaff(),
    }),
  );

  // ── applications ──
  const gen = await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' } });
  fx.genCallId = gen.id;
  const rowOf = (applicantId: string, institution: string) => ({
    applicantId,
    institutionId: institution,
    callId: gen.id,
    ruleVersionId: gen.ruleVersionId!,
  });
  fx.appDraft = (await startApplication(db(), A.researcher, { callId: gen.id })).id;
  fx.appDraftMemberId = (
    await inviteMember(db(), A.researcher, {
      applicationId: fx.appDraft,
      email: DEMO.young,
      responsibility: '实验',
      monthsPerYear: 3,
    })
  ).id;
  const draftFile = await upload(A.researcher, 'APPLICATION_ATTACHMENT');
  await attachFile(db(), A.researcher, { applicationId: fx.appDraft, slotKey: 'proposal', fileId: draftFile.id });
  await saveAvoidances(db(), A.researcher, {
    applicationId: fx.appDraft,
    avoidances: [{ name: '刘洋', institutionName: '北京航空航天大学', reason: '直接竞争关系' }],
  });
  const submitted = await submittedApplication(A.researcher, (await openCall('GEN')).id);
  fx.appSubmitted = submitted.id;
  fx.appSubmittedFile = submitted.fileId;
  await db().decision.create({
    data: {
      applicationId: fx.appSubmitted,
      callId: (await db().application.findUniqueOrThrow({ where: { id: fx.appSubmitted } })).callId,
      outcome: 'FUND',
      awardedFiscalFen: 200_000_000n,
      reasons: '评审意见一致支持立项。',
      status: 'PUBLISHED',
      decidedById: A.staff.userId,
      publishedAt: new Date(),
    },
  });
  fx.appWithdrawable = (await applicationRow('SUBMITTED', rowOf(A.researcher.userId, fx.bjut))).id;
  fx.appForReturn = (await applicationRow('SUBMITTED', rowOf(A.researcher.userId, fx.bjut))).id;
  fx.appForRecommend = (await applicationRow('SUBMITTED', rowOf(A.researcher.userId, fx.bjut))).id;
  fx.appDraftOfB = (await applicationRow('DRAFT', rowOf(B.researcher.userId, fx.buu))).id;

  // ── files and the talent record ──
  fx.evidenceFile = (await upload(A.researcher, 'WORK_EVIDENCE')).id;
  fx.fileOfB = (await upload(B.researcher, 'APPLICATION_ATTACHMENT')).id;
  fx.exportFile = (
    await storeOwnFile(db(), {
      ownerId: A.staff.userId,
      filename: 'applications.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from('PK'),
      purpose: 'EXPORT_RESULT',
    })
  ).id;
  const work = (title: string, actor: Actor, evidenceFileId: string | null = null) =>
    createWork(db(), actor, {
      type: 'PAPER',
      title,
      authors: actor.name,
      venue: '',
      year: 2024,
      identifier: '',
      citation: '',
      contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
      evidenceFileId,
    });
  fx.workToUpdate = (await work('存算一体阵列的误差模型', A.researcher, fx.evidenceFile)).id;
  fx.workToDelete = (await work('多值存储的在线校准', A.researcher)).id;
  fx.workOfB = (await work('联合大学的论文', B.researcher)).id;
  fx.honour = (
    await db().honour.create({ data: { userId: A.researcher.userId, name: '北京市科学技术奖', year: 2022 } })
  ).id;
  fx.careerEntry = (
    await db().careerEntry.create({
      data: {
        userId: A.researcher.userId,
        kind: 'WORK',
        organization: '北京工业大学',
        role: '教授',
        startsOn: new Date('2015-09-01'),
      },
    })
  ).id;

  // ── review: Anna Schmidt and 刘洋 both review the submitted application ──
  fx.asgA = (
    await manualAssign(db(), A.staff, {
      applicationId: fx.appSubmitted,
      expertUserId: A.expert.userId,
      dueAt: FUTURE_DUE,
    })
  ).id;
  await manualAssign(db(), A.staff, {
    applicationId: fx.appSubmitted,
    expertUserId: B.expert.userId,
    dueAt: FUTURE_DUE,
  });

  // ── projects ──
  fx.draftProject = (await fundedProject({ memberEmails: [DEMO.young] })).projectId;
  fx.draftProjectOfB = (await fundedProject({ piEmail: 'idor.researcher@test.jingyan.cn' })).projectId;
  const project = () => makeProject(base).then((p) => p.id);
  fx.activeProject = await project();
  fx.challengeProject = (
    await makeProject(base, { challengeId: (await horseRaceChallenge(base)).id, memberIds: [] })
  ).id;
  const change = async () => {
    const projectId = await project();
    return (
      await requestChange(
        db(),
        A.researcher,
        { projectId, kind: 'EXTENSION', months: 1, reason: '延期' },
        new Date('2028-03-01T00:00:00Z'),
      )
    ).id;
  };
  fx.changeForOffice = await change();
  fx.changeForWithdraw = await change();
  fx.checkId = (
    await openCheck(db(), A.staff, {
      projectId: fx.activeProject,
      version: await version.project(fx.activeProject),
      kind: 'MIDTERM',
      year: 2028,
    })
  ).id;
  fx.finalProject = await project();
  fx.draftedFinalProject = await project();
  const kpis = (await taskBookIds(fx.draftedFinalProject)).kpis;
  await saveFinalReport(db(), A.researcher, {
    projectId: fx.draftedFinalProject,
    version: 0,
    finalReport: '结题报告',
    kpis: kpis.map((kpiId) => ({ kpiId, attainedValue: '达到', attainment: 'MET' as const })),
    workIds: [],
  });
  await db().expenditureReport.create({
    data: {
      projectId: fx.draftedFinalProject,
      year: 2030,
      mode: 'SIMPLIFIED',
      totalSpentFen: 100_000_000n,
      isFinal: true,
      status: 'SUBMITTED',
      submittedAt: new Date(),
    },
  });
  fx.reportId = (
    await db().expenditureReport.create({
      data: {
        projectId: fx.activeProject,
        year: 2028,
        mode: 'LINE_ITEM',
        totalSpentFen: 0n,
        status: 'SUBMITTED',
        submittedAt: new Date(),
      },
    })
  ).id;
  fx.institutionTranche = (
    await db().tranche.create({
      data: {
        projectId: fx.activeProject,
        source: 'INSTITUTION',
        sourceInstitutionId: fx.bjut,
        ordinal: 1,
        plannedDate: new Date('2027-09-01'),
        amountFen: 10_000_000n,
        status: 'APPROVED',
      },
    })
  ).id;
  const enterpriseTranche = await db().tranche.findFirstOrThrow({
    where: { projectId: fx.challengeProject, source: 'ENTERPRISE', status: { not: 'PAID' } },
    orderBy: { ordinal: 'asc' },
  });
  await db().tranche.update({ where: { id: enterpriseTranche.id }, data: { status: 'APPROVED' } });
  fx.enterpriseTranche = enterpriseTranche.id;
  fx.mentorship = (
    await db().mentorAssignment.create({
      data: { projectId: fx.activeProject, expertUserId: A.expert.userId, fromDate: new Date('2027-07-01') },
    })
  ).id;

  // ── platforms: a 北京实验室 and a 高精尖创新中心 of 北京工业大学, directed by 王建国 ──
  fx.platform = (await fundedPlatform()).platformId;
  const established = await db().platform.findUniqueOrThrow({ where: { id: fx.platform } });
  fx.platformReportFile = (await upload(A.researcher, 'PLATFORM_REPORT')).id;
  await savePlatformReport(db(), A.researcher, {
    platformId: fx.platform,
    year: established.establishedOn.getUTCFullYear(),
    content: { summary: '年度进展', outputs: '', talent: '', openness: '', fundingNote: '' },
    fileId: fx.platformReportFile,
    submit: false,
  });
  fx.center = (await fundedPlatform({ program: 'AIC' })).platformId;
  const today = new Date().toISOString().slice(0, 10);
  fx.youngManager = (
    await appointManager(db(), A.office, { platformId: fx.center, email: DEMO.young, appointedOn: today, remit: null })
  ).id;
  fx.zhouManager = (
    await appointManager(db(), A.office, {
      platformId: fx.center,
      email: 'zhou.min@demo.jingyan.cn',
      appointedOn: today,
      remit: null,
    })
  ).id;
  fx.centerProject = (
    await savePlatformProject(db(), A.young, {
      platformId: fx.center,
      id: null,
      projectManagerId: fx.youngManager,
      title: '类脑芯片中试',
      leadName: '李晓',
      budgetWan: 50n * 1_000_000n,
      startsOn: today,
      endsOn: '2029-12-31',
      summary: null,
    })
  ).id;
  const platformCall = await openCall('LAB-B');
  fx.platformApp = (
    await startPlatformApplication(db(), A.office, { callId: platformCall.id, directorEmail: DEMO.researcher })
  ).id;
  fx.platformAppMember = (
    await addPlatformMember(db(), A.office, {
      applicationId: fx.platformApp,
      email: DEMO.young,
      responsibility: '方向负责人',
      monthsPerYear: 6,
    })
  ).id;
  fx.platformFile = (await upload(A.office, 'APPLICATION_ATTACHMENT')).id;
  fx.fileOfOfficeB = (await upload(B.office, 'APPLICATION_ATTACHMENT')).id;
  fx.platformSlot = ZProgramRules.parse(
    (await db().programRuleVersion.findUniqueOrThrow({ where: { id: platformCall.ruleVersionId! } })).rules,
  ).requiredAttachments[0]!.key;
  await attachPlatformFile(db(), A.office, {
    applicationId: fx.platformApp,
    slotKey: fx.platformSlot,
    fileId: fx.platformFile,
  });

  // ── a challenge of the demo enterprise ──
  const field = await db().challengeField.findFirstOrThrow({ where: { code: 'AI' } });
  fx.challenge = (
    await createChallenge(
      db(),
      A.enterprise,
      ZChallengeDraft.parse({
        fieldId: field.id,
        title: '企业甲的榜单',
        deliverables: [],
        targets: [],
        durationMonths: 24,
        fiscalWan: '100',
        selectionMode: 'SINGLE',
        teamCount: 1,
      }),
    )
  ).id;

  // ── the committee: topics of three proposers, one in scoring, a meeting 钟慧敏 is not invited to, a report ──
  const topic = (actor: Actor) =>
    proposeTopic(
      db(),
      actor,
      ZProposeTopic.parse({
        title: `选题建议${++serial}`,
        background: '背景',
        goals: '目标',
        expectedImpact: '影响',
        suggestedForm: 'CALL',
      }),
      new Date(),
    ).then((t) => t.id);
  fx.topicOfResearcher = await topic(A.researcher);
  fx.topicOfOffice = await topic(A.office);
  fx.topicOfEnterprise = await topic(A.enterprise);
  fx.scoringTopic = (
    await db().topicProposal.create({
      data: {
        termId: term.id,
        source: 'TOP_DOWN',
        proposerUserId: A.staff.userId,
        title: '评分中的选题',
        background: '背景',
        goals: '目标',
        expectedImpact: '影响',
        suggestedForm: 'CALL',
        status: 'SCORING',
      },
    })
  ).id;
  fx.meeting = (
    await db().strategyMeeting.create({
      data: {
        termId: term.id,
        year: 2027,
        title: '小范围战略研讨',
        heldAt: new Date('2027-03-15T01:30:00Z'),
        agenda: [{ title: '一、选题方向' }],
        attendees: { create: [{ userId: A.committee.userId }] },
      },
    })
  ).id;
  fx.meetingFile = (await upload(A.staff, 'MEETING_MATERIAL')).id;
  await addMaterial(db(), A.staff, { meetingId: fx.meeting, title: '会议材料', fileId: fx.meetingFile });
  const reportFile = await upload(A.staff, 'CONSULTATION_REPORT');
  const report = await draftReport(
    db(),
    A.staff,
    ZDraftReport.parse({ title: '年度咨询报告', body: '正文', fileId: reportFile.id }),
    new Date(),
  );
  await publishReport(db(), A.staff, { reportId: report.id, version: 1 }, new Date());
  fx.report = report.id;

  // ── a panel meeting chaired by Anna Schmidt (刘洋 chairs another one; 赵永刚 sits on hers without chairing) ──
  const key = await db().call.findFirstOrThrow({ where: { program: { code: 'KEY' } } });
  const panel = (chairId: string, memberId?: string) =>
    db().panelMeeting.create({
      data: {
        callId: key.id,
        title: `评审会${++serial}`,
        startsAt: new Date('2040-05-10T01:00:00Z'),
        endsAt: new Date('2040-05-10T09:00:00Z'),
        location: '会议室',
        passRuleBp: 6667,
        status: 'PLANNED',
        createdById: A.staff.userId,
        members: {
          create: [
            { userId: chairId, role: 'CHAIR', attended: true },
            ...(memberId ? [{ userId: memberId, role: 'MEMBER' as const, attended: true }] : []),
          ],
        },
      },
      include: { members: true },
    });
  const meetingA = await panel(A.expert.userId, A.committee.userId);
  await panel(B.expert.userId);
  fx.panelMeeting = meetingA.id;
  fx.panelChairMember = meetingA.members.find((m) => m.role === 'CHAIR')!.id;
  const panelApp = await applicationRow('PANEL', {
    applicantId: A.researcher.userId,
    institutionId: fx.bjut,
    callId: key.id,
    ruleVersionId: key.ruleVersionId!,
  });
  fx.panelItem = (
    await db().panelAgendaItem.create({
      data: { meetingId: meetingA.id, applicationId: panelApp.id, ordinal: 1, status: 'PENDING' },
    })
  ).id;

  // ── jobs and the inbox ──
  const job = (actor: Actor) =>
    db()
      .jobRun.create({
        data: { kind: 'EXPORT', requestedById: actor.userId, requestedRole: actor.role!, params: {}, status: 'QUEUED' },
      })
      .then((j) => j.id);
  fx.jobOfStaff = await job(A.staff);
  fx.jobOfResearcher = await job(A.researcher);
  fx.notification = (
    await db().notification.create({
      data: {
        recipientId: A.researcher.userId,
        kind: 'APPLICATION_RETURNED',
        params: { title: '申报', code: 'X', comment: '请补充' },
        link: `/researcher/applications/${fx.appDraft}`,
        entityType: 'Application',
        entityId: fx.appDraft,
        dedupeKey: `idor-${randomUUID()}`,
      },
    })
  ).id;
}, 180_000);

// ───────────── the probes ─────────────

interface Probe {
  /** The exported server function (the completeness scan below matches these names). */
  fn: string;
  /** Who tries, for the test's name. */
  who: string;
  wrong: () => Actor;
  owner: () => Actor;
  call: (actor: Actor) => Promise<unknown>;
  /**
   * denied (default): NOT_FOUND or FORBIDDEN. false: a predicate (or "does the list show it?") answers false for the
   * wrong party and true for the owner. refused: the wrong party's own record with the other party's id inside it —
   * any refusal (NOT_FOUND, FORBIDDEN, VALIDATION) that writes nothing; the control is then `control`.
   */
  expect?: 'denied' | 'false' | 'refused';
  /** The rows the refused call must leave exactly as they were. */
  rows?: () => Promise<unknown>;
  /**
   * The positive control when it is not `call(owner())`: the party's own id for a `refused` probe, or for a PDF the
   * reader it is printed from (the same scope; rendering is documents.test's, and slow).
   */
  control?: () => Promise<unknown>;
}

const row = {
  application: (id: string) =>
    db().application.findUniqueOrThrow({
      where: { id },
      include: { members: true, attachments: true, avoidances: true, works: true, versions: true },
    }),
  assignment: (id: string) =>
    db().reviewAssignment.findUniqueOrThrow({
      where: { id },
      include: { review: true, invitations: true, declarations: true },
    }),
  project: (id: string) =>
    db().project.findUniqueOrThrow({
      where: { id },
      include: {
        taskBooks: { include: { kpis: true, milestones: true, budget: true } },
        changes: true,
        checks: true,
        expenditures: true,
        tranches: true,
        acceptance: true,
        mentors: { include: { entries: true } },
      },
    }),
  platform: (id: string) =>
    db().platform.findUniqueOrThrow({
      where: { id },
      include: { directions: true, managers: true, annualReports: true, centerProjects: true },
    }),
};

const probe = (p: Probe) => p;

const PROBES: Probe[] = [
  // ── the applicant's own application ──
  probe({
    fn: 'getOwnApplication',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => getOwnApplication(db(), a, fx.appDraft),
  }),
  probe({
    fn: 'getOwnApplication',
    who: 'a team member of the application (not its PI)',
    wrong: () => A.young,
    owner: () => A.researcher,
    call: (a) => getOwnApplication(db(), a, fx.appDraft),
  }),
  probe({
    fn: 'listOwnAvoidances',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => listOwnAvoidances(db(), a, fx.appDraft),
  }),
  probe({
    fn: 'listOwnAvoidances',
    who: 'a team member of the application',
    wrong: () => A.young,
    owner: () => A.researcher,
    call: (a) => listOwnAvoidances(db(), a, fx.appDraft),
  }),
  probe({
    fn: 'saveAvoidances',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) =>
      saveAvoidances(db(), a, {
        applicationId: fx.appDraft,
        avoidances: [{ name: '刘洋', institutionName: '北京航空航天大学', reason: '直接竞争关系' }],
      }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'saveDraft',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: async (a) =>
      saveDraft(
        db(),
        a,
        ZApplicationDraft.parse({
          id: fx.appDraft,
          version: await version.application(fx.appDraft),
          title: '改写别人的申报书',
          budgetMode: 'LUMP_SUM',
          content: {},
          funding: {},
          budgetLines: [],
          workIds: [],
        }),
      ),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'saveDraft',
    who: 'the researcher citing another researcher’s work in their own draft',
    wrong: () => B.researcher,
    owner: () => B.researcher,
    expect: 'refused',
    call: async (a) =>
      saveDraft(
        db(),
        a,
        ZApplicationDraft.parse({
          id: fx.appDraftOfB,
          version: await version.application(fx.appDraftOfB),
          budgetMode: 'LUMP_SUM',
          content: {},
          funding: {},
          budgetLines: [],
          workIds: [fx.workToUpdate],
        }),
      ),
    rows: () => row.application(fx.appDraftOfB),
    control: async () =>
      saveDraft(
        db(),
        B.researcher,
        ZApplicationDraft.parse({
          id: fx.appDraftOfB,
          version: await version.application(fx.appDraftOfB),
          budgetMode: 'LUMP_SUM',
          content: {},
          funding: {},
          budgetLines: [],
          workIds: [fx.workOfB],
        }),
      ),
  }),
  probe({
    fn: 'submitApplication',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    // The owner's empty draft fails the submission check (VALIDATION): past the scope, nothing written.
    call: (a) => submitApplication(db(), a, { id: fx.appDraft, idempotencyKey: randomUUID() }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'attachFile',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => B.researcher,
    call: (a) => attachFile(db(), a, { applicationId: fx.appDraft, slotKey: 'proposal', fileId: fx.fileOfB }),
    rows: () => row.application(fx.appDraft),
    control: () =>
      attachFile(db(), B.researcher, { applicationId: fx.appDraftOfB, slotKey: 'proposal', fileId: fx.fileOfB }),
  }),
  probe({
    fn: 'attachFile',
    who: 'the researcher attaching another researcher’s file to their own draft',
    wrong: () => B.researcher,
    owner: () => B.researcher,
    expect: 'refused',
    call: (a) =>
      attachFile(db(), a, { applicationId: fx.appDraftOfB, slotKey: 'proposal', fileId: fx.appSubmittedFile }),
    rows: () => row.application(fx.appDraftOfB),
    control: () =>
      attachFile(db(), B.researcher, { applicationId: fx.appDraftOfB, slotKey: 'proposal', fileId: fx.fileOfB }),
  }),
  probe({
    fn: 'inviteMember',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) =>
      inviteMember(db(), a, {
        applicationId: fx.appDraft,
        email: 'zhou.min@demo.jingyan.cn',
        responsibility: '数据分析',
        monthsPerYear: 2,
      }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'respondToInvitation',
    who: 'a researcher answering someone else’s invitation',
    wrong: () => B.researcher,
    owner: () => A.young,
    call: (a) => respondToInvitation(db(), a, { memberId: fx.appDraftMemberId, accept: true }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'respondToInvitation',
    who: 'the PI answering for the invited member',
    wrong: () => A.researcher,
    owner: () => A.young,
    call: (a) => respondToInvitation(db(), a, { memberId: fx.appDraftMemberId, accept: false }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'removeMember',
    who: 'a researcher removing a member of someone else’s application through their own',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    expect: 'refused',
    call: (a) => removeMember(db(), a, { applicationId: fx.appDraftOfB, memberId: fx.appDraftMemberId }),
    rows: () => row.application(fx.appDraft),
    // B reaches their own draft: the refusal was the member's, who belongs to A's application.
    control: () => getOwnApplication(db(), B.researcher, fx.appDraftOfB),
  }),
  probe({
    fn: 'removeMember',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => removeMember(db(), a, { applicationId: fx.appDraft, memberId: fx.appDraftMemberId }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'detachFile',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => detachFile(db(), a, { applicationId: fx.appDraft, slotKey: 'proposal' }),
    rows: () => row.application(fx.appDraft),
  }),
  probe({
    fn: 'withdrawApplication',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => withdrawApplication(db(), a, { id: fx.appWithdrawable, reason: '替别人撤回' }),
    rows: () => row.application(fx.appWithdrawable),
  }),
  // ── a submitted application, as its readers reach it ──
  ...(['researcher', 'office'] as const).flatMap((party) => [
    probe({
      fn: 'getApplicationForReader',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getApplicationForReader(db(), a, fx.appSubmitted),
    }),
    probe({
      fn: 'applicationPdf',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => applicationPdf(db(), a, fx.appSubmitted, { locale: 'zh-CN' }),
      control: () => getApplicationForReader(db(), A[party], fx.appSubmitted),
    }),
    probe({
      fn: 'getPublishedDecisionForApplication',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getPublishedDecisionForApplication(db(), a, fx.appSubmitted),
    }),
    probe({
      fn: 'readFile',
      who: `the ${party} of another institution (an application's attachment)`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => readFile(db(), a, fx.appSubmittedFile),
    }),
  ]),
  probe({
    fn: 'getApplicationForReader',
    who: 'an expert reviewing it (experts read through their assignment only)',
    wrong: () => A.expert,
    owner: () => A.staff,
    call: (a) => getApplicationForReader(db(), a, fx.appSubmitted),
  }),
  probe({
    fn: 'readFile',
    who: 'an expert reviewing the application (experts fetch by slot, never by file id)',
    wrong: () => A.expert,
    owner: () => A.researcher,
    call: (a) => readFile(db(), a, fx.appSubmittedFile),
  }),
  probe({
    fn: 'readFile',
    who: 'the office of another institution (a work’s evidence)',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => readFile(db(), a, fx.evidenceFile),
  }),
  probe({
    fn: 'readFile',
    who: 'another member of staff (an export made for one person)',
    wrong: () => B.staff,
    owner: () => A.staff,
    call: (a) => readFile(db(), a, fx.exportFile),
  }),
  probe({
    fn: 'listAvoidancesForStaff',
    who: 'the office of the application’s own institution',
    wrong: () => A.office,
    owner: () => A.staff,
    call: (a) => listAvoidancesForStaff(db(), a, fx.appDraft),
    control: () => listAvoidancesForStaff(db(), A.staff, fx.appSubmitted),
  }),
  probe({
    fn: 'listAvoidancesForStaff',
    who: 'an expert reviewing the application',
    wrong: () => A.expert,
    owner: () => A.staff,
    call: (a) => listAvoidancesForStaff(db(), a, fx.appSubmitted),
  }),
  probe({
    fn: 'getApplicantIdNumberMasked',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.staff,
    call: (a) => getApplicantIdNumberMasked(db(), a, fx.appSubmitted),
  }),
  probe({
    fn: 'revealApplicantIdNumber',
    who: 'the office of the applicant’s own institution',
    wrong: () => A.office,
    owner: () => A.staff,
    call: (a) => revealApplicantIdNumber(db(), a, { applicationId: fx.appSubmitted }),
  }),
  probe({
    fn: 'revealIdNumberForStaff',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.staff,
    call: (a) => revealIdNumberForStaff(db(), a, A.researcher.userId),
  }),
  probe({
    fn: 'getInstitutionResearcher',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => getInstitutionResearcher(db(), a, A.researcher.userId),
  }),
  probe({
    fn: 'listOfficeApplications',
    who: 'the office of another institution (does the call’s list show the application?)',
    wrong: () => B.office,
    owner: () => A.office,
    expect: 'false',
    call: async (a) => {
      const { callId } = await db().application.findUniqueOrThrow({ where: { id: fx.appSubmitted } });
      return (await listOfficeApplications(db(), a, callId)).rows.some((r) => r.id === fx.appSubmitted);
    },
  }),
  probe({
    fn: 'returnApplication',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => returnApplication(db(), a, { id: fx.appForReturn, comment: '请补充材料' }),
    rows: () => row.application(fx.appForReturn),
  }),
  probe({
    fn: 'recommendApplications',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => recommendApplications(db(), a, { callId: fx.genCallId, ids: [fx.appForRecommend] }),
    rows: () => row.application(fx.appForRecommend),
  }),
  // ── the talent record ──
  probe({
    fn: 'updateWork',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) =>
      updateWork(db(), a, {
        id: fx.workToUpdate,
        version: 1,
        type: 'PAPER',
        title: '改了别人的代表作',
        authors: '王建国',
        venue: '',
        year: 2024,
        identifier: '',
        citation: '',
        contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
        evidenceFileId: null,
      }),
    rows: () => db().representativeWork.findUniqueOrThrow({ where: { id: fx.workToUpdate } }),
  }),
  probe({
    fn: 'updateWork',
    who: 'the researcher naming another researcher’s file as their own work’s evidence',
    wrong: () => B.researcher,
    owner: () => B.researcher,
    expect: 'refused',
    call: (a) =>
      updateWork(db(), a, {
        id: fx.workOfB,
        version: 1,
        type: 'PAPER',
        title: '联合大学的论文',
        authors: '贺兰雪',
        venue: '',
        year: 2024,
        identifier: '',
        citation: '',
        contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
        evidenceFileId: fx.evidenceFile,
      }),
    rows: () => db().representativeWork.findUniqueOrThrow({ where: { id: fx.workOfB } }),
    control: async () =>
      updateWork(db(), B.researcher, {
        id: fx.workOfB,
        version: (await db().representativeWork.findUniqueOrThrow({ where: { id: fx.workOfB } })).version,
        type: 'PAPER',
        title: '联合大学的论文',
        authors: '贺兰雪',
        venue: '',
        year: 2024,
        identifier: '',
        citation: '',
        contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
        evidenceFileId: fx.fileOfB,
      }),
  }),
  probe({
    fn: 'createWork',
    who: 'the researcher naming another researcher’s file as evidence',
    wrong: () => B.researcher,
    owner: () => B.researcher,
    expect: 'refused',
    call: (a) =>
      createWork(db(), a, {
        type: 'PAPER',
        title: '借来的证明',
        authors: '贺兰雪',
        venue: '',
        year: 2024,
        identifier: '',
        citation: '',
        contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
        evidenceFileId: fx.evidenceFile,
      }),
    rows: () => db().representativeWork.count({ where: { userId: B.researcher.userId } }),
    control: () =>
      createWork(db(), B.researcher, {
        type: 'PAPER',
        title: '自己的证明',
        authors: '贺兰雪',
        venue: '',
        year: 2024,
        identifier: '',
        citation: '',
        contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
        evidenceFileId: fx.fileOfB,
      }),
  }),
  probe({
    fn: 'deleteWork',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => deleteWork(db(), a, { id: fx.workToDelete }),
    rows: () => db().representativeWork.findUniqueOrThrow({ where: { id: fx.workToDelete } }),
  }),
  probe({
    fn: 'removeHonour',
    who: 'a researcher of the same institution',
    wrong: () => A.young,
    owner: () => A.researcher,
    call: (a) => removeHonour(db(), a, { id: fx.honour }),
    rows: () => db().honour.findUniqueOrThrow({ where: { id: fx.honour } }),
  }),
  probe({
    fn: 'removeCareerEntry',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => removeCareerEntry(db(), a, { id: fx.careerEntry }),
    rows: () => db().careerEntry.findUniqueOrThrow({ where: { id: fx.careerEntry } }),
  }),
  // ── review: 刘洋 also reviews the application, but through his own assignment ──
  probe({
    fn: 'getAssignmentForExpert',
    who: 'another expert of the same application',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => getAssignmentForExpert(db(), a, fx.asgA),
    rows: () => row.assignment(fx.asgA),
  }),
  probe({
    fn: 'readAssignmentAttachment',
    who: 'another expert of the same application',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => readAssignmentAttachment(db(), a, fx.asgA, 'proposal'),
  }),
  probe({
    fn: 'assignmentPdf',
    who: 'another expert of the same application',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => assignmentPdf(db(), a, fx.asgA, { locale: 'zh-CN' }),
    control: () => getAssignmentForExpert(db(), A.expert, fx.asgA),
  }),
  probe({
    fn: 'respondToReviewInvitation',
    who: 'another expert of the same application',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) =>
      respondToReviewInvitation(db(), a, {
        assignmentId: fx.asgA,
        response: 'ACCEPT',
        conflict: 'NONE',
        conflictStatement: null,
      }),
    rows: () => row.assignment(fx.asgA),
  }),
  probe({
    fn: 'saveReviewDraft',
    who: 'another expert of the same application',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => saveReviewDraft(db(), a, ZReviewDraft.parse(reviewDraft(fx.asgA))),
    rows: () => row.assignment(fx.asgA),
  }),
  probe({
    fn: 'submitReview',
    who: 'another expert of the same application',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: async (a) =>
      submitReview(
        db(),
        a,
        ZSubmitReview.parse({
          ...reviewDraft(fx.asgA),
          version: (await db().review.findUnique({ where: { assignmentId: fx.asgA } }))?.version ?? 0,
          conflict: 'NONE',
        }),
      ),
    rows: () => row.assignment(fx.asgA),
  }),
  // ── funded projects: reads ──
  ...(['researcher', 'office', 'enterprise', 'expert'] as const).flatMap((party) => [
    probe({
      fn: 'getProject',
      who: `the ${party} of another party`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getProject(db(), a, party === 'enterprise' ? fx.challengeProject : fx.activeProject),
    }),
    probe({
      fn: 'listProjects',
      who: `the ${party} of another party (does the list show the project?)`,
      wrong: () => B[party],
      owner: () => A[party],
      expect: 'false',
      call: async (a) => {
        const id = party === 'enterprise' ? fx.challengeProject : fx.activeProject;
        return (await listProjects(db(), a)).some((p) => p.id === id);
      },
    }),
    probe({
      fn: 'getRaceOutcomeForProject',
      who: `the ${party} of another party`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getRaceOutcomeForProject(db(), a, fx.challengeProject),
      control: () => getRaceOutcomeForProject(db(), A[party === 'expert' ? 'researcher' : party], fx.challengeProject),
    }),
  ]),
  ...(['researcher', 'office'] as const).flatMap((party) => [
    probe({
      fn: 'getProjectAcceptance',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getProjectAcceptance(db(), a, fx.activeProject),
    }),
    probe({
      fn: 'getProjectChanges',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getProjectChanges(db(), a, fx.activeProject),
    }),
    probe({
      fn: 'getProjectChecks',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getProjectChecks(db(), a, fx.activeProject),
    }),
    probe({
      fn: 'taskBookPdf',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => taskBookPdf(db(), a, fx.activeProject, { locale: 'zh-CN' }),
      control: () => getProject(db(), A[party], fx.activeProject),
    }),
  ]),
  probe({
    fn: 'taskBookPdf',
    who: 'an enterprise that issued none of the project’s challenges',
    wrong: () => B.enterprise,
    owner: () => A.enterprise,
    call: (a) => taskBookPdf(db(), a, fx.challengeProject, { locale: 'zh-CN' }),
    control: () => getProject(db(), A.enterprise, fx.challengeProject),
  }),
  probe({
    fn: 'getMentorship',
    who: 'an expert who does not mentor the project',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => getMentorship(db(), a, fx.mentorship),
  }),
  probe({
    fn: 'addMentoringEntry',
    who: 'an expert who does not mentor the project',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) =>
      addMentoringEntry(db(), a, {
        assignmentId: fx.mentorship,
        occurredOn: new Date().toISOString().slice(0, 10),
        kind: 'CALL',
        milestoneId: null,
        body: '电话沟通',
        visibleToPi: true,
      }),
    rows: () => row.project(fx.activeProject),
  }),
  // ── funded projects: the PI's writes, by the PI of another project and by a member who is not the PI ──
  ...(['researcher', 'young'] as const).flatMap((who) => {
    const wrong = () => (who === 'young' ? A.young : B.researcher);
    const label = who === 'young' ? 'a team member who is not the PI' : 'the PI of another project';
    const draft = fx as { draftProject: string };
    return [
      probe({
        fn: 'saveTaskBookContent',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) =>
          saveTaskBookContent(db(), a, {
            projectId: draft.draftProject,
            version: await version.taskBook(draft.draftProject),
            content: { goals: '改写', plan: '改写', outputs: '改写' },
          }),
        rows: () => row.project(draft.draftProject),
      }),
      probe({
        fn: 'saveTaskBookKpis',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) =>
          saveTaskBookKpis(db(), a, {
            projectId: draft.draftProject,
            version: await version.taskBook(draft.draftProject),
            kpis: [],
          }),
        rows: () => row.project(draft.draftProject),
      }),
      probe({
        fn: 'saveTaskBookMilestones',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) =>
          saveTaskBookMilestones(db(), a, {
            projectId: draft.draftProject,
            version: await version.taskBook(draft.draftProject),
            milestones: [{ id: null, title: '节点', dueDate: '2030-01-01' }],
          }),
        rows: () => row.project(draft.draftProject),
      }),
      probe({
        fn: 'saveTaskBookBudget',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) =>
          saveTaskBookBudget(db(), a, {
            projectId: draft.draftProject,
            version: await version.taskBook(draft.draftProject),
            budget: [],
          }),
        rows: () => row.project(draft.draftProject),
      }),
      probe({
        fn: 'confirmTaskBook',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) =>
          confirmTaskBook(db(), a, {
            projectId: draft.draftProject,
            version: await version.taskBook(draft.draftProject),
          }),
        rows: () => row.project(draft.draftProject),
      }),
      probe({
        fn: 'fileExpenditureReport',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: (a) =>
          fileExpenditureReport(db(), a, {
            projectId: fx.activeProject,
            year: 2027,
            totalSpentWan: 0n,
            statement: null,
            lines: [],
            submit: false,
          }),
        rows: () => row.project(fx.activeProject),
      }),
      probe({
        fn: 'requestChange',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: (a) =>
          requestChange(
            db(),
            a,
            { projectId: fx.finalProject, kind: 'EXTENSION', months: 2, reason: '替别人申请延期' },
            new Date('2028-03-01T00:00:00Z'),
          ),
        rows: () => row.project(fx.finalProject),
      }),
      probe({
        fn: 'submitProgress',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) => {
          const ids = await taskBookIds(fx.activeProject);
          const check = await db().midtermCheck.findUniqueOrThrow({ where: { id: fx.checkId } });
          return submitProgress(
            db(),
            a,
            ZSubmitProgress.parse({
              checkId: fx.checkId,
              version: check.version,
              summary: '进展',
              kpis: ids.kpis.map((kpiId) => ({ kpiId, progress: 'p', onTrack: true })),
            }),
            new Date(),
          );
        },
        rows: () => row.project(fx.activeProject),
      }),
      probe({
        fn: 'saveFinalReport',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: (a) =>
          saveFinalReport(db(), a, {
            projectId: fx.finalProject,
            version: 0,
            finalReport: '替别人写的结题报告',
            kpis: [],
            workIds: [],
          }),
        rows: () => row.project(fx.finalProject),
      }),
      probe({
        fn: 'submitFinalReport',
        who: label,
        wrong,
        owner: () => A.researcher,
        call: async (a) =>
          submitFinalReport(
            db(),
            a,
            {
              projectId: fx.draftedFinalProject,
              version: (await db().finalAcceptance.findUniqueOrThrow({ where: { projectId: fx.draftedFinalProject } }))
                .version,
            },
            new Date(),
          ),
        rows: () => row.project(fx.draftedFinalProject),
      }),
    ];
  }),
  probe({
    fn: 'saveTaskBookKpis',
    who: 'a PI naming another project’s KPI in their own task book',
    wrong: () => B.researcher,
    owner: () => B.researcher,
    expect: 'refused',
    call: async (a) => {
      const [other] = (await taskBookIds(fx.activeProject)).kpis;
      return saveTaskBookKpis(db(), a, {
        projectId: fx.draftProjectOfB,
        version: await version.taskBook(fx.draftProjectOfB),
        kpis: [
          {
            id: other!,
            name: '被改写的指标',
            unit: '篇',
            comparator: 'GTE',
            targetValue: '99',
            acceptanceMethod: '检索',
          },
        ],
      });
    },
    rows: async () => [await row.project(fx.draftProjectOfB), await row.project(fx.activeProject)],
    control: async () =>
      saveTaskBookKpis(db(), B.researcher, {
        projectId: fx.draftProjectOfB,
        version: await version.taskBook(fx.draftProjectOfB),
        kpis: [],
      }),
  }),
  probe({
    fn: 'withdrawChange',
    who: 'the PI of another project',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => withdrawChange(db(), a, { changeId: fx.changeForWithdraw, version: 1 }),
    rows: () => db().projectChange.findUniqueOrThrow({ where: { id: fx.changeForWithdraw } }),
  }),
  probe({
    fn: 'withdrawChange',
    who: 'a team member who is not the PI',
    wrong: () => A.young,
    owner: () => A.researcher,
    call: (a) => withdrawChange(db(), a, { changeId: fx.changeForWithdraw, version: 1 }),
    rows: () => db().projectChange.findUniqueOrThrow({ where: { id: fx.changeForWithdraw } }),
  }),
  // ── funded projects: the office's and the enterprise's writes ──
  probe({
    fn: 'confirmTaskBook',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: async (a) =>
      confirmTaskBook(db(), a, { projectId: fx.draftProject, version: await version.taskBook(fx.draftProject) }),
    rows: () => row.project(fx.draftProject),
  }),
  probe({
    fn: 'signExpenditureReport',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => signExpenditureReport(db(), a, { reportId: fx.reportId, version: 1 }),
    rows: () => row.project(fx.activeProject),
  }),
  probe({
    fn: 'institutionDecideChange',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) =>
      institutionDecideChange(
        db(),
        a,
        { changeId: fx.changeForOffice, version: 1, decision: 'APPROVE', comment: null },
        new Date(),
      ),
    rows: () => db().projectChange.findUniqueOrThrow({ where: { id: fx.changeForOffice } }),
  }),
  probe({
    fn: 'markTranchePaid',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => markTranchePaid(db(), a, { trancheId: fx.institutionTranche, version: 1, paymentReference: 'PZ-1' }),
    rows: () => db().tranche.findUniqueOrThrow({ where: { id: fx.institutionTranche } }),
  }),
  probe({
    fn: 'markTranchePaid',
    who: 'an enterprise that issued none of the project’s challenges',
    wrong: () => B.enterprise,
    owner: () => A.enterprise,
    call: async (a) =>
      markTranchePaid(db(), a, {
        trancheId: fx.enterpriseTranche,
        version: (await db().tranche.findUniqueOrThrow({ where: { id: fx.enterpriseTranche } })).version,
        paymentReference: 'PZ-2',
      }),
    rows: () => db().tranche.findUniqueOrThrow({ where: { id: fx.enterpriseTranche } }),
  }),
  // ── platforms ──
  ...(['researcher', 'office'] as const).flatMap((party) => [
    probe({
      fn: 'getPlatform',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => getPlatform(db(), a, fx.platform),
    }),
    probe({
      fn: 'platformFileReadable',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      expect: 'false',
      call: (a) => platformFileReadable(db(), a, fx.platformReportFile),
    }),
    probe({
      fn: 'readFile',
      who: `the ${party} of another institution (a platform's annual report)`,
      wrong: () => B[party],
      owner: () => A[party],
      call: (a) => readFile(db(), a, fx.platformReportFile),
    }),
    probe({
      fn: 'saveDirections',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: async (a) =>
        saveDirections(db(), a, {
          platformId: fx.platform,
          version: await version.platform(fx.platform),
          directions: [{ id: null, title: '新方向', titleEn: null, leadName: null, description: null, active: true }],
        }),
      rows: () => row.platform(fx.platform),
    }),
    probe({
      fn: 'savePlatformReport',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A[party],
      call: async (a) => {
        const report = await db().platformAnnualReport.findFirstOrThrow({ where: { platformId: fx.platform } });
        return savePlatformReport(db(), a, {
          platformId: fx.platform,
          year: report.year,
          version: report.version,
          content: { summary: '改写', outputs: '', talent: '', openness: '', fundingNote: '' },
          fileId: report.fileId,
          submit: false,
        });
      },
      rows: () => row.platform(fx.platform),
    }),
    probe({
      fn: 'savePlatformProject',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => (party === 'office' ? A.office : A.young),
      call: (a) =>
        savePlatformProject(db(), a, {
          platformId: fx.center,
          id: null,
          projectManagerId: fx.youngManager,
          title: '别人的中心项目',
          leadName: '某人',
          budgetWan: 10n * 1_000_000n,
          startsOn: '2027-01-01',
          endsOn: '2028-12-31',
          summary: null,
        }),
      rows: () => row.platform(fx.center),
    }),
  ]),
  probe({
    fn: 'saveDirections',
    who: 'a project manager of the center (managers read the record, only its authors edit it)',
    wrong: () => A.young,
    owner: () => A.office,
    call: async (a) =>
      saveDirections(db(), a, {
        platformId: fx.center,
        version: await version.platform(fx.center),
        directions: [{ id: null, title: '新方向', titleEn: null, leadName: null, description: null, active: true }],
      }),
    rows: () => row.platform(fx.center),
  }),
  probe({
    fn: 'savePlatformProject',
    who: 'another project manager of the same center, editing a project not under their appointment',
    wrong: () => A.zhou,
    owner: () => A.young,
    call: async (a) => {
      const p = await db().platformProject.findUniqueOrThrow({ where: { id: fx.centerProject } });
      return savePlatformProject(db(), a, {
        platformId: fx.center,
        id: fx.centerProject,
        version: p.version,
        projectManagerId: a.userId === A.young.userId ? fx.youngManager : fx.zhouManager,
        title: '改名的中心项目',
        leadName: '李晓',
        budgetWan: 50n * 1_000_000n,
        startsOn: new Date().toISOString().slice(0, 10),
        endsOn: '2029-12-31',
        summary: null,
      });
    },
    rows: () => row.platform(fx.center),
  }),
  probe({
    fn: 'savePlatformProject',
    who: 'a project manager registering a project under another manager’s appointment',
    wrong: () => A.zhou,
    owner: () => A.zhou,
    expect: 'refused',
    call: (a) =>
      savePlatformProject(db(), a, {
        platformId: fx.center,
        id: null,
        projectManagerId: fx.youngManager,
        title: '冒名的中心项目',
        leadName: '周敏',
        budgetWan: 10n * 1_000_000n,
        startsOn: '2027-01-01',
        endsOn: '2028-12-31',
        summary: null,
      }),
    rows: () => row.platform(fx.center),
    control: () =>
      savePlatformProject(db(), A.zhou, {
        platformId: fx.center,
        id: null,
        projectManagerId: fx.zhouManager,
        title: '自己的中心项目',
        leadName: '周敏',
        budgetWan: 10n * 1_000_000n,
        startsOn: '2027-01-01',
        endsOn: '2028-12-31',
        summary: null,
      }),
  }),
  probe({
    fn: 'appointManager',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) =>
      appointManager(db(), a, {
        platformId: fx.center,
        email: 'wu.tao@demo.jingyan.cn',
        appointedOn: new Date().toISOString().slice(0, 10),
        remit: null,
      }),
    rows: () => row.platform(fx.center),
  }),
  ...(['researcher', 'office'] as const).map((party) =>
    probe({
      fn: 'transitionPlatformProject',
      who: `the ${party} of another institution`,
      wrong: () => B[party],
      owner: () => A.young,
      call: async (a) =>
        transitionPlatformProject(db(), a, {
          id: fx.centerProject,
          version: (await db().platformProject.findUniqueOrThrow({ where: { id: fx.centerProject } })).version,
          transition: 'complete',
        }),
      rows: () => row.platform(fx.center),
      // The manager's own transition is final: the last probe on this project makes it for real.
      control: () => getPlatform(db(), A.young, fx.center),
    }),
  ),
  probe({
    fn: 'transitionPlatformProject',
    who: 'another project manager of the same center',
    wrong: () => A.zhou,
    owner: () => A.young,
    call: async (a) =>
      transitionPlatformProject(db(), a, {
        id: fx.centerProject,
        version: (await db().platformProject.findUniqueOrThrow({ where: { id: fx.centerProject } })).version,
        transition: 'terminate',
      }),
    rows: () => row.platform(fx.center),
  }),
  probe({
    fn: 'endManager',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) =>
      endManager(db(), a, {
        managerId: fx.zhouManager,
        version: 1,
        endedOn: new Date().toISOString().slice(0, 10),
      }),
    rows: () => row.platform(fx.center),
  }),
  // ── platform applications (the office's own) ──
  probe({
    fn: 'getPlatformApplication',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => getPlatformApplication(db(), a, fx.platformApp),
  }),
  probe({
    fn: 'savePlatformDraft',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: async (a) =>
      savePlatformDraft(
        db(),
        a,
        ZPlatformDraft.parse({
          id: fx.platformApp,
          version: await version.application(fx.platformApp),
          title: '北京智能感知与类脑计算实验室',
          titleEn: '',
          disciplineCode: '520',
          keywords: '类脑计算',
          abstract: '摘要',
          abstractEn: '',
          durationMonths: 36,
          directorEmail: DEMO.researcher,
          content: { goals: '', buildingPlan: '', openness: '', directions: [] },
          partners: [],
          yearBudget: [],
        }),
      ),
    rows: () => row.application(fx.platformApp),
  }),
  probe({
    fn: 'addPlatformMember',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) =>
      addPlatformMember(db(), a, {
        applicationId: fx.platformApp,
        email: 'zhou.min@demo.jingyan.cn',
        responsibility: '骨干',
        monthsPerYear: 3,
      }),
    rows: () => row.application(fx.platformApp),
  }),
  probe({
    fn: 'removePlatformMember',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => removePlatformMember(db(), a, { applicationId: fx.platformApp, memberId: fx.platformAppMember }),
    rows: () => row.application(fx.platformApp),
  }),
  probe({
    fn: 'submitPlatformApplication',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) => submitPlatformApplication(db(), a, { id: fx.platformApp, idempotencyKey: randomUUID() }),
    rows: () => row.application(fx.platformApp),
  }),
  probe({
    fn: 'attachPlatformFile',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: (a) =>
      attachPlatformFile(db(), a, {
        applicationId: fx.platformApp,
        slotKey: fx.platformSlot,
        fileId: a.userId === A.office.userId ? fx.platformFile : fx.fileOfOfficeB,
      }),
    rows: () => row.application(fx.platformApp),
  }),
  probe({
    fn: 'detachPlatformFile',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: async (a) => {
      return detachPlatformFile(db(), a, { applicationId: fx.platformApp, slotKey: fx.platformSlot });
    },
    rows: () => row.application(fx.platformApp),
  }),
  probe({
    fn: 'withdrawPlatformApplication',
    who: 'the office of another institution',
    wrong: () => B.office,
    owner: () => A.office,
    call: async (a) => withdrawPlatformApplication(db(), a, { id: fx.platformApp, reason: '替别人撤回' }, new Date()),
    rows: () => row.application(fx.platformApp),
  }),
  // ── challenges (the issuing enterprise's own) ──
  probe({
    fn: 'getChallengeForEdit',
    who: 'another enterprise',
    wrong: () => B.enterprise,
    owner: () => A.enterprise,
    call: (a) => getChallengeForEdit(db(), a, fx.challenge),
  }),
  probe({
    fn: 'listChallengeApplicants',
    who: 'another enterprise',
    wrong: () => B.enterprise,
    owner: () => A.enterprise,
    call: (a) => listChallengeApplicants(db(), a, fx.challenge),
  }),
  probe({
    fn: 'updateChallenge',
    who: 'another enterprise',
    wrong: () => B.enterprise,
    owner: () => A.enterprise,
    call: async (a) => {
      const field = await db().challengeField.findFirstOrThrow({ where: { code: 'AI' } });
      return updateChallenge(db(), a, {
        ...ZChallengeDraft.parse({
          fieldId: field.id,
          title: '改写的榜单',
          deliverables: [],
          targets: [],
          durationMonths: 24,
          fiscalWan: '100',
          selectionMode: 'SINGLE',
          teamCount: 1,
        }),
        id: fx.challenge,
        version: await version.challenge(fx.challenge),
      });
    },
    rows: () =>
      db().challenge.findUniqueOrThrow({ where: { id: fx.challenge }, include: { targets: true, pledges: true } }),
  }),
  probe({
    fn: 'transitionChallenge',
    who: 'another enterprise',
    wrong: () => B.enterprise,
    owner: () => A.enterprise,
    call: async (a) =>
      transitionChallenge(db(), a, {
        id: fx.challenge,
        version: await version.challenge(fx.challenge),
        transition: 'withdraw',
        reason: null,
      }),
    rows: () => db().challenge.findUniqueOrThrow({ where: { id: fx.challenge } }),
  }),
  // ── the committee ──
  ...(
    [
      ['researcher', 'topicOfResearcher'],
      ['office', 'topicOfOffice'],
      ['enterprise', 'topicOfEnterprise'],
    ] as const
  ).map(([party, topic]) =>
    probe({
      fn: 'withdrawTopic',
      who: `the ${party} of another party`,
      wrong: () => B[party],
      owner: () => A[party],
      call: async (a) =>
        withdrawTopic(db(), a, {
          topicId: fx[topic],
          version: (await db().topicProposal.findUniqueOrThrow({ where: { id: fx[topic] } })).version,
        }),
      rows: () => db().topicProposal.findUniqueOrThrow({ where: { id: fx[topic] } }),
    }),
  ),
  probe({
    fn: 'getTopicForMember',
    who: 'a committee member whose membership has ended',
    wrong: () => B.exMember,
    owner: () => A.committee,
    call: (a) => getTopicForMember(db(), a, fx.scoringTopic, new Date()),
  }),
  probe({
    fn: 'scoreTopic',
    who: 'a committee member whose membership has ended',
    wrong: () => B.exMember,
    owner: () => A.committee,
    call: (a) =>
      scoreTopic(db(), a, { topicId: fx.scoringTopic, score: 8, comment: '有价值', submit: false }, new Date()),
    rows: () => db().topicProposal.findUniqueOrThrow({ where: { id: fx.scoringTopic }, include: { scores: true } }),
  }),
  probe({
    fn: 'getMeeting',
    who: 'a committee member not invited to the meeting',
    wrong: () => B.committee,
    owner: () => A.committee,
    call: (a) => getMeeting(db(), a, fx.meeting),
  }),
  probe({
    fn: 'committeeFileReadable',
    who: 'a committee member not invited to the meeting',
    wrong: () => B.committee,
    owner: () => A.committee,
    expect: 'false',
    call: (a) => committeeFileReadable(db(), a, fx.meetingFile),
  }),
  probe({
    fn: 'readFile',
    who: 'a committee member not invited to the meeting (its material)',
    wrong: () => B.committee,
    owner: () => A.committee,
    call: (a) => readFile(db(), a, fx.meetingFile),
  }),
  probe({
    fn: 'recordOpinion',
    who: 'a committee member not invited to the meeting (naming an invited member)',
    wrong: () => B.committee,
    owner: () => A.committee,
    call: (a) =>
      recordOpinion(
        db(),
        a,
        { meetingId: fx.meeting, memberUserId: A.committee.userId, topicProposalId: null, body: '代人发言' },
        new Date(),
      ),
    rows: () => db().strategyMeeting.findUniqueOrThrow({ where: { id: fx.meeting }, include: { opinions: true } }),
  }),
  probe({
    fn: 'getReport',
    who: 'a committee member whose membership has ended',
    wrong: () => B.exMember,
    owner: () => A.committee,
    call: (a) => getReport(db(), a, fx.report, new Date()),
  }),
  // ── panels: 刘洋 chairs another meeting; 赵永刚 sits on this one without chairing it ──
  ...(['expert', 'committeeMember'] as const).flatMap((who) => {
    const wrong = () => (who === 'expert' ? B.expert : A.committee);
    const label = who === 'expert' ? 'the chair of another meeting' : 'a member of the meeting who does not chair it';
    return [
      probe({
        fn: 'getPanelMeeting',
        who: label,
        wrong,
        owner: () => A.expert,
        call: (a) => getPanelMeeting(db(), a, fx.panelMeeting),
      }),
      probe({
        fn: 'savePanelMinutes',
        who: label,
        wrong,
        owner: () => A.expert,
        call: (a) => savePanelMinutes(db(), a, { meetingId: fx.panelMeeting, version: 0, body: '会议纪要' }),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'approvePanelMinutes',
        who: label,
        wrong,
        owner: () => A.expert,
        call: (a) => approvePanelMinutes(db(), a, { meetingId: fx.panelMeeting, version: 1 }, new Date()),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'setPanelAttendance',
        who: label,
        wrong,
        owner: () => A.expert,
        call: (a) =>
          setPanelAttendance(db(), a, { meetingId: fx.panelMeeting, memberId: fx.panelChairMember, attended: false }),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'startPanelMeeting',
        who: label,
        wrong,
        owner: () => A.expert,
        call: async (a) =>
          startPanelMeeting(db(), a, { meetingId: fx.panelMeeting, version: await version.meeting(fx.panelMeeting) }),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'openPanelItem',
        who: label,
        wrong,
        owner: () => A.expert,
        call: async (a) => openPanelItem(db(), a, { itemId: fx.panelItem, version: await version.item(fx.panelItem) }),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'closePanelItemVote',
        who: label,
        wrong,
        owner: () => A.expert,
        call: async (a) =>
          closePanelItemVote(db(), a, { itemId: fx.panelItem, version: await version.item(fx.panelItem) }, new Date()),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'skipPanelItem',
        who: label,
        wrong,
        owner: () => A.expert,
        call: async (a) => skipPanelItem(db(), a, { itemId: fx.panelItem, version: await version.item(fx.panelItem) }),
        rows: () => panelRows(),
      }),
      probe({
        fn: 'closePanelMeeting',
        who: label,
        wrong,
        owner: () => A.expert,
        call: async (a) =>
          closePanelMeeting(db(), a, { meetingId: fx.panelMeeting, version: await version.meeting(fx.panelMeeting) }),
        rows: () => panelRows(),
      }),
    ];
  }),
  probe({
    fn: 'getPanelMeetingForMember',
    who: 'an expert who sits on another meeting',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => getPanelMeetingForMember(db(), a, fx.panelMeeting),
  }),
  probe({
    fn: 'castPanelVote',
    who: 'an expert who sits on another meeting',
    wrong: () => B.expert,
    owner: () => A.expert,
    call: (a) => castPanelVote(db(), a, { itemId: fx.panelItem, vote: 'FOR', score: null, comment: null }),
    rows: () => panelRows(),
  }),
  // ── jobs and the inbox ──
  probe({
    fn: 'getJobRun',
    who: 'another member of staff',
    wrong: () => B.staff,
    owner: () => A.staff,
    call: (a) => getJobRun(db(), a, fx.jobOfStaff),
  }),
  probe({
    fn: 'getJobRun',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => getJobRun(db(), a, fx.jobOfResearcher),
  }),
  probe({
    fn: 'cancelJob',
    who: 'another member of staff',
    wrong: () => B.staff,
    owner: () => A.staff,
    call: (a) => cancelJob(db(), a, fx.jobOfStaff),
    rows: () => db().jobRun.findUniqueOrThrow({ where: { id: fx.jobOfStaff } }),
  }),
  probe({
    fn: 'cancelJob',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => cancelJob(db(), a, fx.jobOfResearcher),
    rows: () => db().jobRun.findUniqueOrThrow({ where: { id: fx.jobOfResearcher } }),
  }),
  probe({
    fn: 'markRead',
    who: 'a researcher of another institution',
    wrong: () => B.researcher,
    owner: () => A.researcher,
    call: (a) => markRead(db(), a, fx.notification),
    rows: () => db().notification.findUniqueOrThrow({ where: { id: fx.notification } }),
  }),
];

function reviewDraft(assignmentId: string) {
  return {
    assignmentId,
    version: 0,
    scores: {},
    recommendation: null,
    confidence: null,
    commentToApplicant: '',
    confidentialComment: '',
    language: 'zh',
    nonConsensusSupport: false,
    nonConsensusReason: '',
  };
}

const panelRows = () =>
  db().panelMeeting.findUniqueOrThrow({
    where: { id: fx.panelMeeting },
    include: { members: true, items: { include: { votes: true } }, minutes: true },
  });

const SCOPE_CODES = ['NOT_FOUND', 'FORBIDDEN'];

const settle = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('IDOR: the right role, another party’s id', () => {
  it.each(PROBES.map((p) => [`${p.fn} — ${p.who}`, p] as const))('%s', async (_, p) => {
    const expected = p.expect ?? 'denied';
    const before = await p.rows?.();
    const events = await db().auditEvent.count();
    const outcome = await settle(p.call(p.wrong()));
    if (expected === 'false') {
      expect(outcome).toEqual({ ok: true, value: false });
    } else {
      if (outcome.ok)
        throw new Error(`${p.fn} answered the wrong party: ${JSON.stringify(outcome.value)?.slice(0, 300)}`);
      expect(outcome.error, String(outcome.error)).toBeInstanceOf(DomainError);
      const allowed = expected === 'refused' ? [...SCOPE_CODES, 'VALIDATION'] : SCOPE_CODES;
      expect(allowed).toContain((outcome.error as DomainError).code);
    }
    expect(await db().auditEvent.count(), 'a refused call writes no audit event').toBe(events);
    if (p.rows) expect(await p.rows()).toEqual(before);

    // The control: the owner (or the party with its own id) gets past the scope, so the refusal above was the scope's.
    const control = await settle(p.control ? p.control() : p.call(p.owner()));
    if (expected === 'false') {
      expect(control).toEqual({ ok: true, value: true });
    } else if (!control.ok) {
      expect(control.error, String(control.error)).toBeInstanceOf(DomainError);
      expect(SCOPE_CODES).not.toContain((control.error as DomainError).code);
    }
  });
});

// ───────────── blind review: nothing an expert reaches names who applied ─────────────

const BLIND = {
  applicant: '欧阳翠娥',
  email: 'ouyang.cuie@liulihe-tech.edu.cn',
  members: ['司马云霓', '慕容雪松'],
  institution: '京西琉璃河理工学院',
  institutionEn: 'Liulihe Institute of Technology',
  memberInstitution: '雁栖湖应用技术大学',
};

/** Every spelling that would tell an expert who applied: names with their romanisations, institutions, the e-mail. */
const NEEDLES = [
  ...nameVariants(BLIND.applicant),
  ...BLIND.members.flatMap((m) => nameVariants(m)),
  BLIND.institution,
  BLIND.institutionEn,
  BLIND.memberInstitution,
  BLIND.email,
];

/** A PDF as a word processor writes it: the author in the document information and in XMP metadata. */
async function pdfThatNamesItsAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.setAuthor(BLIND.applicant);
  doc.setTitle(`${BLIND.applicant}：研究基础`);
  doc.setSubject(BLIND.institution);
  doc.setKeywords([BLIND.email, 'Ouyang Cuie']);
  doc.setCreator(`Microsoft Word - ${BLIND.applicant}.docx`);
  const xmp =
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Ouyang Cuie</rdf:li>' +
    `<rdf:li>${BLIND.applicant}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>` +
    '<?xpacket end="w"?>';
  const metadata = doc.context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** The ways a string can sit in a file's bytes: UTF-8, UTF-16BE (PDF text strings), and either as hex. */
function inBytes(bytes: Buffer, needle: string): boolean {
  const raw = bytes.toString('latin1');
  const utf16 = Buffer.from(needle, 'utf16le').swap16();
  const forms = [
    Buffer.from(needle, 'utf8').toString('latin1'),
    utf16.toString('latin1'),
    utf16.toString('hex'),
    utf16.toString('hex').toUpperCase(),
  ];
  if (/^[\x20-\x7e]+$/.test(needle)) return raw.toLowerCase().includes(needle.toLowerCase());
  return forms.some((f) => raw.includes(f));
}

const inText = (text: string, needle: string) =>
  text.toLowerCase().includes(needle.toLowerCase()) ||
  text.replace(/\s+/g, '').toLowerCase().includes(needle.replace(/\s+/g, '').toLowerCase());

async function pdfText(bytes: Buffer): Promise<string> {
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
}

async function pdfInfo(bytes: Buffer): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return [doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords(), doc.getCreator(), doc.getProducer()]
    .map((v) => v ?? '')
    .join(' | ');
}

/** What each permission the EXPERT role holds lets the expert read (the test fails when the role gains one). */
const EXPERT_READS: Record<string, string> = {
  'read:dashboard:own': 'getDashboard',
  'update:expert-profile:own': 'getOwnExpertProfile',
  'review:assignment:own': 'listOwnAssignments, getAssignmentForExpert, readAssignmentAttachment, assignmentPdf',
  'vote:panel:own': 'listOwnPanelMeetings',
  'mentor:project:own': 'listOwnMentorships',
  'read:notification:own': 'listInbox, unreadCount, and the mail queued to the expert',
  'read:job:own': 'listJobRuns',
};

describe('blind review', () => {
  const blind = { applicationId: '', staff: {} as Actor, experts: {} as Record<string, Actor> };

  const expert = async (handle: string, name: string) => {
    const id = await person(`${handle}@test.jingyan.cn`, name, [{ role: 'EXPERT' }]);
    await db().expertProfile.create({
      data: { userId: id, institutionName: '复旦大学', disciplineCodes: ['520'], languages: ['zh'] },
    });
    return actorFor(`${handle}@test.jingyan.cn`, 'EXPERT');
  };
  const assign = async (e: Actor) =>
    (
      await manualAssign(db(), blind.staff, {
        applicationId: blind.applicationId,
        expertUserId: e.userId,
        dueAt: FUTURE_DUE,
      })
    ).id;
  const accept = (e: Actor, assignmentId: string) =>
    respondToReviewInvitation(db(), e, { assignmentId, response: 'ACCEPT', conflict: 'NONE', conflictStatement: null });

  beforeAll(async () => {
    blind.staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
    const host = await newInstitution(BLIND.institution, 'RESEARCH_UNIVERSITY', BLIND.institutionEn);
    const partner = await newInstitution(BLIND.memberInstitution, 'RESEARCH_UNIVERSITY');
    await person(BLIND.email, BLIND.applicant, [{ role: 'RESEARCHER', at: host }], host);
    await person('siam.yunni@test.jingyan.cn', BLIND.members[0]!, [{ role: 'RESEARCHER', at: host }], host);
    await person('murong.xuesong@test.jingyan.cn', BLIND.members[1]!, [{ role: 'RESEARCHER', at: partner }], partner);
    // The general program's rules, reviewing blind, pinned by a call of their own.
    const program = await db().program.findUniqueOrThrow({ where: { code: 'GEN' }, include: { currentRules: true } });
    const rules = ZProgramRules.parse(program.currentRules!.rules);
    const blindRules = await db().programRuleVersion.create({
      data: {
        programId: program.id,
        number: 900,
        rules: { ...rules, mailReview: { ...rules.mailReview!, blind: true } },
        createdById: blind.staff.userId,
      },
    });
    const names = `${BLIND.applicant}教授团队（${BLIND.email}）联合${BLIND.members.join('、')}，依托${BLIND.institution}与${BLIND.memberInstitution}，`;
    const app = await submittedApplication(
      await actorFor(BLIND.email, 'RESEARCHER'),
      (await openCall('GEN', blindRules.id)).id,
      {
        members: [
          await actorFor('siam.yunni@test.jingyan.cn', 'RESEARCHER'),
          await actorFor('murong.xuesong@test.jingyan.cn', 'RESEARCHER'),
        ],
        names,
        abstractEn: `Prof. Ouyang and the Ouyang Cuie lab (${BLIND.email}) at the ${BLIND.institutionEn}, with Sima Yunni and Murong Xuesong.`,
        attachment: await pdfThatNamesItsAuthor(),
        titleNote: `（${BLIND.applicant}团队）`,
      },
    );
    blind.applicationId = app.id;
    const experts = [
      ['reader', '温庭筠'],
      ['declaresOnInvitation', '韦应物'],
      ['declaresOnSubmission', '柳宗元'],
      ['cancelled', '刘禹锡'],
      ['conflictFoundLater', '白居易'],
    ] as const;
    await Promise.all(
      experts.map(async ([key, name]) => {
        blind.experts[key] = await expert(`blind.${key.toLowerCase()}`, name);
      }),
    );
  }, 120_000);

  it('hides the applicant, the team, the institutions and the e-mail from everything the expert reaches', async () => {
    const reader = blind.experts.reader!;
    const assignmentId = await assign(reader);
    await remindAssignment(db(), blind.staff, { assignmentId });
    await accept(reader, assignmentId);
    await saveReviewDraft(db(), reader, ZReviewDraft.parse(reviewDraft(assignmentId)));

    // What the role may read at all: every permission of EXPERT has its readers below.
    expect(permissionsOf('EXPERT').filter((p) => !(p in EXPERT_READS))).toEqual([]);
    for (const kind of EXPORT_KINDS) {
      await expect(
        exportList(db(), reader, { kind, format: 'csv', filters: {}, locale: 'zh-CN' }),
        `export ${kind}`,
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }

    const attachment = await readAssignmentAttachment(db(), reader, assignmentId, 'proposal');
    const pdf = await assignmentPdf(db(), reader, assignmentId, { locale: 'zh-CN' });
    const pdfEn = await assignmentPdf(db(), reader, assignmentId, { locale: 'en' });
    const texts = {
      listOwnAssignments: JSON.stringify(await listOwnAssignments(db(), reader)),
      getAssignmentForExpert: JSON.stringify(await getAssignmentForExpert(db(), reader, assignmentId)),
      'attachment name': attachment.filename,
      'assignmentPdf name': pdf.filename,
      'assignmentPdf text': await pdfText(pdf.bytes),
      'assignmentPdf text (en)': await pdfText(pdfEn.bytes),
      'assignmentPdf properties': await pdfInfo(pdf.bytes),
      'attachment properties': await pdfInfo(attachment.bytes),
      'inbox (zh-CN)': JSON.stringify(await listInbox(db(), reader, { locale: 'zh-CN' })),
      'inbox (en)': JSON.stringify(await listInbox(db(), reader, { locale: 'en' })),
      'notifications as stored': JSON.stringify(
        await db().notification.findMany({ where: { recipientId: reader.userId } }),
      ),
      'mail queued': JSON.stringify(
        await db().emailOutbox.findMany({
          where: { recipientId: reader.userId },
          select: { subject: true, textBody: true },
        }),
      ),
      unreadCount: String(await unreadCount(db(), reader)),
      getDashboard: JSON.stringify(await getDashboard(db(), reader)),
      getOwnExpertProfile: JSON.stringify(await getOwnExpertProfile(db(), reader)),
      listOwnPanelMeetings: JSON.stringify(await listOwnPanelMeetings(db(), reader)),
      listOwnMentorships: JSON.stringify(await listOwnMentorships(db(), reader)),
      listJobRuns: JSON.stringify(await listJobRuns(db(), reader)),
    };
    const bytes: Record<string, Buffer> = { 'attachment bytes': attachment.bytes, 'assignmentPdf bytes': pdf.bytes };

    // Not vacuous: the expert does read the proposal, its invitation and its reminder.
    const { code } = await db().application.findUniqueOrThrow({ where: { id: blind.applicationId } });
    expect(texts.getAssignmentForExpert).toContain('类脑计算芯片的在线学习机制');
    expect(texts.getAssignmentForExpert).toContain('申请人');
    expect(texts['assignmentPdf text']).toContain('匿名评审版');
    expect(texts['inbox (zh-CN)']).toContain(code!);
    expect(JSON.parse(texts['mail queued'])).toHaveLength(2);
    expect(attachment.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const leaks = [
      ...Object.entries(texts).flatMap(([where, text]) =>
        NEEDLES.filter((n) => inText(text, n)).map((n) => `${where}: ${n}`),
      ),
      ...Object.entries(bytes).flatMap(([where, b]) =>
        NEEDLES.filter((n) => inBytes(b, n)).map((n) => `${where}: ${n}`),
      ),
    ];
    expect(leaks).toEqual([]);
  });

  describe('a conflicted expert has no access to the application afterwards', () => {
    const noAccess = async (e: Actor, assignmentId: string) => {
      for (const refused of [
        () => getAssignmentForExpert(db(), e, assignmentId),
        () => readAssignmentAttachment(db(), e, assignmentId, 'proposal'),
        () => assignmentPdf(db(), e, assignmentId, { locale: 'zh-CN' }),
        () => saveReviewDraft(db(), e, ZReviewDraft.parse({ ...reviewDraft(assignmentId), version: 1 })),
      ])
        await expect(refused()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await listOwnAssignments(db(), e)).map((a) => a.id)).not.toContain(assignmentId);
      expect(await getDashboard(db(), e)).toMatchObject({ invited: 0, toSubmit: 0, overdue: 0 });
    };
    const complete = (assignmentId: string, version: number) =>
      ZSubmitReview.parse({
        ...reviewDraft(assignmentId),
        version,
        scores: { originality: 8, feasibility: 8, team: 8, impact: 8 },
        recommendation: 'FUNDABLE',
        confidence: 'HIGH',
        commentToApplicant: '研究问题明确，技术路线清楚，团队基础扎实，预期成果对边缘智能有实际意义。'.repeat(4),
        conflict: 'NONE',
      });

    it('when the expert declares a conflict on the invitation', async () => {
      const e = blind.experts.declaresOnInvitation!;
      const assignmentId = await assign(e);
      await expect(getAssignmentForExpert(db(), e, assignmentId)).resolves.toMatchObject({ id: assignmentId });
      await respondToReviewInvitation(db(), e, {
        assignmentId,
        response: 'ACCEPT',
        conflict: 'DECLARED',
        conflictStatement: '与申请人在同一课题组合作。',
      });
      expect((await db().reviewAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe(
        'WITHDRAWN_CONFLICT',
      );
      await noAccess(e, assignmentId);
    });

    it('when the expert declares a conflict on submitting', async () => {
      const e = blind.experts.declaresOnSubmission!;
      const assignmentId = await assign(e);
      await accept(e, assignmentId);
      const { version } = await saveReviewDraft(db(), e, ZReviewDraft.parse(reviewDraft(assignmentId)));
      await submitReview(db(), e, {
        ...complete(assignmentId, version),
        conflict: 'DECLARED',
        conflictStatement: '阅读后发现与申请人有合作关系。',
      });
      expect((await db().reviewAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe(
        'WITHDRAWN_CONFLICT',
      );
      await noAccess(e, assignmentId);
    });

    it('when staff cancel the assignment for a conflict', async () => {
      const e = blind.experts.cancelled!;
      const assignmentId = await assign(e);
      await expect(readAssignmentAttachment(db(), e, assignmentId, 'proposal')).resolves.toMatchObject({
        filename: 'proposal.pdf',
      });
      await cancelAssignment(db(), blind.staff, { assignmentId, reason: '专家与申请人存在利益冲突' });
      await noAccess(e, assignmentId);
    });

    it('when a conflict is found after the expert submitted', async () => {
      const e = blind.experts.conflictFoundLater!;
      const assignmentId = await assign(e);
      await accept(e, assignmentId);
      await submitReview(db(), e, complete(assignmentId, 0));
      await expect(getAssignmentForExpert(db(), e, assignmentId)).resolves.toMatchObject({ status: 'SUBMITTED' });
      await db().detectedConflict.create({
        data: {
          applicationId: blind.applicationId,
          expertUserId: e.userId,
          reason: 'STAFF_MARKED',
          detail: {},
          detectedAt: new Date(),
        },
      });
      await noAccess(e, assignmentId);
    });
  });
});

// ───────────── completeness: every exported function taking an actor and an id ─────────────

/** Staff-only (or administrator) functions: every holder of the permission may reach every record. */
const all = (permission: Permission) => ({ permission });
type Reason = string | { permission: Permission };

const HELPER = (through: string) =>
  `an internal helper taking an actor, called only after the caller's own scoped lookup; probed through ${through}`;
const REFERENCE = (what: string) => `${what} is public reference data, not anyone's record`;

const NOT_OWNER_SCOPED: Record<string, Reason> = {
  // ── helpers behind the probed entry points ──
  addTeamMember: HELPER('inviteMember and addPlatformMember'),
  removeTeamMember: HELPER('removeMember and removePlatformMember'),
  attachToSlot: HELPER('attachFile and attachPlatformFile'),
  detachFromSlot: HELPER('detachFile and detachPlatformFile'),
  scopedProject: HELPER('getProject and the task-book writes'),
  scopedPlatform: HELPER('getPlatform, saveDirections, savePlatformReport and the center writes'),
  meetingForRunner: HELPER('getPanelMeeting and every panel run step'),
  moveProject: HELPER('the project transitions (staff-only callers)'),
  cancelOpenTranches: HELPER('the project transitions (staff-only callers)'),
  startReviewOf: HELPER('manualAssign and decideAssignmentRun (staff-only callers)'),
  // ── ids of reference data, not of someone's record ──
  startApplication: REFERENCE('the call (and its challenge) a researcher applies to'),
  startPlatformApplication: `${REFERENCE('the call')}; the application is always the office's own institution's`,
  createChallenge: `${REFERENCE('the challenge field')}; the draft is always the enterprise's own`,
  proposeTopic: `${REFERENCE('the challenge field')}; the topic is always the proposer's own`,
  analytics: `${REFERENCE('the program filter')}; an office's figures are its own institution's whatever it asks`,
  exportSource: 'every list asserts its staff permission (…:all) first; the filters name calls, institutions, programs',
  // ── staff-only: every holder of the permission reaches every record ──
  transitionAnnouncement: all('manage:announcement:all'),
  listForFormalCheck: all('check:application:all'),
  formalCheck: all('check:application:all'),
  setFormalCheckReasonActive: all('manage:formal-check-reason:all'),
  getCallForStaff: all('manage:call:all'),
  createCall: all('manage:call:all'),
  updateCall: all('manage:call:all'),
  setCallQuotas: all('manage:call:all'),
  transitionCall: all('manage:call:all'),
  extendCallDeadline: all('manage:call:all'),
  importQuotas: all('manage:call:all'),
  getProgram: all('manage:program:all'),
  saveProgramRules: all('manage:program:all'),
  meetingChoices: all('manage:committee:all'),
  updateAgenda: all('manage:committee:all'),
  setInvitees: all('manage:committee:all'),
  addMaterial: all('manage:committee:all'),
  removeMaterial: all('manage:committee:all'),
  holdMeeting: all('manage:committee:all'),
  closeMeeting: all('manage:committee:all'),
  recordResolution: all('manage:committee:all'),
  draftReport: all('manage:committee:all'),
  updateReport: all('manage:committee:all'),
  publishReport: all('manage:committee:all'),
  updateTerm: all('manage:committee:all'),
  addMember: all('manage:committee:all'),
  endMembership: all('manage:committee:all'),
  getTopicForStaff: all('manage:committee:all'),
  openTopicScoring: all('manage:committee:all'),
  decideTopic: all('manage:committee:all'),
  convertTopic: all('manage:committee:all'),
  revokeCreditRecord: all('manage:credit:all'),
  getDecisionDesk: all('manage:decision:all'),
  draftDecision: all('manage:decision:all'),
  approveNonConsensus: all('manage:decision:all'),
  publishDecisions: all('manage:decision:all'),
  getNoticeForStaff: all('manage:notice:all'),
  startObjectionReview: all('manage:notice:all'),
  upholdObjection: all('manage:notice:all'),
  dismissObjection: all('manage:notice:all'),
  updateInstitution: all('manage:institution:all'),
  resendMail: all('resend:mail:all'),
  buildPanelAgenda: all('manage:panel:all'),
  setDefenceSlot: all('manage:panel:all'),
  movePanelItem: all('manage:panel:all'),
  createPanelMeeting: all('manage:panel:all'),
  listPanelMemberCandidates: all('manage:panel:all'),
  addPanelMember: all('manage:panel:all'),
  removePanelMember: all('manage:panel:all'),
  openEvaluation: all('manage:platform:all'),
  saveEvaluation: all('manage:platform:all'),
  decideEvaluation: all('manage:platform:all'),
  acceptPlatformReport: 'staff only: reviewReport asserts manage:platform:all for every platform',
  returnPlatformReport: 'staff only: reviewReport asserts manage:platform:all for every platform',
  decideAcceptance: all('manage:project:all'),
  commissionDecideChange: all('manage:project:all'),
  openCheck: all('manage:project:all'),
  resumeProject: all('manage:project:all'),
  assessCheck: all('manage:project:all'),
  recordEvaluation: all('manage:project:all'),
  completeLongCycle: all('manage:project:all'),
  acceptExpenditureReport: all('manage:project:all'),
  returnExpenditureReport: all('manage:project:all'),
  openRaceRound: all('manage:project:all'),
  getRaceRound: all('manage:project:all'),
  decideRaceRound: all('manage:project:all'),
  assignMentor: all('manage:project:all'),
  activateProject: all('manage:project:all'),
  approveTranche: all('manage:project:all'),
  cancelTranche: all('manage:project:all'),
  startAssignmentJob: all('assign:review:all'),
  assignmentJobOf: all('assign:review:all'),
  proposeAssignmentRun: all('assign:review:all'),
  decideAssignmentRun: all('assign:review:all'),
  detectConflictsForCall: all('assign:review:all'),
  getCallReview: all('assign:review:all'),
  listCandidates: all('assign:review:all'),
  manualAssign: all('assign:review:all'),
  cancelAssignment: all('assign:review:all'),
  remindAssignment: all('assign:review:all'),
  dismissConflict: all('assign:review:all'),
  computeCallScores: all('manage:review:all'),
  getReviewMatrix: all('manage:review:all'),
  listNonConsensus: all('manage:review:all'),
  getNonConsensus: all('manage:review:all'),
  decideNonConsensus: all('manage:review:all'),
  rateReview: all('manage:review:all'),
  saveExpertProfile: all('manage:expert:all'),
  unlockAccount: all('unlock:user:all'),
  resetPassword: all('manage:user:all'),
  setUserRoles: all('manage:user:all'),
  updateUser: all('manage:user:all'),
};

const SERVER = path.join(import.meta.dirname, '../../src/server');

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? serverFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Every zod schema of src/lib/validation, by its exported name (loaded before the scan). */
const SCHEMAS: Record<string, unknown> = {};
const VALIDATION = path.join(import.meta.dirname, '../../src/lib/validation');

/** The keys of a zod object schema (through refinements, pipes and unions). */
function schemaKeys(schema: unknown): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'pipe') return schemaKeys(def.in);
  if (def.innerType) return schemaKeys(def.innerType);
  if (def.type === 'union') return (def.options as unknown[]).flatMap(schemaKeys);
  if (def.type === 'intersection') return [...schemaKeys(def.left), ...schemaKeys(def.right)];
  return [];
}

const isIdName = (n: string) => n === 'id' || n === 'ids' || /Ids?$/.test(n);

interface IdTaking {
  name: string;
  file: string;
  ids: string[];
  body: string;
}

/**
 * Exported functions of src/server whose parameters include `actor: Actor` and an id: a parameter named id / …Id, or
 * a member so named of an object parameter — written inline, through a type alias of the file, or as the output of a
 * zod schema of src/lib/validation (z.output<typeof ZX>, or TX for ZX).
 */
function idTakingFunctions(): IdTaking[] {
  const found: IdTaking[] = [];
  for (const file of serverFiles(SERVER)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const aliases = new Map<string, ts.TypeNode | ts.InterfaceDeclaration>();
    for (const st of sf.statements) {
      if (ts.isTypeAliasDeclaration(st)) aliases.set(st.name.text, st.type);
      if (ts.isInterfaceDeclaration(st)) aliases.set(st.name.text, st);
    }
    const idsOfType = (
      type: ts.TypeNode | ts.InterfaceDeclaration | undefined,
      prefix: string,
      depth = 0,
    ): string[] => {
      if (!type || depth > 3) return [];
      if (ts.isInterfaceDeclaration(type) || ts.isTypeLiteralNode(type))
        return type.members.flatMap((m) =>
          m.name && isIdName(m.name.getText(sf)) ? [`${prefix}.${m.name.getText(sf)}`] : [],
        );
      const text = type.getText(sf);
      const zod = /typeof\s+(Z\w+)/.exec(text)?.[1] ?? (/^T[A-Z]\w*$/.test(text) ? `Z${text.slice(1)}` : null);
      if (zod && SCHEMAS[zod])
        return schemaKeys(SCHEMAS[zod])
          .filter(isIdName)
          .map((k) => `${prefix}.${k}`);
      if (ts.isTypeReferenceNode(type) && aliases.has(text)) return idsOfType(aliases.get(text), prefix, depth + 1);
      if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type))
        return type.types.flatMap((t) => idsOfType(t, prefix, depth + 1));
      return [];
    };
    const consider = (name: string, fn: ts.SignatureDeclarationBase & { body?: ts.Node }) => {
      const params = fn.parameters.map((p) => ({ name: p.name.getText(sf), type: p.type }));
      if (!params.some((p) => p.name === 'actor' && p.type?.getText(sf) === 'Actor')) return;
      const ids = params.flatMap((p) =>
        isIdName(p.name) && /\bstring\b/.test(p.type?.getText(sf) ?? '') ? [p.name] : idsOfType(p.type, p.name),
      );
      if (ids.length) found.push({ name, file: path.relative(SERVER, file), ids, body: fn.body?.getText(sf) ?? '' });
    };
    for (const st of sf.statements) {
      const exported =
        ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isFunctionDeclaration(st) && st.name) consider(st.name.text, st);
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
            consider(d.name.getText(sf), d.initializer);
    }
  }
  return found;
}

describe('completeness', () => {
  let found: IdTaking[] = [];
  beforeAll(async () => {
    for (const f of readdirSync(VALIDATION).filter((f) => f.endsWith('.ts')))
      Object.assign(SCHEMAS, (await import(path.join(VALIDATION, f))) as Record<string, unknown>);
    found = idTakingFunctions();
  });

  it('finds the id-taking functions (the scan itself works)', () => {
    const names = found.map((f) => f.name);
    for (const name of ['getOwnApplication', 'readFile', 'saveDraft', 'deleteWork', 'getReviewMatrix'])
      expect(names).toContain(name);
    expect(new Set(names).size, 'exported names are unique, so the lists can key by name').toBe(names.length);
  });

  it('has a probe or a NOT_OWNER_SCOPED reason for every exported function taking an actor and an id', () => {
    const probed = new Set(PROBES.map((p) => p.fn));
    const missing = found
      .filter((f) => !probed.has(f.name) && !(f.name in NOT_OWNER_SCOPED))
      .map((f) => `${f.file} ${f.name}(${f.ids.join(', ')})`);
    expect(missing, 'add a probe to PROBES, or a reason to NOT_OWNER_SCOPED').toEqual([]);
  });

  it('keeps both lists honest: no stale names, no function in both, staff-only reasons checked in the source', () => {
    const byName = new Map(found.map((f) => [f.name, f]));
    const exported = new Set(
      serverFiles(SERVER).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/export (?:async )?function (\w+)/g)].map((m) => m[1]!),
      ),
    );
    expect(PROBES.map((p) => p.fn).filter((n) => !exported.has(n))).toEqual([]);
    expect(Object.keys(NOT_OWNER_SCOPED).filter((n) => !byName.has(n))).toEqual([]);
    expect(PROBES.map((p) => p.fn).filter((n) => n in NOT_OWNER_SCOPED)).toEqual([]);
    for (const [name, reason] of Object.entries(NOT_OWNER_SCOPED)) {
      if (typeof reason === 'string') continue;
      // An ":all" permission held by no role with an owner or institution scope, asserted by the function itself.
      expect(reason.permission, name).toMatch(/:all$/);
      expect(PERMISSIONS[reason.permission], name).not.toContain('RESEARCHER');
      expect(byName.get(name)!.body, `${name} asserts ${reason.permission}`).toContain(`'${reason.permission}'`);
    }
  });
});
