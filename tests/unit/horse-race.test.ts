import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  planRaceCut,
  raceStandingsFor,
  rankRaceTeams,
  type RaceTeam,
  type RaceTranche,
} from '@/domain/project/horse-race';

const team = (projectId: string, score: number, kpiProgressBp = 5000, milestonesMissed = 0): RaceTeam => ({
  projectId,
  score,
  kpiProgressBp,
  milestonesMissed,
});

describe('赛马制: ranking the parallel teams', () => {
  it('ranks by score, then KPIs on track, then fewer missed milestones, and keeps the best', () => {
    const r = rankRaceTeams([team('a', 80), team('b', 86), team('c', 80, 7000), team('d', 80, 7000, 1)], 2);
    expect(r.teams.map((t) => [t.projectId, t.rank, t.keep])).toEqual([
      ['b', 1, true],
      ['c', 2, true],
      ['d', 3, false],
      ['a', 4, false],
    ]);
    expect(r.tieAtCut).toEqual([]);
  });

  it('does not break a tie across the cut line: staff must choose in writing', () => {
    const r = rankRaceTeams([team('a', 90), team('b', 80), team('c', 80)], 2);
    expect(r.teams.map((t) => [t.projectId, t.rank, t.keep])).toEqual([
      ['a', 1, true],
      ['b', 2, true],
      ['c', 2, true],
    ]);
    expect(r.tieAtCut).toEqual(['b', 'c']);
    // A tie wholly above the line is harmless.
    expect(rankRaceTeams([team('a', 90), team('b', 90), team('c', 70)], 2).tieAtCut).toEqual([]);
  });

  it('refuses a cut that keeps nobody or everybody, and duplicate teams', () => {
    expect(() => rankRaceTeams([team('a', 1), team('b', 2)], 0)).toThrow(RangeError);
    expect(() => rankRaceTeams([team('a', 1), team('b', 2)], 2)).toThrow(RangeError);
    expect(() => rankRaceTeams([team('a', 1), team('a', 2)], 1)).toThrow(RangeError);
  });
});

const tranche = (
  id: string,
  projectId: string,
  source: RaceTranche['source'],
  amountFen: bigint,
  status: RaceTranche['status'] = 'PLANNED',
  payer: string | null = null,
): RaceTranche => ({
  id,
  projectId,
  source,
  sourceInstitutionId: payer,
  status,
  amountFen,
});

describe('赛马制: moving the stopped teams’ money', () => {
  it('cancels only what the stopped teams were not paid, and shares it among the kept teams to the fen', () => {
    const plan = planRaceCut(
      ['k1', 'k2', 'k3'],
      ['s'],
      [
        tranche('t1', 's', 'FISCAL', 100_000_00n, 'PAID'),
        tranche('t2', 's', 'FISCAL', 100_000_00n, 'APPROVED'),
        tranche('t3', 's', 'FISCAL', 1n),
        tranche('t4', 's', 'ENTERPRISE', 30_000_00n, 'PLANNED', 'ent'),
        tranche('t5', 's', 'INSTITUTION', 20_000_00n, 'PLANNED', 'uni'),
        tranche('t6', 'k1', 'FISCAL', 50_000_00n),
      ],
    );
    expect(plan.cancelled).toEqual(['t2', 't3', 't4', 't5']);
    // 10 000 001 fen of fiscal money over three teams: 3 333 334 to the best-ranked, 3 333 333 to the others.
    expect(plan.added.filter((a) => a.source === 'FISCAL').map((a) => [a.projectId, a.amountFen])).toEqual([
      ['k1', 3_333_334n],
      ['k2', 3_333_334n],
      ['k3', 3_333_333n],
    ]);
    expect(plan.added.filter((a) => a.source === 'ENTERPRISE').every((a) => a.sourceInstitutionId === 'ent')).toBe(
      true,
    );
    // Institution matching stays with its institution.
    expect(plan.returned).toEqual([{ source: 'INSTITUTION', sourceInstitutionId: 'uni', amountFen: 20_000_00n }]);
  });

  it('preserves every source’s total exactly, whatever the tranches', () => {
    const sources = ['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.record({
            stopped: fc.integer({ min: 0, max: 2 }),
            source: fc.constantFrom(...sources),
            amount: fc.bigInt({ min: 0n, max: 10n ** 12n }),
            status: fc.constantFrom('PLANNED', 'APPROVED', 'PAID', 'CANCELLED'),
          }),
          { maxLength: 20 },
        ),
        (keptCount, rows) => {
          const kept = Array.from({ length: keptCount }, (_, i) => `k${i}`);
          const tranches = rows.map((r, i) =>
            tranche(
              `t${i}`,
              `s${r.stopped}`,
              r.source,
              r.amount,
              r.status as RaceTranche['status'],
              r.source === 'FISCAL' ? null : 'p',
            ),
          );
          const plan = planRaceCut(kept, ['s0', 's1', 's2'], tranches);
          for (const source of sources) {
            const cancelled = tranches
              .filter((t) => plan.cancelled.includes(t.id) && t.source === source)
              .reduce((s, t) => s + t.amountFen, 0n);
            const moved = [...plan.added, ...plan.returned]
              .filter((a) => a.source === source)
              .reduce((s, a) => s + a.amountFen, 0n);
            if (cancelled !== moved) return false;
          }
          return plan.added.every((a) => kept.includes(a.projectId) && a.amountFen > 0n);
        },
      ),
    );
  });
});

describe('raceStandingsFor: who sees which figures', () => {
  const ranked = rankRaceTeams(
    [
      { projectId: 'b', score: 70, kpiProgressBp: 5000, milestonesMissed: 1 },
      { projectId: 'a', score: 90, kpiProgressBp: 10000, milestonesMissed: 0 },
      { projectId: 'c', score: 80, kpiProgressBp: 7500, milestonesMissed: 0 },
    ],
    2,
  ).teams;

  it('shows staff and the issuer every figure, best first', () => {
    expect(raceStandingsFor(ranked, 'ALL').map((s) => [s.projectId, s.rank, s.keep, s.figures?.score])).toEqual([
      ['a', 1, true, 90],
      ['c', 2, true, 80],
      ['b', 3, false, 70],
    ]);
  });

  it('shows a team every rank and outcome but only its own figures', () => {
    const seen = raceStandingsFor(ranked, ['b']);
    expect(seen.map((s) => [s.projectId, s.rank, s.keep])).toEqual([
      ['a', 1, true],
      ['c', 2, true],
      ['b', 3, false],
    ]);
    expect(seen.map((s) => s.figures)).toEqual([null, null, { score: 70, kpiProgressBp: 5000, milestonesMissed: 1 }]);
    expect(raceStandingsFor(ranked, []).every((s) => s.figures === null)).toBe(true);
  });
});
