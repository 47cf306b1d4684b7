import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZApplicationDraft } from '@/lib/validation/applications';
import { msg } from '@/lib/validation/messages';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  attachFile,
  getOwnApplication,
  inviteMember,
  respondToInvitation,
  saveDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/server/applications/applicant';
import {
  formalCheck,
  getApplicationForReader,
  listForFormalCheck,
  listOfficeApplications,
  recommendApplications,
  returnApplication,
} from '@/server/applications/review-side';
import { addCreditRecord } from '@/server/credit/credit-records';
import { readFile, uploadFile } from '@/server/files/files';
import { createWork, deleteWork } from '@/server/researchers/talent-record';
import { actorFor, auditActions, DEMO, expectDomainError, institutionId, seed } from './helpers';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures', name));

let young: Actor;
let researcher: Actor;
let office: Actor;
let staff: Actor;
let expert: Actor;
let generalCallId: string;

beforeAll(async () => {
  await seed();
  [young, researcher, office, staff, expert] = await Promise.all([
    actorFor(DEMO.young),
    actorFor(DEMO.researcher),
    actorFor(DEMO.office),
    actorFor(DEMO.staff),
    actorFor(DEMO.expert, 'RESEARCHER'),
  ]);
  generalCallId = (await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' } })).id;
  await db().formalCheckReason.createMany({
    data: [
      { code: 'MISSING_SEAL', label: '缺少单位盖章', labelEn: 'Institution seal missing', ordinal: 1 },
      { code: 'OUT_OF_SCOPE', label: '不属于本计划资助范围', labelEn: 'Outside the program', ordinal: 2 },
    ],
    skipDuplicates: true,
  });
});

const longText = (n: number) => '本研究围绕基础科学问题展开系统研究。'.repeat(Math.ceil(n / 18)).slice(0, n);

async function completeDraft(actor: Actor, id: string, overrides: Record<string, unknown> = {}) {
  const { app } = await getOwnApplication(db(), actor, id);
  return saveDraft(
    db(),
    actor,
    ZApplicationDraft.parse({
      id,
      version: app.version,
      title: '二维量子材料中的拓扑激发研究',
      titleEn: 'Topological excitations in 2D quantum materials',
      disciplineCode: '140',
      keywords: '拓扑, 量子材料, 激发',
      abstract: longText(120),
      abstractEn: '',
      content: {
        researchContent: longText(220),
        innovation: longText(120),
        plan: longText(120),
        outcomes: longText(60),
      },
      durationMonths: 24,
      budgetMode: 'LUMP_SUM',
      lumpSumWan: '20',
      lumpSumPlan: longText(60),
      budgetLines: [],
      funding: { fiscalWan: '20', enterpriseWan: '', institutionWan: '' },
      workIds: [],
      ...overrides,
    }),
  );
}

describe('a general-project application from draft to formal check', () => {
  it('is started, completed, blocked until complete, submitted once, returned, resubmitted, recommended and checked', async () => {
    const { id } = await startApplication(db(), young, { callId: generalCallId });
    // Starting again returns the same draft, not a second one.
    expect((await startApplication(db(), young, { callId: generalCallId })).id).toBe(id);

    await completeDraft(young, id);
    let { check } = await getOwnApplication(db(), young, id);
    expect(check.youthTrack).toBe(true);
    expect(check.age).toBe(33);
    expect(check.errors.map((e) => e.code)).toEqual(['attachmentMissing']);
    expect(check.warnings.map((w) => w.code)).toContain('noWorks');

    // Submitting now is refused, naming what is missing.
    const blocked = await expectDomainError(
      submitApplication(db(), young, { id, idempotencyKey: randomUUID() }),
      'VALIDATION',
    );
    expect(blocked.fieldErrors).toEqual({
      'attachments.proposal': msg('attachmentMissing', {
        label: '申报书（盖章版）',
        labelEn: 'Signed and sealed application',
      }),
    });

    // A file that only pretends to be a PDF is refused by its content; a real one is stored on disk.
    await expectDomainError(
      uploadFile(db(), young, { name: 'fake.pdf', bytes: fixture('not-a-pdf.pdf'), purpose: 'APPLICATION_ATTACHMENT' }),
      'VALIDATION',
    );
    await expectDomainError(
      uploadFile(db(), young, { name: 'cut.pdf', bytes: fixture('truncated.pdf'), purpose: 'APPLICATION_ATTACHMENT' }),
      'VALIDATION',
    );
    // An encrypted PDF cannot be checked, nor stripped of its metadata for blind review.
    const encrypted = await expectDomainError(
      uploadFile(db(), young, {
        name: 'locked.pdf',
        bytes: fixture('encrypted.pdf'),
        purpose: 'APPLICATION_ATTACHMENT',
      }),
      'VALIDATION',
    );
    expect(encrypted.fieldErrors).toEqual({ file: 'file_encrypted' });
    const file = await uploadFile(db(), young, {
      name: '申报书.pdf',
      bytes: fixture('sample.pdf'),
      purpose: 'APPLICATION_ATTACHMENT',
    });
    await attachFile(db(), young, { applicationId: id, slotKey: 'proposal', fileId: file.id });
    expect((await readFile(db(), young, file.id)).bytes.equals(fixture('sample.pdf'))).toBe(true);

    // A team member must confirm before submission.
    const work = await createWork(db(), young, {
      type: 'PAPER',
      title: 'Observation of fractional excitations',
      authors: 'Li X, Wang J',
      venue: 'Physical Review B',
      year: 2025,
      identifier: '10.1103/example',
      citation: 'Li X, Wang J. Phys. Rev. B 111, 000000 (2025)',
      contributionStatement: '第一作者，提出理论模型并完成全部数值计算与论文撰写。',
      evidenceFileId: null,
    });
    await completeDraft(young, id, { workIds: [work.id] });
    const member = await inviteMember(db(), young, {
      applicationId: id,
      email: DEMO.researcher,
      responsibility: '理论计算',
      monthsPerYear: 4,
    });
    ({ check } = await getOwnApplication(db(), young, id));
    expect(check.errors.map((e) => e.code)).toEqual(['memberNotConfirmed']);
    await respondToInvitation(db(), researcher, { memberId: member.id, accept: true });

    // A double click: two submissions with the same key make one version.
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submitApplication(db(), young, { id, idempotencyKey: key }),
      submitApplication(db(), young, { id, idempotencyKey: key }),
    ]);
    expect([a.versionNo, b.versionNo]).toEqual([1, 1]);
    expect(await db().applicationVersion.count({ where: { applicationId: id } })).toBe(1);
    // 申报编号: year, program code, running number within the program's year.
    const { code } = await db().application.findUniqueOrThrow({ where: { id }, select: { code: true } });
    expect(code).toMatch(/^JY\d{4}-GEN-\d{4}$/);
    await expectDomainError(submitApplication(db(), young, { id, idempotencyKey: randomUUID() }), 'CONFLICT');
    // Submitted applications cannot be edited.
    await expectDomainError(completeDraft(young, id), 'CONFLICT');

    const version = await db().applicationVersion.findFirstOrThrow({ where: { applicationId: id } });
    const snapshot = JSON.stringify(version.snapshot);
    expect(snapshot).toContain('二维量子材料');
    expect(snapshot).toContain('第一作者');
    expect(snapshot).not.toMatch(/idNumber|impact/i);

    // The office returns it with a comment; the applicant revises and resubmits a new version.
    await returnApplication(db(), office, { id, comment: '请补充研究基础。' });
    // A second-level discipline (GB/T 13745: 14020 声学) is taken; a five-digit code the standard lacks is not.
    const unknown = await expectDomainError(completeDraft(young, id, { disciplineCode: '14098' }), 'VALIDATION');
    expect(unknown.fieldErrors).toEqual({ disciplineCode: 'disciplineUnknown' });
    await completeDraft(young, id, { abstract: longText(150), workIds: [work.id], disciplineCode: '14020' });
    await submitApplication(db(), young, { id, idempotencyKey: randomUUID() });
    const reader = await getApplicationForReader(db(), office, id);
    expect(reader.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(reader.reviews[0]).toMatchObject({ outcome: 'RETURN', comment: '请补充研究基础。' });

    await recommendApplications(db(), office, { callId: generalCallId, ids: [id] });
    const listed = await listForFormalCheck(db(), staff, { callId: generalCallId, age: 'under35' });
    expect(listed.rows.map((r) => r.id)).toContain(id);
    await expectDomainError(
      formalCheck(db(), staff, { id, outcome: 'FAIL', reasonCodes: ['NOPE'], comment: null }),
      'VALIDATION',
    );
    await formalCheck(db(), staff, { id, outcome: 'PASS', reasonCodes: [], comment: null });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).status).toBe('FORMAL_CHECK_PASSED');
    expect(await auditActions(id)).toEqual([
      'application.create',
      'application.attach',
      'application.invite_member',
      'application.member_confirm',
      'application.submit',
      'application.return',
      'application.resubmit',
      'application.recommend',
      'application.formal_check_pass',
    ]);
  });
});

describe('rules enforced on the server', () => {
  it('bars an applicant under a credit sanction, and lets an Excellent Young applicant over 45 see why', async () => {
    await addCreditRecord(db(), staff, {
      email: DEMO.researcher,
      finding: '论文数据不实',
      decidedBy: '北京市教育委员会',
      startsOn: '2026-01-01',
      endsOn: '2030-01-01',
      barsApplications: true,
      barsReviewing: true,
    });
    const e = await expectDomainError(startApplication(db(), researcher, { callId: generalCallId }), 'CONFLICT');
    expect(e.messageKey).toBe('creditSanctioned');
    const eys = (await db().call.findFirstOrThrow({ where: { program: { code: 'EYS' }, status: 'OPEN' } })).id;
    const { id } = await startApplication(db(), expert, { callId: eys }); // 刘洋, born 1970
    const { check } = await getOwnApplication(db(), expert, id);
    expect(check.errors).toContainEqual(expect.objectContaining({ field: 'profile.birthDate', code: 'overAgeLimit' }));
  });

  it('enforces the quota and the youth share when recommending, on the whole batch', async () => {
    const call = await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' } });
    const bjut =
      young.institutionId ??
      (await db().researcherProfile.findUniqueOrThrow({ where: { userId: young.userId } })).institutionId;
    await db().institutionQuota.update({
      where: { callId_institutionId: { callId: call.id, institutionId: bjut } },
      data: { maxRecommended: 1 },
    });
    // Two submitted applications (made directly: the path to SUBMITTED is covered above).
    const make = async (youth: boolean) =>
      (
        await db().application.create({
          data: {
            callId: call.id,
            ruleVersionId: call.ruleVersionId!,
            applicantId: youth ? young.userId : researcher.userId,
            institutionId: bjut,
            budgetMode: 'LUMP_SUM',
            status: 'SUBMITTED',
            youthTrack: youth,
            currentVersionNo: 1,
          },
        })
      ).id;
    const older = await make(false);
    const younger = await make(true);
    const quota = await expectDomainError(
      recommendApplications(db(), office, { callId: call.id, ids: [older, younger] }),
      'CONFLICT',
    );
    expect(quota.messageKey).toBe('quotaExceeded');
    await db().institutionQuota.update({
      where: { callId_institutionId: { callId: call.id, institutionId: bjut } },
      data: { maxRecommended: 10 },
    });
    const share = await expectDomainError(
      recommendApplications(db(), office, { callId: call.id, ids: [older] }),
      'CONFLICT',
    );
    expect(share.messageKey).toBe('youthShareTooLow');
    expect(share.params).toMatchObject({ recommended: 2, youth: 1, share: '50.0', min: 80 });
    const { rows, quota: state } = await listOfficeApplications(db(), office, call.id);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([older, younger]));
    expect(state.recommended).toBe(1);
  });
});

describe('scoping', () => {
  it("hides a researcher's draft from everyone else (404), and another institution's applications from an office", async () => {
    const { id } = await startApplication(db(), expert, {
      callId: (await db().call.findFirstOrThrow({ where: { program: { code: 'KEY' } } })).id,
      challengeId: (await db().challenge.findFirstOrThrow({ where: { status: 'PUBLISHED' } })).id,
    });
    await expectDomainError(getOwnApplication(db(), young, id), 'NOT_FOUND');
    await expectDomainError(getApplicationForReader(db(), young, id), 'NOT_FOUND');
    await expectDomainError(getApplicationForReader(db(), office, id), 'NOT_FOUND'); // a draft, and of 北航
    await expectDomainError(withdrawApplication(db(), young, { id, reason: '不是我的' }), 'NOT_FOUND');
    await db().application.update({ where: { id }, data: { status: 'SUBMITTED', currentVersionNo: 1 } });
    await expectDomainError(getApplicationForReader(db(), office, id), 'NOT_FOUND'); // submitted, but 北航's
    await expectDomainError(returnApplication(db(), office, { id, comment: '越权退回' }), 'NOT_FOUND');
    await expectDomainError(
      recommendApplications(db(), office, {
        callId: (await db().application.findUniqueOrThrow({ where: { id } })).callId,
        ids: [id],
      }),
      'NOT_FOUND',
    );
  });

  it('keeps files and talent records to those with a reason to see them', async () => {
    const file = await uploadFile(db(), young, {
      name: '证明.pdf',
      bytes: fixture('sample.pdf'),
      purpose: 'WORK_EVIDENCE',
    });
    // Unattached: only the uploader reads it.
    expect((await readFile(db(), young, file.id)).filename).toBe('证明.pdf');
    await expectDomainError(readFile(db(), researcher, file.id), 'NOT_FOUND');
    await expectDomainError(readFile(db(), staff, file.id), 'NOT_FOUND');
    await expectDomainError(readFile(db(), young, 'not-a-uuid'), 'NOT_FOUND');
    // As evidence of a work: the researcher's own office and commission staff; another institution's office never.
    const work = await createWork(db(), young, {
      type: 'PATENT',
      title: '一种二维材料的制备方法',
      authors: '李晓',
      venue: '',
      year: 2024,
      identifier: 'ZL202410000000.0',
      citation: '',
      contributionStatement: '第一发明人，提出制备方案并完成全部验证实验。',
      evidenceFileId: file.id,
    });
    expect((await readFile(db(), office, file.id)).filename).toBe('证明.pdf');
    expect((await readFile(db(), staff, file.id)).filename).toBe('证明.pdf');
    await expectDomainError(readFile(db(), researcher, file.id), 'NOT_FOUND');
    const buaaOffice = { ...office, institutionId: await institutionId('北京航空航天大学') };
    await expectDomainError(readFile(db(), buaaOffice, file.id), 'NOT_FOUND');
    // Someone else's work cannot be changed or deleted, nor used in one's application.
    await expectDomainError(deleteWork(db(), expert, { id: work.id }), 'NOT_FOUND');
    const eys = await db().call.findFirstOrThrow({ where: { program: { code: 'EYS' }, status: 'OPEN' } });
    const { id } = await startApplication(db(), expert, { callId: eys.id });
    const e = await expectDomainError(completeDraft(expert, id, { workIds: [work.id] }), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ workIds: 'workUnknown' });
  });
});

describe('one draft edited in two sessions at once', () => {
  it('the second save on the old version is refused as stale and overwrites nothing; on the new version it saves', async () => {
    const eys = await db().call.findFirstOrThrow({ where: { program: { code: 'EYS' }, status: 'OPEN' } });
    const { id } = await startApplication(db(), expert, { callId: eys.id });
    // Two sessions of the same person (two browsers), both holding version v of the draft.
    const [tabA, tabB] = [await actorFor(DEMO.expert, 'RESEARCHER'), await actorFor(DEMO.expert, 'RESEARCHER')];
    expect(tabA.sessionId).not.toBe(tabB.sessionId);
    const { app: loaded } = await getOwnApplication(db(), tabB, id);
    await completeDraft(tabA, id, { title: '甲窗口保存的题目' });
    const afterA = await db().application.findUniqueOrThrow({ where: { id } });

    const stale = ZApplicationDraft.parse({
      id,
      version: loaded.version,
      budgetMode: 'LUMP_SUM',
      title: '乙窗口基于旧版本的题目',
      content: {},
      funding: {},
      budgetLines: [],
      workIds: [],
    });
    await expectDomainError(saveDraft(db(), tabB, stale), 'STALE');
    const unchanged = await db().application.findUniqueOrThrow({ where: { id } });
    expect([unchanged.title, unchanged.version, unchanged.updatedAt]).toEqual([
      '甲窗口保存的题目',
      afterA.version,
      afterA.updatedAt,
    ]);
    // Resolved: tab B reloads (the new version) and saves what it chooses to keep.
    await saveDraft(db(), tabB, { ...stale, version: afterA.version });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).title).toBe('乙窗口基于旧版本的题目');
  });
});

describe('a submission after the deadline', () => {
  it('is refused saying the call is past its deadline, and nothing is stored', async () => {
    const eys = await db().call.findFirstOrThrow({ where: { program: { code: 'EYS' }, status: 'OPEN' } });
    const { id } = await startApplication(db(), expert, { callId: eys.id });
    const events = await db().auditEvent.count({ where: { entityId: id } });
    await db().call.update({ where: { id: eys.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    try {
      const e = await expectDomainError(
        submitApplication(db(), expert, { id, idempotencyKey: randomUUID() }),
        'DEADLINE_PASSED',
      );
      expect(e.messageKey).toBe('callNotAccepting');
      expect(e.fieldErrors).toMatchObject({ call: 'callNotAccepting' });
    } finally {
      await db().call.update({ where: { id: eys.id }, data: { closesAt: eys.closesAt } });
    }
    const app = await db().application.findUniqueOrThrow({ where: { id } });
    expect([app.status, app.currentVersionNo]).toEqual(['DRAFT', 0]);
    expect(await db().auditEvent.count({ where: { entityId: id } })).toBe(events);
  });
});
