import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { detectConflictsForCall } from '@/server/review/detect-conflicts';
import { seedDemo } from '../../prisma/seed';
import { actorFor, auditActions, DEMO, expectDomainError, institutionId } from './helpers';

// 回避 for a call, through the pure rule, stored with explanations; re-running adds only what is new and keeps staff
// dismissals.

let staff: Actor;
let app: { id: string; callId: string };
let intlId = '';
let expertId = '';

beforeAll(async () => {
  await seedDemo(db());
  staff = await actorFor(DEMO.staff);
  app = await db().application.findFirstOrThrow({
    where: { status: 'FORMAL_CHECK_PASSED' },
    select: { id: true, callId: true },
  });
  intlId = (await db().user.findUniqueOrThrow({ where: { email: DEMO.intlExpert } })).id;
  expertId = (await db().user.findUniqueOrThrow({ where: { email: DEMO.expert } })).id;
  // Anna Schmidt was a visiting professor at the applicant's institution until a year ago.
  const lastYear = new Date();
  lastYear.setUTCFullYear(lastYear.getUTCFullYear() - 1);
  await db().expertAffiliationHistory.create({
    data: {
      expertUserId: intlId,
      institutionId: await institutionId('北京工业大学'),
      institutionName: '北京工业大学',
      fromDate: new Date('2019-09-01T00:00:00Z'),
      toDate: new Date(`${lastYear.toISOString().slice(0, 10)}T00:00:00Z`),
    },
  });
  // The applicant asked that 刘洋 of 北京航空航天大学 not review her application.
  await db().applicantAvoidance.create({
    data: {
      applicationId: app.id,
      ordinal: 1,
      name: '刘洋',
      institutionName: '北京航空航天大学',
      reason: '该专家与申请人所在团队存在直接竞争关系。',
    },
  });
});

describe('conflict detection for a call', () => {
  it('finds a former institution and an applicant avoidance, explained, and audits the run', async () => {
    const first = await detectConflictsForCall(db(), staff, { callId: app.callId });
    expect(first.added).toBe(first.findings);
    const rows = await db().detectedConflict.findMany({
      where: { applicationId: app.id },
      select: { expertUserId: true, reason: true, detail: true },
    });
    const byExpert = (id: string) => rows.filter((r) => r.expertUserId === id).map((r) => r.reason);
    expect(byExpert(intlId)).toEqual(['FORMER_INSTITUTION']);
    expect(byExpert(expertId)).toEqual(['APPLICANT_AVOIDANCE']);
    expect(JSON.stringify(rows.find((r) => r.reason === 'FORMER_INSTITUTION')!.detail)).toContain('北京工业大学');
    expect(await auditActions(app.callId)).toContain('conflicts.detect');
  });

  it('adds nothing on a second run and keeps a dismissal', async () => {
    await db().detectedConflict.updateMany({
      where: { applicationId: app.id, expertUserId: expertId },
      data: { dismissedAt: new Date(), dismissedById: staff.userId, dismissedReason: '同名不同人，已核实。' },
    });
    const again = await detectConflictsForCall(db(), staff, { callId: app.callId });
    expect(again.added).toBe(0);
    const avoided = await db().detectedConflict.findFirstOrThrow({
      where: { applicationId: app.id, expertUserId: expertId },
    });
    expect(avoided.dismissedReason).toBe('同名不同人，已核实。');
  });

  it('answers NOT_FOUND for an unknown call and FORBIDDEN to anyone but staff', async () => {
    await expectDomainError(detectConflictsForCall(db(), staff, { callId: randomUUID() }), 'NOT_FOUND');
    const researcher = await actorFor(DEMO.researcher);
    await expectDomainError(detectConflictsForCall(db(), researcher, { callId: app.callId }), 'FORBIDDEN');
  });
});
