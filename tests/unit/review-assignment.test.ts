import { describe, expect, it } from 'vitest';
import {
  type AllowedPair,
  type AssignmentExpert,
  type AssignmentInput,
  type AssignmentResult,
  type FixedPair,
  greedyAssignment,
  minInternationalReviewers,
  reviewerRequirement,
  seededRandom,
  solveAssignment,
} from '@/domain/review/assignment';
import { defaultProgramRules } from '@/domain/program/rules';

// Random cases come from a seeded PRNG, so a failure names a seed that reproduces it.

interface Case extends AssignmentInput {
  allowed: AllowedPair[];
  fixed: FixedPair[];
}

interface Shape {
  apps: [number, number];
  experts: [number, number];
  required: [number, number];
  capacity: [number, number];
  density: number;
  internationalShare: number;
  fixedShare: number;
  maxAffinity: number;
}

function randomCase(seed: number, shape: Shape): Case {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const nA = int(...shape.apps);
  const nE = int(...shape.experts);
  const experts: AssignmentExpert[] = Array.from({ length: nE }, (_, j) => ({
    id: `e${j}`,
    capacity: int(...shape.capacity),
    isInternational: random() < shape.internationalShare,
  }));
  const applications = Array.from({ length: nA }, (_, i) => {
    const required = int(...shape.required);
    return { id: `a${i}`, required, minInternational: random() < 0.5 ? int(0, required) : 0 };
  });
  const allowed: AllowedPair[] = [];
  const fixed: FixedPair[] = [];
  for (const a of applications) {
    for (const e of experts) {
      const roll = random();
      if (roll < shape.fixedShare) fixed.push({ applicationId: a.id, expertId: e.id });
      else if (roll < shape.fixedShare + shape.density) {
        allowed.push({ applicationId: a.id, expertId: e.id, affinity: int(0, shape.maxAffinity) });
      }
    }
  }
  return { applications, experts, allowed, fixed };
}

const TINY: Shape = {
  apps: [1, 4],
  experts: [1, 5],
  required: [1, 3],
  capacity: [0, 3],
  density: 0.65,
  internationalShare: 0.4,
  fixedShare: 0.08,
  maxAffinity: 12,
};

const MEDIUM: Shape = {
  apps: [10, 40],
  experts: [5, 25],
  required: [1, 5],
  capacity: [0, 6],
  density: 0.35,
  internationalShare: 0.3,
  fixedShare: 0.03,
  maxAffinity: 1000,
};

/** The rules in the words of the brief, counted from the committed pairs; shared by every check below. */
function openSlots(c: Case) {
  const international = new Map(c.experts.map((e) => [e.id, e.isInternational]));
  return c.applications.map((a) => {
    const committed = c.fixed.filter((f) => f.applicationId === a.id);
    const committedInternational = committed.filter((f) => international.get(f.expertId)).length;
    const open = Math.max(0, a.required - committed.length);
    const internationalOpen = Math.min(open, Math.max(0, a.minInternational - committedInternational));
    return { id: a.id, open, domesticOpen: open - internationalOpen };
  });
}

function remainingCapacity(c: Case) {
  return new Map(
    c.experts.map((e) => [e.id, Math.max(0, e.capacity - c.fixed.filter((f) => f.expertId === e.id).length)]),
  );
}

/** Every hard rule: allowed pairs only, no duplicates or repeats of committed pairs, loads, k_a, international. */
function violations(c: Case, result: AssignmentResult): string[] {
  const problems: string[] = [];
  const allowed = new Map<string, number>();
  for (const p of c.allowed) {
    const key = `${p.applicationId}|${p.expertId}`;
    allowed.set(key, Math.max(allowed.get(key) ?? 0, p.affinity));
  }
  const committed = new Set(c.fixed.map((f) => `${f.applicationId}|${f.expertId}`));
  const international = new Map(c.experts.map((e) => [e.id, e.isInternational]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  const count = new Map<string, { all: number; domestic: number }>();
  let total = 0;
  for (const p of result.pairs) {
    const key = `${p.applicationId}|${p.expertId}`;
    if (!allowed.has(key)) problems.push(`not allowed ${key}`);
    else if (allowed.get(key) !== p.affinity) problems.push(`wrong affinity ${key}`);
    if (committed.has(key)) problems.push(`repeats committed ${key}`);
    if (seen.has(key)) problems.push(`duplicate ${key}`);
    seen.add(key);
    load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);
    const n = count.get(p.applicationId) ?? { all: 0, domestic: 0 };
    n.all++;
    if (!international.get(p.expertId)) n.domestic++;
    count.set(p.applicationId, n);
    total += p.affinity;
  }
  for (const [expertId, capacity] of remainingCapacity(c)) {
    if ((load.get(expertId) ?? 0) > capacity) problems.push(`over capacity ${expertId}`);
  }
  for (const slot of openSlots(c)) {
    const n = count.get(slot.id) ?? { all: 0, domestic: 0 };
    if (n.all > slot.open) problems.push(`too many reviewers on ${slot.id}`);
    if (n.domestic > slot.domesticOpen) problems.push(`domestic reviewer in an international slot of ${slot.id}`);
  }
  if (result.filledSlots !== result.pairs.length) problems.push('filledSlots ≠ pairs');
  if (Math.abs(result.totalAffinity - total) > 1e-9) problems.push('totalAffinity ≠ Σ affinity');
  return problems;
}

/** Best (filled slots, then affinity) by trying every subset of allowed pairs. */
function bruteForce(c: Case): { filled: number; affinity: number } {
  const committed = new Set(c.fixed.map((f) => `${f.applicationId}|${f.expertId}`));
  const best = new Map<string, AllowedPair>();
  for (const p of c.allowed) {
    const key = `${p.applicationId}|${p.expertId}`;
    if (committed.has(key)) continue;
    if ((best.get(key)?.affinity ?? -1) < p.affinity) best.set(key, p);
  }
  const pairs = [...best.values()];
  expect(pairs.length).toBeLessThanOrEqual(18);
  const slots = new Map(openSlots(c).map((s) => [s.id, s]));
  const capacity = remainingCapacity(c);
  const international = new Map(c.experts.map((e) => [e.id, e.isInternational]));
  let top = { filled: 0, affinity: 0 };
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const all = new Map<string, number>();
    const domestic = new Map<string, number>();
    const load = new Map<string, number>();
    let filled = 0;
    let affinity = 0;
    let ok = true;
    for (let i = 0; i < pairs.length && ok; i++) {
      if (!(mask & (1 << i))) continue;
      const p = pairs[i]!;
      const slot = slots.get(p.applicationId)!;
      const n = (all.get(p.applicationId) ?? 0) + 1;
      const d = (domestic.get(p.applicationId) ?? 0) + (international.get(p.expertId) ? 0 : 1);
      const l = (load.get(p.expertId) ?? 0) + 1;
      ok = n <= slot.open && d <= slot.domesticOpen && l <= capacity.get(p.expertId)!;
      all.set(p.applicationId, n);
      domestic.set(p.applicationId, d);
      load.set(p.expertId, l);
      filled++;
      affinity += p.affinity;
    }
    if (ok && (filled > top.filled || (filled === top.filled && affinity > top.affinity))) top = { filled, affinity };
  }
  return top;
}

/**
 * An independent min-cost max-flow (Bellman–Ford successive shortest paths on an explicit edge list, costs −affinity)
 * on the same two-tier network, with supplies and capacities × scale and each pair capped at pairCap. Slow and
 * simple: it checks the fast solver on cases too big to enumerate, and the randomised variant's LP value.
 */
function referenceFlow(c: Case, scale = 1, pairCap = 1): { filled: number; affinity: number } {
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const out: number[][] = [];
  const node = () => out.push([]) - 1;
  const edge = (u: number, v: number, capacity: number, w: number) => {
    for (const [a, b, k, x] of [
      [u, v, capacity, w],
      [v, u, 0, -w],
    ] as const) {
      out[a]!.push(to.length);
      to.push(b);
      cap.push(k);
      cost.push(x);
    }
  };
  const source = node();
  const sink = node();
  const slots = openSlots(c);
  const appNode = new Map<string, number>();
  const domesticNode = new Map<string, number>();
  for (const s of slots) {
    const a = node();
    const d = node();
    appNode.set(s.id, a);
    domesticNode.set(s.id, d);
    edge(source, a, s.open * scale, 0);
    edge(a, d, s.domesticOpen * scale, 0);
  }
  const expertNode = new Map<string, number>();
  for (const [id, capacity] of remainingCapacity(c)) {
    const e = node();
    expertNode.set(id, e);
    edge(e, sink, capacity * scale, 0);
  }
  const committed = new Set(c.fixed.map((f) => `${f.applicationId}|${f.expertId}`));
  const best = new Map<string, AllowedPair>();
  for (const p of c.allowed) {
    const key = `${p.applicationId}|${p.expertId}`;
    if (!committed.has(key) && (best.get(key)?.affinity ?? -1) < p.affinity) best.set(key, p);
  }
  const international = new Map(c.experts.map((e) => [e.id, e.isInternational]));
  for (const p of best.values()) {
    const from = international.get(p.expertId) ? appNode.get(p.applicationId)! : domesticNode.get(p.applicationId)!;
    edge(from, expertNode.get(p.expertId)!, pairCap, -p.affinity);
  }
  let filled = 0;
  let affinity = 0;
  for (;;) {
    const dist = new Array<number>(out.length).fill(Infinity);
    const via = new Array<number>(out.length).fill(-1);
    dist[source] = 0;
    for (let changed = true; changed;) {
      changed = false;
      for (let u = 0; u < out.length; u++) {
        if (dist[u] === Infinity) continue;
        for (const k of out[u]!) {
          if (cap[k]! > 0 && dist[u]! + cost[k]! < dist[to[k]!]!) {
            dist[to[k]!] = dist[u]! + cost[k]!;
            via[to[k]!] = k;
            changed = true;
          }
        }
      }
    }
    if (dist[sink] === Infinity) break;
    let push = Infinity;
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) push = Math.min(push, cap[via[v]!]!);
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= push;
      cap[via[v]! ^ 1]! += push;
    }
    filled += push;
    affinity -= push * dist[sink]!;
  }
  return { filled: filled / scale, affinity: affinity / scale };
}

const pairKeys = (r: AssignmentResult) => r.pairs.map((p) => `${p.applicationId}|${p.expertId}`);

describe('international reviewers required by a program', () => {
  it('round the share up, in integers', () => {
    expect(minInternationalReviewers(3, 0)).toBe(0);
    expect(minInternationalReviewers(3, 1)).toBe(1);
    expect(minInternationalReviewers(3, 3333)).toBe(1);
    expect(minInternationalReviewers(3, 3334)).toBe(2); // 1.0002 → 2: a float ceil could get this wrong
    expect(minInternationalReviewers(5, 4000)).toBe(2);
    expect(minInternationalReviewers(5, 4001)).toBe(3);
    expect(minInternationalReviewers(3, 10_000)).toBe(3);
    expect(() => minInternationalReviewers(3, 10_001)).toThrow(RangeError);
    expect(() => minInternationalReviewers(2.5, 100)).toThrow(RangeError);
  });

  it("come from the program's mail-review rules", () => {
    expect(reviewerRequirement(defaultProgramRules('EXCELLENT_YOUNG').mailReview!)).toEqual({
      required: 5,
      minInternational: 2,
    });
    expect(reviewerRequirement(defaultProgramRules('GENERAL').mailReview!)).toEqual({
      required: 3,
      minInternational: 0,
    });
  });
});

describe('exact assignment', () => {
  it('is optimal on small random cases: as many slots as possible, then the most affinity (brute force)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const c = randomCase(seed, TINY);
      const result = solveAssignment(c);
      expect(violations(c, result), `seed ${seed}`).toEqual([]);
      const best = bruteForce(c);
      expect({ filled: result.filledSlots, affinity: result.totalAffinity }, `seed ${seed}`).toEqual(best);
    }
  });

  it('matches an independent min-cost flow on larger random cases, and never breaks a rule', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const c = randomCase(1000 + seed, MEDIUM);
      const result = solveAssignment(c);
      expect(violations(c, result), `seed ${seed}`).toEqual([]);
      expect({ filled: result.filledSlots, affinity: result.totalAffinity }, `seed ${seed}`).toEqual(referenceFlow(c));
    }
  });

  it('never breaks a rule on many random cases, and never does worse than greedy', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const c = randomCase(5000 + seed, { ...MEDIUM, density: 0.1 + (seed % 7) / 10, capacity: [0, 1 + (seed % 9)] });
      const exact = solveAssignment(c);
      const greedy = greedyAssignment(c);
      expect(violations(c, exact), `seed ${seed}`).toEqual([]);
      expect(violations(c, greedy), `greedy, seed ${seed}`).toEqual([]);
      expect(exact.filledSlots, `seed ${seed}`).toBeGreaterThanOrEqual(greedy.filledSlots);
      if (exact.filledSlots === greedy.filledSlots)
        expect(exact.totalAffinity).toBeGreaterThanOrEqual(greedy.totalAffinity);
    }
  });

  it('scales fractional affinities to integers deterministically, within rounding of the true optimum', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const c = randomCase(9000 + seed, TINY);
      const random = seededRandom(seed);
      const fractional = { ...c, allowed: c.allowed.map((p) => ({ ...p, affinity: p.affinity * random() })) };
      const result = solveAssignment(fractional);
      expect(violations(fractional, result)).toEqual([]);
      const best = bruteForce(fractional);
      expect(result.filledSlots).toBe(best.filled);
      // Each pair's integer cost is off by at most half a unit of 10⁻⁶ × the largest affinity.
      const largest = Math.max(0, ...fractional.allowed.map((p) => p.affinity));
      expect(result.totalAffinity).toBeGreaterThanOrEqual(best.affinity - result.filledSlots * largest * 1e-6);
      expect(solveAssignment(fractional)).toEqual(result);
    }
  });

  it('gives the same answer whatever the order of the allowed pairs, and whichever form they come in', () => {
    const c = randomCase(77, MEDIUM);
    const result = solveAssignment(c);
    const shuffled = [...c.allowed].reverse();
    expect(solveAssignment({ ...c, allowed: shuffled })).toEqual(result);
    const appIndex = new Map(c.applications.map((a, i) => [a.id, i]));
    const expertIndex = new Map(c.experts.map((e, i) => [e.id, i]));
    const columns = {
      application: Int32Array.from(shuffled, (p) => appIndex.get(p.applicationId)!),
      expert: Int32Array.from(shuffled, (p) => expertIndex.get(p.expertId)!),
      affinity: Float64Array.from(shuffled, (p) => p.affinity),
    };
    expect(solveAssignment({ ...c, allowed: columns })).toEqual(result);
    const lookup = new Map(c.allowed.map((p) => [`${p.applicationId}|${p.expertId}`, p.affinity]));
    expect(solveAssignment({ ...c, allowed: (a, e) => lookup.get(`${a.id}|${e.id}`) ?? null })).toEqual(result);
  });

  it('keeps the best affinity of a pair listed twice, and refuses malformed input', () => {
    const base = {
      applications: [{ id: 'a', required: 1, minInternational: 0 }],
      experts: [{ id: 'x', capacity: 1, isInternational: false }],
    };
    const twice = solveAssignment({
      ...base,
      allowed: [
        { applicationId: 'a', expertId: 'x', affinity: 2 },
        { applicationId: 'a', expertId: 'x', affinity: 5 },
      ],
    });
    expect(twice.pairs).toEqual([{ applicationId: 'a', expertId: 'x', affinity: 5 }]);
    const bad = (patch: Partial<AssignmentInput>) => () => solveAssignment({ ...base, allowed: [], ...patch });
    expect(bad({ allowed: [{ applicationId: 'a', expertId: 'y', affinity: 1 }] })).toThrow(/unknown expert/);
    expect(bad({ allowed: [{ applicationId: 'a', expertId: 'x', affinity: -1 }] })).toThrow(RangeError);
    expect(bad({ allowed: [{ applicationId: 'a', expertId: 'x', affinity: Number.NaN }] })).toThrow(RangeError);
    expect(bad({ applications: [{ id: 'a', required: 2, minInternational: 3 }] })).toThrow(RangeError);
    expect(bad({ experts: [...base.experts, ...base.experts] })).toThrow(/duplicate expert/);
    expect(bad({ fixed: [{ applicationId: 'b', expertId: 'x' }] })).toThrow(/unknown application/);
  });
});

describe('international minimum', () => {
  // Two domestic experts with high affinity and one international with low affinity: greedy fills both slots with
  // the domestic pair and leaves the international slot empty; the solver must not.
  const input = {
    applications: [{ id: 'a', required: 2, minInternational: 1 }],
    experts: [
      { id: 'd1', capacity: 5, isInternational: false },
      { id: 'd2', capacity: 5, isInternational: false },
      { id: 'i1', capacity: 5, isInternational: true },
    ],
    allowed: [
      { applicationId: 'a', expertId: 'd1', affinity: 9 },
      { applicationId: 'a', expertId: 'd2', affinity: 8 },
      { applicationId: 'a', expertId: 'i1', affinity: 1 },
    ],
  };

  it('is honoured when it can be, even at a cost in affinity', () => {
    const result = solveAssignment(input);
    expect(pairKeys(result)).toEqual(['a|d1', 'a|i1']);
    expect(result.shortfalls).toEqual([]);
  });

  it('counts international experts beyond the minimum as ordinary reviewers', () => {
    const result = solveAssignment({
      ...input,
      allowed: [...input.allowed, { applicationId: 'a', expertId: 'i2', affinity: 10 }],
      experts: [...input.experts, { id: 'i2', capacity: 1, isInternational: true }],
    });
    expect(pairKeys(result)).toEqual(['a|d1', 'a|i2']);
  });

  it('is never met with a domestic expert: the slot stays empty and is reported', () => {
    const result = solveAssignment({ ...input, allowed: input.allowed.filter((p) => p.expertId !== 'i1') });
    expect(pairKeys(result)).toEqual(['a|d1']);
    expect(result.shortfalls).toEqual([
      {
        applicationId: 'a',
        required: 2,
        assigned: 1,
        missing: 1,
        internationalRequired: 1,
        internationalAssigned: 0,
        eligibleExperts: 2,
        eligibleInternational: 0,
        reason: 'NOT_ENOUGH_INTERNATIONAL',
      },
    ]);
  });

  it('goes to the application that needs it when international experts are scarce', () => {
    const result = solveAssignment({
      applications: [
        { id: 'needs', required: 1, minInternational: 1 },
        { id: 'free', required: 1, minInternational: 0 },
      ],
      experts: [
        { id: 'i', capacity: 1, isInternational: true },
        { id: 'd', capacity: 1, isInternational: false },
      ],
      allowed: [
        { applicationId: 'free', expertId: 'i', affinity: 100 },
        { applicationId: 'free', expertId: 'd', affinity: 1 },
        { applicationId: 'needs', expertId: 'i', affinity: 1 },
        { applicationId: 'needs', expertId: 'd', affinity: 100 },
      ],
    });
    expect(pairKeys(result)).toEqual(['needs|i', 'free|d']);
  });
});

describe('shortfalls', () => {
  it('name the reason: too few eligible experts, the international rule, or loads taken elsewhere', () => {
    const result = solveAssignment({
      applications: [
        { id: 'few', required: 3, minInternational: 0 },
        { id: 'busy', required: 2, minInternational: 0 },
        { id: 'rival', required: 2, minInternational: 0 },
        { id: 'ok', required: 1, minInternational: 0 },
      ],
      experts: [
        { id: 'x', capacity: 2, isInternational: false },
        { id: 'y', capacity: 1, isInternational: false },
        { id: 'z', capacity: 5, isInternational: false },
      ],
      allowed: [
        { applicationId: 'few', expertId: 'z', affinity: 1 },
        { applicationId: 'busy', expertId: 'x', affinity: 1 },
        { applicationId: 'busy', expertId: 'y', affinity: 1 },
        { applicationId: 'rival', expertId: 'x', affinity: 5 },
        { applicationId: 'rival', expertId: 'y', affinity: 5 },
        { applicationId: 'ok', expertId: 'z', affinity: 1 },
      ],
    });
    expect(result.filledSlots).toBe(5);
    expect(result.openSlots).toBe(8);
    expect(result.shortfalls.map((s) => [s.applicationId, s.missing, s.reason])).toEqual([
      ['few', 2, 'NOT_ENOUGH_ELIGIBLE'],
      ['busy', 1, 'CAPACITY'], // x and y serve rival, where they score higher
    ]);
  });

  it('never leave a slot empty that another optimal choice would fill (maximum slots before affinity)', () => {
    // Greedy gives x to the high-affinity application and leaves the other one empty; the solver fills both.
    const input = {
      applications: [
        { id: 'p', required: 1, minInternational: 0 },
        { id: 'q', required: 1, minInternational: 0 },
      ],
      experts: [
        { id: 'x', capacity: 1, isInternational: false },
        { id: 'y', capacity: 1, isInternational: false },
      ],
      allowed: [
        { applicationId: 'p', expertId: 'x', affinity: 100 },
        { applicationId: 'p', expertId: 'y', affinity: 1 },
        { applicationId: 'q', expertId: 'x', affinity: 99 },
      ],
    };
    expect(greedyAssignment(input).filledSlots).toBe(1);
    const result = solveAssignment(input);
    expect(pairKeys(result)).toEqual(['p|y', 'q|x']);
    expect(result.totalAffinity).toBe(100);
  });
});

describe('committed (fixed) assignments', () => {
  const input = {
    applications: [
      { id: 'a', required: 2, minInternational: 1 },
      { id: 'b', required: 2, minInternational: 0 },
    ],
    experts: [
      { id: 'i', capacity: 2, isInternational: true },
      { id: 'd', capacity: 2, isInternational: false },
      { id: 'e', capacity: 2, isInternational: false },
    ],
    allowed: [
      { applicationId: 'a', expertId: 'i', affinity: 5 },
      { applicationId: 'a', expertId: 'd', affinity: 5 },
      { applicationId: 'a', expertId: 'e', affinity: 5 },
      { applicationId: 'b', expertId: 'i', affinity: 5 },
      { applicationId: 'b', expertId: 'd', affinity: 5 },
      { applicationId: 'b', expertId: 'e', affinity: 5 },
    ],
  };

  it("count toward the application's reviewers, its international minimum and the expert's load", () => {
    const result = solveAssignment({
      ...input,
      fixed: [
        { applicationId: 'a', expertId: 'i' },
        { applicationId: 'b', expertId: 'd' },
        { applicationId: 'b', expertId: 'e' },
      ],
      experts: input.experts.map((e) => (e.id === 'i' ? { ...e, capacity: 1 } : e)),
    });
    // a has its international reviewer and needs one more; i is full; b is complete.
    expect(pairKeys(result)).toEqual([expect.stringMatching(/^a\|[de]$/)]);
    expect(result.openSlots).toBe(1);
    expect(result.shortfalls).toEqual([]);
  });

  it('are never proposed again, and a committed domestic pair cannot take an international slot', () => {
    const result = solveAssignment({ ...input, fixed: [{ applicationId: 'a', expertId: 'd' }] });
    expect(pairKeys(result)).not.toContain('a|d');
    expect(pairKeys(result)).toContain('a|i');
    const full = solveAssignment({
      ...input,
      allowed: input.allowed.filter((p) => p.expertId !== 'i'),
      fixed: [
        { applicationId: 'a', expertId: 'd' },
        { applicationId: 'a', expertId: 'e' },
      ],
    });
    expect(full.shortfalls).toEqual([
      expect.objectContaining({
        applicationId: 'a',
        missing: 0,
        internationalAssigned: 0,
        reason: 'NOT_ENOUGH_INTERNATIONAL',
      }),
    ]);
  });

  it('that already exceed the limits simply leave nothing open', () => {
    const result = solveAssignment({
      ...input,
      applications: [{ id: 'a', required: 1, minInternational: 0 }, input.applications[1]!],
      fixed: [
        { applicationId: 'a', expertId: 'd' },
        { applicationId: 'a', expertId: 'e' },
        { applicationId: 'b', expertId: 'i' },
        { applicationId: 'b', expertId: 'i' },
      ],
      experts: input.experts.map((e) => ({ ...e, capacity: e.id === 'i' ? 0 : 1 })),
    });
    expect(result.pairs).toEqual([]);
    expect(result.openSlots).toBe(1);
    expect(result.shortfalls).toEqual([
      expect.objectContaining({ applicationId: 'b', missing: 1, reason: 'CAPACITY' }),
    ]);
  });
});

describe('randomised assignment (probability cap against lobbying)', () => {
  // 4 applications × 2 reviewers, 6 experts of 2 reviews each, everyone eligible: without a cap the optimum makes
  // its pairs certain, so a lobbyist who inflates one affinity gets the pair.
  const random = seededRandom(42);
  const small: Case = {
    applications: Array.from({ length: 4 }, (_, i) => ({
      id: `a${i}`,
      required: 2,
      minInternational: i === 0 ? 1 : 0,
    })),
    experts: Array.from({ length: 6 }, (_, j) => ({ id: `e${j}`, capacity: 2, isInternational: j < 2 })),
    allowed: [],
    fixed: [],
  };
  for (const a of small.applications) {
    for (const e of small.experts)
      small.allowed.push({ applicationId: a.id, expertId: e.id, affinity: 1 + Math.floor(random() * 20) });
  }

  it('reports pair probabilities within the cap whose expected affinity is the capped LP optimum', () => {
    for (const q of [0.5, 0.34, 0.75]) {
      const result = solveAssignment(small, { maxPairProbability: q, seed: 1 });
      const info = result.randomised!;
      expect(info.effectiveCap).toBeLessThanOrEqual(q);
      for (const p of info.probabilities) expect(p.probability).toBeLessThanOrEqual(info.effectiveCap);
      const affinityOf = new Map(small.allowed.map((p) => [`${p.applicationId}|${p.expertId}`, p.affinity]));
      const expected = info.probabilities.reduce(
        (sum, p) => sum + p.probability * affinityOf.get(`${p.applicationId}|${p.expertId}`)!,
        0,
      );
      expect(info.expectedAffinity).toBeCloseTo(expected, 9);
    }
    const half = solveAssignment(small, { maxPairProbability: 0.5, seed: 1 }).randomised!;
    expect(half.effectiveCap).toBe(0.5);
    expect(half.expectedAffinity).toBeCloseTo(referenceFlow(small, 2, 1).affinity, 9);
    const third = solveAssignment(small, { maxPairProbability: 0.34, seed: 1 }).randomised!;
    expect(third.effectiveCap).toBeCloseTo(1 / 3, 12);
    expect(third.expectedAffinity).toBeCloseTo(referenceFlow(small, 3, 1).affinity, 9);
    expect(solveAssignment(small, { maxPairProbability: 0.3, seed: 1 }).randomised!.effectiveCap).toBeCloseTo(0.3, 12);
  });

  it('keeps every rule in every sample and fills every slot the LP fills', () => {
    for (let seed = 0; seed < 300; seed++) {
      const result = solveAssignment(small, { maxPairProbability: 0.5, seed });
      expect(violations(small, result), `seed ${seed}`).toEqual([]);
      expect(result.filledSlots).toBe(8);
    }
  });

  it('chooses each pair about as often as its probability, never noticeably above the cap', () => {
    const runs = 3000;
    const seen = new Map<string, number>();
    let affinity = 0;
    for (let seed = 0; seed < runs; seed++) {
      const result = solveAssignment(small, { maxPairProbability: 0.5, seed });
      affinity += result.totalAffinity;
      for (const key of pairKeys(result)) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const info = solveAssignment(small, { maxPairProbability: 0.5, seed: 0 }).randomised!;
    const probability = new Map(info.probabilities.map((p) => [`${p.applicationId}|${p.expertId}`, p.probability]));
    // Four standard deviations of a frequency over 3000 runs is at most 0.037.
    for (const [key, count] of seen) {
      expect(count / runs, key).toBeLessThanOrEqual(0.5 + 0.037);
      expect(Math.abs(count / runs - (probability.get(key) ?? 0)), key).toBeLessThan(0.037);
    }
    expect(affinity / runs).toBeCloseTo(info.expectedAffinity, 0);
  });

  it('is reproducible for a seed, and varies between seeds', () => {
    const a = solveAssignment(small, { maxPairProbability: 0.5, seed: 7 });
    expect(solveAssignment(small, { maxPairProbability: 0.5, seed: 7 })).toEqual(a);
    const others = new Set(
      Array.from({ length: 20 }, (_, s) =>
        pairKeys(solveAssignment(small, { maxPairProbability: 0.5, seed: s })).join(),
      ),
    );
    expect(others.size).toBeGreaterThan(1);
  });

  it('respects the rules on random cases with committed pairs and international minimums', () => {
    // ¾ = 3/4 lets a pair carry up to 3 units in the scaled network, which exercises partial back arcs.
    const caps = [
      { q: 0.5, scale: 2, pairCap: 1 },
      { q: 0.34, scale: 3, pairCap: 1 },
      { q: 0.75, scale: 4, pairCap: 3 },
    ];
    for (let seed = 1; seed <= 90; seed++) {
      const { q, scale, pairCap } = caps[seed % 3]!;
      const c = randomCase(7000 + seed, MEDIUM);
      const result = solveAssignment(c, { maxPairProbability: q, seed });
      expect(violations(c, result), `seed ${seed}`).toEqual([]);
      for (const p of result.randomised!.probabilities) expect(p.probability).toBeLessThanOrEqual(q);
      const lp = referenceFlow(c, scale, pairCap);
      expect(result.randomised!.expectedAffinity, `seed ${seed}`).toBeCloseTo(lp.affinity, 6);
      const expectedSlots = result.randomised!.probabilities.reduce((sum, p) => sum + p.probability, 0);
      expect(expectedSlots, `seed ${seed}`).toBeCloseTo(lp.filled, 9);
    }
  });

  it('reports applications the cap keeps from being filled', () => {
    const result = solveAssignment(
      {
        applications: [{ id: 'a', required: 2, minInternational: 0 }],
        experts: [
          { id: 'x', capacity: 1, isInternational: false },
          { id: 'y', capacity: 1, isInternational: false },
          { id: 'z', capacity: 1, isInternational: false },
        ],
        allowed: ['x', 'y', 'z'].map((expertId) => ({ applicationId: 'a', expertId, affinity: 1 })),
      },
      { maxPairProbability: 0.5, seed: 3 },
    );
    // Three experts at most ½ each carry 1.5 reviewers in expectation: one or two per sample.
    expect(result.randomised!.probabilities.map((p) => p.probability)).toEqual([0.5, 0.5, 0.5]);
    expect(result.pairs.length === 1 || result.pairs.length === 2).toBe(true);
    if (result.pairs.length === 1) expect(result.shortfalls[0]!.reason).toBe('PROBABILITY_CAP');
  });

  it('is the deterministic optimum when the cap is 1 or absent', () => {
    expect(solveAssignment(small, { maxPairProbability: 1, seed: 5 })).toEqual(solveAssignment(small));
    expect(() => solveAssignment(small, { maxPairProbability: 0 })).toThrow(RangeError);
    expect(() => solveAssignment(small, { maxPairProbability: 0.01 })).toThrow(RangeError);
  });
});
