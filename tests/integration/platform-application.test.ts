import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZDraftDecision } from '@/lib/validation/decisions';
import { ZPlatformDraft, type TPlatformDraft } from '@/lib/validation/platforms';
import type { Actor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password-hash';
import { db } from '@/server/db';
import {
  getOwnApplication,
  listOwnApplications,
  respondToInvitation,
  saveDraft,
  withdrawApplication,
} from '@/server/applications/applicant';
import { formalCheck, getApplicationForReader } from '@/server/applications/review-side';
import { draftDecision } from '@/server/decisions/decisions';
import { uploadFile } from '@/server/files/files';
import { applicationPdf } from '@/server/documents/application-pdf';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  addPlatformMember,
  attachPlatformFile,
  getPlatformApplication,
  listPlatformApplications,
  listPlatformCalls,
  removePlatformMember,
  savePlatformDraft,
  startPlatformApplication,
  submitPlatformApplication,
  withdrawPlatformApplication,
} from '@/server/platforms/application';
import { detectConflictsForCall } from '@/server/review/detect-conflicts';
import { seedPlatformCall } from '../../prisma/seed-platform-call';
import { REASONS } from './decision-fixtures';
import { actorFor, auditActions, DEMO, DEMO_PASSWORD, expectDomainError, institutionId, seed } from './helpers';

// 平台申报 (issue 7): the institution office applies for a platform in an open call for its own institution, names
// the director, the team, partners and the budget by year and source; its submission is the recommendation, within
// the window to the second and the quota; the formal check, conflicts and decisions of issues 4–6 take it unchanged.

const pdf = readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf'));
const long = (n: number) => '平台围绕首都战略需求开展有组织科研。'.repeat(Math.ceil(n / 17)).slice(0, n);
const HOUR = 3600_000;

let office: Actor;
let staff: Actor;
let researcher: Actor;
let young: Actor;
let expertAsResearcher: Actor;
let buaa: string;
let enterprise: string;
let n = 0;

beforeAll(async () => {
  await seed();
  [office, staff, researcher, young, expertAsResearcher] = await Promise.all([
    actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
    actorFor(DEMO.young, 'RESEARCHER'),
    actorFor(DEMO.expert, 'RESEARCHER'),
  ]);
  buaa = await institutionId('北京航空航天大学');
  enterprise = await institutionId('京研示范科技有限公司');
});

/** A call of its own for a scenario: open from an hour ago for a month, the program's pinned rules, optional quota. */
async function platformCall(programCode: 'LAB-B' | 'BRC' | 'TCP', quota?: number) {
  const template = await db().call.findFirstOrThrow({
    where: { program: { code: programCode }, ruleVersionId: { not: null } },
    select: { programId: true, ruleVersionId: true },
  });
  const now = Date.now();
  const call = await db().call.create({
    data: {
      programId: template.programId,
      ruleVersionId: template.ruleVersionId,
      year: 2026,
      title: `平台测试批次${++n}`,
      opensAt: new Date(now - HOUR),
      closesAt: new Date(now + 30 * 24 * HOUR),
      institutionReviewClosesAt: new Date(now + 37 * 24 * HOUR),
      status: 'OPEN',
    },
    select: { id: true, closesAt: true },
  });
  if (quota !== undefined)
    await db().institutionQuota.create({
      data: { callId: call.id, institutionId: office.institutionId!, maxRecommended: quota },
    });
  return call;
}

function draftInput(id: string, version: number, overrides: Partial<TPlatformDraft> = {}): TPlatformDraft {
  return {
    id,
    version,
    title: '北京智能感知与类脑计算实验室',
    titleEn: 'Beijing Laboratory of Intelligent Sensing',
    disciplineCode: '520',
    keywords: '类脑计算，智能感知',
    abstract: long(120),
    abstractEn: '',
    durationMonths: 36,
    directorEmail: DEMO.researcher,
    content: {
      goals: long(120),
      buildingPlan: long(220),
      openness: long(120),
      directions: [{ title: '类脑感知芯片', titleEn: '', description: long(60), leadName: '王建国' }],
    },
    partners: [{ institutionId: buaa, role: 'CO_BUILDER', contribution: '共建测试平台，提供算力。' }],
    yearBudget: [
      { year: 2026, fiscalWan: '400', enterpriseWan: '', institutionWan: '100' },
      { year: 2027, fiscalWan: '400', enterpriseWan: '', institutionWan: '' },
      { year: 2028, fiscalWan: '200', enterpriseWan: '50', institutionWan: '' },
    ],
    ...overrides,
  };
}

async function save(actor: Actor, id: string, overrides: Partial<TPlatformDraft> = {}) {
  const { version } = await db().application.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return savePlatformDraft(db(), actor, ZPlatformDraft.parse(draftInput(id, version, overrides)));
}

async function attachAll(id: string) {
  const { app, rules } = await getPlatformApplication(db(), office, id);
  for (const slot of rules.requiredAttachments) {
    const file = await uploadFile(db(), office, {
      name: `${slot.key}.pdf`,
      bytes: pdf,
      purpose: 'APPLICATION_ATTACHMENT',
    });
    await attachPlatformFile(db(), office, { applicationId: app.id, slotKey: slot.key, fileId: file.id });
  }
}

/** A complete application with no team (a warning, not an error), ready to submit. */
async function readyApplication(callId: string, directorEmail: string) {
  const { id } = await startPlatformApplication(db(), office, { callId, directorEmail });
  await save(office, id, { directorEmail });
  await attachAll(id);
  return id;
}

const errorCodes = async (id: string) =>
  (await getPlatformApplication(db(), office, id)).check.errors.map((e) => `${e.field}:${e.code}`);

describe('an office applies for a 北京实验室', () => {
  it('starts, completes, submits once as its recommendation, and the commission checks and decides it unchanged', async () => {
    const call = await platformCall('LAB-B');
    expect((await listPlatformCalls(db(), office)).map((c) => c.id)).toContain(call.id);
    const { id } = await startPlatformApplication(db(), office, { callId: call.id, directorEmail: DEMO.researcher });
    // Starting again for the same director opens the same draft.
    expect(await startPlatformApplication(db(), office, { callId: call.id, directorEmail: DEMO.researcher })).toEqual({
      id,
      existed: true,
    });
    const started = await db().application.findUniqueOrThrow({ where: { id } });
    expect(started).toMatchObject({
      kind: 'PLATFORM',
      status: 'DRAFT',
      createdById: office.userId,
      applicantId: researcher.userId,
      institutionId: office.institutionId,
      budgetMode: 'LUMP_SUM',
    });
    // The director does not see the institution's draft.
    expect((await listOwnApplications(db(), researcher)).map((a) => a.id)).not.toContain(id);

    await save(office, id);
    // The totals per source are the sums of the year budget (fen), kept on every save.
    const funding = await db().applicationFunding.findMany({
      where: { applicationId: id },
      orderBy: { source: 'asc' },
    });
    expect(funding.map((f) => [f.source, f.amountFen])).toEqual([
      ['FISCAL', 1_000_000_000n],
      ['ENTERPRISE', 50_000_000n],
      ['INSTITUTION', 100_000_000n],
    ]);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).lumpSumFen).toBe(1_150_000_000n);
    expect(await db().applicationYearBudget.count({ where: { applicationId: id } })).toBe(5);

    // The team: a researcher of the host institution; attachments missing and the member unconfirmed block.
    await addPlatformMember(db(), office, {
      applicationId: id,
      email: DEMO.young,
      responsibility: '类脑感知方向骨干',
      monthsPerYear: 8,
    });
    expect(await errorCodes(id)).toEqual([
      'members.0:memberNotConfirmed',
      'attachments.proposal:attachmentMissing',
      'attachments.building_plan:attachmentMissing',
    ]);
    const blocked = await expectDomainError(
      submitPlatformApplication(db(), office, { id, idempotencyKey: randomUUID() }),
      'VALIDATION',
    );
    expect(Object.keys(blocked.fieldErrors ?? {})).toEqual([
      'members.0',
      'attachments.proposal',
      'attachments.building_plan',
    ]);
    const member = await db().applicationMember.findFirstOrThrow({ where: { applicationId: id } });
    await respondToInvitation(db(), young, { memberId: member.id, accept: true });
    await attachAll(id);
    expect(await errorCodes(id)).toEqual([]);

    // Submitted once: a double click sends the same key twice at once.
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submitPlatformApplication(db(), office, { id, idempotencyKey: key }),
      submitPlatformApplication(db(), office, { id, idempotencyKey: key }),
    ]);
    expect([a.versionNo, b.versionNo]).toEqual([1, 1]);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    await expectDomainError(submitPlatformApplication(db(), office, { id, idempotencyKey: randomUUID() }), 'CONFLICT');
    const submitted = await db().application.findUniqueOrThrow({
      where: { id },
      include: { versions: true, reviews: true },
    });
    expect(submitted.status).toBe('INSTITUTION_APPROVED');
    expect(submitted.code).toMatch(/^JY2026-LAB-B-\d{4}$/);
    expect(submitted.versions).toHaveLength(1);
    expect(submitted.reviews.map((r) => [r.outcome, r.versionNo, r.decidedById])).toEqual([
      ['RECOMMEND', 1, office.userId],
    ]);
    const snapshot = submitted.versions[0]!.snapshot as Record<string, never> & {
      platform: { directions: unknown[]; partners: { institution: string; role: string }[]; yearBudget: unknown[] };
      members: { name: string }[];
      applicant: { name: string };
    };
    expect(snapshot.applicant.name).toBe('王建国');
    expect(snapshot.members.map((m) => m.name)).toEqual(['李晓']);
    expect(snapshot.platform.directions).toHaveLength(1);
    expect(snapshot.platform.partners).toEqual([
      expect.objectContaining({ institution: '北京航空航天大学', role: 'CO_BUILDER' }),
    ]);
    expect(snapshot.platform.yearBudget).toContainEqual({ year: 2028, source: 'ENTERPRISE', amountFen: '50000000' });
    expect(await auditActions(id)).toEqual([
      'application.create',
      'application.save_platform',
      'application.invite_member',
      'application.member_confirm',
      'application.attach',
      'application.attach',
      'application.submit_platform',
    ]);
    // The transition and its audit event are one transaction: the event names what happened.
    const event = await db().auditEvent.findFirstOrThrow({
      where: { entityId: id, action: 'application.submit_platform' },
    });
    expect(event.summary).toMatchObject({ from: 'DRAFT', to: 'INSTITUTION_APPROVED', versionNo: 1 });

    // After submission the draft is closed to the office.
    await expectDomainError(save(office, id), 'CONFLICT');
    expect((await listPlatformApplications(db(), office)).find((r) => r.id === id)?.status).toBe(
      'INSTITUTION_APPROVED',
    );

    // The director reads it, and nothing more: not their draft to edit, submit or withdraw.
    const mine = await listOwnApplications(db(), researcher);
    expect(mine.find((r) => r.id === id)).toMatchObject({ kind: 'PLATFORM', status: 'INSTITUTION_APPROVED' });
    const read = await getApplicationForReader(db(), researcher, id);
    expect(read.snapshot?.platform?.partners).toHaveLength(1);
    await expectDomainError(getOwnApplication(db(), researcher, id), 'NOT_FOUND');
    await expectDomainError(withdrawApplication(db(), researcher, { id, reason: '不申报了' }), 'NOT_FOUND');
    await expectDomainError(
      saveDraft(db(), researcher, {
        id,
        version: submitted.version,
        title: 'x',
        titleEn: '',
        disciplineCode: null,
        keywords: [],
        abstract: '',
        abstractEn: '',
        content: { researchContent: '', innovation: '', plan: '', outcomes: '' },
        durationMonths: null,
        budgetMode: 'LUMP_SUM',
        lumpSumWan: null,
        lumpSumPlan: '',
        budgetLines: [],
        funding: { fiscalWan: null, enterpriseWan: null, institutionWan: null },
        workIds: [],
      }),
      'NOT_FOUND',
    );

    // The commission's formal check passes it as any recommended application.
    await formalCheck(db(), staff, { id, outcome: 'PASS', reasonCodes: [], comment: null });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).status).toBe('FORMAL_CHECK_PASSED');

    // 回避: the staff of a partner institution are conflicted (the demo expert works at 北京航空航天大学).
    await detectConflictsForCall(db(), staff, { callId: call.id });
    const conflict = await db().detectedConflict.findFirstOrThrow({
      where: { applicationId: id, expertUserId: expertAsResearcher.userId },
    });
    expect(conflict.reason).toBe('SAME_INSTITUTION');
    expect((conflict.detail as { matches: { party: string }[] }).matches[0]!.party).toBe('PARTNER');

    // Review and the panel (issue 5–6's work, written straight to the tables): a decision waits for the panel …
    await db().application.update({ where: { id }, data: { status: 'UNDER_REVIEW' } });
    const decision = (awardedWan: string) =>
      ZDraftDecision.parse({
        applicationId: id,
        version: 0,
        outcome: 'FUND',
        route: 'RANKING',
        awardedWan,
        conditions: '',
        reasons: REASONS,
      });
    await expectDomainError(draftDecision(db(), staff, decision('800')), 'CONFLICT');
    // … then is drafted within the fiscal request (the FISCAL total of the year budget, 1000 万元).
    await db().application.update({ where: { id }, data: { status: 'PANEL' } });
    const tooMuch = await expectDomainError(draftDecision(db(), staff, decision('1000.01')), 'VALIDATION');
    expect(tooMuch.fieldErrors).toEqual({ awardedWan: 'awardAboveRequest' });
    const { id: decisionId } = await draftDecision(db(), staff, decision('800'));
    expect(await db().decision.findUniqueOrThrow({ where: { id: decisionId } })).toMatchObject({
      status: 'DRAFT',
      awardedFiscalFen: 800_000_000n,
    });
  });
});

describe('what submission refuses', () => {
  it('is closed to the second of the deadline, and writes nothing', async () => {
    const call = await platformCall('LAB-B');
    const id = await readyApplication(call.id, 'zhou.min@demo.jingyan.cn');
    const before = await auditActions(id);
    await expectDomainError(
      submitPlatformApplication(db(), office, { id, idempotencyKey: randomUUID() }, call.closesAt),
      'DEADLINE_PASSED',
    );
    expect(await auditActions(id)).toEqual(before);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    const justBefore = new Date(call.closesAt.getTime() - 1);
    expect(
      (await submitPlatformApplication(db(), office, { id, idempotencyKey: randomUUID() }, justBefore)).versionNo,
    ).toBe(1);
  });

  it('prints as a platform application: plan, directions, partners and the budget by year and source', async () => {
    const call = await platformCall('LAB-B');
    const id = await readyApplication(call.id, 'zhao.lei@demo.jingyan.cn');
    await submitPlatformApplication(db(), office, { id, idempotencyKey: randomUUID() });
    const { bytes } = await applicationPdf(db(), office, id, { locale: 'zh-CN' });
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, '');
    for (const expected of ['建设目标与方案', '开放共享方案', '类脑感知芯片', '北京航空航天大学', '共建单位', '2028']) {
      expect(text, expected).toContain(expected);
    }
    // 400 + 400 + 200 万元 fiscal over three years, and the totals row.
    expect(text).toContain('合计');
    expect(text).toContain('¥10,000,000.00');
    // The project layout's raw content sections are not printed for a platform.
    expect(text).not.toContain('notGiven');
  });

  it('keeps the institution within its quota for the call; a withdrawal frees the place', async () => {
    const call = await platformCall('LAB-B', 1);
    const first = await readyApplication(call.id, 'sun.peng@demo.jingyan.cn');
    const second = await readyApplication(call.id, 'zheng.hua@demo.jingyan.cn');
    await submitPlatformApplication(db(), office, { id: first, idempotencyKey: randomUUID() });
    const full = await expectDomainError(
      submitPlatformApplication(db(), office, { id: second, idempotencyKey: randomUUID() }),
      'CONFLICT',
    );
    expect(full.messageKey).toBe('platformQuotaFull');
    expect(full.params).toEqual({ quota: 1 });
    expect((await db().application.findUniqueOrThrow({ where: { id: second } })).status).toBe('DRAFT');

    await withdrawPlatformApplication(db(), office, { id: first, reason: '与兄弟单位合并申报。' });
    expect(await auditActions(first)).toContain('application.withdraw');
    await expectDomainError(withdrawPlatformApplication(db(), office, { id: first, reason: '再撤一次' }), 'CONFLICT');
    expect(
      (await submitPlatformApplication(db(), office, { id: second, idempotencyKey: randomUUID() })).versionNo,
    ).toBe(1);
  });

  it('refuses a stale form and a call that is not for platforms', async () => {
    const call = await platformCall('LAB-B');
    const { id } = await startPlatformApplication(db(), office, {
      callId: call.id,
      directorEmail: 'wu.tao@demo.jingyan.cn',
    });
    const { version } = await db().application.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await savePlatformDraft(
      db(),
      office,
      ZPlatformDraft.parse(draftInput(id, version, { directorEmail: 'wu.tao@demo.jingyan.cn' })),
    );
    await expectDomainError(
      savePlatformDraft(db(), office, ZPlatformDraft.parse(draftInput(id, version, { title: '旧页面' }))),
      'STALE',
    );
    expect((await db().application.findUniqueOrThrow({ where: { id } })).title).not.toBe('旧页面');
    const general = await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' } });
    const wrong = await expectDomainError(
      startPlatformApplication(db(), office, { callId: general.id, directorEmail: DEMO.researcher }),
      'CONFLICT',
    );
    expect(wrong.messageKey).toBe('notPlatformProgram');
  });
});

describe('the director, partners and team', () => {
  it('names a registered researcher of the institution as director', async () => {
    const call = await platformCall('LAB-B');
    const elsewhere = await expectDomainError(
      startPlatformApplication(db(), office, { callId: call.id, directorEmail: DEMO.expert }),
      'VALIDATION',
    );
    expect(elsewhere.fieldErrors).toEqual({ directorEmail: 'directorNotAtInstitution' });
    const nobody = await expectDomainError(
      startPlatformApplication(db(), office, { callId: call.id, directorEmail: 'nobody@demo.jingyan.cn' }),
      'VALIDATION',
    );
    expect(nobody.fieldErrors).toEqual({ directorEmail: 'directorNotResearcher' });
  });

  it('requires a strategic scientist (正高级) to lead a 北京研究中心', async () => {
    const call = await platformCall('BRC');
    const id = await readyApplication(call.id, DEMO.young);
    expect(await errorCodes(id)).toEqual(['directorEmail:directorNotStrategicScientist']);
    await save(office, id, { directorEmail: DEMO.researcher });
    expect(await errorCodes(id)).toEqual([]);
  });

  it('requires an enterprise partner of a 三城一区 platform, and team members from the host or a partner', async () => {
    const call = await platformCall('TCP');
    const id = await readyApplication(call.id, 'wu.tao@demo.jingyan.cn');
    await save(office, id, { directorEmail: 'wu.tao@demo.jingyan.cn', partners: [] });
    await addPlatformMember(db(), office, {
      applicationId: id,
      email: DEMO.expert,
      responsibility: '测试平台建设',
      monthsPerYear: 4,
    });
    const member = await db().applicationMember.findFirstOrThrow({ where: { applicationId: id } });
    await respondToInvitation(db(), expertAsResearcher, { memberId: member.id, accept: true });
    expect(await errorCodes(id)).toEqual([
      'partners:enterprisePartnerRequired',
      'members.0:memberInstitutionNotPartner',
    ]);
    await save(office, id, {
      directorEmail: 'wu.tao@demo.jingyan.cn',
      partners: [
        { institutionId: enterprise, role: 'ENTERPRISE_PARTNER', contribution: '投入研发经费与应用场景。' },
        { institutionId: buaa, role: 'CO_BUILDER', contribution: '' },
      ],
    });
    expect(await errorCodes(id)).toEqual([]);
    // The director is not a member; a member twice is refused; a removed member is gone.
    const twice = await expectDomainError(
      addPlatformMember(db(), office, { applicationId: id, email: DEMO.expert, responsibility: 'x', monthsPerYear: 1 }),
      'VALIDATION',
    );
    expect(twice.fieldErrors).toEqual({ email: 'memberAlreadyInvited' });
    const director = await expectDomainError(
      addPlatformMember(db(), office, {
        applicationId: id,
        email: 'wu.tao@demo.jingyan.cn',
        responsibility: 'x',
        monthsPerYear: 1,
      }),
      'VALIDATION',
    );
    expect(director.fieldErrors).toEqual({ email: 'memberIsDirector' });
    await removePlatformMember(db(), office, { applicationId: id, memberId: member.id });
    expect(await db().applicationMember.count({ where: { applicationId: id } })).toBe(0);
    // A partner twice is refused on its field.
    const dupe = await expectDomainError(
      save(office, id, {
        directorEmail: 'wu.tao@demo.jingyan.cn',
        partners: [
          { institutionId: enterprise, role: 'ENTERPRISE_PARTNER', contribution: '' },
          { institutionId: enterprise, role: 'CO_FUNDER', contribution: '' },
        ],
      }),
      'VALIDATION',
    );
    expect(dupe.fieldErrors).toEqual({ 'partners.1.institutionId': 'partnerDuplicate' });
  });
});

describe('another institution', () => {
  it('finds nothing of this office: NOT_FOUND for every read and write', async () => {
    const call = await platformCall('LAB-B');
    const { id } = await startPlatformApplication(db(), office, {
      callId: call.id,
      directorEmail: 'chen.jing@demo.jingyan.cn',
    });
    const cnu = await institutionId('首都师范大学');
    const email = 'office.cnu@test.jingyan.cn';
    await db().user.create({
      data: {
        email,
        name: '刘洋',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles: { create: [{ role: 'INSTITUTION_OFFICE', institutionId: cnu }] },
      },
    });
    const other = await actorFor(email, 'INSTITUTION_OFFICE');
    await expectDomainError(getPlatformApplication(db(), other, id), 'NOT_FOUND');
    await expectDomainError(save(other, id, { directorEmail: 'chen.jing@demo.jingyan.cn' }), 'NOT_FOUND');
    await expectDomainError(
      addPlatformMember(db(), other, { applicationId: id, email: DEMO.young, responsibility: 'x', monthsPerYear: 1 }),
      'NOT_FOUND',
    );
    await expectDomainError(submitPlatformApplication(db(), other, { id, idempotencyKey: randomUUID() }), 'NOT_FOUND');
    await expectDomainError(withdrawPlatformApplication(db(), other, { id, reason: '不申报' }), 'NOT_FOUND');
    expect((await listPlatformApplications(db(), other)).map((a) => a.id)).not.toContain(id);
    expect(await auditActions(id)).toEqual(['application.create']);
  });
});

describe('the demo call (prisma/seed-platform-call.ts)', () => {
  it('opens a 北京实验室（基础研究类） call the demo office can apply to, once', async () => {
    // While the program's seeded call accepts applications, nothing is added.
    expect(await seedPlatformCall(db())).toEqual({ created: false });
    const later = new Date(Date.now() + 200 * 24 * HOUR);
    expect(await seedPlatformCall(db(), later)).toEqual({ created: true });
    expect(await seedPlatformCall(db(), later)).toEqual({ created: false });
    const calls = await listPlatformCalls(db(), office, later);
    const demo = calls.find((c) => c.program.kind === 'LAB_BASIC');
    expect(demo).toMatchObject({ eligible: true, quota: { quota: 2, used: 0 } });
    expect(demo!.closesAt.getTime()).toBeGreaterThan(later.getTime() + 90 * 24 * HOUR);
    expect(await auditActions(demo!.id)).toEqual(['call.create', 'call.set_quotas', 'call.publish']);
  });
});
