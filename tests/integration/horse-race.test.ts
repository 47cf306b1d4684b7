import { beforeAll, describe, expect, it } from 'vitest';
import { reconcileTranches } from '@/domain/project/tranche';
import { ZAssessCheck, ZDecideRaceRound, ZSubmitProgress } from '@/lib/validation/project-lifecycle';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { assessCheck, submitProgress } from '@/server/projects/checks';
import {
  decideRaceRound,
  getRaceOutcomeForProject,
  getRaceRound,
  listRaceChallenges,
  openRaceRound,
} from '@/server/projects/horse-race';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { horseRaceChallenge, lifecycleBase, makeProject, taskBookIds, type Base } from './lifecycle-fixtures';

// 赛马制: two (or three) teams of one challenge reach the cut; staff compare them side by side and keep the better,
// and the stopped team's unpaid money moves to the team that goes on — with every fen accounted for afterwards.

let base: Base;
let staff: Actor;
let pi: Actor;
let young: Actor;

beforeAll(async () => {
  await seed();
  base = await lifecycleBase();
  [staff, pi, young] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
    actorFor(DEMO.young, 'RESEARCHER'),
  ]);
});

/** The team's PI reports (onTrack per KPI) and staff score it; the round decides the outcome. */
async function reportAndScore(projectId: string, reporter: Actor, score: number, onTrack: boolean[]) {
  const check = await db().midtermCheck.findFirstOrThrow({ where: { projectId, kind: 'MIDTERM' } });
  const ids = await taskBookIds(projectId);
  await submitProgress(
    db(),
    reporter,
    ZSubmitProgress.parse({
      checkId: check.id,
      version: check.version,
      summary: '中期进展',
      kpis: ids.kpis.map((kpiId, i) => ({ kpiId, progress: '进展', onTrack: onTrack[i]! })),
    }),
  );
  const submitted = await db().midtermCheck.findUniqueOrThrow({ where: { id: check.id } });
  await assessCheck(
    db(),
    staff,
    ZAssessCheck.parse({
      checkId: check.id,
      version: submitted.version,
      score,
      assessment: '专家比选意见',
      outcome: '',
    }),
  );
}

async function reconciliation(projectId: string) {
  const tb = await db().taskBook.findFirstOrThrow({
    where: { projectId, status: 'CONFIRMED' },
    include: { budget: true },
  });
  const tranches = await db().tranche.findMany({ where: { projectId } });
  return reconcileTranches(
    tb.budget,
    tranches.map((t) => ({
      ...t,
      reallocated: t.status === 'CANCELLED' && t.reallocatedToProjectId !== null,
      fromRaceCut: t.reallocatedFromId !== null,
    })),
  );
}

const JUSTIFICATION = '甲团队中期得分明显领先，指标完成更好，依据榜单约定保留一支团队。';

describe('a two-team race', () => {
  it('cuts the weaker team and moves its unpaid tranches to the other, every fen reconciled', async () => {
    const challenge = await horseRaceChallenge(base);
    const a = await makeProject(base, { challengeId: challenge.id, piId: base.researcherId, memberIds: [] });
    const b = await makeProject(base, { challengeId: challenge.id, piId: base.youngId, memberIds: [] });
    const listed = await listRaceChallenges(db(), staff);
    expect(
      listed
        .find((c) => c.id === challenge.id)!
        .projects.map((p) => p.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());

    const { id: roundId } = await openRaceRound(db(), staff, { challengeId: challenge.id });
    for (const p of [a, b]) {
      expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('MIDTERM_REVIEW');
    }
    await expectDomainError(openRaceRound(db(), staff, { challengeId: challenge.id }), 'CONFLICT');
    // Not all teams scored yet: nothing can be decided.
    await expectDomainError(
      decideRaceRound(db(), staff, ZDecideRaceRound.parse({ roundId, version: 1, justification: JUSTIFICATION })),
      'CONFLICT',
    );
    await reportAndScore(a.id, pi, 88, [true, true]);
    await reportAndScore(b.id, young, 71, [true, false]);

    const view = await getRaceRound(db(), staff, roundId);
    expect(view.teams.map((t) => [t.id, t.check!.score, t.onTrack]).sort()).toEqual(
      [
        [a.id, 88, 2],
        [b.id, 71, 1],
      ].sort(),
    );
    expect(view.preview!.ranking.teams.map((t) => t.projectId)).toEqual([a.id, b.id]);
    const bUnpaid = (
      await db().tranche.findMany({ where: { projectId: b.id, status: { in: ['PLANNED', 'APPROVED'] } } })
    )
      .map((t) => t.id)
      .sort();
    expect([...view.preview!.plan!.cancelled].sort()).toEqual(bUnpaid);

    const bBefore = await db().tranche.findMany({ where: { projectId: b.id } });
    const aLiveBefore = (
      await db().tranche.findMany({ where: { projectId: a.id, status: { not: 'CANCELLED' } } })
    ).reduce((s, t) => s + t.amountFen, 0n);
    const result = await decideRaceRound(
      db(),
      staff,
      ZDecideRaceRound.parse({ roundId, version: 1, justification: JUSTIFICATION }),
    );
    expect(result).toMatchObject({ kept: [a.id], stopped: [b.id], cancelled: bUnpaid.length });

    const [pa, pb] = await Promise.all([a, b].map((p) => db().project.findUniqueOrThrow({ where: { id: p.id } })));
    expect([pa!.status, pb!.status]).toEqual(['ACTIVE', 'CUT']);
    const checks = await db().midtermCheck.findMany({ where: { raceRoundId: roundId }, orderBy: { raceRank: 'asc' } });
    expect(checks.map((c) => [c.projectId, c.outcome, c.raceRank])).toEqual([
      [a.id, 'CONTINUE', 1],
      [b.id, 'CUT', 2],
    ]);

    // The stopped team keeps what it was paid; the rest is cancelled and points at the kept team.
    const bAfter = await db().tranche.findMany({ where: { projectId: b.id } });
    for (const t of bAfter) {
      const was = bBefore.find((x) => x.id === t.id)!;
      if (was.status === 'PAID') expect(t.status).toBe('PAID');
      else expect(t).toMatchObject({ status: 'CANCELLED', reallocatedToProjectId: a.id });
    }
    const moved = bBefore.filter((t) => t.status !== 'PAID').reduce((s, t) => s + t.amountFen, 0n);
    const added = await db().tranche.findMany({ where: { projectId: a.id, reallocatedFromId: { not: null } } });
    expect(added.every((t) => t.status === 'PLANNED')).toBe(true);
    expect(added.map((t) => t.source).sort()).toEqual(['ENTERPRISE', 'FISCAL']);
    expect(added.reduce((s, t) => s + t.amountFen, 0n)).toBe(moved);
    const aLiveAfter = (
      await db().tranche.findMany({ where: { projectId: a.id, status: { not: 'CANCELLED' } } })
    ).reduce((s, t) => s + t.amountFen, 0n);
    expect(aLiveAfter - aLiveBefore).toBe(moved);
    for (const t of added) expect(bAfter.some((x) => x.id === t.reallocatedFromId)).toBe(true);

    for (const p of [a, b]) {
      const r = await reconciliation(p.id);
      expect(
        r.flatMap((x) => x.problems),
        p.id,
      ).toEqual([]);
    }
    expect((await reconciliation(a.id)).reduce((s, r) => s + r.movedInFen, 0n)).toBe(moved);
    expect((await reconciliation(b.id)).reduce((s, r) => s + r.movedOutFen, 0n)).toBe(moved);

    const round = await db().horseRaceRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ status: 'DECIDED', justification: JUSTIFICATION, decidedById: staff.userId });
    expect((round.ranking as { teams: { projectId: string }[] }).teams.map((t) => t.projectId)).toEqual([a.id, b.id]);
    expect(await auditActions(roundId)).toEqual(['horse_race_round.open', 'horse_race_round.decide']);
    expect(await auditActions(b.id)).toEqual(['project.start_midterm', 'project.cut']);
    expect(await auditActions(a.id)).toEqual(['project.start_midterm', 'project.continue']);
    const decided = await getRaceRound(db(), staff, roundId);
    expect(decided.teams.every((t) => t.reconciled)).toBe(true);

    // The outcome on the teams' project pages: every team's rank and result; the figures for one's own team only,
    // all of them for the issuing enterprise and for the office both teams belong to; nothing for an outsider.
    const seen = async (actor: Actor, projectId: string) =>
      (await getRaceOutcomeForProject(db(), actor, projectId))!.rounds[0]!.standings.map((s) => [
        s.projectId,
        s.rank,
        s.keep,
        s.figures?.score ?? null,
        s.mine,
      ]);
    expect(await seen(pi, a.id)).toEqual([
      [a.id, 1, true, 88, true],
      [b.id, 2, false, null, false],
    ]);
    expect(await seen(young, b.id)).toEqual([
      [a.id, 1, true, null, false],
      [b.id, 2, false, 71, true],
    ]);
    const enterprise = await actorFor(DEMO.enterprise, 'ENTERPRISE');
    expect(await seen(enterprise, b.id)).toEqual([
      [a.id, 1, true, 88, false],
      [b.id, 2, false, 71, false],
    ]);
    const office = await actorFor(DEMO.office, 'INSTITUTION_OFFICE');
    expect((await seen(office, a.id)).map((r) => r[3])).toEqual([88, 71]);
    const outcome = await getRaceOutcomeForProject(db(), pi, a.id);
    expect(outcome!.rounds[0]).toMatchObject({ keepCount: 1, justification: JUSTIFICATION });
    const outsider = await actorFor('lin.tao@demo.jingyan.cn', 'RESEARCHER');
    await expectDomainError(getRaceOutcomeForProject(db(), outsider, a.id), 'NOT_FOUND');
    await expectDomainError(getRaceOutcomeForProject(db(), young, a.id), 'NOT_FOUND');
    const plain = await makeProject(base, { piId: base.researcherId, memberIds: [] });
    expect(await getRaceOutcomeForProject(db(), pi, plain.id)).toBeNull();
    // Decided once.
    await expectDomainError(
      decideRaceRound(db(), staff, ZDecideRaceRound.parse({ roundId, version: 2, justification: JUSTIFICATION })),
      'CONFLICT',
    );
  });

  it('refuses a tie across the cut until staff choose, and changes nothing meanwhile', async () => {
    const challenge = await horseRaceChallenge(base);
    const a = await makeProject(base, { challengeId: challenge.id, piId: base.researcherId, memberIds: [] });
    const b = await makeProject(base, { challengeId: challenge.id, piId: base.youngId, memberIds: [] });
    const { id: roundId } = await openRaceRound(db(), staff, { challengeId: challenge.id });
    await reportAndScore(a.id, pi, 80, [true, false]);
    await reportAndScore(b.id, young, 80, [false, true]);
    const input = { roundId, version: 1, justification: JUSTIFICATION };
    const e = await expectDomainError(decideRaceRound(db(), staff, ZDecideRaceRound.parse(input)), 'VALIDATION');
    expect(e.fieldErrors).toEqual({ keep: 'raceTieAtCut' });
    const bad = await expectDomainError(
      decideRaceRound(db(), staff, ZDecideRaceRound.parse({ ...input, keep: [a.id, b.id] })),
      'VALIDATION',
    );
    expect(bad.fieldErrors).toEqual({ keep: 'raceKeepInvalid' });
    expect((await db().horseRaceRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe('OPEN');
    expect(await db().tranche.count({ where: { projectId: { in: [a.id, b.id] }, status: 'CANCELLED' } })).toBe(0);
    expect(await auditActions(roundId)).toEqual(['horse_race_round.open']);

    await decideRaceRound(db(), staff, ZDecideRaceRound.parse({ ...input, keep: [b.id] }));
    const statuses = await db().project.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [a.id]: 'CUT', [b.id]: 'ACTIVE' });
    const round = await db().horseRaceRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.ranking).toMatchObject({ chosenByStaff: true, tieAtCut: expect.arrayContaining([a.id, b.id]) });
  });
});

describe('a three-team race keeping two', () => {
  it('shares the stopped team’s money between the kept teams to the fen', async () => {
    const challenge = await horseRaceChallenge(base, 3, 2);
    const teams = await Promise.all(
      [base.researcherId, base.youngId, base.researcherId].map((piId) =>
        makeProject(base, { challengeId: challenge.id, piId, memberIds: [] }),
      ),
    );
    const { id: roundId } = await openRaceRound(db(), staff, { challengeId: challenge.id });
    await reportAndScore(teams[0]!.id, pi, 90, [true, true]);
    await reportAndScore(teams[1]!.id, young, 60, [true, true]);
    await reportAndScore(teams[2]!.id, pi, 75, [true, true]);
    const result = await decideRaceRound(
      db(),
      staff,
      ZDecideRaceRound.parse({ roundId, version: 1, justification: JUSTIFICATION }),
    );
    expect(result.kept).toEqual([teams[0]!.id, teams[2]!.id]);
    expect(result.stopped).toEqual([teams[1]!.id]);
    for (const t of teams) expect((await reconciliation(t.id)).flatMap((r) => r.problems)).toEqual([]);
    const inA = (await reconciliation(teams[0]!.id)).reduce((s, r) => s + r.movedInFen, 0n);
    const inC = (await reconciliation(teams[2]!.id)).reduce((s, r) => s + r.movedInFen, 0n);
    const out = (await reconciliation(teams[1]!.id)).reduce((s, r) => s + r.movedOutFen, 0n);
    expect(inA + inC).toBe(out);
    expect(inA - inC).toBeLessThanOrEqual(2n);
  });

  it('answers NOT_FOUND for a round that does not exist', async () => {
    await expectDomainError(getRaceRound(db(), staff, '00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');
    await expectDomainError(getRaceRound(db(), staff, 'not-a-uuid'), 'NOT_FOUND');
  });
});
