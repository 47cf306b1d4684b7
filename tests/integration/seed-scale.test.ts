// npm run seed:scale at a small size (issue 10): the counts scale as specified, the same seed gives the same content
// (database B is a copy of A taken after the demo seed, then both get the scale data), the lifecycle's invariants hold
// in the generated rows and the audit chain still verifies.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { weightedScore, type ReviewForm } from '@/domain/review/scoring';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { withDatabase } from '../../scripts/lib/database-server';
import { seedDatabase } from '../../scripts/lib/prepare-database';
import { scriptClient } from '../../scripts/lib/prisma';
import { generateScale, SCALE_MARKER_ACTION, SCALE_TABLES, type ScaleReport } from '../../scripts/lib/scale/generate';
import { scaleSize } from '../../scripts/lib/scale/sql';

const APPLICATIONS = 600;
const SEED = 'scale-test';
const urlA = process.env.DATABASE_URL!;
const nameB = `${new URL(urlA).pathname.slice(1)}_b`;
const urlB = withDatabase(inject('adminUrl'), nameB);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('adminUrl') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let sql: pg.Client;
let reportA: ScaleReport;
const rows = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  (await sql.query<T>(text, values)).rows;

/** One md5 per table over every row's text (the marker event, which carries the time it was written, left out). */
async function checksums(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, string> = {};
    for (const t of SCALE_TABLES) {
      const where = t === 'AuditEvent' ? `where action <> '${SCALE_MARKER_ACTION}'` : '';
      const { rows: r } = await c.query<{ h: string }>(
        `select md5(string_agg(t::text, '|' order by t::text)) as h from "${t}" t ${where}`,
      );
      out[t] = r[0]!.h;
    }
    return out;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await seedDatabase(urlA);
  await admin((c) => c.query(`CREATE DATABASE ${nameB} TEMPLATE ${new URL(urlA).pathname.slice(1)}`));
  [reportA] = await Promise.all([
    generateScale(urlA, { applications: APPLICATIONS, seed: SEED }),
    generateScale(urlB, { applications: APPLICATIONS, seed: SEED }),
  ]);
  sql = new pg.Client({ connectionString: urlA });
  await sql.connect();
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${nameB} WITH (FORCE)`));
});

describe('seed:scale', () => {
  it('makes researchers, experts, applications and reviews in the specified proportions', async () => {
    const size = scaleSize(APPLICATIONS);
    expect(reportA.status).toBe('generated');
    const [people] = await rows<{ r: number; e: number; profiles: number; experts: number }>(`
      select count(*) filter (where email like 'r%@scale.jingyan.cn')::int as r,
             count(*) filter (where email like 'e%@scale.jingyan.cn')::int as e,
             (select count(*)::int from "ResearcherProfile" p join "User" u on u.id = p."userId"
               where u.email like '%@scale.jingyan.cn') as profiles,
             (select count(*)::int from "ExpertProfile" p join "User" u on u.id = p."userId"
               where u.email like '%@scale.jingyan.cn') as experts
        from "User"`);
    expect(people).toEqual({ r: size.researchers, e: size.experts, profiles: size.researchers, experts: size.experts });
    const [apps] = await rows<{ n: number; reviews: number; statuses: string[]; years: number[] }>(`
      select count(distinct a.id)::int as n, count(rv.id)::int as reviews,
             array_agg(distinct a.status::text order by a.status::text) as statuses,
             array_agg(distinct c.year order by c.year) as years
        from "Application" a join "Call" c on c.id = a."callId"
        join "User" u on u.id = a."applicantId" and u.email like '%@scale.jingyan.cn'
        left join "ReviewAssignment" ra on ra."applicationId" = a.id left join "Review" rv on rv."assignmentId" = ra.id`);
    expect(apps!.n).toBe(APPLICATIONS);
    // About three reviews per application (150 000 for 50 000).
    expect(apps!.reviews / APPLICATIONS).toBeGreaterThan(2.6);
    expect(apps!.reviews / APPLICATIONS).toBeLessThan(3.4);
    expect(apps!.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    const { rows: all } = await sql.query<{ s: string }>(
      `select unnest(enum_range(null::"ApplicationStatus"))::text as s`,
    );
    expect(apps!.statuses).toEqual(all.map((r) => r.s).sort());
    const [inst] = await rows<{ n: number }>(
      `select count(*)::int as n from "Institution" where kind::text like '%UNIVERSITY'`,
    );
    expect(inst!.n).toBeGreaterThanOrEqual(80);
  });

  it('gives the same content for the same seed', async () => {
    const [a, b] = await Promise.all([checksums(urlA), checksums(urlB)]);
    expect(b).toEqual(a);
  });

  it('is idempotent for the same seed and size, and refuses another', async () => {
    const again = await generateScale(urlA, { applications: APPLICATIONS, seed: SEED });
    expect(again.status).toBe('already-present');
    expect(again.rows).toEqual(reportA.rows);
    await expect(generateScale(urlA, { applications: APPLICATIONS, seed: 'other' })).rejects.toThrow(/already holds/);
  });

  it('keeps the lifecycle invariants', async () => {
    // Over the generated rows only: the demo seed's platform fixture takes shortcuts of its own.
    const [bad] = await rows<Record<string, number>>(`
      with scale as (select a.* from "Application" a join "User" u on u.id = a."applicantId"
                      where u.email like '%@scale.jingyan.cn')
      select
        (select count(*)::int from scale a where status <> 'DRAFT' and (code is null or "submittedAt" is null
           or "currentVersionNo" < 1 or not exists (select 1 from "ApplicationVersion" v
             where v."applicationId" = a.id and v.number = a."currentVersionNo"))) as "nonDraftWithoutVersion",
        (select count(*)::int from scale a where status = 'DRAFT' and exists
           (select 1 from "ApplicationVersion" v where v."applicationId" = a.id)) as "draftWithVersion",
        (select count(*)::int from "Review" rv join "ReviewAssignment" ra on ra.id = rv."assignmentId"
          where not exists (select 1 from "RoleAssignment" r where r."userId" = ra."expertUserId" and r.role = 'EXPERT')
             or not exists (select 1 from "ExpertProfile" p where p."userId" = ra."expertUserId")) as "reviewByNonExpert",
        (select count(*)::int from "Review" rv join "ReviewAssignment" ra on ra.id = rv."assignmentId"
          where rv.status = 'SUBMITTED' and ra.status <> 'SUBMITTED') as "reviewOnOpenAssignment",
        (select count(*)::int from "ReviewAssignment" ra join scale a on a.id = ra."applicationId"
          where a.status not in ('UNDER_REVIEW', 'PANEL', 'DECIDED')) as "assignmentBeforeReview",
        (select count(*)::int from "ReviewAssignment" ra join scale a on a.id = ra."applicationId"
           join "ExpertProfile" p on p."userId" = ra."expertUserId"
          where p."institutionId" = a."institutionId") as "expertOfOwnInstitution",
        (select count(*)::int from "Project" p join "Decision" d on d.id = p."decisionId"
           join scale a on a.id = p."applicationId"
          where d.outcome <> 'FUND' or d.status <> 'FINAL' or a.status <> 'DECIDED' or d."applicationId" <> a.id
             or p."awardedFiscalFen" <> d."awardedFiscalFen") as "projectNotFunded",
        (select count(*)::int from "Project" p where (select coalesce(sum("amountFen"), 0) from "Tranche" t
          where t."projectId" = p.id and t.status <> 'CANCELLED' and t.source = 'FISCAL') > p."awardedFiscalFen")
          as "tranchesOverAward",
        (select count(*)::int from "Decision" d join scale a on a.id = d."applicationId"
          where a.status <> 'DECIDED') as "decisionOnUndecided",
        (select count(*)::int from scale a join "Call" c on c.id = a."callId"
           join "ProgramRuleVersion" rv on rv.id = c."ruleVersionId"
          where a.status = 'PANEL' and not (rv.rules->'stages'->>'panel')::boolean) as "panelWithoutPanelStage"`);
    expect(bad).toEqual({
      nonDraftWithoutVersion: 0,
      draftWithVersion: 0,
      reviewByNonExpert: 0,
      reviewOnOpenAssignment: 0,
      assignmentBeforeReview: 0,
      expertOfOwnInstitution: 0,
      projectNotFunded: 0,
      tranchesOverAward: 0,
      decisionOnUndecided: 0,
      panelWithoutPanelStage: 0,
    });
    const [projects] = await rows<{ n: number }>(`select count(*)::int as n from "Project"`);
    expect(projects!.n).toBeGreaterThan(0);
  });

  it('scores every review on its rules’ form, with the weighted score the domain computes', async () => {
    const reviews = await rows<{ scores: Record<string, number>; weighted: string; form: ReviewForm }>(`
      select rv.scores, rv."weightedScore"::text as weighted, r.rules->'reviewForm' as form
        from "Review" rv join "ProgramRuleVersion" r on r.id = rv."ruleVersionId"
        join "ReviewAssignment" ra on ra.id = rv."assignmentId"
        join "User" u on u.id = ra."expertUserId" and u.email like '%@scale.jingyan.cn'`);
    expect(reviews.length).toBeGreaterThan(APPLICATIONS);
    for (const r of reviews) {
      const result = weightedScore(r.form, r.scores);
      expect(result).toEqual({ ok: true, value: Number(r.weighted) });
    }
  });

  it('leaves an audit chain that verifies', async () => {
    const client = scriptClient(urlA, 2);
    try {
      const report = await verifyAuditChain(client);
      expect(report.firstBreak).toBeNull();
      expect(report.events).toBe(reportA.rows.AuditEvent);
    } finally {
      await client.$disconnect();
    }
  });
});
