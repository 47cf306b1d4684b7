import { beforeAll, describe, expect, it } from 'vitest';
import { type Permission } from '@/domain/auth/permissions';
import { type Role } from '@/domain/auth/roles';
import { ZSubmitProgress } from '@/lib/validation/project-lifecycle';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  decideAcceptance,
  getProjectAcceptance,
  saveFinalReport,
  submitFinalReport,
} from '@/server/projects/acceptance';
import {
  commissionDecideChange,
  getProjectChanges,
  institutionDecideChange,
  requestChange,
  withdrawChange,
} from '@/server/projects/changes';
import { assessCheck, getProjectChecks, openCheck, resumeProject, submitProgress } from '@/server/projects/checks';
import { completeLongCycle, listLongCycleEvaluations, recordEvaluation } from '@/server/projects/evaluation';
import {
  decideRaceRound,
  getRaceOutcomeForProject,
  getRaceRound,
  listRaceChallenges,
  openRaceRound,
} from '@/server/projects/horse-race';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { seed } from './helpers';
import {
  finalExpenditureReport,
  horseRaceChallenge,
  lifecycleBase,
  makeProject,
  taskBookIds,
  type Base,
} from './lifecycle-fixtures';

// Every lifecycle server function × every role: allowed exactly when the permission matrix says so; a denied call
// fails with FORBIDDEN. Each allowed call gets a record in a state it can act on (the PI is the demo researcher of
// 北京工业大学, the demo office's institution). The helpers checks.ts exports for the other lifecycle modules
// (confirmedTaskBook, moveProject, cancelOpenTranches, assertCanReadLifecycle) are not entry points.

const READERS: Permission[] = ['manage:project:all', 'manage:project:own', 'manage:project:institution'];
const JUSTIFICATION = '得分领先的团队继续，另一支团队按榜单约定停止。';

const actors = {} as Record<Role, Actor>;
let base: Base;
let shared: { id: string };

beforeAll(async () => {
  await seed();
  base = await lifecycleBase();
  Object.assign(actors, await matrixActors());
  shared = await makeProject(base);
});

const staff = () => actors.COMMISSION_STAFF;
const pi = () => actors.RESEARCHER;
const projectVersion = async (id: string) => (await db().project.findUniqueOrThrow({ where: { id } })).version;

async function openMidterm() {
  const p = await makeProject(base);
  const { id } = await openCheck(db(), staff(), {
    projectId: p.id,
    version: await projectVersion(p.id),
    kind: 'MIDTERM',
    year: 2028,
  });
  return { project: p, checkId: id };
}

async function reportedMidterm() {
  const { project, checkId } = await openMidterm();
  const ids = await taskBookIds(project.id);
  await submitProgress(
    db(),
    pi(),
    ZSubmitProgress.parse({
      checkId,
      version: 1,
      summary: '进展',
      kpis: ids.kpis.map((kpiId) => ({ kpiId, progress: 'p', onTrack: true })),
    }),
  );
  return { project, checkId };
}

async function scoredRace() {
  const challenge = await horseRaceChallenge(base);
  const teams = [
    await makeProject(base, { challengeId: challenge.id, memberIds: [] }),
    await makeProject(base, { challengeId: challenge.id, memberIds: [] }),
  ];
  const { id: roundId } = await openRaceRound(db(), staff(), { challengeId: challenge.id });
  let score = 90;
  for (const t of teams) {
    const check = await db().midtermCheck.findFirstOrThrow({ where: { projectId: t.id } });
    const ids = await taskBookIds(t.id);
    await submitProgress(
      db(),
      pi(),
      ZSubmitProgress.parse({
        checkId: check.id,
        version: check.version,
        summary: 's',
        kpis: ids.kpis.map((kpiId) => ({ kpiId, progress: 'p', onTrack: true })),
      }),
    );
    await assessCheck(db(), staff(), {
      checkId: check.id,
      version: check.version + 1,
      score: score--,
      assessment: 'a',
      outcome: null,
      reason: null,
    });
  }
  return { challenge, roundId };
}

async function change(status: 'REQUESTED' | 'INSTITUTION_APPROVED') {
  const p = await makeProject(base);
  const { id } = await requestChange(
    db(),
    pi(),
    { projectId: p.id, kind: 'EXTENSION', months: 1, reason: '延期' },
    new Date('2028-03-01T00:00:00Z'),
  );
  if (status === 'INSTITUTION_APPROVED')
    await institutionDecideChange(db(), actors.INSTITUTION_OFFICE, {
      changeId: id,
      version: 1,
      decision: 'APPROVE',
      comment: null,
    });
  return await db().projectChange.findUniqueOrThrow({ where: { id } });
}

async function draftedFinal() {
  const p = await makeProject(base);
  const ids = await taskBookIds(p.id);
  await saveFinalReport(db(), pi(), {
    projectId: p.id,
    version: 0,
    finalReport: '结题报告',
    kpis: ids.kpis.map((kpiId) => ({ kpiId, attainedValue: '达到', attainment: 'MET' as const })),
    workIds: [],
  });
  await finalExpenditureReport(p.id, 'SUBMITTED');
  return p;
}

async function submittedFinal() {
  const p = await draftedFinal();
  await submitFinalReport(db(), pi(), { projectId: p.id, version: 1 });
  return p;
}

async function closedProject() {
  const p = await submittedFinal();
  await decideAcceptance(db(), staff(), {
    projectId: p.id,
    version: 2,
    expertOpinion: '通过',
    result: 'PASSED',
    longCycleYears: null,
    longCycleInternational: null,
  });
  return p;
}

type Operation = MatrixOperation;

const OPERATIONS: Operation[] = [
  { name: 'getProjectChecks', permission: READERS, run: (a) => getProjectChecks(db(), a, shared.id) },
  {
    name: 'openCheck',
    permission: 'manage:project:all',
    run: async (a) => {
      const p = await makeProject(base);
      return openCheck(db(), a, { projectId: p.id, version: p.version, kind: 'ANNUAL', year: 2027 });
    },
  },
  {
    name: 'resumeProject',
    permission: 'manage:project:all',
    run: async (a) => {
      const p = await makeProject(base, { status: 'SUSPENDED' });
      return resumeProject(db(), a, { projectId: p.id, version: p.version, note: '整改完成' });
    },
  },
  {
    name: 'submitProgress',
    permission: 'manage:project:own',
    run: async (a) => {
      const { project, checkId } = await openMidterm();
      const ids = await taskBookIds(project.id);
      return submitProgress(
        db(),
        a,
        ZSubmitProgress.parse({
          checkId,
          version: 1,
          summary: 's',
          kpis: ids.kpis.map((kpiId) => ({ kpiId, progress: 'p', onTrack: true })),
        }),
      );
    },
  },
  {
    name: 'assessCheck',
    permission: 'manage:project:all',
    run: async (a) => {
      const { checkId } = await reportedMidterm();
      return assessCheck(db(), a, {
        checkId,
        version: 2,
        score: 80,
        assessment: '良好',
        outcome: 'CONTINUE',
        reason: null,
      });
    },
  },
  { name: 'listRaceChallenges', permission: 'manage:project:all', run: (a) => listRaceChallenges(db(), a) },
  {
    name: 'openRaceRound',
    permission: 'manage:project:all',
    run: async (a) => {
      const challenge = await horseRaceChallenge(base);
      await makeProject(base, { challengeId: challenge.id, memberIds: [] });
      await makeProject(base, { challengeId: challenge.id, memberIds: [] });
      return openRaceRound(db(), a, { challengeId: challenge.id });
    },
  },
  {
    name: 'getRaceRound',
    permission: 'manage:project:all',
    run: async (a) => getRaceRound(db(), a, (await scoredRace()).roundId),
  },
  {
    name: 'getRaceOutcomeForProject',
    permission: [...READERS, 'read:project:institution', 'mentor:project:own'],
    run: async (a) => {
      const { challenge } = await scoredRace();
      const team = await db().project.findFirstOrThrow({ where: { challengeId: challenge.id } });
      // Every reader in scope: the PI, the office, the issuing enterprise, staff — and the team's responsible expert.
      await db().mentorAssignment.create({
        data: { projectId: team.id, expertUserId: actors.EXPERT.userId, fromDate: new Date('2020-01-01') },
      });
      return getRaceOutcomeForProject(db(), a, team.id);
    },
  },
  {
    name: 'decideRaceRound',
    permission: 'manage:project:all',
    run: async (a) =>
      decideRaceRound(db(), a, {
        roundId: (await scoredRace()).roundId,
        version: 1,
        justification: JUSTIFICATION,
        keep: null,
      }),
  },
  { name: 'getProjectChanges', permission: READERS, run: (a) => getProjectChanges(db(), a, shared.id) },
  {
    name: 'requestChange',
    permission: 'manage:project:own',
    run: async (a) => {
      const p = await makeProject(base);
      return requestChange(
        db(),
        a,
        { projectId: p.id, kind: 'EXTENSION', months: 2, reason: '延期' },
        new Date('2028-03-01T00:00:00Z'),
      );
    },
  },
  {
    name: 'institutionDecideChange',
    permission: 'manage:project:institution',
    run: async (a) => {
      const c = await change('REQUESTED');
      return institutionDecideChange(db(), a, {
        changeId: c.id,
        version: c.version,
        decision: 'APPROVE',
        comment: null,
      });
    },
  },
  {
    name: 'commissionDecideChange',
    permission: 'manage:project:all',
    run: async (a) => {
      const c = await change('INSTITUTION_APPROVED');
      return commissionDecideChange(
        db(),
        a,
        { changeId: c.id, version: c.version, decision: 'APPROVE', comment: null },
        new Date('2028-03-02T00:00:00Z'),
      );
    },
  },
  {
    name: 'withdrawChange',
    permission: 'manage:project:own',
    run: async (a) => {
      const c = await change('REQUESTED');
      return withdrawChange(db(), a, { changeId: c.id, version: c.version });
    },
  },
  { name: 'getProjectAcceptance', permission: READERS, run: (a) => getProjectAcceptance(db(), a, shared.id) },
  {
    name: 'saveFinalReport',
    permission: 'manage:project:own',
    run: async (a) => {
      const p = await makeProject(base);
      return saveFinalReport(db(), a, { projectId: p.id, version: 0, finalReport: '草稿', kpis: [], workIds: [] });
    },
  },
  {
    name: 'submitFinalReport',
    permission: 'manage:project:own',
    run: async (a) => submitFinalReport(db(), a, { projectId: (await draftedFinal()).id, version: 1 }),
  },
  {
    name: 'decideAcceptance',
    permission: 'manage:project:all',
    run: async (a) =>
      decideAcceptance(db(), a, {
        projectId: (await submittedFinal()).id,
        version: 2,
        expertOpinion: '通过',
        result: 'PASSED_WITH_CONDITIONS',
        longCycleYears: 4,
        longCycleInternational: false,
      }),
  },
  {
    name: 'recordEvaluation',
    permission: 'manage:project:all',
    run: async (a) =>
      recordEvaluation(db(), a, {
        projectId: (await closedProject()).id,
        grade: 'PASS',
        teamAssessment: '团队',
        individualAssessment: '个人',
        international: false,
      }),
  },
  { name: 'listLongCycleEvaluations', permission: 'manage:project:all', run: (a) => listLongCycleEvaluations(db(), a) },
  {
    name: 'completeLongCycle',
    permission: 'manage:project:all',
    run: async (a) => {
      const p = await closedProject();
      const l = await db().longCycleEvaluation.findFirstOrThrow({ where: { projectId: p.id } });
      return completeLongCycle(db(), a, {
        evaluationId: l.id,
        version: l.version,
        findings: '持续产出',
        grade: 'GOOD',
      });
    },
  },
];

describeMatrix(OPERATIONS, actors);

describe('an office without an institution', () => {
  it('never falls back to every project', async () => {
    const unscoped = { ...actors.INSTITUTION_OFFICE, institutionId: null };
    await expect(getProjectChecks(db(), unscoped, shared.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const c = await change('REQUESTED');
    await expect(
      institutionDecideChange(db(), unscoped, {
        changeId: c.id,
        version: c.version,
        decision: 'APPROVE',
        comment: null,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
