import 'server-only';
import type { z } from 'zod';
import {
  planRaceCut,
  raceStandingsFor,
  rankRaceTeams,
  type RankedTeam,
  type RaceTeam,
} from '@/domain/project/horse-race';
import { reconcileTranches, type FundingSource } from '@/domain/project/tranche';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZDecideRaceRound, ZOpenRaceRound } from '@/lib/validation/project-lifecycle';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { beijingToday, calendarDate, confirmedTaskBook, moveProject } from './checks';
import { projectWhere } from './scope';

// 赛马制 (issue 6): a HORSE_RACE challenge funds several teams; at the cut milestone staff compare them side by side
// and keep the best `keepAfterCut`, moving the stopped teams' unpaid money to the teams that go on. The ranking and
// the money plan are pure (src/domain/project/horse-race.ts); this module loads the facts, shows them and applies a
// decision in one transaction: checks, project states, tranches cancelled and re-planned, the round DECIDED.

const UUID = /^[0-9a-f-]{36}$/i;
/** The one cut a challenge has (Challenge.cutAfterMonths); the round is keyed by the milestone it compares at. */
export const RACE_CUT_MILESTONE_KEY = 'race-cut';

const teamSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  version: true,
  pi: { select: { name: true } },
  institution: { select: { name: true } },
} as const;

/** Horse-race challenges that funded teams, with their teams and rounds. */
export async function listRaceChallenges(client: Db, actor: Actor) {
  assertCan(actor, 'manage:project:all');
  return client.challenge.findMany({
    where: { selectionMode: 'HORSE_RACE', projects: { some: {} } },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      title: true,
      titleEn: true,
      teamCount: true,
      keepAfterCut: true,
      cutAfterMonths: true,
      issuer: { select: { name: true } },
      projects: { orderBy: { code: 'asc' }, select: teamSelect },
      raceRounds: {
        orderBy: { createdAt: 'desc' },
        select: { id: true, status: true, milestoneKey: true, keepCount: true, decidedAt: true },
      },
    },
  });
}

/**
 * Staff open the cut round of a challenge: every running team enters its mid-term (a MIDTERM check is opened where
 * there is none) and the teams' mid-term checks are tied to the round.
 */
export async function openRaceRound(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZOpenRaceRound>,
  now = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const challenge = await tx.challenge.findUnique({
      where: { id: input.challengeId },
      select: {
        id: true,
        selectionMode: true,
        keepAfterCut: true,
        projects: {
          where: { status: { in: ['ACTIVE', 'MIDTERM_REVIEW'] } },
          select: {
            id: true,
            status: true,
            version: true,
            checks: { select: { id: true, kind: true, status: true, version: true } },
          },
        },
      },
    });
    if (!challenge) throw notFound();
    if (challenge.selectionMode !== 'HORSE_RACE' || challenge.keepAfterCut === null)
      throw new DomainError('CONFLICT', 'notAHorseRace');
    if (challenge.projects.length <= challenge.keepAfterCut) throw new DomainError('CONFLICT', 'raceNothingToCut');
    const existing = await tx.horseRaceRound.findUnique({
      where: { challengeId_milestoneKey: { challengeId: challenge.id, milestoneKey: RACE_CUT_MILESTONE_KEY } },
      select: { id: true },
    });
    if (existing) throw new DomainError('CONFLICT', 'raceRoundExists');
    const round = await tx.horseRaceRound.create({
      data: { challengeId: challenge.id, milestoneKey: RACE_CUT_MILESTONE_KEY, keepCount: challenge.keepAfterCut },
      select: { id: true },
    });
    const year = Number(beijingToday(now).slice(0, 4));
    for (const team of challenge.projects) {
      const midterm = team.checks.find((c) => c.kind === 'MIDTERM');
      if (midterm) {
        const linked = await tx.midtermCheck.updateMany({
          where: { id: midterm.id, version: midterm.version },
          data: { raceRoundId: round.id, version: { increment: 1 } },
        });
        if (linked.count === 0) throw stale();
        continue;
      }
      if (team.status !== 'ACTIVE' || team.checks.some((c) => c.status !== 'ASSESSED'))
        throw new DomainError('CONFLICT', 'checkUnderWay');
      const taskBook = await confirmedTaskBook(tx, team.id);
      const milestone = taskBook?.milestones.find((m) => m.isRaceCut);
      const check = await tx.midtermCheck.create({
        data: { projectId: team.id, kind: 'MIDTERM', year, milestoneId: milestone?.id ?? null, raceRoundId: round.id },
        select: { id: true },
      });
      await moveProject(tx, actor, team, 'start_midterm', 'MIDTERM_REVIEW', { checkId: check.id, roundId: round.id });
      await recordAudit(tx, {
        actor,
        action: 'midterm_check.open',
        entityType: 'MidtermCheck',
        entityId: check.id,
        summary: { projectId: team.id, kind: 'MIDTERM', year, raceRoundId: round.id },
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'horse_race_round.open',
      entityType: 'HorseRaceRound',
      entityId: round.id,
      summary: {
        challengeId: challenge.id,
        keepCount: challenge.keepAfterCut,
        teams: challenge.projects.map((p) => p.id),
      },
    });
    return { id: round.id };
  });
}

type TrancheRow = {
  id: string;
  projectId: string;
  source: FundingSource;
  sourceInstitutionId: string | null;
  status: 'PLANNED' | 'APPROVED' | 'PAID' | 'CANCELLED';
  amountFen: bigint;
  ordinal: number;
  reallocatedToProjectId: string | null;
  reallocatedFromId: string | null;
};

const trancheSelect = {
  id: true,
  projectId: true,
  source: true,
  sourceInstitutionId: true,
  status: true,
  amountFen: true,
  ordinal: true,
  reallocatedToProjectId: true,
  reallocatedFromId: true,
} as const;

/** What the comparison reads for one team: the mid-term score, KPIs on track, milestones missed. */
async function teamFacts(client: DbOrTx, projectIds: string[], roundId: string) {
  const [checks, taskBooks] = await Promise.all([
    client.midtermCheck.findMany({
      where: { projectId: { in: projectIds }, kind: 'MIDTERM' },
      select: {
        id: true,
        projectId: true,
        status: true,
        score: true,
        outcome: true,
        raceRank: true,
        raceRoundId: true,
        assessment: true,
        progress: true,
        version: true,
      },
    }),
    Promise.all(projectIds.map((id) => confirmedTaskBook(client, id))),
  ]);
  return projectIds.map((projectId, i) => {
    const check = checks.find((c) => c.projectId === projectId && (c.raceRoundId === roundId || !c.raceRoundId));
    const taskBook = taskBooks[i];
    const kpis = taskBook?.kpis.length ?? 0;
    const reported = (check?.progress as { kpis?: { kpiId: string; onTrack: boolean }[] } | null)?.kpis ?? [];
    const onTrack = reported.filter((k) => k.onTrack && taskBook?.kpis.some((x) => x.id === k.kpiId)).length;
    return {
      projectId,
      check: check ? { ...check, score: check.score === null ? null : Number(check.score) } : null,
      kpis,
      onTrack,
      kpiProgressBp: kpis === 0 ? 0 : Math.floor((onTrack * 10_000) / kpis),
      milestonesMissed: taskBook?.milestones.filter((m) => m.status === 'MISSED').length ?? 0,
      budget: taskBook?.budget ?? [],
    };
  });
}

/** Per payer: live (not cancelled) money, paid, what remains to pay. */
function moneyBySource(tranches: TrancheRow[]) {
  const rows = new Map<
    string,
    { source: FundingSource; sourceInstitutionId: string | null; liveFen: bigint; paidFen: bigint }
  >();
  for (const t of tranches) {
    const key = `${t.source}:${t.sourceInstitutionId ?? ''}`;
    const row = rows.get(key) ?? {
      source: t.source,
      sourceInstitutionId: t.sourceInstitutionId,
      liveFen: 0n,
      paidFen: 0n,
    };
    if (t.status !== 'CANCELLED') row.liveFen += t.amountFen;
    if (t.status === 'PAID') row.paidFen += t.amountFen;
    rows.set(key, row);
  }
  return [...rows.values()]
    .sort((a, b) => a.source.localeCompare(b.source))
    .map((r) => ({ ...r, remainingFen: r.liveFen - r.paidFen }));
}

/** The round with its teams side by side, a preview of the ranking and money plan while it is open. */
export async function getRaceRound(client: Db, actor: Actor, roundId: string) {
  assertCan(actor, 'manage:project:all');
  if (!UUID.test(roundId)) throw notFound();
  const round = await client.horseRaceRound.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      status: true,
      keepCount: true,
      milestoneKey: true,
      ranking: true,
      reallocation: true,
      justification: true,
      decidedAt: true,
      decidedById: true,
      version: true,
      challenge: {
        select: {
          id: true,
          title: true,
          titleEn: true,
          teamCount: true,
          cutAfterMonths: true,
          issuer: { select: { name: true } },
          projects: { orderBy: { code: 'asc' }, select: teamSelect },
        },
      },
    },
  });
  if (!round) throw notFound();
  const projects = round.challenge.projects.filter(
    (p) => !['TASK_BOOK_DRAFT', 'TASK_BOOK_CONFIRMED'].includes(p.status),
  );
  const ids = projects.map((p) => p.id);
  const [facts, tranches] = await Promise.all([
    teamFacts(client, ids, round.id),
    client.tranche.findMany({ where: { projectId: { in: ids } }, select: trancheSelect }),
  ]);
  const teams = projects.map((p) => {
    const f = facts.find((x) => x.projectId === p.id)!;
    const own = tranches.filter((t) => t.projectId === p.id);
    const reconciliation = reconcileTranches(
      f.budget.map((b) => ({
        year: b.year,
        source: b.source,
        sourceInstitutionId: b.sourceInstitutionId,
        amountFen: b.amountFen,
      })),
      own.map((t) => ({
        source: t.source,
        sourceInstitutionId: t.sourceInstitutionId,
        status: t.status,
        amountFen: t.amountFen,
        reallocated: t.status === 'CANCELLED' && t.reallocatedToProjectId !== null,
        fromRaceCut: t.reallocatedFromId !== null,
      })),
    );
    return {
      ...p,
      check: f.check,
      kpis: f.kpis,
      onTrack: f.onTrack,
      kpiProgressBp: f.kpiProgressBp,
      milestonesMissed: f.milestonesMissed,
      money: moneyBySource(own),
      reconciled: reconciliation.every((r) => r.problems.length === 0),
    };
  });
  // While the round is open, the ranking and the money plan it would make, once every competing team is scored.
  const competing = teams.filter((t) => t.status === 'MIDTERM_REVIEW');
  const scored = competing.every((t) => t.check?.status === 'ASSESSED' && t.check.score !== null);
  let preview = null;
  if (round.status === 'OPEN' && scored && competing.length > round.keepCount) {
    const ranking = rankRaceTeams(competing.map(raceTeamOf), round.keepCount);
    const kept = ranking.teams.filter((t) => t.keep).map((t) => t.projectId);
    const plan =
      ranking.tieAtCut.length === 0
        ? planRaceCut(
            kept,
            ranking.teams.filter((t) => !t.keep).map((t) => t.projectId),
            tranches,
          )
        : null;
    preview = { ranking, plan };
  }
  const decidedBy = round.decidedById
    ? await client.user.findUnique({ where: { id: round.decidedById }, select: { name: true } })
    : null;
  return {
    round: { ...round, challenge: { ...round.challenge, projects: undefined } },
    teams,
    competing: competing.length,
    scored,
    preview,
    decidedBy: decidedBy?.name ?? null,
  };
}

const raceTeamOf = (t: {
  id: string;
  check: { score: number | null } | null;
  kpiProgressBp: number;
  milestonesMissed: number;
}): RaceTeam => ({
  projectId: t.id,
  score: t.check?.score ?? 0,
  kpiProgressBp: t.kpiProgressBp,
  milestonesMissed: t.milestonesMissed,
});

/**
 * Staff decide the cut with a written justification. In one transaction: the kept teams' mid-term checks CONTINUE
 * with their rank (projects back to ACTIVE), the stopped teams' CUT (projects CUT), their unpaid tranches CANCELLED
 * and pointing at the kept team, the money planned again on the kept teams pointing back, the round DECIDED with the
 * ranking and the plan. A tie across the cut line is refused until staff say whom they keep.
 */
export async function decideRaceRound(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZDecideRaceRound>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const round = await tx.horseRaceRound.findUnique({
      where: { id: input.roundId },
      select: { id: true, status: true, version: true, keepCount: true, challengeId: true },
    });
    if (!round) throw notFound();
    if (round.status !== 'OPEN') throw new DomainError('CONFLICT', 'wrongState');
    if (round.version !== input.version) throw stale();
    const projects = await tx.project.findMany({
      where: { challengeId: round.challengeId, status: 'MIDTERM_REVIEW' },
      orderBy: { code: 'asc' },
      select: { id: true, status: true, version: true },
    });
    if (projects.length <= round.keepCount) throw new DomainError('CONFLICT', 'raceNothingToCut');
    const facts = await teamFacts(
      tx,
      projects.map((p) => p.id),
      round.id,
    );
    if (facts.some((f) => f.check?.status !== 'ASSESSED' || f.check.score === null))
      throw new DomainError('CONFLICT', 'raceChecksNotAssessed');
    const ranking = rankRaceTeams(
      facts.map((f) => ({
        projectId: f.projectId,
        score: f.check!.score!,
        kpiProgressBp: f.kpiProgressBp,
        milestonesMissed: f.milestonesMissed,
      })),
      round.keepCount,
    );
    const keep = chooseKept(ranking, round.keepCount, input.keep);
    const kept = ranking.teams.filter((t) => keep.has(t.projectId)).map((t) => t.projectId);
    const stopped = ranking.teams.filter((t) => !keep.has(t.projectId)).map((t) => t.projectId);
    const tranches: TrancheRow[] = await tx.tranche.findMany({
      where: { projectId: { in: projects.map((p) => p.id) } },
      select: trancheSelect,
    });
    const plan = planRaceCut(kept, stopped, tranches);

    for (const team of ranking.teams) {
      const f = facts.find((x) => x.projectId === team.projectId)!;
      const goesOn = keep.has(team.projectId);
      const updated = await tx.midtermCheck.updateMany({
        where: { id: f.check!.id, version: f.check!.version },
        data: {
          outcome: goesOn ? 'CONTINUE' : 'CUT',
          raceRank: team.rank,
          raceRoundId: round.id,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw stale();
      const project = projects.find((p) => p.id === team.projectId)!;
      await moveProject(tx, actor, project, goesOn ? 'continue' : 'cut', goesOn ? 'ACTIVE' : 'CUT', {
        roundId: round.id,
        rank: team.rank,
      });
    }

    // The stopped teams' unpaid money: cancelled, pointing at the best kept team (which receives the leftover fen);
    // institution matching stays with its institution and is cancelled without a target.
    const payer = (t: { source: string; sourceInstitutionId: string | null }) =>
      `${t.source}:${t.sourceInstitutionId ?? ''}`;
    const cancelled = tranches.filter((t) => plan.cancelled.includes(t.id));
    for (const t of cancelled) {
      const moved = t.source !== 'INSTITUTION';
      const updated = await tx.tranche.updateMany({
        where: { id: t.id, status: t.status },
        data: {
          status: 'CANCELLED',
          cancelledReason: input.justification,
          reallocatedToProjectId: moved ? kept[0] : null,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw stale();
      await recordAudit(tx, {
        actor,
        action: 'tranche.cancel',
        entityType: 'Tranche',
        entityId: t.id,
        summary: {
          projectId: t.projectId,
          from: t.status,
          to: 'CANCELLED',
          amountFen: t.amountFen.toString(),
          roundId: round.id,
          reallocatedToProjectId: moved ? kept[0] : null,
        },
      });
    }
    const plannedDate = calendarDate(beijingToday(now));
    const added: { id: string; projectId: string; source: string; amountFen: string; reallocatedFromId: string }[] = [];
    for (const a of plan.added) {
      const from = cancelled.find((t) => payer(t) === payer(a))!;
      const last = await tx.tranche.findFirst({
        where: { projectId: a.projectId, source: a.source, sourceInstitutionId: a.sourceInstitutionId },
        orderBy: { ordinal: 'desc' },
        select: { ordinal: true },
      });
      const row = await tx.tranche.create({
        data: {
          projectId: a.projectId,
          source: a.source,
          sourceInstitutionId: a.sourceInstitutionId,
          ordinal: (last?.ordinal ?? 0) + 1,
          plannedDate,
          amountFen: a.amountFen,
          reallocatedFromId: from.id,
        },
        select: { id: true },
      });
      added.push({
        id: row.id,
        projectId: a.projectId,
        source: a.source,
        amountFen: a.amountFen.toString(),
        reallocatedFromId: from.id,
      });
      await recordAudit(tx, {
        actor,
        action: 'tranche.plan',
        entityType: 'Tranche',
        entityId: row.id,
        summary: {
          projectId: a.projectId,
          source: a.source,
          amountFen: a.amountFen.toString(),
          roundId: round.id,
          reallocatedFromId: from.id,
        },
      });
    }

    const rankingJson = {
      teams: ranking.teams.map((t) => ({ ...t, keep: keep.has(t.projectId) })),
      tieAtCut: ranking.tieAtCut,
      chosenByStaff: ranking.tieAtCut.length > 0,
    };
    const reallocationJson = {
      cancelled: plan.cancelled,
      added,
      returned: plan.returned.map((r) => ({ ...r, amountFen: r.amountFen.toString() })),
    };
    const updated = await tx.horseRaceRound.updateMany({
      where: { id: round.id, version: round.version, status: 'OPEN' },
      data: {
        status: 'DECIDED',
        ranking: rankingJson,
        reallocation: reallocationJson,
        justification: input.justification,
        decidedById: actor.userId,
        decidedAt: now,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'horse_race_round.decide',
      entityType: 'HorseRaceRound',
      entityId: round.id,
      summary: {
        challengeId: round.challengeId,
        kept,
        stopped,
        tieAtCut: ranking.tieAtCut,
        justification: input.justification,
      },
    });
    return { kept, stopped, cancelled: plan.cancelled.length, added: added.length };
  });
}

/** Whom the decision keeps: the ranking's choice, or — across a tie — the staff's, which must complete it. */
function chooseKept(
  ranking: ReturnType<typeof rankRaceTeams>,
  keepCount: number,
  chosen: string[] | null,
): Set<string> {
  const byRanking = ranking.teams.filter((t) => t.keep).map((t) => t.projectId);
  if (ranking.tieAtCut.length === 0) {
    if (chosen && (chosen.length !== byRanking.length || chosen.some((id) => !byRanking.includes(id))))
      throw new DomainError('VALIDATION', 'checkFields', { keep: 'raceKeepNotRanking' });
    return new Set(byRanking);
  }
  if (!chosen) throw new DomainError('VALIDATION', 'checkFields', { keep: 'raceTieAtCut' });
  const sure = byRanking.filter((id) => !ranking.tieAtCut.includes(id));
  const valid =
    chosen.length === keepCount &&
    sure.every((id) => chosen.includes(id)) &&
    chosen.every((id) => sure.includes(id) || ranking.tieAtCut.includes(id));
  if (!valid) throw new DomainError('VALIDATION', 'checkFields', { keep: 'raceKeepInvalid' });
  return new Set(chosen);
}

/**
 * The decided rounds of the race a project runs in, for everyone who may read that project: its PI and members, its
 * institution's office, its responsible expert, the issuing enterprise and staff. Every team's rank and outcome is
 * shown; the figures behind them only to staff and the issuer, and to each team for itself (`raceStandingsFor`).
 * Null for a project that is not in a horse race; NOT_FOUND for a project outside the reader's scope.
 */
export async function getRaceOutcomeForProject(client: Db, actor: Actor, projectId: string) {
  const scope = projectWhere(actor);
  if (!UUID.test(projectId)) throw notFound();
  const project = await client.project.findFirst({
    where: { AND: [{ id: projectId }, scope] },
    select: {
      challenge: { select: { id: true, title: true, titleEn: true, selectionMode: true, issuerInstitutionId: true } },
    },
  });
  if (!project) throw notFound();
  const challenge = project.challenge;
  if (!challenge || challenge.selectionMode !== 'HORSE_RACE') return null;
  const [rounds, teams, visible] = await Promise.all([
    client.horseRaceRound.findMany({
      where: { challengeId: challenge.id, status: 'DECIDED' },
      orderBy: { decidedAt: 'asc' },
      select: { id: true, milestoneKey: true, keepCount: true, ranking: true, justification: true, decidedAt: true },
    }),
    client.project.findMany({
      where: { challengeId: challenge.id },
      orderBy: { code: 'asc' },
      select: teamSelect,
    }),
    client.project.findMany({ where: { AND: [{ challengeId: challenge.id }, scope] }, select: { id: true } }),
  ]);
  const seesAll =
    actor.role === 'COMMISSION_STAFF' ||
    (actor.role === 'ENTERPRISE' && actor.institutionId === challenge.issuerInstitutionId);
  const sees = seesAll ? ('ALL' as const) : visible.map((v) => v.id);
  const byId = new Map(teams.map((t) => [t.id, t]));
  return {
    challenge: { title: challenge.title, titleEn: challenge.titleEn },
    rounds: rounds.map((r) => {
      const ranked = ((r.ranking as { teams?: RankedTeam[] } | null)?.teams ?? []).filter((t) => byId.has(t.projectId));
      return {
        id: r.id,
        keepCount: r.keepCount,
        decidedAt: r.decidedAt,
        justification: r.justification,
        standings: raceStandingsFor(ranked, sees).map((s) => {
          const team = byId.get(s.projectId)!;
          return {
            ...s,
            code: team.code,
            title: team.title,
            status: team.status,
            piName: team.pi.name,
            institutionName: team.institution.name,
            mine: sees !== 'ALL' && sees.includes(s.projectId),
          };
        }),
      };
    }),
  };
}
