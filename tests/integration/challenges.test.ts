import { beforeAll, describe, expect, it } from 'vitest';
import { ZChallengeDraft } from '@/lib/validation/challenges';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  createChallenge,
  getChallengeForEdit,
  listChallengesForActor,
  transitionChallenge,
  updateChallenge,
} from '@/server/challenges/challenges';
import { getPublicChallenge, searchPublicChallenges } from '@/server/challenges/public-board';
import { createUser } from '@/server/users/create-user';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

let staff: Actor;
let enterprise: Actor;
let otherEnterprise: Actor;
let keyCallId: string;
let aiField: string;

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
  enterprise = await actorFor(DEMO.enterprise);
  // A second enterprise, to prove one issuer cannot reach another's challenges.
  const sysadmin = await actorFor(DEMO.sysadmin);
  const firm = await db().institution.create({
    data: { name: '另一家企业', kind: 'ENTERPRISE', affiliation: 'OTHER', creditCode: '91350100M000100Y43' },
  });
  await createUser(db(), sysadmin, {
    email: 'other.firm@demo.jingyan.cn',
    name: '别家企业',
    locale: 'zh-CN',
    initialPassword: 'Jingyan@2026',
    roles: [{ role: 'ENTERPRISE', institutionId: firm.id }],
  });
  otherEnterprise = await actorFor('other.firm@demo.jingyan.cn');
  keyCallId = (await db().call.findFirstOrThrow({ where: { program: { kind: 'KEY_CHALLENGE' }, status: 'OPEN' } })).id;
  aiField = (await db().challengeField.findFirstOrThrow({ where: { code: 'AI' } })).id;
});

const draft = (overrides: Record<string, unknown> = {}) =>
  ZChallengeDraft.parse({
    fieldId: aiField,
    title: '大模型推理能效极限问题',
    titleEn: 'Energy limits of large-model inference',
    problem: '面向国产加速器，研究推理能效的理论极限与可达方法。',
    problemEn: 'Theoretical limits of inference energy efficiency on domestic accelerators.',
    deliverables: [{ name: '原型系统', nameEn: 'Prototype' }],
    targets: [
      {
        name: '能效',
        nameEn: 'Efficiency',
        unit: 'TOPS/W',
        comparator: 'GTE',
        targetValue: '≥ 20',
        acceptanceMethod: '第三方测评',
        acceptanceMethodEn: 'Third-party test',
      },
    ],
    durationMonths: 36,
    fiscalWan: '800',
    selectionMode: 'HORSE_RACE',
    teamCount: 3,
    cutAfterMonths: 12,
    keepAfterCut: 1,
    chiefScientistRequirements: '正高级职称，全职在京高校工作。',
    pledgeWan: '400',
    ...overrides,
  });

describe('a challenge from draft to the public board', () => {
  it('is drafted by an enterprise, proposed, taken up, published by staff into the call, and found by visitors', async () => {
    const { id } = await createChallenge(db(), enterprise, draft());
    const row = await db().challenge.findUniqueOrThrow({ where: { id }, include: { pledges: true } });
    expect(row.issuerInstitutionId).toBe(enterprise.institutionId);
    expect(row.totalFundingFen).toBe(1_200_000_000n); // 800 + 400 万元
    expect(row.pledges).toMatchObject([{ source: 'ENTERPRISE', status: 'PLEDGED', amountFen: 400_000_000n }]);
    expect(await getPublicChallenge(db(), id)).toBeNull(); // drafts are not public

    await transitionChallenge(db(), enterprise, { id, version: 1, transition: 'propose', reason: null });
    await transitionChallenge(db(), staff, { id, version: 2, transition: 'take_up', reason: null });
    await transitionChallenge(db(), staff, { id, version: 3, transition: 'publish', reason: null, callId: keyCallId });

    const published = await getPublicChallenge(db(), id);
    expect(published?.funding).toEqual({
      fiscalFen: 800_000_000n,
      enterpriseFen: 400_000_000n,
      institutionFen: 0n,
      totalFen: 1_200_000_000n,
    });
    expect(await db().coFundingPledge.count({ where: { challengeId: id, status: 'CONFIRMED' } })).toBe(1);
    const found = await searchPublicChallenges(db(), { field: 'AI', q: '推理能效' });
    expect(found.rows.map((r) => r.id)).toContain(id);
    const english = await searchPublicChallenges(db(), { q: 'inference energy' });
    expect(english.rows.map((r) => r.id)).toContain(id);
    expect(await auditActions(id)).toEqual([
      'challenge.create',
      'challenge.propose',
      'challenge.take_up',
      'challenge.publish',
    ]);

    // Publishing twice is refused.
    await expectDomainError(
      transitionChallenge(db(), staff, { id, version: 4, transition: 'publish', reason: null, callId: keyCallId }),
      'CONFLICT',
    );
  });

  it('cannot be proposed without a measurable target; the draft is kept', async () => {
    const { id } = await createChallenge(db(), enterprise, draft({ targets: [], title: '没有指标的榜单' }));
    const e = await expectDomainError(
      transitionChallenge(db(), enterprise, { id, version: 1, transition: 'propose', reason: null }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ targets: 'challengeNeedsTarget' });
    expect((await db().challenge.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
  });

  it('returned by staff with a reason goes back to the issuer to edit', async () => {
    const { id } = await createChallenge(db(), enterprise, draft({ title: '待退回的榜单' }));
    await transitionChallenge(db(), enterprise, { id, version: 1, transition: 'propose', reason: null });
    const noReason = await expectDomainError(
      transitionChallenge(db(), staff, { id, version: 2, transition: 'return', reason: null }),
      'VALIDATION',
    );
    expect(noReason.fieldErrors).toEqual({ reason: 'required' });
    await transitionChallenge(db(), staff, { id, version: 2, transition: 'return', reason: '请补充验收方式' });
    const back = await getChallengeForEdit(db(), enterprise, id);
    expect(back.challenge.status).toBe('DRAFT');
    expect(back.challenge.returnReason).toBe('请补充验收方式');
    await updateChallenge(db(), enterprise, { ...draft({ title: '已修改的榜单' }), id, version: 3 });
  });
});

describe('scoping', () => {
  it("hides one enterprise's challenges from another: NOT_FOUND to read, edit or move", async () => {
    const { id } = await createChallenge(db(), enterprise, draft({ title: '甲企业的榜单' }));
    await expectDomainError(getChallengeForEdit(db(), otherEnterprise, id), 'NOT_FOUND');
    await expectDomainError(updateChallenge(db(), otherEnterprise, { ...draft(), id, version: 1 }), 'NOT_FOUND');
    await expectDomainError(
      transitionChallenge(db(), otherEnterprise, { id, version: 1, transition: 'withdraw', reason: null }),
      'NOT_FOUND',
    );
    expect((await listChallengesForActor(db(), otherEnterprise)).map((c) => c.id)).not.toContain(id);
    expect((await listChallengesForActor(db(), enterprise)).map((c) => c.id)).toContain(id);
  });

  it('lets an issuer edit only drafts, and never publish', async () => {
    const { id } = await createChallenge(db(), enterprise, draft({ title: '已提交的榜单' }));
    await transitionChallenge(db(), enterprise, { id, version: 1, transition: 'propose', reason: null });
    await expectDomainError(updateChallenge(db(), enterprise, { ...draft(), id, version: 2 }), 'CONFLICT');
    await expectDomainError(
      transitionChallenge(db(), enterprise, { id, version: 2, transition: 'publish', reason: null, callId: keyCallId }),
      'FORBIDDEN',
    );
    // Staff may still edit it while reviewing.
    await updateChallenge(db(), staff, { ...draft({ title: '工作人员修改后' }), id, version: 2 });
  });
});

describe('the public board', () => {
  it('shows the seeded dozen across the twelve fields, filters by funding and sorts by it', async () => {
    const all = await searchPublicChallenges(db(), {});
    expect(all.total).toBeGreaterThanOrEqual(12);
    const fields = new Set((await searchPublicChallenges(db(), { page: 1 })).rows.map((r) => r.field.code));
    expect(fields.size).toBeGreaterThan(1);
    const rich = await searchPublicChallenges(db(), { minWan: '1000', sort: 'funding' });
    expect(rich.rows.every((r) => r.totalFundingFen >= 1_000_000_000n)).toBe(true);
    const amounts = rich.rows.map((r) => r.totalFundingFen);
    expect([...amounts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(amounts);
    const open = await searchPublicChallenges(db(), { open: '1' });
    expect(open.total).toBeGreaterThanOrEqual(12);
    const past = await searchPublicChallenges(db(), { closesBy: '2000-01-01' });
    expect(past.total).toBe(0);
  });
});
