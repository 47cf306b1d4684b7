import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/domain/auth/roles';
import { defaultProgramRules } from '@/domain/program/rules';
import { DomainError } from '@/lib/errors';
import { ZCreateCall } from '@/lib/validation/calls';
import { ZChallengeDraft } from '@/lib/validation/challenges';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  createAnnouncement,
  listAnnouncementsForStaff,
  transitionAnnouncement,
} from '@/server/announcements/announcements';
import { searchAudit } from '@/server/audit/search-audit';
import {
  createCall,
  extendCallDeadline,
  getCallForStaff,
  listCalls,
  listQuotasForOffice,
  setCallQuotas,
  transitionCall,
  updateCall,
} from '@/server/calls/calls';
import {
  createChallenge,
  getChallengeForEdit,
  listChallengeApplicants,
  listChallengeCalls,
  listChallengesForActor,
  transitionChallenge,
  updateChallenge,
} from '@/server/challenges/challenges';
import { createProgram, getProgram, listPrograms, saveProgramRules } from '@/server/programs/programs';
import { getDashboard } from '@/server/dashboard/get-dashboard';
import { createInstitution } from '@/server/institutions/create-institution';
import { institutionOptions, listInstitutions } from '@/server/institutions/list-institutions';
import { updateInstitution } from '@/server/institutions/update-institution';
import {
  getInstitutionResearcher,
  getOwnProfile,
  listInstitutionResearchers,
  updateOwnProfile,
} from '@/server/researchers/profile';
import { listLockedAccounts, unlockAccount } from '@/server/security/locked-accounts';
import { updateSecurityPolicy } from '@/server/security/update-security-policy';
import { createUser } from '@/server/users/create-user';
import { listUsers } from '@/server/users/list-users';
import { resetPassword } from '@/server/users/reset-password';
import { setUserRoles } from '@/server/users/set-user-roles';
import { updateUser } from '@/server/users/update-user';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApplicationStatus } from '@/domain/application/transitions';
import { idNumberCheckChar } from '@/domain/people/id-number';
import { ZApplicationDraft } from '@/lib/validation/applications';
import {
  attachFile,
  detachFile,
  getOwnApplication,
  inviteMember,
  listInvitations,
  listOwnApplications,
  listOwnAvoidances,
  listStartableCalls,
  removeMember,
  respondToInvitation,
  saveAvoidances,
  saveDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/server/applications/applicant';
import {
  createFormalCheckReason,
  formalCheck,
  getApplicationForReader,
  listAvoidancesForStaff,
  listForFormalCheck,
  listOfficeApplications,
  listOfficeCalls,
  recommendApplications,
  returnApplication,
  setFormalCheckReasonActive,
} from '@/server/applications/review-side';
import { addCreditRecord, listCreditRecords, revokeCreditRecord } from '@/server/credit/credit-records';
import {
  ZExpertProfile,
  ZMatrixQuery,
  ZOwnExpertProfile,
  ZProposeAssignmentRun,
  ZReviewDraft,
  ZSubmitReview,
} from '@/lib/validation/review';
import {
  getAssignmentForExpert,
  listOwnAssignments,
  readAssignmentAttachment,
  respondToReviewInvitation,
  saveReviewDraft,
  submitReview,
} from '@/server/review/expert-work';
import {
  cancelAssignment,
  computeCallScores,
  decideNonConsensus,
  dismissConflict,
  getCallReview,
  getNonConsensus,
  getReviewMatrix,
  listCandidates,
  listNonConsensus,
  listReviewCalls,
  manualAssign,
  rateReview,
  remindAssignment,
} from '@/server/review/staff-review';
import {
  getOwnExpertProfile,
  listExpertCandidates,
  listExperts,
  saveExpertProfile,
  updateOwnExpertProfile,
} from '@/server/review/expert-pool';
import { detectConflictsForCall } from '@/server/review/detect-conflicts';
import { decideAssignmentRun, proposeAssignmentRun } from '@/server/review/assignment-runs';
import { uploadFile } from '@/server/files/files';
import {
  addCareerEntry,
  addHonour,
  createWork,
  deleteWork,
  getTalentRecord,
  removeCareerEntry,
  removeHonour,
  revealIdNumberForStaff,
  revealOwnIdNumber,
  setIdNumber,
  updateWork,
} from '@/server/researchers/talent-record';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { DEMO, seed } from './helpers';

// Every server module × every role: allowed exactly when the permission matrix says so. A denied call must fail
// with FORBIDDEN before touching data; an allowed call must not. Adding a module means adding a row here.

const actors = {} as Record<Role, Actor>;
let targetUserId = '';
let institution = { id: '', version: 0 };
let n = 0;
const fixtures = { programId: '', callId: '', openCallId: '', fieldId: '', genOpenCallId: '', genRuleVersionId: '' };

function callDraft() {
  return ZCreateCall.parse({
    programId: fixtures.programId,
    year: 2027,
    title: `申报${++n}`,
    opensAt: '2040-01-01T09:00',
    closesAt: '2040-02-01T17:00',
  });
}

function challengeDraft() {
  return ZChallengeDraft.parse({
    fieldId: fixtures.fieldId,
    title: `榜单${++n}`,
    deliverables: [],
    targets: [],
    durationMonths: 24,
    fiscalWan: '100',
    selectionMode: 'SINGLE',
    teamCount: 1,
  });
}

/** A fresh draft of the demo enterprise, so each role meets a challenge in a state it could act on. */
function enterpriseChallenge() {
  return createChallenge(db(), actors.ENTERPRISE, challengeDraft());
}

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  const target = await db().user.findUniqueOrThrow({ where: { email: DEMO.young } });
  targetUserId = target.id;
  const inst = await db().institution.findUniqueOrThrow({ where: { name: '北京联合大学' } });
  institution = { id: inst.id, version: inst.version };
  fixtures.programId = (await db().program.findUniqueOrThrow({ where: { code: 'GEN' } })).id;
  fixtures.callId = (await db().call.findFirstOrThrow({ where: { programId: fixtures.programId } })).id;
  fixtures.openCallId = (await db().call.findFirstOrThrow({ where: { program: { code: 'EYS' }, status: 'OPEN' } })).id;
  fixtures.fieldId = (await db().challengeField.findFirstOrThrow({ where: { code: 'AI' } })).id;
  const gen = await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' } });
  fixtures.genOpenCallId = gen.id;
  fixtures.genRuleVersionId = gen.ruleVersionId!;
});

/**
 * An application row in a given state, written straight to the table: these tests are about who may call a module,
 * so the fixture need not travel the whole lifecycle (tests/integration/applications.test.ts does that).
 */
async function applicationRow(status: ApplicationStatus, applicantId: string) {
  return db().application.create({
    data: {
      callId: fixtures.genOpenCallId,
      ruleVersionId: fixtures.genRuleVersionId,
      applicantId,
      institutionId: actors.INSTITUTION_OFFICE.institutionId!,
      status,
      budgetMode: 'LUMP_SUM',
      youthTrack: true,
      currentVersionNo: status === 'DRAFT' ? 0 : 1,
    },
  });
}

const emptyDraft = (id: string, version: number) =>
  ZApplicationDraft.parse({
    id,
    version,
    budgetMode: 'LUMP_SUM',
    content: {},
    funding: {},
    budgetLines: [],
    workIds: [],
  });

const storedFile = (ownerId: string) =>
  db().storedFile.create({
    data: {
      storageKey: `test/${randomUUID()}`,
      filename: 'a.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 10,
      sha256: '0'.repeat(64),
      ownerId,
      purpose: 'APPLICATION_ATTACHMENT',
    },
  });

/** A valid 18-digit 居民身份证号码 that differs each call. */
function uniqueIdNumber() {
  const first17 = `110105199003${String(++n % 1000).padStart(3, '0')}12`.slice(0, 17);
  return first17 + idNumberCheckChar(first17);
}

const workInput = () => ({
  type: 'PAPER' as const,
  title: `论文${++n}`,
  authors: '王建国',
  venue: '',
  year: 2024,
  identifier: '',
  citation: '',
  contributionStatement: '第一作者，提出方法、完成实验并撰写全文的主要部分。',
  evidenceFileId: null,
});

/** Reaching the domain's own VALIDATION answer means authorization let the call through. */
const throughAuthorization = (p: Promise<unknown>) =>
  p.catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'VALIDATION') return 'validated';
    throw e;
  });

const uniqueCode = () => {
  // A valid credit code that differs each call (check char computed).
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `12110000TEST${String(++n).padStart(5, '0')}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
};

/** An assignment of the EXPERT actor's on a fresh application in review, for the expert-side and staff-side rows. */
async function expertAssignment(status: 'INVITED' | 'ACCEPTED' | 'SUBMITTED') {
  const researcher = await db().user.findUniqueOrThrow({ where: { email: DEMO.researcher } });
  const app = await applicationRow('UNDER_REVIEW', researcher.id);
  return db().reviewAssignment.create({
    data: {
      applicationId: app.id,
      callId: app.callId,
      expertUserId: actors.EXPERT.userId,
      stage: 'MAIL',
      status,
      origin: 'MANUAL',
      dueAt: new Date('2040-01-01T09:00:00Z'),
      invitations: { create: { sentAt: new Date() } },
    },
  });
}

async function submittedReview() {
  const assignment = await expertAssignment('SUBMITTED');
  return db().review.create({
    data: {
      assignmentId: assignment.id,
      applicationVersionNo: 1,
      ruleVersionId: fixtures.genRuleVersionId,
      status: 'SUBMITTED',
      submittedAt: new Date(),
    },
  });
}

async function nonConsensusFlag() {
  const { applicationId, callId } = await expertAssignment('SUBMITTED');
  return db().nonConsensusFlag.create({
    data: { applicationId, callId, measure: 'RANGE', dispersion: 5, threshold: 4, supportingReviewIds: [] },
  });
}

/** The module found nothing for this id or state: authorization let the call through to the query. */
const reachedQuery = (p: Promise<unknown>) =>
  p.catch((e: unknown) => {
    if (e instanceof DomainError && ['NOT_FOUND', 'VALIDATION', 'CONFLICT'].includes(e.code)) return 'reached';
    throw e;
  });

const draftFor = (assignmentId: string) => ({
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
});

type Op = MatrixOperation;

const OPERATIONS: Op[] = [
  { name: 'getDashboard', permission: 'read:dashboard:own', run: (a) => getDashboard(db(), a) },
  { name: 'getOwnProfile', permission: 'update:profile:own', run: (a) => getOwnProfile(db(), a) },
  {
    name: 'updateOwnProfile',
    permission: 'update:profile:own',
    run: async (a) => {
      const p = await db().researcherProfile.findUnique({ where: { userId: a.userId } });
      return updateOwnProfile(db(), a, {
        version: p?.version ?? 1,
        department: '测试学院',
        gender: null,
        birthDate: null,
        title: null,
        degree: null,
        disciplineCodes: [],
        keywords: [],
        orcid: null,
        phone: null,
      });
    },
  },
  {
    name: 'listInstitutionResearchers',
    permission: 'read:researcher:institution',
    run: (a) => listInstitutionResearchers(db(), a),
  },
  {
    name: 'getInstitutionResearcher',
    permission: 'read:researcher:institution',
    run: async (a) => {
      const own = await db().user.findUniqueOrThrow({ where: { email: DEMO.researcher } });
      return getInstitutionResearcher(db(), a, own.id);
    },
  },
  { name: 'listInstitutions', permission: 'read:institution:all', run: (a) => listInstitutions(db(), a) },
  { name: 'institutionOptions', permission: 'manage:user:all', run: (a) => institutionOptions(db(), a) },
  {
    name: 'createInstitution',
    permission: 'manage:institution:all',
    run: (a) =>
      createInstitution(db(), a, {
        name: `测试单位${++n}`,
        nameEn: null,
        aliases: [],
        kind: 'APPLIED_UNIVERSITY',
        affiliation: 'MUNICIPAL',
        creditCode: uniqueCode(),
      }),
  },
  {
    name: 'updateInstitution',
    permission: 'manage:institution:all',
    run: async (a) => {
      const current = await db().institution.findUniqueOrThrow({ where: { id: institution.id } });
      return updateInstitution(db(), a, {
        id: current.id,
        version: current.version,
        name: current.name,
        nameEn: current.nameEn,
        aliases: current.aliases,
        kind: current.kind,
        affiliation: current.affiliation,
        creditCode: current.creditCode,
        active: true,
      });
    },
  },
  { name: 'listUsers', permission: 'manage:user:all', run: (a) => listUsers(db(), a, { q: null, page: 1 }) },
  {
    name: 'createUser',
    permission: 'manage:user:all',
    run: (a) =>
      createUser(db(), a, {
        email: `new${++n}@demo.jingyan.cn`,
        name: '新用户',
        locale: 'zh-CN',
        initialPassword: 'Temp@20261',
        roles: [{ role: 'EXPERT', institutionId: null }],
      }),
  },
  {
    name: 'updateUser',
    permission: 'manage:user:all',
    run: async (a) => {
      const u = await db().user.findUniqueOrThrow({ where: { id: targetUserId } });
      return updateUser(db(), a, { id: u.id, version: u.version, name: u.name, locale: 'zh-CN', status: 'ACTIVE' });
    },
  },
  {
    name: 'setUserRoles',
    permission: 'manage:user:all',
    run: async (a) => {
      const u = await db().user.findUniqueOrThrow({ where: { id: targetUserId }, include: { roles: true } });
      return setUserRoles(db(), a, {
        id: u.id,
        version: u.version,
        roles: u.roles.map((r) => ({ role: r.role, institutionId: r.institutionId })),
      });
    },
  },
  {
    name: 'resetPassword',
    permission: 'manage:user:all',
    run: (a) => resetPassword(db(), a, { id: targetUserId, newPassword: 'Reset@20261' }),
  },
  {
    name: 'updateSecurityPolicy',
    permission: 'manage:security-policy:all',
    run: async (a) => {
      const row = await db().securityPolicy.findUnique({ where: { id: 1 } });
      return updateSecurityPolicy(db(), a, {
        version: row?.version ?? 0,
        passwordMinLength: 8,
        passwordMinClasses: 3,
        maxFailedLogins: 5,
        lockoutMinutes: 15,
        idleTimeoutMinutes: 30,
        sessionMaxHours: 12,
      });
    },
  },
  { name: 'listLockedAccounts', permission: 'unlock:user:all', run: (a) => listLockedAccounts(db(), a) },
  { name: 'unlockAccount', permission: 'unlock:user:all', run: (a) => unlockAccount(db(), a, { id: targetUserId }) },
  { name: 'searchAudit', permission: 'read:audit:all', run: (a) => searchAudit(db(), a, {}) },
  {
    name: 'listAnnouncementsForStaff',
    permission: 'manage:announcement:all',
    run: (a) => listAnnouncementsForStaff(db(), a),
  },
  {
    name: 'createAnnouncement',
    permission: 'manage:announcement:all',
    run: (a) => createAnnouncement(db(), a, { title: `公告${++n}`, body: '正文', publish: false }),
  },
  {
    name: 'transitionAnnouncement',
    permission: 'manage:announcement:all',
    run: async (a) => {
      const draft = await db().announcement.create({ data: { title: `草稿${++n}`, body: '正文', authorId: a.userId } });
      return transitionAnnouncement(db(), a, { id: draft.id, version: draft.version }, 'publish');
    },
  },
  // ── programs and calls (issue 3) ──
  { name: 'listPrograms', permission: 'manage:program:all', run: (a) => listPrograms(db(), a) },
  { name: 'getProgram', permission: 'manage:program:all', run: (a) => getProgram(db(), a, fixtures.programId) },
  {
    name: 'createProgram',
    permission: 'manage:program:all',
    run: (a) =>
      createProgram(db(), a, {
        code: `P-${++n}`,
        name: `计划${n}`,
        nameEn: `Program ${n}`,
        kind: 'GENERAL',
        description: '',
        descriptionEn: '',
      }),
  },
  {
    name: 'saveProgramRules',
    permission: 'manage:program:all',
    run: async (a) => {
      const p = await db().program.findUniqueOrThrow({
        where: { id: fixtures.programId },
        select: { currentRules: { select: { number: true } } },
      });
      const rules = { ...defaultProgramRules('GENERAL'), quota: { defaultPerInstitution: ++n } };
      return saveProgramRules(db(), a, {
        programId: fixtures.programId,
        currentVersion: p.currentRules!.number,
        rules,
      });
    },
  },
  { name: 'listCalls', permission: 'manage:call:all', run: (a) => listCalls(db(), a) },
  { name: 'getCallForStaff', permission: 'manage:call:all', run: (a) => getCallForStaff(db(), a, fixtures.callId) },
  { name: 'createCall', permission: 'manage:call:all', run: (a) => createCall(db(), a, callDraft()) },
  {
    name: 'updateCall',
    permission: 'manage:call:all',
    run: async (a) => {
      const { id } = await createCall(db(), actors.COMMISSION_STAFF, callDraft());
      const { programId: _p, ...rest } = callDraft();
      return updateCall(db(), a, { ...rest, id, version: 1 });
    },
  },
  {
    name: 'setCallQuotas',
    permission: 'manage:call:all',
    run: async (a) => {
      const { id } = await createCall(db(), actors.COMMISSION_STAFF, callDraft());
      return setCallQuotas(db(), a, { callId: id, version: 1, quotas: [] });
    },
  },
  {
    name: 'transitionCall',
    permission: 'manage:call:all',
    run: async (a) => {
      const { id: programId } = await createProgram(db(), actors.COMMISSION_STAFF, {
        code: `P-${++n}`,
        name: `计划${n}`,
        nameEn: `P${n}`,
        kind: 'KEY_CHALLENGE',
        description: '',
        descriptionEn: '',
      });
      const { id } = await createCall(db(), actors.COMMISSION_STAFF, { ...callDraft(), programId });
      return transitionCall(db(), a, { id, version: 1, transition: 'publish' });
    },
  },
  {
    name: 'extendCallDeadline',
    permission: 'manage:call:all',
    run: async (a) => {
      const call = await db().call.findUniqueOrThrow({ where: { id: fixtures.openCallId } });
      return extendCallDeadline(db(), a, {
        id: call.id,
        version: call.version,
        closesAt: new Date(call.closesAt.getTime() + 60_000),
      });
    },
  },
  { name: 'listQuotasForOffice', permission: 'read:quota:institution', run: (a) => listQuotasForOffice(db(), a) },
  // ── challenges (issue 3): staff for all, an enterprise for its own institution's ──
  {
    name: 'listChallengesForActor',
    permission: ['manage:challenge:all', 'manage:challenge:institution'],
    run: (a) => listChallengesForActor(db(), a),
  },
  {
    name: 'createChallenge',
    permission: ['manage:challenge:all', 'manage:challenge:institution'],
    run: (a) => createChallenge(db(), a, challengeDraft()),
  },
  {
    name: 'getChallengeForEdit',
    permission: ['manage:challenge:all', 'manage:challenge:institution'],
    run: async (a) => getChallengeForEdit(db(), a, (await enterpriseChallenge()).id),
  },
  {
    name: 'listChallengeApplicants',
    permission: ['manage:challenge:all', 'manage:challenge:institution'],
    run: async (a) => listChallengeApplicants(db(), a, (await enterpriseChallenge()).id),
  },
  {
    name: 'updateChallenge',
    permission: ['manage:challenge:all', 'manage:challenge:institution'],
    run: async (a) =>
      updateChallenge(db(), a, { ...challengeDraft(), id: (await enterpriseChallenge()).id, version: 1 }),
  },
  {
    name: 'transitionChallenge',
    permission: ['manage:challenge:all', 'manage:challenge:institution'],
    run: async (a) =>
      transitionChallenge(db(), a, {
        id: (await enterpriseChallenge()).id,
        version: 1,
        transition: 'withdraw',
        reason: null,
      }),
  },
  { name: 'listChallengeCalls', permission: 'manage:challenge:all', run: (a) => listChallengeCalls(db(), a) },
  // ── talent record, credit, files (issue 4) ──
  {
    name: 'setIdNumber',
    permission: 'update:profile:own',
    run: (a) => setIdNumber(db(), a, { idNumber: uniqueIdNumber() }),
  },
  { name: 'revealOwnIdNumber', permission: 'update:profile:own', run: (a) => revealOwnIdNumber(db(), a) },
  {
    name: 'revealIdNumberForStaff',
    permission: 'read:id-number:all',
    run: (a) => revealIdNumberForStaff(db(), a, targetUserId),
  },
  { name: 'getTalentRecord', permission: 'update:profile:own', run: (a) => getTalentRecord(db(), a) },
  {
    name: 'addCareerEntry',
    permission: 'update:profile:own',
    run: (a) =>
      addCareerEntry(db(), a, {
        kind: 'WORK',
        organization: '北京工业大学',
        role: '教授',
        startsOn: '2015-09-01',
        endsOn: null,
      }),
  },
  {
    name: 'removeCareerEntry',
    permission: 'update:profile:own',
    run: async (a) => {
      const row = await db().careerEntry.create({
        data: {
          userId: a.userId,
          kind: 'WORK',
          organization: '某大学',
          role: '讲师',
          startsOn: new Date('2010-01-01'),
        },
      });
      return removeCareerEntry(db(), a, { id: row.id });
    },
  },
  {
    name: 'addHonour',
    permission: 'update:profile:own',
    run: (a) => addHonour(db(), a, { name: '北京市科学技术奖', grantedBy: '北京市人民政府', year: 2022 }),
  },
  {
    name: 'removeHonour',
    permission: 'update:profile:own',
    run: async (a) => {
      const row = await db().honour.create({ data: { userId: a.userId, name: '奖', year: 2020 } });
      return removeHonour(db(), a, { id: row.id });
    },
  },
  { name: 'createWork', permission: 'update:profile:own', run: (a) => createWork(db(), a, workInput()) },
  {
    name: 'updateWork',
    permission: 'update:profile:own',
    run: async (a) => {
      const { evidenceFileId: _e, ...data } = workInput();
      const row = await db().representativeWork.create({ data: { ...data, userId: a.userId } });
      return updateWork(db(), a, { ...workInput(), id: row.id, version: row.version });
    },
  },
  {
    name: 'deleteWork',
    permission: 'update:profile:own',
    run: async (a) => {
      const { evidenceFileId: _e, ...data } = workInput();
      const row = await db().representativeWork.create({ data: { ...data, userId: a.userId } });
      return deleteWork(db(), a, { id: row.id });
    },
  },
  { name: 'listCreditRecords', permission: 'manage:credit:all', run: (a) => listCreditRecords(db(), a) },
  {
    name: 'addCreditRecord',
    permission: 'manage:credit:all',
    run: (a) =>
      addCreditRecord(db(), a, {
        email: DEMO.intlExpert,
        finding: '测试记录',
        decidedBy: '测试',
        startsOn: '2020-01-01',
        endsOn: '2020-02-01',
        barsApplications: false,
        barsReviewing: false,
      }),
  },
  {
    name: 'revokeCreditRecord',
    permission: 'manage:credit:all',
    run: async (a) => {
      const row = await db().creditRecord.create({
        data: {
          userId: targetUserId,
          finding: '测试',
          decidedBy: '测试',
          startsOn: new Date('2020-01-01'),
          endsOn: new Date('2020-02-01'),
          recordedById: actors.COMMISSION_STAFF.userId,
        },
      });
      return revokeCreditRecord(db(), a, { id: row.id, reason: '撤销' });
    },
  },
  {
    name: 'uploadFile',
    permission: 'upload:file:own',
    run: (a) =>
      uploadFile(db(), a, {
        name: 'sample.pdf',
        bytes: readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf')),
        purpose: 'APPLICATION_ATTACHMENT',
      }),
  },
  // ── applications: the applicant's side (issue 4) ──
  { name: 'listStartableCalls', permission: 'create:application:own', run: (a) => listStartableCalls(db(), a) },
  {
    name: 'startApplication',
    permission: 'create:application:own',
    run: (a) => startApplication(db(), a, { callId: fixtures.genOpenCallId }),
  },
  { name: 'listOwnApplications', permission: 'create:application:own', run: (a) => listOwnApplications(db(), a) },
  { name: 'listInvitations', permission: 'create:application:own', run: (a) => listInvitations(db(), a) },
  {
    name: 'getOwnApplication',
    permission: 'create:application:own',
    run: async (a) => getOwnApplication(db(), a, (await applicationRow('DRAFT', a.userId)).id),
  },
  {
    name: 'saveDraft',
    permission: 'create:application:own',
    run: async (a) => {
      const row = await applicationRow('DRAFT', a.userId);
      return saveDraft(db(), a, emptyDraft(row.id, row.version));
    },
  },
  {
    name: 'saveAvoidances',
    permission: 'create:application:own',
    run: async (a) =>
      saveAvoidances(db(), a, {
        applicationId: (await applicationRow('DRAFT', a.userId)).id,
        avoidances: [{ name: '刘洋', institutionName: '北京航空航天大学', reason: '直接竞争关系' }],
      }),
  },
  {
    name: 'listOwnAvoidances',
    permission: 'create:application:own',
    run: async (a) => listOwnAvoidances(db(), a, (await applicationRow('DRAFT', a.userId)).id),
  },
  {
    name: 'inviteMember',
    permission: 'create:application:own',
    run: async (a) =>
      inviteMember(db(), a, {
        applicationId: (await applicationRow('DRAFT', a.userId)).id,
        email: DEMO.young,
        responsibility: '实验',
        monthsPerYear: 3,
      }),
  },
  {
    name: 'removeMember',
    permission: 'create:application:own',
    run: async (a) => {
      const row = await applicationRow('DRAFT', a.userId);
      const member = await db().applicationMember.create({
        data: { applicationId: row.id, userId: targetUserId, ordinal: 1 },
      });
      return removeMember(db(), a, { applicationId: row.id, memberId: member.id });
    },
  },
  {
    name: 'respondToInvitation',
    permission: 'create:application:own',
    run: async (a) => {
      const row = await applicationRow('DRAFT', targetUserId);
      const member = await db().applicationMember.create({
        data: { applicationId: row.id, userId: a.userId, ordinal: 1 },
      });
      return respondToInvitation(db(), a, { memberId: member.id, accept: true });
    },
  },
  {
    name: 'attachFile',
    permission: 'create:application:own',
    run: async (a) => {
      const row = await applicationRow('DRAFT', a.userId);
      const file = await storedFile(a.userId);
      return attachFile(db(), a, { applicationId: row.id, slotKey: 'proposal', fileId: file.id });
    },
  },
  {
    name: 'detachFile',
    permission: 'create:application:own',
    run: async (a) =>
      detachFile(db(), a, { applicationId: (await applicationRow('DRAFT', a.userId)).id, slotKey: 'proposal' }),
  },
  {
    // An empty draft cannot pass the submission check; getting that far is what this row checks.
    name: 'submitApplication',
    permission: 'create:application:own',
    run: async (a) =>
      throughAuthorization(
        submitApplication(db(), a, { id: (await applicationRow('DRAFT', a.userId)).id, idempotencyKey: randomUUID() }),
      ),
  },
  {
    name: 'withdrawApplication',
    permission: 'create:application:own',
    run: async (a) =>
      withdrawApplication(db(), a, { id: (await applicationRow('SUBMITTED', a.userId)).id, reason: '不再申报' }),
  },
  // ── applications: the office and the commission (issue 4) ──
  { name: 'listOfficeCalls', permission: 'review:application:institution', run: (a) => listOfficeCalls(db(), a) },
  {
    name: 'listOfficeApplications',
    permission: 'review:application:institution',
    run: (a) => listOfficeApplications(db(), a, fixtures.genOpenCallId),
  },
  {
    // The PI, their institution's office and (once recommended) commission staff may read it.
    name: 'getApplicationForReader',
    permission: ['create:application:own', 'review:application:institution', 'check:application:all'],
    run: async (a) =>
      getApplicationForReader(db(), a, (await applicationRow('INSTITUTION_APPROVED', actors.RESEARCHER.userId)).id),
  },
  {
    name: 'returnApplication',
    permission: 'review:application:institution',
    run: async (a) =>
      returnApplication(db(), a, {
        id: (await applicationRow('SUBMITTED', actors.RESEARCHER.userId)).id,
        comment: '请补充',
      }),
  },
  {
    name: 'recommendApplications',
    permission: 'review:application:institution',
    run: async (a) =>
      recommendApplications(db(), a, {
        callId: fixtures.genOpenCallId,
        ids: [(await applicationRow('SUBMITTED', actors.RESEARCHER.userId)).id],
      }),
  },
  {
    // Commission staff only: not the office, and never an expert.
    name: 'listAvoidancesForStaff',
    permission: 'check:application:all',
    run: async (a) =>
      listAvoidancesForStaff(db(), a, (await applicationRow('INSTITUTION_APPROVED', actors.RESEARCHER.userId)).id),
  },
  { name: 'listForFormalCheck', permission: 'check:application:all', run: (a) => listForFormalCheck(db(), a, {}) },
  {
    name: 'formalCheck',
    permission: 'check:application:all',
    run: async (a) =>
      formalCheck(db(), a, {
        id: (await applicationRow('INSTITUTION_APPROVED', actors.RESEARCHER.userId)).id,
        outcome: 'PASS',
        reasonCodes: [],
        comment: null,
      }),
  },
  {
    name: 'createFormalCheckReason',
    permission: 'manage:formal-check-reason:all',
    run: (a) => createFormalCheckReason(db(), a, { code: `R_${++n}`, label: '原因', labelEn: 'Reason' }),
  },
  {
    name: 'setFormalCheckReasonActive',
    permission: 'manage:formal-check-reason:all',
    run: async (a) => {
      const row = await db().formalCheckReason.create({ data: { code: `S_${++n}`, label: '原因', labelEn: 'Reason' } });
      return setFormalCheckReasonActive(db(), a, { id: row.id, active: false });
    },
  },
  {
    name: 'detectConflictsForCall',
    permission: 'assign:review:all',
    run: (a) => detectConflictsForCall(db(), a, { callId: fixtures.genOpenCallId }),
  },
  {
    name: 'proposeAssignmentRun',
    permission: 'assign:review:all',
    run: (a) =>
      proposeAssignmentRun(
        db(),
        a,
        ZProposeAssignmentRun.parse({ callId: fixtures.genOpenCallId, dueAt: '2040-03-01T17:00' }),
      ),
  },
  {
    name: 'decideAssignmentRun',
    permission: 'assign:review:all',
    run: async (a) => {
      const run = await db().assignmentRun.create({
        data: {
          callId: fixtures.callId,
          stage: 'MAIL',
          options: {},
          summary: {},
          createdById: actors.COMMISSION_STAFF.userId,
        },
      });
      return decideAssignmentRun(db(), a, { runId: run.id, decision: 'DISCARD' });
    },
  },
  { name: 'listExperts', permission: 'manage:expert:all', run: (a) => listExperts(db(), a, {}) },
  { name: 'listExpertCandidates', permission: 'manage:expert:all', run: (a) => listExpertCandidates(db(), a) },
  {
    name: 'saveExpertProfile',
    permission: 'manage:expert:all',
    run: async (a) => {
      const userId = actors.EXPERT.userId;
      const current = await db().expertProfile.findUniqueOrThrow({ where: { userId } });
      return saveExpertProfile(
        db(),
        a,
        ZExpertProfile.parse({
          userId,
          version: current.version,
          country: 'DE',
          languages: ['en'],
          disciplineCodes: '520',
          keywords: 'edge AI',
          loadLimitPerCall: 8,
          active: true,
        }),
      );
    },
  },
  { name: 'getOwnExpertProfile', permission: 'update:expert-profile:own', run: (a) => getOwnExpertProfile(db(), a) },
  {
    name: 'updateOwnExpertProfile',
    permission: 'update:expert-profile:own',
    run: async (a) => {
      const current = await db().expertProfile.findUnique({ where: { userId: a.userId } });
      return updateOwnExpertProfile(
        db(),
        a,
        ZOwnExpertProfile.parse({ version: current?.version ?? 1, languages: ['en'], keywords: 'edge AI' }),
      );
    },
  },
  {
    name: 'listOwnAssignments',
    permission: 'review:assignment:own',
    run: (a) => listOwnAssignments(db(), a),
  },
  {
    name: 'getAssignmentForExpert',
    permission: 'review:assignment:own',
    run: async (a) => getAssignmentForExpert(db(), a, (await expertAssignment('INVITED')).id),
  },
  {
    name: 'readAssignmentAttachment',
    permission: 'review:assignment:own',
    // The fixture's application has no snapshot: an expert gets as far as "no such attachment".
    run: async (a) => reachedQuery(readAssignmentAttachment(db(), a, (await expertAssignment('INVITED')).id, 'proof')),
  },
  {
    name: 'respondToReviewInvitation',
    permission: 'review:assignment:own',
    run: async (a) =>
      respondToReviewInvitation(db(), a, {
        assignmentId: (await expertAssignment('INVITED')).id,
        response: 'ACCEPT',
        conflict: 'NONE',
        conflictStatement: null,
      }),
  },
  {
    name: 'saveReviewDraft',
    permission: 'review:assignment:own',
    run: async (a) => saveReviewDraft(db(), a, ZReviewDraft.parse(draftFor((await expertAssignment('ACCEPTED')).id))),
  },
  {
    name: 'submitReview',
    permission: 'review:assignment:own',
    run: async (a) =>
      throughAuthorization(
        submitReview(
          db(),
          a,
          ZSubmitReview.parse({ ...draftFor((await expertAssignment('ACCEPTED')).id), conflict: 'NONE' }),
        ),
      ),
  },
  { name: 'listReviewCalls', permission: 'assign:review:all', run: (a) => listReviewCalls(db(), a) },
  {
    name: 'getCallReview',
    permission: 'assign:review:all',
    run: (a) => getCallReview(db(), a, fixtures.genOpenCallId),
  },
  {
    name: 'listCandidates',
    permission: 'assign:review:all',
    run: async (a) => listCandidates(db(), a, (await expertAssignment('INVITED')).applicationId),
  },
  {
    name: 'manualAssign',
    permission: 'assign:review:all',
    run: async (a) => {
      const researcher = await db().user.findUniqueOrThrow({ where: { email: DEMO.researcher } });
      const app = await applicationRow('FORMAL_CHECK_PASSED', researcher.id);
      // Another pool expert: the EXPERT actor's load in this call is taken by the other rows' fixtures.
      const expert = await db().user.findUniqueOrThrow({ where: { email: 'expert3@demo.jingyan.cn' } });
      return manualAssign(db(), a, {
        applicationId: app.id,
        expertUserId: expert.id,
        dueAt: new Date('2040-01-01T09:00:00Z'),
      });
    },
  },
  {
    name: 'cancelAssignment',
    permission: 'assign:review:all',
    run: async (a) =>
      cancelAssignment(db(), a, { assignmentId: (await expertAssignment('INVITED')).id, reason: '专家出国' }),
  },
  {
    name: 'remindAssignment',
    permission: 'assign:review:all',
    run: async (a) => remindAssignment(db(), a, { assignmentId: (await expertAssignment('ACCEPTED')).id }),
  },
  {
    name: 'dismissConflict',
    permission: 'assign:review:all',
    run: async (a) => {
      const { applicationId } = await expertAssignment('SUBMITTED');
      const conflict = await db().detectedConflict.create({
        data: {
          applicationId,
          expertUserId: actors.EXPERT.userId,
          reason: 'CO_AUTHOR',
          detail: { works: [] },
          detectedAt: new Date(),
        },
      });
      return dismissConflict(db(), a, { conflictId: conflict.id, reason: '同名不同人，已核实' });
    },
  },
  {
    name: 'computeCallScores',
    permission: 'manage:review:all',
    run: (a) => computeCallScores(db(), a, { callId: fixtures.genOpenCallId }),
  },
  {
    name: 'getReviewMatrix',
    permission: 'manage:review:all',
    run: (a) => getReviewMatrix(db(), a, fixtures.genOpenCallId, ZMatrixQuery.parse({})),
  },
  {
    name: 'listNonConsensus',
    permission: 'manage:review:all',
    run: (a) => listNonConsensus(db(), a, fixtures.genOpenCallId),
  },
  {
    name: 'getNonConsensus',
    permission: 'manage:review:all',
    run: async (a) => getNonConsensus(db(), a, (await nonConsensusFlag()).id),
  },
  {
    name: 'decideNonConsensus',
    permission: 'manage:review:all',
    run: async (a) =>
      decideNonConsensus(db(), a, {
        flagId: (await nonConsensusFlag()).id,
        version: 1,
        decision: 'ROUTE',
        justification: '两位专家认为思路原创，值得以非共识途径支持。',
      }),
  },
  {
    name: 'rateReview',
    permission: 'manage:review:all',
    run: async (a) => rateReview(db(), a, { reviewId: (await submittedReview()).id, rating: 4 }),
  },
];

describeMatrix(OPERATIONS, actors);

describe('scoping by the actor', () => {
  it("shows a research office only its own institution's researchers", async () => {
    const rows = await listInstitutionResearchers(db(), actors.INSTITUTION_OFFICE);
    const names = rows.map((r) => r.institution.name);
    expect(rows.map((r) => r.user.email)).toContain(DEMO.researcher);
    expect(rows.map((r) => r.user.email)).not.toContain(DEMO.expert); // 北京航空航天大学
    expect(new Set(names)).toEqual(new Set(['北京工业大学']));
  });

  it("answers NOT_FOUND for another institution's researcher, and for a non-researcher", async () => {
    const other = await db().user.findUniqueOrThrow({ where: { email: DEMO.expert } });
    await expect(getInstitutionResearcher(db(), actors.INSTITUTION_OFFICE, other.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      getInstitutionResearcher(db(), actors.INSTITUTION_OFFICE, actors.INSTITUTION_OFFICE.userId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = await db().user.findUniqueOrThrow({ where: { email: DEMO.researcher } });
    await expect(getInstitutionResearcher(db(), actors.INSTITUTION_OFFICE, own.id)).resolves.toMatchObject({
      userId: own.id,
    });
  });

  it('never lets an office without an institution fall back to everyone', async () => {
    const unscoped = { ...actors.INSTITUTION_OFFICE, institutionId: null };
    await expect(listInstitutionResearchers(db(), unscoped)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("keeps each researcher's profile edits to their own record", async () => {
    const before = await db().researcherProfile.findMany({
      where: { NOT: { userId: actors.RESEARCHER.userId } },
      orderBy: { userId: 'asc' },
    });
    const mine = await getOwnProfile(db(), actors.RESEARCHER);
    await updateOwnProfile(db(), actors.RESEARCHER, {
      version: mine.version,
      department: '只改我自己',
      gender: 'MALE',
      birthDate: '1978-03-15',
      title: 'SENIOR',
      degree: 'DOCTORATE',
      disciplineCodes: ['520'],
      keywords: ['k'],
      orcid: null,
      phone: null,
    });
    const after = await db().researcherProfile.findMany({
      where: { NOT: { userId: actors.RESEARCHER.userId } },
      orderBy: { userId: 'asc' },
    });
    expect(after).toEqual(before);
  });
});
