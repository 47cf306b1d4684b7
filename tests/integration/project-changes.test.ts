import { beforeAll, describe, expect, it } from 'vitest';
import {
  ZDecideChange,
  ZRequestChange,
  ZWithdrawChange,
  type TRequestChange,
} from '@/lib/validation/project-lifecycle';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  commissionDecideChange,
  getProjectChanges,
  institutionDecideChange,
  requestChange,
  withdrawChange,
} from '@/server/projects/changes';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { lifecycleBase, makeProject, taskBookIds, wan, type Base } from './lifecycle-fixtures';

// 项目变更: asked by the PI, approved by the institution then the commission, applied on the commission's approval.

let base: Base;
let staff: Actor;
let pi: Actor;
let young: Actor;
let office: Actor;

beforeAll(async () => {
  await seed();
  base = await lifecycleBase();
  [staff, pi, young, office] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
    actorFor(DEMO.young, 'RESEARCHER'),
    actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
  ]);
});

const ask = (actor: Actor, input: TRequestChange) =>
  requestChange(db(), actor, ZRequestChange.parse(input), new Date('2028-03-01T02:00:00Z'));
const version = async (id: string) => (await db().projectChange.findUniqueOrThrow({ where: { id } })).version;
const decide = async (who: 'office' | 'staff', changeId: string, decision: 'APPROVE' | 'REJECT', comment = '同意') => {
  const input = ZDecideChange.parse({ changeId, version: await version(changeId), decision, comment });
  return who === 'office'
    ? institutionDecideChange(db(), office, input)
    : commissionDecideChange(db(), staff, input, new Date('2028-03-05T02:00:00Z'));
};
const approveBoth = async (changeId: string) => {
  await decide('office', changeId, 'APPROVE');
  return decide('staff', changeId, 'APPROVE');
};

describe('each kind, approved in order and applied', () => {
  it('extension moves the end date and the final milestone', async () => {
    const p = await makeProject(base);
    const { id } = await ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 6, reason: '设备到货延迟' });
    // The commission cannot decide before the institution.
    await expectDomainError(decide('staff', id, 'APPROVE'), 'CONFLICT');
    const r = await approveBoth(id);
    expect(r.status).toBe('APPROVED');
    const project = await db().project.findUniqueOrThrow({ where: { id: p.id } });
    expect(project.endDate.toISOString().slice(0, 10)).toBe('2030-12-31');
    const ids = await taskBookIds(p.id);
    const final = await db().projectMilestone.findUniqueOrThrow({ where: { id: ids.milestones.at(-1)! } });
    expect(final.dueDate.toISOString().slice(0, 10)).toBe('2030-12-31');
    expect(await auditActions(id)).toEqual([
      'project_change.request',
      'project_change.institution_approve',
      'project_change.approve',
    ]);
    // Twelve months in all: 6 more is allowed, 7 is not — the field is named.
    const e = await expectDomainError(
      ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 7, reason: '再延' }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ months: 'extensionTooLong?max=6' });
  });

  it('PI change hands the project to a member and keeps the old PI on the team', async () => {
    const p = await makeProject(base);
    const { id } = await ask(pi, { projectId: p.id, kind: 'PI_CHANGE', newPiUserId: base.youngId, reason: '调离' });
    await approveBoth(id);
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).piUserId).toBe(base.youngId);
    const current = await db().projectMember.findMany({ where: { projectId: p.id, toDate: null } });
    expect(current.map((m) => [m.userId, m.memberRole]).sort()).toEqual(
      [
        [base.researcherId, 'MEMBER'],
        [base.youngId, 'PI'],
      ].sort(),
    );
    // The new PI now owns the requests; the old one no longer does.
    await expectDomainError(ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 1, reason: 'x' }), 'NOT_FOUND');
  });

  it('PI change to someone outside the team is refused naming the field', async () => {
    const p = await makeProject(base, { memberIds: [] });
    const e = await expectDomainError(
      ask(pi, { projectId: p.id, kind: 'PI_CHANGE', newPiUserId: base.staffId, reason: 'x' }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ newPiUserId: 'newPiNotOnTeam' });
    expect(await db().projectChange.count({ where: { projectId: p.id } })).toBe(0);
  });

  it('member change closes and opens member rows', async () => {
    const p = await makeProject(base);
    const { id } = await ask(pi, {
      projectId: p.id,
      kind: 'MEMBER_CHANGE',
      add: ['zhou.min@demo.jingyan.cn'],
      remove: [base.youngId],
      reason: '分工调整',
    });
    await approveBoth(id);
    const rows = await db().projectMember.findMany({ where: { projectId: p.id }, include: { user: true } });
    expect(rows.find((m) => m.userId === base.youngId)!.toDate).not.toBeNull();
    expect(rows.find((m) => m.user?.email === 'zhou.min@demo.jingyan.cn')).toMatchObject({
      toDate: null,
      memberRole: 'MEMBER',
    });
    const e = await expectDomainError(
      ask(pi, { projectId: p.id, kind: 'MEMBER_CHANGE', add: [], remove: [base.researcherId], reason: 'x' }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ remove: 'cannotRemovePi' });
  });

  it('budget reallocation moves money between categories and keeps every year and source total', async () => {
    const p = await makeProject(base);
    const totals = async () => {
      const rows = await db().budgetPlan.findMany({ where: { taskBookId: p.taskBookId } });
      const by = (key: (r: (typeof rows)[number]) => string) =>
        rows.reduce<Record<string, bigint>>((acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0n) + r.amountFen }), {});
      return { year: by((r) => `${r.year}:${r.source}`), category: by((r) => r.categoryCode ?? '') };
    };
    const before = await totals();
    const { id } = await ask(pi, {
      projectId: p.id,
      kind: 'BUDGET_REALLOCATION',
      moves: [{ from: 'MATERIALS', to: 'EQUIPMENT', amount: '25' }],
      reason: '增购设备',
    });
    await approveBoth(id);
    const after = await totals();
    expect(after.year).toEqual(before.year);
    expect(after.category.MATERIALS).toBe(before.category.MATERIALS! - wan(25));
    expect(after.category.EQUIPMENT).toBe(before.category.EQUIPMENT! + wan(25));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'project_change.approve' } });
    expect(audit.summary).toMatchObject({ applied: { budget: { before: { MATERIALS: wan(130).toString() } } } });
    const e = await expectDomainError(
      ask(pi, {
        projectId: p.id,
        kind: 'BUDGET_REALLOCATION',
        moves: [{ from: 'MATERIALS', to: 'INDIRECT', amount: '1' }],
        reason: 'x',
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ 'moves.0.to': 'indirectIsFixed' });
    const lump = await makeProject(base, { budgetMode: 'LUMP_SUM' });
    const l = await expectDomainError(
      ask(pi, {
        projectId: lump.id,
        kind: 'BUDGET_REALLOCATION',
        moves: [{ from: 'A', to: 'B', amount: '1' }],
        reason: 'x',
      }),
      'VALIDATION',
    );
    expect(l.fieldErrors).toEqual({ moves: 'lumpSumHasNoCategories' });
  });
});

describe('refusals, rejection and withdrawal', () => {
  it('the institution or the commission may reject with a reason; the PI may withdraw before the commission decides', async () => {
    const p = await makeProject(base);
    const first = await ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 3, reason: '延期' });
    await expectDomainError(ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 2, reason: '再次' }), 'CONFLICT');
    expect(
      ZDecideChange.safeParse({ changeId: first.id, version: 1, decision: 'REJECT', comment: '' }).error!.issues[0]!
        .path,
    ).toEqual(['comment']);
    await decide('office', first.id, 'REJECT', '理由不充分');
    expect((await db().projectChange.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('REJECTED');
    await expectDomainError(decide('office', first.id, 'APPROVE'), 'CONFLICT');

    const second = await ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 3, reason: '延期' });
    await decide('office', second.id, 'APPROVE');
    await withdrawChange(db(), pi, ZWithdrawChange.parse({ changeId: second.id, version: await version(second.id) }));
    expect((await db().projectChange.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('WITHDRAWN');
    await expectDomainError(decide('staff', second.id, 'APPROVE'), 'CONFLICT');
    expect(await auditActions(second.id)).toEqual([
      'project_change.request',
      'project_change.institution_approve',
      'project_change.withdraw',
    ]);
    // Nothing applied.
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).endDate.toISOString().slice(0, 10)).toBe(
      '2030-06-30',
    );

    const third = await ask(pi, { projectId: p.id, kind: 'EXTENSION', months: 3, reason: '延期' });
    await decide('office', third.id, 'APPROVE');
    await decide('staff', third.id, 'REJECT', '不符合规定');
    await expectDomainError(
      withdrawChange(db(), pi, ZWithdrawChange.parse({ changeId: third.id, version: await version(third.id) })),
      'CONFLICT',
    );
  });

  it('re-checks the rules on approval and applies nothing when they fail', async () => {
    const p = await makeProject(base);
    const { id } = await ask(pi, { projectId: p.id, kind: 'PI_CHANGE', newPiUserId: base.youngId, reason: '调离' });
    await decide('office', id, 'APPROVE');
    // Meanwhile the proposed PI is sanctioned.
    await db().creditRecord.create({
      data: {
        userId: base.youngId,
        finding: '学术不端',
        decidedBy: '委员会',
        startsOn: new Date('2028-01-01T00:00:00Z'),
        recordedById: base.staffId,
      },
    });
    const e = await expectDomainError(decide('staff', id, 'APPROVE'), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ newPiUserId: 'applicantSanctioned' });
    expect((await db().projectChange.findUniqueOrThrow({ where: { id } })).status).toBe('INSTITUTION_APPROVED');
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).piUserId).toBe(base.researcherId);
    await db().creditRecord.deleteMany({ where: { userId: base.youngId } });
  });

  it('scopes: another institution’s change is NOT_FOUND for the office, another PI’s for the PI', async () => {
    const other = await makeProject(base, { institutionId: base.buuId, piId: base.youngId, memberIds: [] });
    const { id } = await ask(young, { projectId: other.id, kind: 'EXTENSION', months: 2, reason: '延期' });
    await expectDomainError(decide('office', id, 'APPROVE'), 'NOT_FOUND');
    await expectDomainError(withdrawChange(db(), pi, { changeId: id, version: 1 }), 'NOT_FOUND');
    await expectDomainError(getProjectChanges(db(), office, other.id), 'NOT_FOUND');
    await expectDomainError(ask(pi, { projectId: other.id, kind: 'EXTENSION', months: 1, reason: 'x' }), 'NOT_FOUND');
    const view = await getProjectChanges(db(), young, other.id);
    expect(view.changes.map((c) => c.id)).toEqual([id]);
  });
});
