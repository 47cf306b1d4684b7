import { beforeAll, expect, it } from 'vitest';
import { type Permission } from '@/domain/auth/permissions';
import { type Role } from '@/domain/auth/roles';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  acceptExpenditureReport,
  fileExpenditureReport,
  returnExpenditureReport,
  signExpenditureReport,
} from '@/server/projects/expenditure';
import {
  addMentoringEntry,
  assignMentor,
  getMentorship,
  listMentorCandidates,
  listOwnMentorships,
} from '@/server/projects/mentoring';
import { getProject, listProjects, projectFilterOptions } from '@/server/projects/projects';
import {
  activateProject,
  confirmTaskBook,
  saveTaskBookBudget,
  saveTaskBookContent,
  saveTaskBookKpis,
  saveTaskBookMilestones,
} from '@/server/projects/task-book';
import { approveTranche, cancelTranche, markTranchePaid } from '@/server/projects/tranches';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { seed } from './helpers';
import { activeProject, fundedProject } from './project-fixtures';

// Every server function of the funded-project area × every role: allowed exactly when the permission matrix says
// so (src/domain/auth/permissions.ts). A denied call fails with FORBIDDEN before it reads anything; an allowed call
// may still find nothing in the actor's scope or the wrong state (NOT_FOUND, CONFLICT, VALIDATION, STALE), which
// means authorization let it through. createProjectFromDecision is not here: it takes no actor (the system calls it
// inside the finalising transaction of a decision).

const actors = {} as Record<Role, Actor>;
/** A draft project (task book editable) and an active one (tranches, reports), both on the demo enterprise's challenge. */
const fx = { draftId: '', activeId: '', trancheId: '', reportId: '', assignmentId: '', year: 0 };

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  fx.draftId = (await fundedProject({ kind: 'CHALLENGE' })).projectId;
  fx.activeId = (await activeProject({ kind: 'CHALLENGE' })).projectId;
  const p = await db().project.findUniqueOrThrow({ where: { id: fx.activeId } });
  fx.year = p.startDate.getUTCFullYear();
  fx.trancheId = (await db().tranche.findFirstOrThrow({ where: { projectId: fx.activeId, source: 'FISCAL' } })).id;
  fx.reportId = (
    await db().expenditureReport.create({
      data: { projectId: fx.activeId, year: fx.year + 1, mode: 'LINE_ITEM', totalSpentFen: 0n, status: 'SUBMITTED' },
    })
  ).id;
  // The EXPERT actor mentors the active project, so a mentor's calls reach real rows.
  fx.assignmentId = (
    await db().mentorAssignment.create({
      data: { projectId: fx.activeId, expertUserId: actors.EXPERT.userId, fromDate: new Date('2020-01-01') },
    })
  ).id;
});

const version = async (projectId: string) =>
  (await db().taskBook.findFirstOrThrow({ where: { projectId }, orderBy: { number: 'desc' } })).version;

type Op = MatrixOperation;

const READ: Permission[] = [
  'manage:project:all',
  'manage:project:own',
  'manage:project:institution',
  'read:project:institution',
  'mentor:project:own',
];

const OPERATIONS: Op[] = [
  { name: 'listProjects', permission: READ, run: (a) => listProjects(db(), a) },
  { name: 'getProject', permission: READ, run: (a) => getProject(db(), a, fx.activeId) },
  { name: 'projectFilterOptions', permission: 'manage:project:all', run: (a) => projectFilterOptions(db(), a) },
  {
    name: 'saveTaskBookContent',
    permission: 'manage:project:own',
    run: async (a) =>
      saveTaskBookContent(db(), a, {
        projectId: fx.draftId,
        version: await version(fx.draftId),
        content: { goals: '目标', plan: '计划', outputs: '成果' },
      }),
  },
  {
    name: 'saveTaskBookKpis',
    permission: 'manage:project:own',
    run: async (a) =>
      saveTaskBookKpis(db(), a, { projectId: fx.draftId, version: await version(fx.draftId), kpis: [] }),
  },
  {
    name: 'saveTaskBookMilestones',
    permission: 'manage:project:own',
    run: async (a) =>
      saveTaskBookMilestones(db(), a, {
        projectId: fx.draftId,
        version: await version(fx.draftId),
        milestones: [{ id: null, title: '节点', dueDate: '2030-01-01' }],
      }),
  },
  {
    name: 'saveTaskBookBudget',
    permission: 'manage:project:own',
    run: async (a) =>
      saveTaskBookBudget(db(), a, { projectId: fx.draftId, version: await version(fx.draftId), budget: [] }),
  },
  {
    name: 'confirmTaskBook',
    permission: ['manage:project:own', 'manage:project:institution', 'manage:project:all'],
    run: async (a) => confirmTaskBook(db(), a, { projectId: fx.draftId, version: await version(fx.draftId) }),
  },
  {
    name: 'activateProject',
    permission: 'manage:project:all',
    run: (a) => activateProject(db(), a, { projectId: fx.draftId, version: 1 }),
  },
  {
    name: 'approveTranche',
    permission: 'manage:project:all',
    run: (a) => approveTranche(db(), a, { trancheId: fx.trancheId, version: 99 }),
  },
  {
    name: 'markTranchePaid',
    permission: ['manage:project:all', 'pay:tranche:institution'],
    run: (a) => markTranchePaid(db(), a, { trancheId: fx.trancheId, version: 99, paymentReference: 'X-1' }),
  },
  {
    name: 'cancelTranche',
    permission: 'manage:project:all',
    run: (a) => cancelTranche(db(), a, { trancheId: fx.trancheId, version: 99, reason: '测试' }),
  },
  {
    name: 'fileExpenditureReport',
    permission: 'manage:project:own',
    run: (a) =>
      fileExpenditureReport(db(), a, {
        projectId: fx.activeId,
        year: 1999,
        totalSpentWan: 0n,
        statement: null,
        lines: [],
        submit: false,
      }),
  },
  {
    name: 'signExpenditureReport',
    permission: 'manage:project:institution',
    run: (a) => signExpenditureReport(db(), a, { reportId: fx.reportId, version: 99 }),
  },
  {
    name: 'acceptExpenditureReport',
    permission: 'manage:project:all',
    run: (a) => acceptExpenditureReport(db(), a, { reportId: fx.reportId, version: 99 }),
  },
  {
    name: 'returnExpenditureReport',
    permission: 'manage:project:all',
    run: (a) => returnExpenditureReport(db(), a, { reportId: fx.reportId, version: 99, reason: '测试' }),
  },
  { name: 'listMentorCandidates', permission: 'manage:project:all', run: (a) => listMentorCandidates(db(), a) },
  {
    name: 'assignMentor',
    permission: 'manage:project:all',
    // The PI is no expert: a VALIDATION answer, after authorization.
    run: (a) => assignMentor(db(), a, { projectId: fx.draftId, expertUserId: actors.RESEARCHER.userId }),
  },
  { name: 'listOwnMentorships', permission: 'mentor:project:own', run: (a) => listOwnMentorships(db(), a) },
  {
    name: 'getMentorship',
    permission: 'mentor:project:own',
    run: (a) => getMentorship(db(), a, fx.assignmentId),
  },
  {
    name: 'addMentoringEntry',
    permission: 'mentor:project:own',
    run: (a) =>
      addMentoringEntry(db(), a, {
        assignmentId: fx.assignmentId,
        occurredOn: '2099-01-01',
        kind: 'CALL',
        milestoneId: null,
        body: '电话沟通',
        visibleToPi: true,
      }),
  },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });

it('reaches the real rows for the roles the fixtures are meant for', async () => {
  // Guards the test above against passing vacuously: these calls succeed outright.
  await expect(getProject(db(), actors.RESEARCHER, fx.activeId)).resolves.toMatchObject({ id: fx.activeId });
  await expect(getProject(db(), actors.ENTERPRISE, fx.activeId)).resolves.toMatchObject({ id: fx.activeId });
  await expect(getProject(db(), actors.INSTITUTION_OFFICE, fx.activeId)).resolves.toMatchObject({ id: fx.activeId });
  await expect(getProject(db(), actors.EXPERT, fx.activeId)).resolves.toMatchObject({ id: fx.activeId });
  await expect(getMentorship(db(), actors.EXPERT, fx.assignmentId)).resolves.toMatchObject({ id: fx.assignmentId });
});
