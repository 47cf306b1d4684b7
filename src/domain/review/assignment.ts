// Automatic reviewer assignment (通讯评审专家分配): a pure solver, no I/O. The server module loads the call's
// applications, the expert pool, conflicts and current loads, and turns the result into PROPOSED ReviewAssignments
// that staff inspect and adjust before inviting (DATA-MODEL §3.4).
//
// THE MODEL. Application a needs k_a reviewers, at least m_a of them international (m_a from the program's
// `mailReview.minInternationalShareBp`, see `minInternationalReviewers`). Expert e may take c_e more reviews. A pair
// (a, e) may be used at most once and only if the caller listed it as allowed: conflicts (回避), unavailability and
// sanctions are simply pairs the caller leaves out. Already committed pairs (`fixed`) count toward k_a, m_a and c_e.
// The objective is lexicographic: first fill as many slots as possible, then maximise the total affinity.
//
// THE NETWORK. A min-cost flow on
//     application node A ──(international candidates)──────────────► expert e ──(cap c_e)──► sink
//            └──(cap k_a − m_a)──► domestic node A′ ──(domestic)──►  expert e
//            └──(cost M, unbounded)──► sink                                      ("unfilled slot")
// with k_a units of supply at A. Every domestic reviewer passes through A′, so at most k_a − m_a of the k_a slots go
// to domestic experts: the remaining m_a can only be filled by international experts, or stay empty. This is the strict
// reading of the program rule (a minimum share is a minimum), so the solver never proposes a panel that breaks it; an
// application whose international slots cannot be filled is reported with NOT_ENOUGH_INTERNATIONAL or CAPACITY and
// staff decide by hand. The "unfilled" arc makes every supply placeable, and its cost M = (total supply × largest pair
// cost) + 1 exceeds any affinity difference between two assignments, so minimum cost means maximum slots first.
//
// INTEGER COSTS. A pair's cost is C − ā where ā is its affinity as an integer: affinities that are already integers up
// to 10⁶ are used as they are (exact), anything else is scaled so the largest becomes 10⁶ and rounded — the same input
// always gives the same costs, so runs are reproducible, and "optimal" means optimal for those integers (differences
// below 10⁻⁶ of the largest affinity are ties). All distances are integers well below 2⁵³, so float64 is exact.
//
// THE ALGORITHM. Successive shortest paths with node potentials, one unit of supply at a time from its own
// application (the Jonker–Volgenant form of the Hungarian method): a Dijkstra over reduced costs from A that stops as
// soon as the sink is the nearest node, then only the settled nodes' potentials move (π += d − D), which keeps every
// residual reduced cost ≥ 0. Each augmentation therefore yields a min-cost flow for the supply placed so far, and the
// last one is optimal (the final potentials are the dual certificate). Experts with room always have potential 0 and
// full ones a negative potential (a price), so each application's pairs, sorted by cost, can be scanned only while
// dist + π(A) + cost could still beat the best sink found. Slots are placed round-robin (everyone's first slot, then
// everyone's second); in the benchmark that did slightly better than application by application. Early searches
// settle A and its best free expert and stop; the work is in the last few thousand slots of the fields that are short
// of experts, where a search floods the field looking for the cheapest chain of displacements (benchmark: 30 000
// searches, 1.9 M settled nodes, ~5 s). The graph is compressed adjacency in typed arrays; the only residual back arcs
// are each expert's list of the pairs it holds, with their heads and costs copied alongside for the cache.
//
// RANDOMISED VARIANT (`maxPairProbability: q`, OpenReview's defence against lobbying, Jecmen et al. 2020). We take the
// largest fraction p/r ≤ q with r ≤ 20, multiply supplies and capacities by r and cap each pair arc at p: the integral
// min-cost flow of that network, divided by r, is an optimal solution of the LP relaxation in which every pair carries
// at most q′ = p/r (the LP is integral at resolution 1/r). Dependent rounding on the flow's cycles (pick a cycle of
// fractional arcs, push ±δ with probabilities that keep each arc's expectation, repeat until all are integral) then
// samples one assignment. Guarantees: each pair is chosen with probability exactly its fractional value, so ≤ q′ ≤ q
// (q′ can be below q: 0.34 gives ⅓); every expert's and every domestic node's load is rounded to the floor or ceiling
// of its fractional value, so loads and the domestic-slot limit hold in every sample; an application that the LP
// fills completely gets exactly k_a reviewers, m_a of them international, in every sample; the expected number of
// filled slots is the most any assignment lottery with that cap can reach, and the expected affinity is the best among
// those lotteries. The price: an application with fewer than k_a/q′ eligible experts cannot be filled in expectation
// (reported as PROBABILITY_CAP). The PRNG is seeded, so a seed reproduces its sample. It is one seeded sample, not a
// proof of fairness: the guarantee is about the distribution, so staff must not re-draw until they like the result —
// the server should store the seed and the probabilities with the run.

const MAX_INTEGER_AFFINITY = 1_000_000;
const MAX_DENOMINATOR = 20;

export interface AssignmentApplication {
  id: string;
  /** k_a: reviewers this application needs in total, committed (`fixed`) ones included. */
  required: number;
  /** m_a: how many of them must be international; see `minInternationalReviewers`. */
  minInternational: number;
}

export interface AssignmentExpert {
  id: string;
  /** Reviews this expert may still take in this call (load limit − current load), before the `fixed` pairs below. */
  capacity: number;
  isInternational: boolean;
}

/** An allowed pair: conflicted or unavailable experts are simply not listed. Affinity ≥ 0, higher is better. */
export interface AllowedPair {
  applicationId: string;
  expertId: string;
  affinity: number;
}

/** The same list by position in `applications` / `experts`, for large calls (no per-pair objects). */
export interface AllowedPairColumns {
  application: Int32Array;
  expert: Int32Array;
  affinity: Float64Array;
}

/** Affinity of a pair, or null when the pair is not allowed. Called once per application × expert. */
export type AffinityFunction = (application: AssignmentApplication, expert: AssignmentExpert) => number | null;

export interface FixedPair {
  applicationId: string;
  expertId: string;
}

export interface AssignmentInput {
  applications: readonly AssignmentApplication[];
  experts: readonly AssignmentExpert[];
  allowed: readonly AllowedPair[] | AllowedPairColumns | AffinityFunction;
  /** Pairs already committed: they count toward k_a, m_a and the expert's capacity and are never proposed again. */
  fixed?: readonly FixedPair[];
}

export interface AssignmentOptions {
  /** Cap on any one pair's probability (0 < q < 1) for a randomised assignment; absent or ≥ 1: deterministic. */
  maxPairProbability?: number;
  /** Seed for the randomised variant; the same seed gives the same sample. */
  seed?: number;
}

export interface AssignedPair {
  applicationId: string;
  expertId: string;
  affinity: number;
}

export type ShortfallReason =
  /** Fewer allowed experts than open slots, whatever their loads. */
  | 'NOT_ENOUGH_ELIGIBLE'
  /** Fewer allowed international experts than the minimum (or committed domestic reviewers took the slots). */
  | 'NOT_ENOUGH_INTERNATIONAL'
  /** Enough experts are allowed, but their loads are needed elsewhere (the solver's choice is globally optimal). */
  | 'CAPACITY'
  /** Randomised variant only: too few allowed experts to fill the slots with no pair above the probability cap. */
  | 'PROBABILITY_CAP';

export interface Shortfall {
  applicationId: string;
  required: number;
  /** Reviewers after this run, committed ones included. */
  assigned: number;
  missing: number;
  internationalRequired: number;
  internationalAssigned: number;
  /** Allowed experts not already committed to this application, ignoring their loads. */
  eligibleExperts: number;
  eligibleInternational: number;
  reason: ShortfallReason;
}

export interface AssignmentResult {
  /** New pairs only (committed ones are not repeated), ordered by application then expert as given. */
  pairs: AssignedPair[];
  /** Sum of the new pairs' affinities (raw values, not the integer costs). */
  totalAffinity: number;
  filledSlots: number;
  /** Slots that were open before this run: Σ max(0, k_a − committed). */
  openSlots: number;
  /** Applications not fully covered, or whose international minimum is not met, in input order. */
  shortfalls: Shortfall[];
  /** Present for the randomised variant. */
  randomised?: {
    /** The cap actually applied, p/r ≤ maxPairProbability. */
    effectiveCap: number;
    seed: number;
    /** Expected total affinity = the LP optimum under the cap. */
    expectedAffinity: number;
    /** Each pair's probability of being chosen in a sample (the fractional LP solution), pairs with zero omitted. */
    probabilities: { applicationId: string; expertId: string; probability: number }[];
  };
}

/** m_a: the program's share in basis points of the reviewers, rounded up (3 reviewers at 40 % → 2). */
export function minInternationalReviewers(expertsPerApplication: number, minInternationalShareBp: number): number {
  if (!Number.isInteger(expertsPerApplication) || expertsPerApplication < 0) {
    throw new RangeError('expertsPerApplication must be a non-negative integer');
  }
  if (!Number.isInteger(minInternationalShareBp) || minInternationalShareBp < 0 || minInternationalShareBp > 10_000) {
    throw new RangeError('minInternationalShareBp must be an integer in 0..10000');
  }
  // Integer ceiling: Math.ceil on k × bp / 10 000 as a float could round 3 × 3334 / 10 000 the wrong way.
  return Math.floor((expertsPerApplication * minInternationalShareBp + 9_999) / 10_000);
}

/** k_a and m_a from a program's `mailReview` rules. */
export function reviewerRequirement(mailReview: { expertsPerApplication: number; minInternationalShareBp: number }): {
  required: number;
  minInternational: number;
} {
  return {
    required: mailReview.expertsPerApplication,
    minInternational: minInternationalReviewers(mailReview.expertsPerApplication, mailReview.minInternationalShareBp),
  };
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The compact problem both solvers work on. Each application's usable pairs form two ranges — the arcs leaving A
 * (international experts, or every expert when m_a = 0), then those leaving A′ — each sorted by (cost, expert).
 */
interface Prepared {
  input: AssignmentInput;
  nA: number;
  nE: number;
  /** Open slots and international slots after the committed pairs. */
  kOpen: Int32Array;
  mOpen: Int32Array;
  /** International slots still needed, before clamping to kOpen (committed domestic reviewers can make it exceed). */
  mNeeded: Int32Array;
  fixedCount: Int32Array;
  fixedInternational: Int32Array;
  capOpen: Int32Array;
  international: Uint8Array;
  eligible: Int32Array;
  eligibleInternational: Int32Array;
  /** Usable pairs: application a owns pairStart[a] .. pairStart[a + 1]; from pairSplit[a] on they go through A′. */
  pairStart: Int32Array;
  pairSplit: Int32Array;
  pairApp: Int32Array;
  pairExpert: Int32Array;
  pairAffinity: Float64Array;
  pairCost: Float64Array;
  pairViaDomestic: Uint8Array;
}

function checkCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer`);
}

function indexById<T extends { id: string }>(items: readonly T[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new RangeError(`duplicate ${what} id ${item.id}`);
    index.set(item.id, i);
  });
  return index;
}

function lookup(index: Map<string, number>, id: string, what: string): number {
  const i = index.get(id);
  if (i === undefined) throw new RangeError(`unknown ${what} id ${id}`);
  return i;
}

function collectPairs(
  input: AssignmentInput,
  appIndex: Map<string, number>,
  expertIndex: Map<string, number>,
): AllowedPairColumns {
  const { allowed, applications, experts } = input;
  if (typeof allowed === 'function') {
    const app: number[] = [];
    const exp: number[] = [];
    const aff: number[] = [];
    applications.forEach((a, i) =>
      experts.forEach((e, j) => {
        const value = allowed(a, e);
        if (value === null) return;
        app.push(i);
        exp.push(j);
        aff.push(value);
      }),
    );
    return { application: Int32Array.from(app), expert: Int32Array.from(exp), affinity: Float64Array.from(aff) };
  }
  if ('length' in allowed) {
    const n = allowed.length;
    const columns = { application: new Int32Array(n), expert: new Int32Array(n), affinity: new Float64Array(n) };
    allowed.forEach((p, i) => {
      columns.application[i] = lookup(appIndex, p.applicationId, 'application');
      columns.expert[i] = lookup(expertIndex, p.expertId, 'expert');
      columns.affinity[i] = p.affinity;
    });
    return columns;
  }
  const n = allowed.application.length;
  if (allowed.expert.length !== n || allowed.affinity.length !== n)
    throw new RangeError('pair columns differ in length');
  for (let i = 0; i < n; i++) {
    const a = allowed.application[i]!;
    const e = allowed.expert[i]!;
    if (a < 0 || a >= applications.length || e < 0 || e >= experts.length)
      throw new RangeError('pair index out of range');
  }
  return allowed;
}

function prepare(input: AssignmentInput): Prepared {
  const { applications, experts } = input;
  const nA = applications.length;
  const nE = experts.length;
  const appIndex = indexById(applications, 'application');
  const expertIndex = indexById(experts, 'expert');

  const international = new Uint8Array(nE);
  const capOpen = new Int32Array(nE);
  experts.forEach((e, j) => {
    if (!Number.isInteger(e.capacity)) throw new RangeError(`capacity of expert ${e.id} must be an integer`);
    international[j] = e.isInternational ? 1 : 0;
    // A negative capacity (already over the limit) simply means "no more".
    capOpen[j] = Math.max(0, e.capacity);
  });

  const fixedCount = new Int32Array(nA);
  const fixedInternational = new Int32Array(nA);
  const fixedKeys = new Set<number>();
  for (const f of input.fixed ?? []) {
    const a = lookup(appIndex, f.applicationId, 'application');
    const e = lookup(expertIndex, f.expertId, 'expert');
    const key = a * nE + e;
    if (fixedKeys.has(key)) continue;
    fixedKeys.add(key);
    fixedCount[a]!++;
    if (international[e]) fixedInternational[a]!++;
    capOpen[e] = Math.max(0, capOpen[e]! - 1);
  }

  const kOpen = new Int32Array(nA);
  const mOpen = new Int32Array(nA);
  const mNeeded = new Int32Array(nA);
  applications.forEach((a, i) => {
    checkCount(a.required, `required of application ${a.id}`);
    checkCount(a.minInternational, `minInternational of application ${a.id}`);
    if (a.minInternational > a.required) throw new RangeError(`minInternational exceeds required for ${a.id}`);
    kOpen[i] = Math.max(0, a.required - fixedCount[i]!);
    mNeeded[i] = Math.max(0, a.minInternational - fixedInternational[i]!);
    mOpen[i] = Math.min(mNeeded[i]!, kOpen[i]!);
  });

  const raw = collectPairs(input, appIndex, expertIndex);
  const n = raw.application.length;

  // One integer scale for the whole call, fixed by the raw values only, so equal inputs give equal costs.
  let maxAffinity = 0;
  let allIntegers = true;
  for (let i = 0; i < n; i++) {
    const affinity = raw.affinity[i]!;
    if (!Number.isFinite(affinity) || affinity < 0) throw new RangeError('affinity must be a finite number ≥ 0');
    if (affinity > maxAffinity) maxAffinity = affinity;
    if (allIntegers && !Number.isInteger(affinity)) allIntegers = false;
  }
  const integerScale = allIntegers && maxAffinity <= MAX_INTEGER_AFFINITY;
  const scale = integerScale || maxAffinity === 0 ? 1 : MAX_INTEGER_AFFINITY / maxAffinity;
  const maxScaled = integerScale ? maxAffinity : maxAffinity === 0 ? 0 : MAX_INTEGER_AFFINITY;

  // Group by application; callers usually list pairs that way already, and then nothing moves.
  let grouped = true;
  for (let i = 1; i < n && grouped; i++) if (raw.application[i]! < raw.application[i - 1]!) grouped = false;
  const order = grouped ? null : countingOrder(raw.application, nA, null);
  const groupEnd = new Int32Array(nA);
  let largestGroup = 0;
  for (let i = 0; i < n; i++) groupEnd[raw.application[i]!]!++;
  for (let a = 0, end = 0; a < nA; a++) {
    largestGroup = Math.max(largestGroup, groupEnd[a]!);
    end += groupEnd[a]!;
    groupEnd[a] = end;
  }

  const eligible = new Int32Array(nA);
  const eligibleInternational = new Int32Array(nA);
  const pairStart = new Int32Array(nA + 1);
  const pairSplit = new Int32Array(nA);
  const pairApp = new Int32Array(n);
  const pairExpert = new Int32Array(n);
  const pairAffinity = new Float64Array(n);
  const pairCost = new Float64Array(n);
  const pairViaDomestic = new Uint8Array(n);
  // Per-application scratch: each expert's slot in the current application's list, to merge duplicate pairs.
  const seenBy = new Int32Array(nE).fill(-1);
  const seenAt = new Int32Array(nE);
  const listExpert = new Int32Array(largestGroup);
  const listAffinity = new Float64Array(largestGroup);
  const direct = new Float64Array(largestGroup);
  const viaDomestic = new Float64Array(largestGroup);
  let w = 0;
  for (let a = 0, i = 0; a < nA; a++) {
    let count = 0;
    for (; i < groupEnd[a]!; i++) {
      const p = order ? order[i]! : i;
      const e = raw.expert[p]!;
      const affinity = raw.affinity[p]!;
      if (fixedKeys.size > 0 && fixedKeys.has(a * nE + e)) continue;
      if (seenBy[e] === a) {
        // A listed-twice pair keeps its best affinity: deterministic whatever the order.
        if (affinity > listAffinity[seenAt[e]!]!) listAffinity[seenAt[e]!] = affinity;
        continue;
      }
      seenBy[e] = a;
      seenAt[e] = count;
      listExpert[count] = e;
      listAffinity[count++] = affinity;
      if (international[e]) eligibleInternational[a]!++;
    }
    eligible[a] = count;

    // Only pairs that can carry flow enter the graph: an open application, an expert with room, and for a domestic
    // expert a domestic slot. Each range is sorted by (cost, expert) — a number key cost × nE + expert — so a search
    // can stop scanning at the first pair that cannot beat the sink, and the order never depends on the input's.
    pairStart[a] = w;
    let nDirect = 0;
    let nDomestic = 0;
    if (kOpen[a]! > 0) {
      for (let j = 0; j < count; j++) {
        const e = listExpert[j]!;
        if (capOpen[e] === 0 || (international[e] === 0 && kOpen[a] === mOpen[a])) continue;
        const affinity = listAffinity[j]!;
        const cost = maxScaled - (integerScale ? affinity : Math.round(affinity * scale));
        if (mOpen[a]! > 0 && international[e] === 0) viaDomestic[nDomestic++] = cost * nE + e;
        else direct[nDirect++] = cost * nE + e;
      }
    }
    for (let pass = 0; pass < 2; pass++) {
      const keys = (pass === 0 ? direct : viaDomestic).subarray(0, pass === 0 ? nDirect : nDomestic).sort();
      if (pass === 1) pairSplit[a] = w;
      for (const key of keys) {
        const e = key % nE;
        pairApp[w] = a;
        pairExpert[w] = e;
        pairAffinity[w] = listAffinity[seenAt[e]!]!;
        pairCost[w] = (key - e) / nE;
        pairViaDomestic[w] = pass;
        w++;
      }
    }
  }
  pairStart[nA] = w;

  return {
    input,
    nA,
    nE,
    kOpen,
    mOpen,
    mNeeded,
    fixedCount,
    fixedInternational,
    capOpen,
    international,
    eligible,
    eligibleInternational,
    pairStart,
    pairSplit,
    pairApp: pairApp.slice(0, w),
    pairExpert: pairExpert.slice(0, w),
    pairAffinity: pairAffinity.slice(0, w),
    pairCost: pairCost.slice(0, w),
    pairViaDomestic: pairViaDomestic.slice(0, w),
  };
}

/** Stable counting sort of positions by key (keys in 0..range−1), optionally refining an earlier order. */
function countingOrder(keys: Int32Array, range: number, previous: Int32Array | null): Int32Array {
  const n = keys.length;
  const count = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) count[keys[i]! + 1]!++;
  for (let k = 0; k < range; k++) count[k + 1]! += count[k]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = previous ? previous[i]! : i;
    out[count[keys[p]!]!++] = p;
  }
  return out;
}

/** The flow the exact solver leaves behind, in units of 1/scale of a reviewer. */
interface Flow {
  pairFlow: Int32Array;
  appFlow: Int32Array;
  domesticFlow: Int32Array;
  expertLoad: Int32Array;
}

/**
 * Min-cost flow by successive shortest paths (see the header). `scale` multiplies supplies and capacities and
 * `pairCap` caps each pair, both 1 for the ordinary solve.
 */
function minCostFlow(P: Prepared, scale: number, pairCap: number): Flow {
  const { nA, nE, pairStart, pairSplit, pairApp, pairExpert, pairCost } = P;
  const nPairs = pairExpert.length;
  const supply = new Int32Array(nA);
  const domesticCap = new Int32Array(nA);
  const expertCap = new Int32Array(nE);
  let totalSupply = 0;
  let maxCost = 0;
  for (let a = 0; a < nA; a++) {
    supply[a] = P.kOpen[a]! * scale;
    // Without an international minimum every pair leaves A directly and A′ stays unused.
    domesticCap[a] = P.mOpen[a]! > 0 ? (P.kOpen[a]! - P.mOpen[a]!) * scale : 0;
    totalSupply += supply[a]!;
  }
  for (let e = 0; e < nE; e++) expertCap[e] = P.capOpen[e]! * scale;
  for (let p = 0; p < nPairs; p++) if (pairCost[p]! > maxCost) maxCost = pairCost[p]!;
  // Any flow with one more filled slot is cheaper, whatever the affinities: see "THE NETWORK".
  const unfilledCost = totalSupply * maxCost + 1;

  // Each expert's back arcs: the pairs carrying flow to it, in a slot range sized by what it could ever hold.
  const degree = new Int32Array(nE);
  for (let p = 0; p < nPairs; p++) degree[pairExpert[p]!]!++;
  const heldStart = new Int32Array(nE + 1);
  for (let e = 0; e < nE; e++) heldStart[e + 1] = heldStart[e]! + Math.min(degree[e]!, expertCap[e]!);
  const held = new Int32Array(heldStart[nE]!);
  // The back arc's head node and cost, copied next to it: reading them through the pair id would miss the cache.
  const heldNode = new Int32Array(held.length);
  const heldCost = new Float64Array(held.length);
  const heldCount = new Int32Array(nE);
  const heldPos = new Int32Array(nPairs);

  const pairFlow = new Int32Array(nPairs);
  const appFlow = new Int32Array(nA);
  const domesticFlow = new Int32Array(nA);
  const expertLoad = new Int32Array(nE);

  // Nodes: A = a, A′ = nA + a, expert = 2nA + e. The sink is implicit with potential 0 (it is always settled last,
  // at distance D, so its potential never moves).
  const nNodes = 2 * nA + nE;
  const EXPERT0 = 2 * nA;
  const potential = new Float64Array(nNodes);
  const dist = new Float64Array(nNodes).fill(Infinity);
  const state = new Uint8Array(nNodes); // 0 untouched, 1 in heap, 2 settled
  const parentNode = new Int32Array(nNodes);
  const parentPair = new Int32Array(nNodes); // pair id, or −1 for the A ↔ A′ arc
  const touched = new Int32Array(nNodes);
  const heap = new Int32Array(nNodes);
  const heapPos = new Int32Array(nNodes);
  let heapSize = 0;
  let touchedCount = 0;

  const less = (u: number, v: number) => dist[u]! < dist[v]! || (dist[u] === dist[v] && u < v);
  const siftUp = (i0: number) => {
    let i = i0;
    const node = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pn = heap[parent]!;
      if (!less(node, pn)) break;
      heap[i] = pn;
      heapPos[pn] = i;
      i = parent;
    }
    heap[i] = node;
    heapPos[node] = i;
  };
  const popMin = (): number => {
    const top = heap[0]!;
    const last = heap[--heapSize]!;
    if (heapSize > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heapSize) break;
        const r = l + 1;
        const c = r < heapSize && less(heap[r]!, heap[l]!) ? r : l;
        if (!less(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        heapPos[heap[i]!] = i;
        i = c;
      }
      heap[i] = last;
      heapPos[last] = i;
    }
    return top;
  };
  // The sink's tentative distance and the node it would be reached from. Every expert with room has potential 0 (its
  // load never falls, so it has never been settled closer than a sink), so reaching one bounds the sink at once.
  let sinkDist = Infinity;
  let sinkFrom = -1;
  // For experts, dist + potential: a pair scan then compares its un-reduced reach with one load instead of two.
  const expertBound = new Float64Array(nE).fill(Infinity);
  const relax = (v: number, d: number, from: number, pair: number) => {
    const s = state[v]!;
    if (s === 2 || d >= dist[v]! || d >= sinkDist) return;
    dist[v] = d;
    if (v >= EXPERT0) expertBound[v - EXPERT0] = d + potential[v]!;
    parentNode[v] = from;
    parentPair[v] = pair;
    if (s === 0) {
      state[v] = 1;
      touched[touchedCount++] = v;
      heap[heapSize] = v;
      heapPos[v] = heapSize++;
    }
    siftUp(heapPos[v]!);
    if (v >= EXPERT0 && expertLoad[v - EXPERT0]! < expertCap[v - EXPERT0]! && d + potential[v]! < sinkDist) {
      sinkDist = d + potential[v]!;
      sinkFrom = v;
    }
  };

  const settledList = new Int32Array(nNodes);

  const augmentFrom = (source: number) => {
    touchedCount = 0;
    heapSize = 0;
    let settledCount = 0;
    dist[source] = 0;
    state[source] = 1;
    touched[touchedCount++] = source;
    heap[heapSize] = source;
    heapPos[source] = heapSize++;
    sinkDist = Infinity;
    sinkFrom = -1;

    while (heapSize > 0) {
      const u = heap[0]!;
      const du = dist[u]!;
      if (du >= sinkDist) break;
      popMin();
      state[u] = 2;
      settledList[settledCount++] = u;
      const pu = potential[u]!;
      if (u < nA) {
        const via = du + unfilledCost + pu;
        if (via < sinkDist) {
          sinkDist = via;
          sinkFrom = u;
        }
        // Pairs are sorted by cost and experts' potentials are ≤ 0, so du + pu + cost bounds the rest from below.
        const base = du + pu;
        const end = pairSplit[u]!;
        for (let p = pairStart[u]!; p < end; p++) {
          const reach = base + pairCost[p]!;
          if (reach >= sinkDist) break;
          const e = pairExpert[p]!;
          // reach − potential ≥ du ≥ the distance of anything settled, so this also skips settled experts.
          if (reach < expertBound[e]! && pairFlow[p]! < pairCap) {
            relax(EXPERT0 + e, reach - potential[EXPERT0 + e]!, u, p);
          }
        }
        if (domesticFlow[u]! < domesticCap[u]!) relax(nA + u, du + pu - potential[nA + u]!, u, -1);
      } else if (u < EXPERT0) {
        const a = u - nA;
        const base = du + pu;
        const end = pairStart[a + 1]!;
        for (let p = pairSplit[a]!; p < end; p++) {
          const reach = base + pairCost[p]!;
          if (reach >= sinkDist) break;
          const e = pairExpert[p]!;
          // reach − potential ≥ du ≥ the distance of anything settled, so this also skips settled experts.
          if (reach < expertBound[e]! && pairFlow[p]! < pairCap) {
            relax(EXPERT0 + e, reach - potential[EXPERT0 + e]!, u, p);
          }
        }
        if (domesticFlow[a]! > 0) relax(a, du + pu - potential[a]!, u, -1);
      } else {
        const e = u - EXPERT0;
        const end = heldStart[e]! + heldCount[e]!;
        const base = du + pu;
        for (let h = heldStart[e]!; h < end; h++) {
          const v = heldNode[h]!;
          const d = base - heldCost[h]! - potential[v]!;
          if (d < dist[v]!) relax(v, d, u, held[h]!);
        }
      }
    }

    // Keep reduced costs non-negative: only the nodes settled closer than the sink move.
    for (let i = 0; i < settledCount; i++) {
      const v = settledList[i]!;
      potential[v] = potential[v]! + dist[v]! - sinkDist;
    }
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i]!;
      dist[v] = Infinity;
      state[v] = 0;
      if (v >= EXPERT0) expertBound[v - EXPERT0] = Infinity;
    }

    // Push one unit along the path, sink end first.
    let v = sinkFrom;
    if (v >= EXPERT0) expertLoad[v - EXPERT0]!++;
    while (v !== source) {
      const u = parentNode[v]!;
      const p = parentPair[v]!;
      if (p < 0) {
        if (v >= nA) domesticFlow[v - nA]!++;
        else domesticFlow[u - nA]!--;
      } else if (v >= EXPERT0) {
        const e = v - EXPERT0;
        if (pairFlow[p]!++ === 0) {
          const slot = heldStart[e]! + heldCount[e]!++;
          held[slot] = p;
          heldNode[slot] = u;
          heldCost[slot] = pairCost[p]!;
          heldPos[p] = slot;
        }
      } else {
        const e = u - EXPERT0;
        if (--pairFlow[p]! === 0) {
          const lastSlot = heldStart[e]! + --heldCount[e]!;
          const moved = held[lastSlot]!;
          const slot = heldPos[p]!;
          held[slot] = moved;
          heldNode[slot] = heldNode[lastSlot]!;
          heldCost[slot] = heldCost[lastSlot]!;
          heldPos[moved] = slot;
        }
      }
      v = u;
    }
  };

  // Round-robin over the units of supply (see the header); an unfilled unit still costs one search.
  let maxSupply = 0;
  for (let a = 0; a < nA; a++) if (supply[a]! > maxSupply) maxSupply = supply[a]!;
  for (let round = 0; round < maxSupply; round++) {
    for (let a = 0; a < nA; a++) if (supply[a]! > round) augmentFrom(a);
  }
  for (let p = 0; p < nPairs; p++) appFlow[pairApp[p]!]! += pairFlow[p]!;
  return { pairFlow, appFlow, domesticFlow, expertLoad };
}

/** Builds the result from a 0/1 choice per usable pair. */
interface Fraction {
  numerator: number;
  denominator: number;
}

function buildResult(P: Prepared, chosen: Uint8Array, cap: Fraction | null): AssignmentResult {
  const { input, nA, pairApp, pairExpert, pairAffinity, international } = P;
  const assigned = new Int32Array(nA);
  const assignedInternational = new Int32Array(nA);
  const pairs: AssignedPair[] = [];
  let totalAffinity = 0;
  // Pairs are stored international-first within an application; report them in expert order, as given.
  const picks: number[] = [];
  for (let p = 0; p < chosen.length; p++) if (chosen[p]) picks.push(p);
  picks.sort((x, y) => pairApp[x]! - pairApp[y]! || pairExpert[x]! - pairExpert[y]!);
  for (const p of picks) {
    const a = pairApp[p]!;
    const e = pairExpert[p]!;
    assigned[a]!++;
    if (international[e]) assignedInternational[a]!++;
    totalAffinity += pairAffinity[p]!;
    pairs.push({
      applicationId: input.applications[a]!.id,
      expertId: input.experts[e]!.id,
      affinity: pairAffinity[p]!,
    });
  }
  let filledSlots = 0;
  let openSlots = 0;
  const shortfalls: Shortfall[] = [];
  input.applications.forEach((app, a) => {
    filledSlots += assigned[a]!;
    openSlots += P.kOpen[a]!;
    const total = P.fixedCount[a]! + assigned[a]!;
    const totalInternational = P.fixedInternational[a]! + assignedInternational[a]!;
    const missing = Math.max(0, app.required - total);
    if (missing === 0 && totalInternational >= app.minInternational) return;
    let reason: ShortfallReason = 'CAPACITY';
    const internationalShort = totalInternational < app.minInternational;
    if (P.eligible[a]! < P.kOpen[a]!) reason = 'NOT_ENOUGH_ELIGIBLE';
    else if (internationalShort && (P.eligibleInternational[a]! < P.mNeeded[a]! || P.mNeeded[a]! > P.kOpen[a]!)) {
      reason = 'NOT_ENOUGH_INTERNATIONAL';
    } else if (
      cap &&
      (P.eligible[a]! * cap.numerator < P.kOpen[a]! * cap.denominator ||
        P.eligibleInternational[a]! * cap.numerator < P.mNeeded[a]! * cap.denominator)
    ) {
      // The capped LP cannot put a whole reviewer's worth of probability on every slot.
      reason = 'PROBABILITY_CAP';
    }
    shortfalls.push({
      applicationId: app.id,
      required: app.required,
      assigned: total,
      missing,
      internationalRequired: app.minInternational,
      internationalAssigned: totalInternational,
      eligibleExperts: P.eligible[a]!,
      eligibleInternational: P.eligibleInternational[a]!,
      reason,
    });
  });
  return { pairs, totalAffinity, filledSlots, openSlots, shortfalls };
}

/** Exact optimum (or, with `maxPairProbability`, one seeded sample of the capped randomised optimum). */
export function solveAssignment(input: AssignmentInput, options: AssignmentOptions = {}): AssignmentResult {
  const P = prepare(input);
  const q = options.maxPairProbability;
  if (q === undefined || q >= 1) {
    const flow = minCostFlow(P, 1, 1);
    const chosen = new Uint8Array(flow.pairFlow.length);
    for (let p = 0; p < chosen.length; p++) chosen[p] = flow.pairFlow[p]! > 0 ? 1 : 0;
    return buildResult(P, chosen, null);
  }
  return solveRandomised(P, q, options.seed ?? 0);
}

/** The largest p/r ≤ q with r ≤ MAX_DENOMINATOR (smallest r on ties): small r keeps the scaled network small. */
function capFraction(q: number): Fraction {
  if (!(q > 0)) throw new RangeError('maxPairProbability must be above 0');
  let best: Fraction = { numerator: 0, denominator: 1 };
  for (let r = 1; r <= MAX_DENOMINATOR; r++) {
    let p = Math.floor(q * r);
    // Guard float noise both ways: 0.3 × 10 must give 3, and p / r must never exceed q.
    if ((p + 1) / r <= q) p++;
    while (p > 0 && p / r > q) p--;
    if (p * best.denominator > best.numerator * r) best = { numerator: p, denominator: r };
  }
  if (best.numerator === 0) throw new RangeError(`maxPairProbability must be at least 1/${MAX_DENOMINATOR}`);
  return best;
}

function solveRandomised(P: Prepared, q: number, seed: number): AssignmentResult {
  const cap = capFraction(q);
  const r = cap.denominator;
  const flow = minCostFlow(P, r, cap.numerator);
  const { nA, nE, pairApp, pairExpert, pairAffinity, pairViaDomestic } = P;
  const nPairs = pairApp.length;

  // The rounding network mirrors the flow network plus a return arc sink → source, so flow is conserved at every node
  // and any node touching a fractional arc touches at least two: fractional arcs always contain a cycle.
  const SOURCE = 0;
  const SINK = 1;
  const appNode = (a: number) => 2 + a;
  const domesticNode = (a: number) => 2 + nA + a;
  const expertNode = (e: number) => 2 + 2 * nA + e;
  const nNodes = 2 + 2 * nA + nE;
  const from: number[] = [];
  const to: number[] = [];
  const value: number[] = [];
  const pairArc = new Int32Array(nPairs).fill(-1);
  const isFractional = (k: number) => value[k]! % r !== 0;
  const addArc = (u: number, v: number, x: number) => {
    if (x % r === 0) return -1; // integral arcs never move
    from.push(u);
    to.push(v);
    value.push(x);
    return from.length - 1;
  };
  let total = 0;
  for (let a = 0; a < nA; a++) {
    total += flow.appFlow[a]!;
    addArc(SOURCE, appNode(a), flow.appFlow[a]!);
    addArc(appNode(a), domesticNode(a), flow.domesticFlow[a]!);
  }
  for (let p = 0; p < nPairs; p++) {
    const owner = pairViaDomestic[p] ? domesticNode(pairApp[p]!) : appNode(pairApp[p]!);
    pairArc[p] = addArc(owner, expertNode(pairExpert[p]!), flow.pairFlow[p]!);
  }
  for (let e = 0; e < nE; e++) addArc(expertNode(e), SINK, flow.expertLoad[e]!);
  addArc(SINK, SOURCE, total);

  const incident: number[][] = Array.from({ length: nNodes }, () => []);
  for (let k = 0; k < from.length; k++) {
    incident[from[k]!]!.push(k);
    incident[to[k]!]!.push(k);
  }
  // A fractional arc at `node` other than `except`, dropping arcs that have become integral on the way.
  const pick = (node: number, except: number): number => {
    const list = incident[node]!;
    for (let i = 0; i < list.length;) {
      const k = list[i]!;
      if (!isFractional(k)) {
        list[i] = list[list.length - 1]!;
        list.pop();
      } else if (k === except) i++;
      else return k;
    }
    return -1;
  };

  const random = seededRandom(seed);
  const onPath = new Int32Array(nNodes).fill(-1);
  const pathNodes: number[] = [];
  const pathArcs: number[] = [];
  const cycle: number[] = [];
  const sign: number[] = [];
  for (let start = 0; start < from.length; start++) {
    if (!isFractional(start)) continue;
    pathNodes.length = 0;
    pathArcs.length = 0;
    pathNodes.push(from[start]!);
    onPath[from[start]!] = 0;
    for (;;) {
      const x = pathNodes[pathNodes.length - 1]!;
      const arc = pick(x, pathArcs.length > 0 ? pathArcs[pathArcs.length - 1]! : -1);
      if (arc < 0) break; // only the walk's first node can run out, once its component is integral
      const y = from[arc] === x ? to[arc]! : from[arc]!;
      const at = onPath[y]!;
      if (at < 0) {
        onPath[y] = pathNodes.length;
        pathNodes.push(y);
        pathArcs.push(arc);
        continue;
      }
      // Cycle pathNodes[at] → … → x → y = pathNodes[at]: +1 where the walk follows the arc's direction.
      cycle.length = 0;
      sign.length = 0;
      for (let j = at; j < pathArcs.length; j++) {
        cycle.push(pathArcs[j]!);
        sign.push(from[pathArcs[j]!] === pathNodes[j] ? 1 : -1);
      }
      cycle.push(arc);
      sign.push(from[arc] === x ? 1 : -1);
      let up = Infinity; // largest step along the walk's direction before some arc turns integral
      let down = Infinity; // the same against it
      for (let j = 0; j < cycle.length; j++) {
        const v = value[cycle[j]!]!;
        const rest = v % r;
        const toCeil = r - rest;
        if (sign[j]! > 0) {
          up = Math.min(up, toCeil);
          down = Math.min(down, rest);
        } else {
          up = Math.min(up, rest);
          down = Math.min(down, toCeil);
        }
      }
      // Step `up` with probability down / (up + down), else `down` back: every arc's expected change is zero, so each
      // pair ends chosen with probability exactly its fractional value.
      const step = random() * (up + down) < down ? up : -down;
      for (let j = 0; j < cycle.length; j++) value[cycle[j]!] = value[cycle[j]!]! + sign[j]! * step;
      for (let j = at + 1; j < pathNodes.length; j++) onPath[pathNodes[j]!] = -1;
      pathNodes.length = at + 1;
      pathArcs.length = at;
    }
    for (const node of pathNodes) onPath[node] = -1;
  }

  const chosen = new Uint8Array(nPairs);
  const carrying: number[] = [];
  let expectedAffinity = 0;
  for (let p = 0; p < nPairs; p++) {
    const x = flow.pairFlow[p]!;
    if (x === 0) continue;
    const k = pairArc[p]!;
    chosen[p] = (k < 0 ? x : value[k]!) === r ? 1 : 0;
    expectedAffinity += (pairAffinity[p]! * x) / r;
    carrying.push(p);
  }
  carrying.sort((x, y) => pairApp[x]! - pairApp[y]! || pairExpert[x]! - pairExpert[y]!);
  const probabilities = carrying.map((p) => ({
    applicationId: P.input.applications[pairApp[p]!]!.id,
    expertId: P.input.experts[pairExpert[p]!]!.id,
    probability: flow.pairFlow[p]! / r,
  }));
  return {
    ...buildResult(P, chosen, cap),
    randomised: { effectiveCap: cap.numerator / r, seed, expectedAffinity, probabilities },
  };
}

/**
 * The baseline the benchmark compares against: pairs by falling affinity, each taken if the application still has a
 * slot (a domestic expert only while domestic slots remain) and the expert has room. Same constraints, no optimality.
 */
export function greedyAssignment(input: AssignmentInput): AssignmentResult {
  const P = prepare(input);
  const { pairApp, pairExpert, pairCost, international } = P;
  const m = pairApp.length;
  // By the same integer affinities the exact solver uses (cost ascending), ties in application order: a linear
  // radix sort, so the baseline is as fast as a greedy pass can be and the benchmark compares fairly.
  const low = new Int32Array(m);
  const high = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    low[p] = pairCost[p]! & 0x7ff;
    high[p] = pairCost[p]! >>> 11;
  }
  const order = countingOrder(high, 0x800, countingOrder(low, 0x800, null));
  const taken = new Int32Array(P.nA);
  const takenDomestic = new Int32Array(P.nA);
  const load = new Int32Array(P.nE);
  const chosen = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const p = order[i]!;
    const a = pairApp[p]!;
    const e = pairExpert[p]!;
    if (taken[a]! >= P.kOpen[a]! || load[e]! >= P.capOpen[e]!) continue;
    if (!international[e] && takenDomestic[a]! >= P.kOpen[a]! - P.mOpen[a]!) continue;
    chosen[p] = 1;
    taken[a]!++;
    load[e]!++;
    if (!international[e]) takenDomestic[a]!++;
  }
  return buildResult(P, chosen, null);
}
