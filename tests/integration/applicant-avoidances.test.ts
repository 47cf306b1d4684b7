import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZApplicationDraft, ZSaveAvoidances } from '@/lib/validation/applications';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  attachFile,
  getOwnApplication,
  inviteMember,
  listOwnAvoidances,
  respondToInvitation,
  saveAvoidances,
  saveDraft,
  startApplication,
  submitApplication,
} from '@/server/applications/applicant';
import {
  formalCheck,
  getApplicationForReader,
  listAvoidancesForStaff,
  recommendApplications,
} from '@/server/applications/review-side';
import { uploadFile } from '@/server/files/files';
import { detectConflictsForCall } from '@/server/review/detect-conflicts';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 申请人要求回避的专家: the PI keeps a list of at most three, each with a reason, matched to the expert pool where the
// name is certain; only the PI and commission staff read it, it stays out of the submitted snapshot, and conflict
// detection turns it into APPLICANT_AVOIDANCE conflicts.

let young: Actor;
let researcher: Actor;
let office: Actor;
let staff: Actor;
let expert: Actor;
let callId = '';
let applicationId = '';
let liuId = '';
let annaId = '';

const REASON = '该专家与申请人团队在同一方向上直接竞争，近两年多次公开质疑本团队的实验结果。';
const LIST = [
  { name: '刘洋', institutionName: '北京航空航天大学', reason: REASON },
  { name: 'anna schmidt', institutionName: '', reason: '曾与申请人合作撰写综述，存在合作关系。' },
  { name: '王小明', institutionName: '某研究所', reason: '与申请人存在经济利益往来。' },
];
const save = (actor: Actor, avoidances: unknown[], id = applicationId) =>
  saveAvoidances(db(), actor, ZSaveAvoidances.parse({ applicationId: id, avoidances }));
const rows = () =>
  db().applicantAvoidance.findMany({
    where: { applicationId },
    orderBy: { ordinal: 'asc' },
    select: { ordinal: true, name: true, institutionName: true, reason: true, expertUserId: true },
  });

beforeAll(async () => {
  await seed();
  [young, researcher, office, staff, expert] = await Promise.all([
    actorFor(DEMO.young),
    actorFor(DEMO.researcher),
    actorFor(DEMO.office),
    actorFor(DEMO.staff),
    actorFor(DEMO.expert, 'EXPERT'),
  ]);
  callId = (await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' }, status: 'OPEN' } })).id;
  applicationId = (await startApplication(db(), young, { callId })).id;
  liuId = (await db().user.findUniqueOrThrow({ where: { email: DEMO.expert } })).id;
  annaId = (await db().user.findUniqueOrThrow({ where: { email: DEMO.intlExpert } })).id;
});

describe('the applicant’s avoidance requests', () => {
  it('are saved as a list of up to three, matched to the pool where the name is certain, and audited', async () => {
    const before = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(await save(young, LIST)).toEqual({ count: 3 });
    expect(await rows()).toEqual([
      // Same characters, and the institution named is the expert's.
      { ordinal: 1, ...LIST[0], expertUserId: liuId },
      // Same spelling, whatever the case.
      { ordinal: 2, ...LIST[1], expertUserId: annaId },
      // Nobody of that name in the pool: kept as typed, compared by name when conflicts are detected.
      { ordinal: 3, ...LIST[2], expertUserId: null },
    ]);
    // The PI reads back what was typed, never whether or whom it matched.
    const own = await listOwnAvoidances(db(), young, applicationId);
    expect(own).toEqual(LIST.map((a, i) => ({ ordinal: i + 1, ...a })));
    expect(JSON.stringify(own)).not.toContain(liuId);
    expect(await auditActions(applicationId)).toContain('application.save_avoidances');
    // Saving the list does not touch the draft's version: the editor's autosave goes on without a STALE.
    const after = await db().application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(after.version).toBe(before.version);

    // The list is replaced as a whole.
    expect(await save(young, [LIST[2]!])).toEqual({ count: 1 });
    expect((await rows()).map((r) => r.name)).toEqual(['王小明']);
    expect(await save(young, [])).toEqual({ count: 0 });
    expect(await rows()).toEqual([]);
  });

  it('refuse a fourth entry, a missing reason, an entry naming nobody and a duplicate, naming the field', async () => {
    await save(young, LIST);
    // The form's schema stops a fourth row; the server's rule stops it even when the schema is bypassed.
    expect(ZSaveAvoidances.safeParse({ applicationId, avoidances: [...LIST, LIST[2]] }).success).toBe(false);
    const tooMany = await expectDomainError(
      saveAvoidances(db(), young, { applicationId, avoidances: [...LIST, { ...LIST[2]!, name: '赵六' }] }),
      'VALIDATION',
    );
    expect(tooMany.fieldErrors).toEqual({ avoidances: 'tooManyAvoidances?max=3' });

    const noReason = await expectDomainError(
      saveAvoidances(db(), young, { applicationId, avoidances: [{ ...LIST[0]!, reason: '' }] }),
      'VALIDATION',
    );
    expect(noReason.fieldErrors).toEqual({ 'avoidances.0.reason': 'avoidanceReasonRequired' });
    expect(
      ZSaveAvoidances.safeParse({ applicationId, avoidances: [{ ...LIST[0], reason: ' ' }] }).error?.issues[0],
    ).toMatchObject({ path: ['avoidances', 0, 'reason'], message: 'avoidanceReasonRequired' });

    const nobody = await expectDomainError(
      save(young, [{ name: ' ', institutionName: '', reason: REASON }]),
      'VALIDATION',
    );
    expect(nobody.fieldErrors).toEqual({ 'avoidances.0.name': 'avoidanceNameRequired' });

    // 刘洋 and Liu Yang at the same institution are one person named twice.
    const twice = await expectDomainError(
      save(young, [LIST[0], { ...LIST[0], name: 'Liu Yang', reason: '同上' }]),
      'VALIDATION',
    );
    expect(twice.fieldErrors).toEqual({ 'avoidances.1': 'duplicateAvoidance?ordinal=1' });

    // Nothing refused was written.
    expect((await rows()).map((r) => r.name)).toEqual(LIST.map((a) => a.name));
  });

  it('are neither readable nor writable by another researcher, a team member, the office or an expert', async () => {
    await expectDomainError(listOwnAvoidances(db(), researcher, applicationId), 'NOT_FOUND');
    await expectDomainError(save(researcher, [LIST[0]]), 'NOT_FOUND');
    // A confirmed team member reads the application, not the PI's list.
    const member = await inviteMember(db(), young, {
      applicationId,
      email: DEMO.researcher,
      responsibility: '理论计算',
      monthsPerYear: 4,
    });
    await respondToInvitation(db(), researcher, { memberId: member.id, accept: true });
    await expectDomainError(listOwnAvoidances(db(), researcher, applicationId), 'NOT_FOUND');
    await expectDomainError(listOwnAvoidances(db(), office, applicationId), 'FORBIDDEN');
    await expectDomainError(listAvoidancesForStaff(db(), office, applicationId), 'FORBIDDEN');
    await expectDomainError(listOwnAvoidances(db(), expert, applicationId), 'FORBIDDEN');
    await expectDomainError(listAvoidancesForStaff(db(), expert, applicationId), 'FORBIDDEN');
    // Staff see an application, and its list, once its institution has recommended it.
    await expectDomainError(listAvoidancesForStaff(db(), staff, applicationId), 'NOT_FOUND');
    expect((await rows()).length).toBe(3);
  });

  it('stay out of the submitted snapshot, reach staff, and become APPLICANT_AVOIDANCE conflicts', async () => {
    await completeAndAttach();
    await submitApplication(db(), young, { id: applicationId, idempotencyKey: randomUUID() });
    const version = await db().applicationVersion.findFirstOrThrow({ where: { applicationId } });
    const snapshot = JSON.stringify(version.snapshot);
    expect(snapshot).toContain('二维量子材料');
    for (const a of LIST) {
      expect(snapshot).not.toContain(a.reason);
      expect(snapshot).not.toContain(a.name);
    }
    expect(snapshot).not.toMatch(/avoid/i);
    // The office reads the submission without the list.
    expect(JSON.stringify(await getApplicationForReader(db(), office, applicationId))).not.toContain(REASON);
    // Submitted: the list is fixed with it.
    await expectDomainError(save(young, []), 'CONFLICT');

    await recommendApplications(db(), office, { callId, ids: [applicationId] });
    await formalCheck(db(), staff, { id: applicationId, outcome: 'PASS', reasonCodes: [], comment: null });
    const forStaff = await listAvoidancesForStaff(db(), staff, applicationId);
    expect(forStaff.map((a) => [a.name, a.expert?.name ?? null])).toEqual([
      ['刘洋', '刘洋'],
      ['anna schmidt', 'Anna Schmidt'],
      ['王小明', null],
    ]);
    expect(forStaff[0]!.reason).toBe(REASON);

    await detectConflictsForCall(db(), staff, { callId });
    const found = await db().detectedConflict.findMany({
      where: { applicationId, reason: 'APPLICANT_AVOIDANCE' },
      select: { expertUserId: true, detail: true },
    });
    expect(found.map((c) => c.expertUserId).sort()).toEqual([liuId, annaId].sort());
    const liu = found.find((c) => c.expertUserId === liuId)!.detail as { matches: { via: string; reason: string }[] };
    // Matched by account, so staff cannot dismiss it as a namesake.
    expect(liu.matches).toEqual([expect.objectContaining({ via: 'USER_ID', reason: REASON })]);
  });
});

const longText = (n: number) => '本研究围绕基础科学问题展开系统研究。'.repeat(Math.ceil(n / 18)).slice(0, n);

/** A draft that passes the submission check (the team member above has confirmed). */
async function completeAndAttach() {
  const { app } = await getOwnApplication(db(), young, applicationId);
  await saveDraft(
    db(),
    young,
    ZApplicationDraft.parse({
      id: applicationId,
      version: app.version,
      title: '二维量子材料中的拓扑激发研究',
      disciplineCode: '140',
      keywords: '拓扑, 量子材料, 激发',
      abstract: longText(120),
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
    }),
  );
  const file = await uploadFile(db(), young, {
    name: '申报书.pdf',
    bytes: readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf')),
    purpose: 'APPLICATION_ATTACHMENT',
  });
  await attachFile(db(), young, { applicationId, slotKey: 'proposal', fileId: file.id });
  const { check } = await getOwnApplication(db(), young, applicationId);
  expect(check.errors).toEqual([]);
}
