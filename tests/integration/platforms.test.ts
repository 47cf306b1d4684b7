import { beforeAll, describe, expect, it } from 'vitest';
import { ZSavePlatformProject } from '@/lib/validation/platform-record';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { saveDirections } from '@/server/platforms/directions';
import {
  appointManager,
  endManager,
  savePlatformProject,
  transitionPlatformProject,
} from '@/server/platforms/managers';
import { getPlatform, getPublicPlatform, listPlatforms, listPublicPlatforms } from '@/server/platforms/platforms';
import { createProjectFromDecision } from '@/server/projects/create-project';
import { DEMO_PLATFORM_TITLE, seedPlatforms } from '../../prisma/seed-platforms';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { fundedPlatform, platformDecision } from './platform-fixtures';
import { fundedProject } from './project-fixtures';

// 平台档案 (issue 7, DATA-MODEL §2.13): the platform born with its project, who sees it, its directions, and the
// project managers of a 高精尖创新中心 with the projects they run.

const WAN = 1_000_000n;
let director: Actor;
let other: Actor;
let office: Actor;
let staff: Actor;
let otherInstitutionId: string;

beforeAll(async () => {
  await seed();
  director = await actorFor(DEMO.researcher, 'RESEARCHER');
  other = await actorFor(DEMO.young, 'RESEARCHER');
  office = await actorFor(DEMO.office, 'INSTITUTION_OFFICE');
  staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
  otherInstitutionId = (await db().institution.findFirstOrThrow({ where: { name: '北京联合大学' } })).id;
});

describe('birth', () => {
  it('creates the platform with its project, in the same transaction, from the application', async () => {
    const f = await fundedPlatform({ program: 'LAB-B', awardedWan: 900, fiscalYearsWan: [200, 300, 400] });
    const platform = await db().platform.findUniqueOrThrow({
      where: { id: f.platformId },
      include: { directions: { orderBy: { ordinal: 'asc' } }, partners: true, project: true },
    });
    const app = await db().application.findUniqueOrThrow({ where: { id: f.applicationId } });
    expect(platform).toMatchObject({
      kind: 'LAB_BASIC',
      name: app.title,
      hostInstitutionId: app.institutionId,
      directorUserId: director.userId,
      status: 'ACTIVE',
      stableSupportFenPerYear: 0n,
    });
    expect(platform.establishedOn).toEqual(platform.project.startDate);
    expect(platform.directions.map((d) => [d.ordinal, d.title, d.leadName])).toEqual([
      [1, '类脑计算芯片', '王建国'],
      [2, '脉冲神经网络算法', '李晓'],
    ]);
    expect(platform.partners).toHaveLength(2);
    expect(platform.partners.every((p) => p.platformId === f.platformId)).toBe(true);
    expect(await auditActions(f.platformId)).toEqual(['platform.create']);

    // The fiscal plan follows the application's year budgets (200 : 300 : 400 of 900 万元).
    const plan = await db().budgetPlan.findMany({
      where: { taskBook: { projectId: f.projectId }, source: 'FISCAL' },
      orderBy: { year: 'asc' },
    });
    expect(plan.map((r) => r.amountFen)).toEqual([200n * WAN, 300n * WAN, 400n * WAN]);
  });

  it('is idempotent, and a project application makes no platform', async () => {
    const { decisionId, now } = await platformDecision({ program: 'AIC' });
    const first = await db().$transaction((tx) => createProjectFromDecision(tx, decisionId, now));
    const again = await db().$transaction((tx) => createProjectFromDecision(tx, decisionId, now));
    expect(again.projectId).toBe(first.projectId);
    expect(await db().platform.count({ where: { projectId: first.projectId } })).toBe(1);

    const plain = await fundedProject();
    expect(await db().platform.count({ where: { projectId: plain.projectId } })).toBe(0);
  });

  it('rolls back the project when the platform cannot be born', async () => {
    // A PLATFORM application on a person program's call is refused, and nothing of the project is left.
    const { decisionId, applicationId, now } = await platformDecision();
    const gen = await db().call.findFirstOrThrow({ where: { program: { code: 'GEN' } }, select: { id: true } });
    await db().application.update({ where: { id: applicationId }, data: { callId: gen.id } });
    await db().decision.update({ where: { id: decisionId }, data: { callId: gen.id } });
    await expectDomainError(
      db().$transaction((tx) => createProjectFromDecision(tx, decisionId, now)),
      'CONFLICT',
    );
    expect(await db().project.count({ where: { decisionId } })).toBe(0);
  });
});

describe('who sees which platform', () => {
  it('staff all, the host office its own, the director and open managers theirs; others NOT_FOUND', async () => {
    const f = await fundedPlatform();
    expect((await getPlatform(db(), staff, f.platformId)).id).toBe(f.platformId);
    expect((await getPlatform(db(), office, f.platformId)).viewer.office).toBe(true);
    const mine = await getPlatform(db(), director, f.platformId);
    expect(mine.viewer.isDirector).toBe(true);
    expect(mine.members.map((m) => m.memberRole)).toContain('PI');
    await expectDomainError(getPlatform(db(), other, f.platformId), 'NOT_FOUND');
    await expectDomainError(
      getPlatform(db(), { ...office, institutionId: otherInstitutionId }, f.platformId),
      'NOT_FOUND',
    );
    await expectDomainError(getPlatform(db(), staff, 'not-a-uuid'), 'NOT_FOUND');
    expect((await listPlatforms(db(), director)).map((p) => p.id)).toContain(f.platformId);
    expect((await listPlatforms(db(), other)).map((p) => p.id)).not.toContain(f.platformId);
    expect(await listPlatforms(db(), { ...office, institutionId: otherInstitutionId })).toEqual([]);
  });

  it('filters the staff list by kind and status', async () => {
    const f = await fundedPlatform({ program: 'LAB-H' });
    const rows = await listPlatforms(db(), staff, { kind: 'LAB_HUMANITIES', status: 'ACTIVE' });
    expect(rows.map((r) => r.id)).toContain(f.platformId);
    expect(rows.every((r) => r.kind === 'LAB_HUMANITIES')).toBe(true);
    expect((await listPlatforms(db(), staff, { kind: 'LAB_HUMANITIES', status: 'CLOSED' })).length).toBe(0);
  });

  it('shows the public name, kind, host and active directions, nothing else', async () => {
    const f = await fundedPlatform();
    const pub = await getPublicPlatform(db(), f.platformId);
    expect(Object.keys(pub).sort()).toEqual(['directions', 'hostInstitution', 'id', 'kind', 'name', 'nameEn']);
    expect(pub.directions).toHaveLength(2);
    expect((await listPublicPlatforms(db())).map((p) => p.id)).toContain(f.platformId);
    await db().platform.update({ where: { id: f.platformId }, data: { status: 'CLOSED' } });
    await expectDomainError(getPublicPlatform(db(), f.platformId), 'NOT_FOUND');
  });
});

describe('directions', () => {
  it('are kept by the director and the office against the platform version, retired not deleted', async () => {
    const f = await fundedPlatform();
    const p = await getPlatform(db(), director, f.platformId);
    const rows = p.directions.map((d) => ({ ...d, titleEn: null, leadName: d.leadName, description: d.description }));
    const input = {
      platformId: f.platformId,
      version: p.version,
      directions: [
        { ...rows[0]!, active: false },
        { ...rows[1]!, title: '脉冲神经网络与学习算法' },
        {
          id: null,
          title: '类脑系统应用',
          titleEn: 'Brain-inspired systems',
          leadName: null,
          description: null,
          active: true,
        },
      ],
    };
    await saveDirections(db(), director, input);
    // The second save from the same page is stale.
    await expectDomainError(saveDirections(db(), office, input), 'STALE');
    const after = await db().platformDirection.findMany({
      where: { platformId: f.platformId },
      orderBy: { ordinal: 'asc' },
    });
    expect(after.map((d) => [d.ordinal, d.title, d.active])).toEqual([
      [1, '类脑计算芯片', false],
      [2, '脉冲神经网络与学习算法', true],
      [3, '类脑系统应用', true],
    ]);
    expect(await auditActions(f.platformId)).toEqual(['platform.create', 'platform.save_directions']);

    // Dropping a direction from the list is refused; so is a list without an active one.
    const v = (await db().platform.findUniqueOrThrow({ where: { id: f.platformId } })).version;
    const dropped = await expectDomainError(
      saveDirections(db(), office, {
        platformId: f.platformId,
        version: v,
        directions: input.directions.slice(1, 2).map((d) => ({ ...d, id: after[1]!.id })),
      }),
      'VALIDATION',
    );
    expect(dropped.fieldErrors).toMatchObject({ directions: 'directionNotDeletable' });
    // Another researcher, and another institution's office, reach nothing.
    await expectDomainError(saveDirections(db(), other, { ...input, version: v }), 'NOT_FOUND');
    await expectDomainError(
      saveDirections(db(), { ...office, institutionId: otherInstitutionId }, { ...input, version: v }),
      'NOT_FOUND',
    );
  });
});

describe('project managers and center projects (高精尖创新中心)', () => {
  it('are appointed by the host office, register projects under themselves, and end', async () => {
    const f = await fundedPlatform({ program: 'AIC' });
    const appointed = await appointManager(db(), office, {
      platformId: f.platformId,
      email: DEMO.young,
      appointedOn: '2027-01-01',
      remit: '类脑芯片方向项目',
    });
    // Twice is refused: one open appointment per person.
    await expectDomainError(
      appointManager(db(), office, {
        platformId: f.platformId,
        email: DEMO.young,
        appointedOn: '2027-01-01',
        remit: null,
      }),
      'CONFLICT',
    );
    const notResearcher = await expectDomainError(
      appointManager(db(), office, {
        platformId: f.platformId,
        email: DEMO.staff,
        appointedOn: '2027-01-01',
        remit: null,
      }),
      'VALIDATION',
    );
    expect(notResearcher.fieldErrors).toEqual({ email: 'notAResearcher' });

    // The manager (李晓) now sees the platform and registers a project under their appointment.
    const record = await getPlatform(db(), other, f.platformId);
    expect(record.viewer.ownAppointments).toEqual([appointed.id]);
    const project = ZSavePlatformProject.parse({
      platformId: f.platformId,
      projectManagerId: appointed.id,
      title: '类脑芯片流片验证',
      leadName: '周敏',
      budgetWan: '120',
      startsOn: '2027-03-01',
      endsOn: '2028-02-29',
      summary: '完成一次流片。',
    });
    const { id } = await savePlatformProject(db(), other, project);
    await savePlatformProject(db(), office, {
      ...project,
      id: null,
      title: '数据集建设',
      budgetWan: 80n * WAN,
    });
    const seen = await getPlatform(db(), staff, f.platformId);
    expect(seen.centerBudget).toEqual({ count: 2, totalFen: 200n * WAN, activeFen: 200n * WAN });

    // Dates the wrong way round are a field error; the director (not a manager) cannot register.
    const wrong = await expectDomainError(
      savePlatformProject(db(), other, { ...project, startsOn: '2028-03-01' }),
      'VALIDATION',
    );
    expect(wrong.fieldErrors).toEqual({ endsOn: 'endsBeforeStart' });
    await expectDomainError(savePlatformProject(db(), director, project), 'VALIDATION');

    // Complete it; a second completion is refused, a stale one too.
    const row = await db().platformProject.findUniqueOrThrow({ where: { id } });
    await transitionPlatformProject(db(), other, { id, version: row.version, transition: 'complete' });
    await expectDomainError(
      transitionPlatformProject(db(), other, { id, version: row.version + 1, transition: 'terminate' }),
      'CONFLICT',
    );
    expect(await auditActions(id)).toEqual(['platform_project.create', 'platform_project.complete']);

    // Ending the appointment takes the platform out of the manager's reach.
    const m = await db().projectManager.findUniqueOrThrow({ where: { id: appointed.id } });
    await expectDomainError(
      endManager(db(), office, { managerId: m.id, version: m.version, endedOn: '2026-01-01' }),
      'VALIDATION',
    );
    await endManager(db(), office, { managerId: m.id, version: m.version, endedOn: '2027-12-31' });
    await expectDomainError(
      endManager(db(), office, { managerId: m.id, version: m.version + 1, endedOn: '2027-12-31' }),
      'CONFLICT',
    );
    await expectDomainError(getPlatform(db(), other, f.platformId), 'NOT_FOUND');
    expect(await auditActions(m.id)).toEqual(['project_manager.appoint', 'project_manager.end']);
  });

  it('exist only at a 高精尖创新中心, and only for the host office', async () => {
    const lab = await fundedPlatform({ program: 'LAB-A' });
    await expectDomainError(
      appointManager(db(), office, {
        platformId: lab.platformId,
        email: DEMO.young,
        appointedOn: '2027-01-01',
        remit: null,
      }),
      'CONFLICT',
    );
    const center = await fundedPlatform({ program: 'AIC' });
    await expectDomainError(
      appointManager(
        db(),
        { ...office, institutionId: otherInstitutionId },
        {
          platformId: center.platformId,
          email: DEMO.young,
          appointedOn: '2027-01-01',
          remit: null,
        },
      ),
      'NOT_FOUND',
    );
    await expectDomainError(
      appointManager(db(), director, {
        platformId: center.platformId,
        email: DEMO.young,
        appointedOn: '2027-01-01',
        remit: null,
      }),
      'FORBIDDEN',
    );
  });

  it('double submission of one appointment leaves one open appointment', async () => {
    const f = await fundedPlatform({ program: 'AIC' });
    const input = { platformId: f.platformId, email: DEMO.young, appointedOn: '2027-01-01', remit: null };
    const results = await Promise.allSettled([
      appointManager(db(), office, input),
      appointManager(db(), office, input),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db().projectManager.count({ where: { platformId: f.platformId, endedOn: null } })).toBe(1);
  });
});

describe('demo data', () => {
  it('seeds a running 高精尖创新中心 with a manager and a center project, once', async () => {
    expect(await seedPlatforms(db())).toEqual({ created: true });
    expect(await seedPlatforms(db())).toEqual({ created: false });
    const p = await db().platform.findFirstOrThrow({
      where: { name: DEMO_PLATFORM_TITLE },
      include: { project: true, managers: true, centerProjects: true, directions: true },
    });
    expect(p).toMatchObject({ kind: 'ADVANCED_INNOVATION_CENTER', status: 'ACTIVE' });
    expect(p.project.status).toBe('ACTIVE');
    expect([p.managers.length, p.centerProjects.length, p.directions.length]).toEqual([1, 1, 3]);
  });
});
