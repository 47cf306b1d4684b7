// npm run bench:assign — the reviewer-assignment solver on a generated call of 10 000 applications × 3 reviewers from
// 3 000 experts, against the greedy baseline in the same run. The data are seeded, so every run solves the same
// problem; times depend on the machine. Informative only: it prints PASS/FAIL against the 10 s target and exits 0.
// `-- --randomised` also samples the probability-capped variant (cap ½), which solves a network twice the size.
import {
  type AllowedPairColumns,
  type AssignmentInput,
  type AssignmentResult,
  greedyAssignment,
  minInternationalReviewers,
  seededRandom,
  solveAssignment,
} from '../src/domain/review/assignment';

const APPLICATIONS = 10_000;
const EXPERTS = 3_000;
const REVIEWERS = 3;
const FIELDS = 20;
const SUBFIELDS_PER_FIELD = 5;
const KEYWORDS_PER_SUBFIELD = 30;
const KEYWORDS_EACH = 5;
const TARGET_MS = 10_000;
const SEED = 20_270_301;

const random = seededRandom(SEED);
const randomInt = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

// Fields differ in size (a few big disciplines, a long tail), and applications follow the experts only roughly, so
// some fields are short of reviewers as in a real call.
const fieldWeight = Array.from({ length: FIELDS }, (_, f) => 1 / (1 + f / 4));
const pickField = (noise: number[]) => {
  const weights = fieldWeight.map((w, f) => w * noise[f]!);
  let x = random() * weights.reduce((s, w) => s + w, 0);
  for (let f = 0; f < FIELDS; f++) if ((x -= weights[f]!) < 0) return f;
  return FIELDS - 1;
};
const keywords = (subfield: number) => {
  const set = new Set<number>();
  while (set.size < KEYWORDS_EACH) set.add(subfield * KEYWORDS_PER_SUBFIELD + randomInt(0, KEYWORDS_PER_SUBFIELD - 1));
  return [...set];
};

function generate(): AssignmentInput & { allowed: AllowedPairColumns } {
  const expertNoise = fieldWeight.map(() => 1);
  const applicationNoise = fieldWeight.map(() => 0.7 + 0.6 * random());
  const experts = Array.from({ length: EXPERTS }, (_, i) => {
    const field = pickField(expertNoise);
    const subfield = field * SUBFIELDS_PER_FIELD + randomInt(0, SUBFIELDS_PER_FIELD - 1);
    const second = random() < 0.4 ? pickField(expertNoise) : -1;
    return {
      id: `expert-${i}`,
      capacity: randomInt(10, 15) - randomInt(0, 2), // load limit minus reviews already held elsewhere
      isInternational: random() < 0.2,
      field,
      second,
      subfield,
      keywords: keywords(subfield),
    };
  });
  const byField: number[][] = Array.from({ length: FIELDS }, () => []);
  experts.forEach((e, j) => {
    byField[e.field]!.push(j);
    if (e.second >= 0 && e.second !== e.field) byField[e.second]!.push(j);
  });
  const requiredInternational = minInternationalReviewers(REVIEWERS, 3000);

  const app: number[] = [];
  const exp: number[] = [];
  const aff: number[] = [];
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => {
    const field = pickField(applicationNoise);
    const subfield = field * SUBFIELDS_PER_FIELD + randomInt(0, SUBFIELDS_PER_FIELD - 1);
    const words = new Set(keywords(subfield));
    for (const j of byField[field]!) {
      if (random() < 0.03) continue; // a conflict of interest (回避)
      const e = experts[j]!;
      const shared = e.keywords.filter((k) => words.has(k)).length;
      app.push(i);
      exp.push(j);
      aff.push((e.subfield === subfield ? 0.6 : e.field === field ? 0.3 : 0.15) + 0.08 * shared + 0.05 * random());
    }
    return {
      id: `application-${i}`,
      required: REVIEWERS,
      minInternational: random() < 0.3 ? requiredInternational : 0,
    };
  });
  return {
    applications,
    experts: experts.map(({ id, capacity, isInternational }) => ({ id, capacity, isInternational })),
    allowed: { application: Int32Array.from(app), expert: Int32Array.from(exp), affinity: Float64Array.from(aff) },
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

// Memory: the live JS heap plus typed-array buffers right after the run (nothing collected yet, so roughly the run's
// high-water mark above the input), and the process's peak resident set so far (getrusage, includes the input).
function run(name: string, solve: () => AssignmentResult) {
  const started = performance.now();
  const result = solve();
  const ms = performance.now() - started;
  const memory = process.memoryUsage();
  const reasons = new Map<string, number>();
  for (const s of result.shortfalls) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const short = [...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ') || 'none';
  console.log(
    `${name.padEnd(8)} ${(ms / 1000).toFixed(2).padStart(6)} s   filled ${result.filledSlots}/${result.openSlots}   ` +
      `affinity ${result.totalAffinity.toFixed(1)}   short: ${short}   ` +
      `heap+buffers ${mb(memory.heapUsed + memory.arrayBuffers)}, ` +
      `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
  return { ms, result };
}

const generatedAt = performance.now();
const input = generate();
const pairs = input.allowed.application.length;
const generationSeconds = ((performance.now() - generatedAt) / 1000).toFixed(1);
console.log(
  `Generated ${APPLICATIONS} applications × ${REVIEWERS} from ${EXPERTS} experts, ${pairs} allowed pairs ` +
    `(${Math.round(pairs / APPLICATIONS)} per application), in ${generationSeconds} s (seed ${SEED}).`,
);
const greedy = run('greedy', () => greedyAssignment(input));
const optimal = run('optimal', () => solveAssignment(input));
console.log(
  `optimal/greedy: affinity × ${(optimal.result.totalAffinity / greedy.result.totalAffinity).toFixed(4)}, ` +
    `filled slots ${optimal.result.filledSlots - greedy.result.filledSlots >= 0 ? '+' : ''}` +
    `${optimal.result.filledSlots - greedy.result.filledSlots}, time × ${(optimal.ms / greedy.ms).toFixed(1)}`,
);
if (process.argv.includes('--randomised')) {
  const randomised = run('q ≤ ½', () => solveAssignment(input, { maxPairProbability: 0.5, seed: 1 }));
  console.log(
    `randomised: expected affinity ${randomised.result.randomised!.expectedAffinity.toFixed(1)} (LP optimum)`,
  );
}
console.log(
  optimal.ms <= TARGET_MS
    ? `PASS: optimal assignment in ${(optimal.ms / 1000).toFixed(2)} s ≤ ${TARGET_MS / 1000} s`
    : `FAIL: optimal assignment took ${(optimal.ms / 1000).toFixed(2)} s > ${TARGET_MS / 1000} s`,
);
