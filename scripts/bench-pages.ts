// npm run bench:pages — the heaviest pages at scale (issue 10), served by the production build (`next start` on
// loopback) from the `npm run seed:scale` dataset: for each page its response time one request at a time (p50/p95),
// its throughput under concurrent load (autocannon), the statements it sends to PostgreSQL, and each as a ratio to
// the bare route (/api/health: the proxy, a route and one `select 1`), measured in the same run because absolute
// times on a shared machine mean little. docs/PERFORMANCE.md records the figures and the goals (p95 ≤ 50 ms, and
// throughput ≥ 0.5 of the bare route's).
//
//   npm run bench:pages -- [--applications 50000] [--database-url URL] [--no-build] [--runs 40] [--seconds 8]
//
// The dataset is generated once into database `jingyan_bench_scale` (on DATABASE_URL's server, else the embedded
// one) and reused while its seed and size match (seed:scale is idempotent). Exits 1 when a page answers anything but
// 200 with its content; the goals themselves are reported, not enforced (these machines are shared).
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { ensureBuild, percentile, signedInCookie, startApp, type App } from './lib/load-fixture';
import { localAuthSecret } from './lib/local-secrets';
import { migrateAndLoadReference, seedDatabase } from './lib/prepare-database';
import { DEFAULT_SCALE_SEED, generateScale } from './lib/scale/generate';

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '50000' },
    'database-url': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    runs: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '8' },
  },
});
const APPLICATIONS = Number(values.applications);
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const GOAL_P95_MS = 50;
const GOAL_THROUGHPUT = 0.5;

interface Target {
  name: string;
  path: string;
  cookie?: string;
  /** Text the page must contain: a redirect to the login page or an error page would be fast and wrong. */
  expect: string;
  /** What the page holds at this scale, for the table. */
  rows?: string;
}

interface Measured {
  target: Target;
  p50: number;
  p95: number;
  bytes: number;
  queries: number;
  rps: number;
  non2xx: number;
}

const t0 = performance.now();
const explicit = values['database-url'];
const server = explicit ? null : await ensureDatabaseServer(() => {});
let app: App | null = null;
let exitCode = 0;
try {
  const url = explicit ?? (await createDatabase(server!, 'jingyan_bench_scale'));
  console.log(
    `[data] ${url.replace(/\/\/[^@]*@/, '//')} — ${APPLICATIONS} applications (seed:scale, reused when present)`,
  );
  await migrateAndLoadReference(url, () => {});
  await seedDatabase(url);
  const scale = await generateScale(url, { applications: APPLICATIONS, seed: DEFAULT_SCALE_SEED, log: () => {} });
  console.log(`[data] ${scale.status}: ${scale.rows.Application} applications, ${scale.rows.Review} reviews`);

  const secret = localAuthSecret();
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, JINGYAN_EXPOSE_QUERY_COUNT: '1' };
  ensureBuild(values.build ? true : values['no-build'] ? false : 'if-missing', env);

  process.env.DATABASE_URL = url;
  const { db } = await import('../src/server/db');
  const client = db();
  const targets = await chooseTargets(client, secret);

  app = await startApp(env);
  console.log(
    `[app] next start on ${app.baseUrl}; ${RUNS} sequential requests and ${SECONDS} s × ${CONNECTIONS} connections per page`,
  );
  const results: Measured[] = [];
  for (const target of targets) {
    results.push(await measure(app.baseUrl, target));
    const r = results.at(-1)!;
    console.log(
      `  ${target.name.padEnd(34)} p50 ${ms(r.p50)} p95 ${ms(r.p95)}  ${r.queries} queries  ${kb(r.bytes)}  ${r.rps.toFixed(0)} req/s`,
    );
  }
  report(results);
  const cpu = app.cpuSeconds();
  console.log(`\napp CPU ${cpu.toFixed(0)} s; bench:pages total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (app.actionErrors() > 0) throw new Error(`the app logged ${app.actionErrors()} unexpected errors`);
  await client.$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (app) console.error(app.log().slice(-3000));
  exitCode = 1;
} finally {
  await app?.stop();
  await server?.stop();
}
process.exit(exitCode);

// ───────────────────────────── the pages and who looks at them ─────────────────────────────

async function chooseTargets(client: import('../src/server/db').Db, secret: string): Promise<Target[]> {
  const user = async (email: string) => (await client.user.findUniqueOrThrow({ where: { email } })).id;
  const cookie = async (email: string, role: Parameters<typeof signedInCookie>[1]['role']) =>
    signedInCookie(client, { userId: await user(email), role, secret, userAgent: 'jingyan-bench-pages' });
  const staff = await cookie('staff@demo.jingyan.cn', 'COMMISSION_STAFF');

  // The call with the most applications in review (the generated 2026 一般项目), and the researcher with the most
  // applications of all (a home page with a history).
  const [reviewCall] = await client.$queryRaw<{ id: string; n: bigint }[]>`
    select "callId" as id, count(*) as n from "Application" where status = 'UNDER_REVIEW'
     group by "callId" order by n desc limit 1`;
  const [busiest] = await client.$queryRaw<{ email: string; n: bigint }[]>`
    select u.email, count(*) as n from "Application" a join "User" u on u.id = a."applicantId"
     group by u.email order by n desc, u.email limit 1`;
  const [checkQueue] = await client.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from "Application"
     where status in ('INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED')`;
  const [institution] = await client.$queryRaw<{ id: string }[]>`
    select "institutionId" as id from "Application"
     where "callId" = ${reviewCall!.id}::uuid group by "institutionId" order by count(*) desc limit 1`;
  const [challenges] = await client.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from "Challenge" where status = 'PUBLISHED'`;
  const [year] = await client.$queryRaw<
    { y: number }[]
  >`select year as y from "Call" where id = ${reviewCall!.id}::uuid`;
  return [
    { name: 'bare route (/api/health)', path: '/api/health', expect: '"ok"' },
    // The lightest page: no query of its own. What any React page costs here beyond the bare route.
    { name: 'lightest page (/login)', path: '/login', expect: '登录' },
    {
      name: 'staff application list',
      path: '/commission/formal-check',
      cookie: staff,
      expect: '形式审查',
      rows: `${checkQueue!.n} in the queue`,
    },
    {
      name: 'staff list, filtered and sorted',
      path: `/commission/formal-check?callId=${reviewCall!.id}&institutionId=${institution!.id}&status=FORMAL_CHECK_PASSED`,
      cookie: staff,
      expect: '形式审查',
    },
    {
      name: 'review matrix',
      path: `/commission/review/${reviewCall!.id}/matrix`,
      cookie: staff,
      expect: '评审',
      rows: `${reviewCall!.n} applications`,
    },
    { name: 'analytics, all years', path: '/commission/analytics', cookie: staff, expect: '数据分析' },
    { name: `analytics, ${year!.y}`, path: `/commission/analytics?year=${year!.y}`, cookie: staff, expect: '数据分析' },
    {
      name: "researcher's home",
      path: '/researcher',
      cookie: await cookie(busiest!.email, 'RESEARCHER'),
      expect: '我的',
      rows: `${busiest!.n} applications`,
    },
    {
      name: 'public challenge board',
      path: '/challenges',
      expect: '揭榜挂帅',
      rows: `${challenges!.n} published`,
    },
  ];
}

// ───────────────────────────── measuring ─────────────────────────────

async function get(baseUrl: string, target: Target) {
  const res = await fetch(baseUrl + target.path, {
    headers: target.cookie ? { cookie: target.cookie } : {},
    redirect: 'manual',
  });
  const body = await res.text();
  return { status: res.status, body };
}

async function queriesSoFar(baseUrl: string): Promise<number> {
  const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { queries?: number };
  if (typeof health.queries !== 'number') throw new Error('/api/health did not report its query count');
  return health.queries;
}

async function measure(baseUrl: string, target: Target): Promise<Measured> {
  const first = await get(baseUrl, target);
  if (first.status !== 200 || !first.body.includes(target.expect))
    throw new Error(`${target.path} answered ${first.status} without "${target.expect}":\n${first.body.slice(0, 400)}`);
  for (let i = 0; i < 4; i++) await get(baseUrl, target); // warm-up: code loaded, plans cached, pages in memory

  // Statements per request: the process's count around one request, the least of three (nothing else runs).
  let queries = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = await queriesSoFar(baseUrl);
    await get(baseUrl, target);
    queries = Math.min(queries, (await queriesSoFar(baseUrl)) - before - 1); // less the second health check's own
  }

  const times: number[] = [];
  const budget = performance.now() + 30_000; // a slow page gets fewer runs (at least 5), not minutes
  for (let i = 0; i < RUNS && (i < 5 || performance.now() < budget); i++) {
    const s = performance.now();
    const r = await get(baseUrl, target);
    times.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`${target.path} answered ${r.status} on run ${i + 1}`);
  }

  const load = await autocannon({
    url: baseUrl + target.path,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: target.cookie ? { cookie: target.cookie } : {},
  });
  return {
    target,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    bytes: Buffer.byteLength(first.body),
    queries,
    rps: load.requests.average,
    non2xx: load.non2xx + load.errors + load.timeouts,
  };
}

// ───────────────────────────── reporting ─────────────────────────────

function ms(v: number) {
  return `${v.toFixed(1).padStart(6)} ms`;
}
function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(0).padStart(4)} KB`;
}

function report(results: Measured[]) {
  const bare = results[0]!;
  console.log(
    `\n| page | holds | queries | HTML | p50 | p95 | p95 ÷ bare | req/s (${CONNECTIONS} conn.) | ÷ bare | goals |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const throughput = r.rps / bare.rps;
    const goals =
      r === bare
        ? '—'
        : [
            r.p95 <= GOAL_P95_MS ? 'p95 ✓' : `p95 ✗ (> ${GOAL_P95_MS} ms)`,
            throughput >= GOAL_THROUGHPUT ? 'req/s ✓' : `req/s ✗ (< ${GOAL_THROUGHPUT})`,
          ].join(', ');
    console.log(
      `| ${r.target.name} | ${r.target.rows ?? ''} | ${r.queries} | ${kb(r.bytes).trim()} | ${r.p50.toFixed(1)} ms | ` +
        `${r.p95.toFixed(1)} ms | ${(r.p95 / bare.p95).toFixed(1)} | ${r.rps.toFixed(0)} | ${throughput.toFixed(2)} | ` +
        `${goals}${r.non2xx ? ` — ${r.non2xx} failed under load` : ''} |`,
    );
    if (r.non2xx) exitCode = 1;
  }
}
