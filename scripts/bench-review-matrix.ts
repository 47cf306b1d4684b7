// npm run bench:matrix — the review matrix and the aggregation for a call of 2 000 applications × 3 submitted reviews
// from 300 experts (issue 5: "stays fast for a call of 2,000 applications"), in a throwaway database on the server
// DATABASE_URL names (else an embedded one). Printed as times and as ratios to a trivial query through the same
// client in the same run, since absolute times on a shared machine mean little. Informative only: exits 0.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { benchStaffActor } from './lib/bench-actor';
import { percentile } from './lib/load-fixture';
import { createDatabase, dropDatabase, ensureDatabaseServer } from './lib/database-server';
import { migrateAndLoadReference, seedDatabase } from './lib/prepare-database';

const APPLICATIONS = 2_000;
const EXPERTS = 300;
const REVIEWERS = 3;
const RUNS = 30;

const server = await ensureDatabaseServer(() => {});
const name = `jingyan_bench_${randomBytes(4).toString('hex')}`;
const url = await createDatabase(server, name);

async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up: plans cached, pages in memory
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

try {
  await migrateAndLoadReference(url, () => {});
  await seedDatabase(url); // sets DATABASE_URL and AUTH_SECRET for the app modules below
  const { db } = await import('../src/server/db');
  const { computeCallScores, getReviewMatrix } = await import('../src/server/review/staff-review');
  const { ZMatrixQuery } = await import('../src/lib/validation/review');
  const client = db();

  // Generated in SQL (seeded random): one call's applications, a pool of experts, three submitted reviews each.
  const [call] = await client.$queryRaw<{ id: string; ruleVersionId: string }[]>`
    select id, "ruleVersionId" from "Call" where "ruleVersionId" is not null and title like '%一般项目%' limit 1`;
  const [staff] = await client.$queryRaw<{ id: string }[]>`select id from "User" where email = 'staff@demo.jingyan.cn'`;
  const [applicant] = await client.$queryRaw<{ id: string; institutionId: string }[]>`
    select "userId" as id, "institutionId" from "ResearcherProfile" limit 1`;
  const t0 = performance.now();
  await client.$executeRaw`select setseed(0.2027)`;
  await client.$executeRaw`
    insert into "User" (id, email, name, "passwordHash", "updatedAt")
    select gen_random_uuid(), 'bench-expert-' || g || '@bench.jingyan.cn', '评审专家' || g, 'x', now()
      from generate_series(1, ${EXPERTS}) g`;
  await client.$executeRaw`
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "institutionId", status, code, title,
                               "budgetMode", "currentVersionNo", "updatedAt")
    select gen_random_uuid(), ${call!.id}::uuid, ${call!.ruleVersionId}::uuid, ${applicant!.id}::uuid,
           ${applicant!.institutionId}::uuid, 'UNDER_REVIEW', 'BENCH-' || lpad(g::text, 5, '0'), '基准申报 ' || g,
           'LUMP_SUM', 1, now()
      from generate_series(1, ${APPLICATIONS}) g`;
  await client.$executeRaw`
    with apps as (select id, row_number() over (order by code) as n from "Application" where code like 'BENCH-%'),
         experts as (select id, row_number() over (order by email) - 1 as k from "User" where email like 'bench-expert-%')
    insert into "ReviewAssignment" (id, "applicationId", "callId", "expertUserId", stage, status, origin, "dueAt",
                                    "updatedAt")
    select gen_random_uuid(), a.id, ${call!.id}::uuid, e.id, 'MAIL', 'SUBMITTED', 'AUTO', now() + interval '30 days', now()
      from apps a cross join generate_series(0, ${REVIEWERS - 1}) r
      join experts e on e.k = ((a.n * 7 + r * 101) % ${EXPERTS})`;
  await client.$executeRaw`
    insert into "Review" (id, "assignmentId", "applicationVersionNo", "ruleVersionId", scores, "weightedScore",
                          recommendation, confidence, "commentToApplicant", status, "submittedAt", "nonConsensusSupport",
                          "updatedAt")
    select gen_random_uuid(), ra.id, 1, ${call!.ruleVersionId}::uuid, s.scores,
           ((s.scores->>'originality')::int * 35 + (s.scores->>'feasibility')::int * 25 + (s.scores->>'team')::int * 20
             + (s.scores->>'impact')::int * 20) / 100.0,
           'FUNDABLE', 'MEDIUM', '基准评审意见', 'SUBMITTED', now(), random() < 0.05, now()
      from "ReviewAssignment" ra
      cross join lateral (select jsonb_build_object(
          'originality', 1 + floor(random() * 10)::int, 'feasibility', 1 + floor(random() * 10)::int,
          'team', 1 + floor(random() * 10)::int, 'impact', 1 + floor(random() * 10)::int) || jsonb_build_object('r', ra.id)
          - 'r' as scores) s
     where ra."callId" = ${call!.id}::uuid and ra.status = 'SUBMITTED'`;
  await client.$executeRaw`analyze`;
  const generated = performance.now() - t0;

  const actor = benchStaffActor(staff!.id);
  const a0 = performance.now();
  const summary = await computeCallScores(client, actor, { callId: call!.id });
  const aggregation = performance.now() - a0;

  const bare = await time(RUNS, () => client.$queryRaw`select 1`);
  const rows = [
    ['matrix, by rank, page 1', ZMatrixQuery.parse({})],
    ['matrix, by range, page 10', ZMatrixQuery.parse({ sort: 'range', page: 10 })],
    ['matrix, by code desc, page 20', ZMatrixQuery.parse({ sort: 'code', dir: 'desc', page: 20 })],
  ] as const;
  console.log(
    `review matrix — ${APPLICATIONS} applications × ${REVIEWERS} reviews from ${EXPERTS} experts ` +
      `(generated in ${(generated / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  aggregation (computeCallScores): ${aggregation.toFixed(0)} ms for ${summary.reviews} reviews, ` +
      `${summary.nonConsensus} non-consensus flags`,
  );
  console.log(`  bare query (select 1):           p50 ${bare.p50.toFixed(2)} ms · p95 ${bare.p95.toFixed(2)} ms`);
  for (const [label, query] of rows) {
    const r = await time(RUNS, () => getReviewMatrix(client, actor, call!.id, query));
    console.log(
      `  ${label.padEnd(32)} p50 ${r.p50.toFixed(1)} ms · p95 ${r.p95.toFixed(1)} ms · ` +
        `p95 ${(r.p95 / bare.p95).toFixed(1)}× the bare query`,
    );
  }
  await client.$disconnect();
} finally {
  await dropDatabase(server, name);
  await server.stop();
}
