// 赛马制 (issue 6): a challenge funds several teams in parallel; at its cut milestone (中期) the commission compares them
// side by side, keeps the best `keepCount` and stops the others, moving the money the stopped teams have not received
// to the teams that go on. No existing grant system does this; the rules here are ours, written down:
//
// RANKING. By the comparison score (the mid-term experts' mean on the challenge's targets, 0–100, higher is better),
// then by the share of KPIs on track (basis points), then by fewer missed milestones. Teams still equal on all three
// are TIED; a tie across the cut line is not broken by the machine (no hidden order decides who is stopped): the
// ranking says `tieAtCut` and staff must decide it with a written justification (HorseRaceRound.justification).
//
// MONEY. A stopped team keeps what it was paid; its tranches not yet PAID (PLANNED or APPROVED) are cancelled. For each
// funding source (fiscal, the enterprise's co-funding, institution matching) the cancelled amount is shared among the
// kept teams in equal parts, to the fen; the fen left over go one each to the best-ranked kept teams. Institution
// matching is tied to its institution, so it is not moved to another institution's team: it is cancelled and
// reported as returned. Totals are preserved exactly per source (checked, and unit-tested).
import type { FundingSource, TrancheStatus } from './tranche';

export interface RaceTeam {
  projectId: string;
  /** Comparison score at the cut milestone, 0–100. */
  score: number;
  /** KPIs on track, in basis points of all the project's KPIs. */
  kpiProgressBp: number;
  milestonesMissed: number;
}

export interface RankedTeam extends RaceTeam {
  /** 1 = best; tied teams share a rank (competition ranking, "1224"). */
  rank: number;
  keep: boolean;
}

export interface RaceRanking {
  teams: RankedTeam[];
  /** Teams tied across the cut line: staff must choose among them in writing. */
  tieAtCut: string[];
}

const compare = (a: RaceTeam, b: RaceTeam) =>
  b.score - a.score || b.kpiProgressBp - a.kpiProgressBp || a.milestonesMissed - b.milestonesMissed;

/** Ranks the parallel teams and marks which `keepCount` go on (1 ≤ keepCount < number of teams). */
export function rankRaceTeams(teams: readonly RaceTeam[], keepCount: number): RaceRanking {
  if (!Number.isInteger(keepCount) || keepCount < 1 || keepCount >= teams.length) {
    throw new RangeError(`keepCount must be between 1 and ${teams.length - 1}, got ${keepCount}`);
  }
  if (new Set(teams.map((t) => t.projectId)).size !== teams.length) throw new RangeError('a team is listed twice');
  const sorted = [...teams].sort((a, b) => compare(a, b) || (a.projectId < b.projectId ? -1 : 1));
  const ranked: RankedTeam[] = [];
  sorted.forEach((t, i) => {
    const rank = i > 0 && compare(sorted[i - 1]!, t) === 0 ? ranked[i - 1]!.rank : i + 1;
    ranked.push({ ...t, rank, keep: rank <= keepCount });
  });
  // The last kept place: if teams share its rank with someone beyond it, the cut falls inside a tie.
  const boundary = ranked[keepCount - 1]!.rank;
  const atBoundary = ranked.filter((t) => t.rank === boundary);
  const tieAtCut =
    atBoundary.length > 1 && ranked[keepCount]!.rank === boundary ? atBoundary.map((t) => t.projectId) : [];
  return { teams: ranked, tieAtCut };
}

export interface RaceTranche {
  id: string;
  projectId: string;
  source: FundingSource;
  /** The enterprise or institution paying it (null for fiscal money). */
  sourceInstitutionId: string | null;
  status: TrancheStatus;
  amountFen: bigint;
}

export interface RaceCutPlan {
  /** Unpaid tranches of the stopped teams, cancelled. */
  cancelled: string[];
  /** New PLANNED tranches for the kept teams, per source and payer. */
  added: { projectId: string; source: FundingSource; sourceInstitutionId: string | null; amountFen: bigint }[];
  /** Institution matching that stays with its institution (not moved to another team). */
  returned: { source: FundingSource; sourceInstitutionId: string | null; amountFen: bigint }[];
}

/**
 * The money side of a decided cut: which tranches are cancelled and what the kept teams receive instead. `kept` are
 * the projects going on, best first (the order in which leftover fen are given out).
 */
export function planRaceCut(kept: readonly string[], stopped: readonly string[], tranches: readonly RaceTranche[]) {
  if (kept.length === 0) throw new RangeError('a cut must keep at least one team');
  if (kept.some((k) => stopped.includes(k))) throw new RangeError('a team cannot be both kept and stopped');
  const open = tranches.filter(
    (t) => stopped.includes(t.projectId) && (t.status === 'PLANNED' || t.status === 'APPROVED'),
  );
  const plan: RaceCutPlan = { cancelled: open.map((t) => t.id), added: [], returned: [] };
  // Pool the cancelled money per source and payer, then share each pool.
  const pools = new Map<string, { source: FundingSource; sourceInstitutionId: string | null; amountFen: bigint }>();
  for (const t of open) {
    const key = `${t.source}:${t.sourceInstitutionId ?? ''}`;
    const pool = pools.get(key) ?? { source: t.source, sourceInstitutionId: t.sourceInstitutionId, amountFen: 0n };
    pool.amountFen += t.amountFen;
    pools.set(key, pool);
  }
  for (const pool of pools.values()) {
    if (pool.amountFen === 0n) continue;
    if (pool.source === 'INSTITUTION') {
      plan.returned.push(pool);
      continue;
    }
    const n = BigInt(kept.length);
    const share = pool.amountFen / n;
    const rest = pool.amountFen % n;
    kept.forEach((projectId, i) => {
      const amountFen = share + (BigInt(i) < rest ? 1n : 0n);
      if (amountFen > 0n) {
        plan.added.push({ projectId, source: pool.source, sourceInstitutionId: pool.sourceInstitutionId, amountFen });
      }
    });
  }
  return plan;
}

export interface RaceStanding {
  projectId: string;
  rank: number;
  keep: boolean;
  /** The figures the ranking was made from; null where the reader may not see them. */
  figures: { score: number; kpiProgressBp: number; milestonesMissed: number } | null;
}

/**
 * A decided round's ranking as a reader may see it. Staff and the issuing enterprise (`'ALL'`) see every team's
 * figures; a team — its PI, members, office or responsible expert, given as the projects they can see — sees every
 * team's rank and outcome (the race is public by design) but only its own figures.
 */
export function raceStandingsFor(teams: readonly RankedTeam[], sees: 'ALL' | readonly string[]): RaceStanding[] {
  return [...teams]
    .sort((a, b) => a.rank - b.rank || (a.projectId < b.projectId ? -1 : 1))
    .map((t) => ({
      projectId: t.projectId,
      rank: t.rank,
      keep: t.keep,
      figures:
        sees === 'ALL' || sees.includes(t.projectId)
          ? { score: t.score, kpiProgressBp: t.kpiProgressBp, milestonesMissed: t.milestonesMissed }
          : null,
    }));
}
