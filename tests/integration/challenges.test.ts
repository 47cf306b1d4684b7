import { beforeAll, describe, expect, it } from 'vitest';
import { ZChallengeDraft } from '@/lib/validation/challenges';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  createChallenge,
  getChallengeForEdit,
  listChallengeApplicants,
  listChallengesForActor,
  transitionChallenge,
  updateChallenge,
} from '@/server/challenges/challenges';
import { getPublicChallenge, searchPublicChallenges } from '@/server/challenges/public-board';
import { createUser } from '@/server/users/create-user';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { applicationAt, callOf, horseRaceChallenge } from './decision-fixtures';

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
    expect(await auditActions(id)).toEqual([
      'challenge.create',
      'challenge.propose',
      'challenge.return',
      'challenge.update',
    ]);
  });

  it('can be withdrawn by its issuer while under consideration, audited', async () => {
    const { id } = await createChallenge(db(), enterprise, draft({ title: '将撤回的榜单' }));
    await transitionChallenge(db(), enterprise, { id, version: 1, transition: 'propose', reason: null });
    await transitionChallenge(db(), enterprise, { id, version: 2, transition: 'withdraw', reason: null });
    expect((await db().challenge.findUniqueOrThrow({ where: { id } })).status).toBe('WITHDRAWN');
    expect(await auditActions(id)).toEqual(['challenge.create', 'challenge.propose', 'challenge.withdraw']);
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

describe('揭榜团队: the issuer sees who applied, after the deadline', () => {
  it('hides the teams until the call closes, then lists the standing ones; staff see them any time', async () => {
    const call = await callOf('KEY');
    const { closesAt } = await db().call.findUniqueOrThrow({ where: { id: call.id }, select: { closesAt: true } });
    const challenge = await horseRaceChallenge(call.id);
    await db().challenge.update({
      where: { id: challenge.id },
      data: { issuerInstitutionId: enterprise.institutionId },
    });
    const standing = await applicationAt(call, { challengeId: challenge.id, status: 'UNDER_REVIEW' });
    const withdrawn = await applicationAt(call, { challengeId: challenge.id, piEmail: DEMO.young });
    await db().application.update({ where: { id: withdrawn.id }, data: { status: 'WITHDRAWN' } });
    const draftOne = await applicationAt(call, { challengeId: challenge.id, piEmail: DEMO.young });
    await db().application.update({ where: { id: draftOne.id }, data: { status: 'DRAFT' } });

    const aSecondBefore = new Date(closesAt.getTime() - 1_000);
    expect(await listChallengeApplicants(db(), enterprise, challenge.id, aSecondBefore)).toEqual({
      visible: false,
      closesAt,
    });

    const seen = await listChallengeApplicants(db(), enterprise, challenge.id, closesAt);
    expect(seen.visible).toBe(true);
    if (!seen.visible) return;
    expect(seen.applications).toEqual([
      expect.objectContaining({
        id: standing.id,
        code: standing.code,
        status: 'UNDER_REVIEW',
        applicant: { name: '王建国' },
        _count: { members: 0 },
      }),
    ]);
    // What the issuer gets is who and from where, not the proposal or its money.
    expect(Object.keys(seen.applications[0]!).sort()).toEqual(
      ['_count', 'applicant', 'code', 'id', 'institution', 'status', 'submittedAt', 'title'].sort(),
    );

    const forStaff = await listChallengeApplicants(db(), staff, challenge.id, aSecondBefore);
    expect(forStaff.visible && forStaff.applications.map((a) => a.id)).toEqual([standing.id]);
    await expectDomainError(listChallengeApplicants(db(), otherEnterprise, challenge.id, closesAt), 'NOT_FOUND');
  });
});

describe('the public board with hundreds of challenges', () => {
  it('pages through every one exactly once, in order, and its filters count what the database holds', async () => {
    const enterpriseUser = await db().user.findUniqueOrThrow({ where: { email: DEMO.enterprise } });
    const fields = await db().challengeField.findMany({ where: { edition: { current: true } }, select: { id: true } });
    await db().challenge.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        callId: keyCallId,
        issuerInstitutionId: enterprise.institutionId,
        proposedById: enterpriseUser.id,
        fieldId: fields[i % fields.length]!.id,
        title: `批量榜单 ${i}`,
        problem: i % 3 === 0 ? '含关键字 量子 的问题描述' : '普通问题描述',
        deliverables: [],
        durationMonths: 24,
        fiscalFen: BigInt(100 + i) * 1_000_000n,
        totalFundingFen: BigInt(100 + i) * 1_000_000n,
        status: 'PUBLISHED' as const,
        publishedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)),
      })),
    });
    const first = await searchPublicChallenges(db(), { sort: 'funding' });
    expect(first.total).toBeGreaterThanOrEqual(300);
    const seen: string[] = [];
    let previous = Infinity;
    for (let page = 1; page <= Math.ceil(first.total / first.pageSize); page++) {
      const { rows } = await searchPublicChallenges(db(), { sort: 'funding', page });
      expect(rows.length).toBeLessThanOrEqual(first.pageSize);
      for (const r of rows) {
        expect(Number(r.totalFundingFen)).toBeLessThanOrEqual(previous);
        previous = Number(r.totalFundingFen);
        seen.push(r.id);
      }
    }
    expect(new Set(seen).size).toBe(first.total);
    const keyword = await searchPublicChallenges(db(), { q: '量子' });
    expect(keyword.total).toBe(
      (await db().challenge.count({
        where: { status: { in: ['PUBLISHED', 'CLOSED', 'AWARDED', 'UNAWARDED'] }, problem: { contains: '量子' } },
      })) +
        (await db().challenge.count({
          where: {
            status: { in: ['PUBLISHED', 'CLOSED', 'AWARDED', 'UNAWARDED'] },
            NOT: { problem: { contains: '量子' } },
            OR: [
              { title: { contains: '量子' } },
              { titleEn: { contains: '量子' } },
              { problemEn: { contains: '量子' } },
            ],
          },
        })),
    );
    expect(keyword.total).toBeGreaterThanOrEqual(100);
  });
});
