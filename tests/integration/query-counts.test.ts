import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from '@/server/auth/resolve-session';
import { ZChallengeBoardQuery } from '@/lib/validation/challenges';
import { ZMatrixQuery } from '@/lib/validation/review';
import { analytics } from '@/server/analytics/analytics';
import { listInvitations, listOwnApplications, listStartableCalls } from '@/server/applications/applicant';
import { listForFormalCheck, listOfficeApplications, listOfficeCalls } from '@/server/applications/review-side';
import { searchPublicBoard } from '@/server/challenges/public-board';
import { getDashboard, type Dashboard } from '@/server/dashboard/get-dashboard';
import { countQueries, db } from '@/server/db';
import { listOwnAssignments } from '@/server/review/expert-work';
import { computeCallScores, getReviewMatrix } from '@/server/review/staff-review';
import { seedDemo } from '../../prisma/seed';
import { actorFor, DEMO } from './helpers';

// Issue 10: "no N+1: a list page issues a constant number of queries whatever its length". Each heavy page's loader
// runs on the demo data, then again after MORE rows of the kind it lists were inserted in SQL; the page must show
// more (so a loader that ignored the new rows could not pass) and send exactly as many statements as before.

const MORE = 40;

type Actor = Awaited<ReturnType<typeof actorFor>>;
const actors = {} as Record<
  'researcher' | 'office' | 'staff' | 'expert' | 'committee' | 'enterprise' | 'sysadmin' | 'secadmin' | 'auditor',
  Actor
>;
const ids = {} as Record<'generalCall' | 'reviewCall' | 'formalCheckCursor', string>;

interface Page {
  name: string;
  /** Loads the page's data as the page does; `size` says how much it shows. */
  load: () => Promise<number>;
}
function page<T>(name: string, run: () => Promise<T>, size: (result: T) => number): Page {
  return { name, load: async () => size(await run()) };
}

function dashboardSize(d: Dashboard): number {
  const shown = d.announcements.length;
  switch (d.kind) {
    case 'RESEARCHER':
      return shown + d.openCalls.length + d.applications.drafts + d.applications.returned + d.applications.invitations;
    case 'INSTITUTION_OFFICE':
      return shown + d.quotas.length + d.researchers + d.awaitingVetting;
    case 'COMMISSION_STAFF':
      return shown + d.openCalls.length + d.awaitingFormalCheck + d.researchers;
    case 'EXPERT':
      return shown + d.invited + d.toSubmit;
    case 'ENTERPRISE':
      return shown + d.challengesByStatus.reduce((s, g) => s + g.count, 0);
    case 'SYSTEM_ADMIN':
      return shown + d.users;
    case 'SECURITY_ADMIN':
      return shown + d.failing;
    default:
      return shown;
  }
}
const submitted = (rows: { submitted: number }[]) => rows.reduce((s, r) => s + r.submitted, 0);

const pages: Page[] = [
  page(
    'listForFormalCheck, first page (commission/formal-check)',
    () => listForFormalCheck(db(), actors.staff, {}),
    (list) => list.rows.length + list.counts.total,
  ),
  page(
    'listForFormalCheck, from a cursor (commission/formal-check?after=…)',
    () => listForFormalCheck(db(), actors.staff, { after: ids.formalCheckCursor }),
    (list) => list.rows.length,
  ),
  page(
    'getReviewMatrix (commission/review/[callId]/matrix)',
    () => getReviewMatrix(db(), actors.staff, ids.reviewCall, ZMatrixQuery.parse({})),
    (m) => m.rows.length + m.rows.reduce((s, r) => s + r.cells.length, 0),
  ),
  page(
    'computeCallScores (the matrix page’s aggregation)',
    () => computeCallScores(db(), actors.staff, { callId: ids.reviewCall }),
    (s) => s.reviews + s.applications + s.nonConsensus,
  ),
  page(
    'analytics, commission',
    () => analytics(db(), actors.staff, {}),
    (a) => submitted(a.byProgram) + a.coFunding!.challenges,
  ),
  page(
    'analytics, institution office',
    () => analytics(db(), actors.office, {}),
    (a) => submitted(a.byProgram),
  ),
  ...(
    ['researcher', 'office', 'staff', 'expert', 'committee', 'enterprise', 'sysadmin', 'secadmin', 'auditor'] as const
  ).map((role) => page(`getDashboard, ${role}`, () => getDashboard(db(), actors[role]), dashboardSize)),
  page(
    'searchPublicBoard (public /challenges)',
    () => searchPublicBoard(db(), ZChallengeBoardQuery.parse({}), '127.0.0.1'),
    (b) => b.rows.length + b.rows.reduce((s, r) => s + r._count.targets, 0),
  ),
  page(
    'listOfficeCalls (office/applications and office/applications/[callId])',
    () => listOfficeCalls(db(), actors.office),
    (calls) => calls.length,
  ),
  page(
    'listOfficeApplications (office/applications/[callId])',
    () => listOfficeApplications(db(), actors.office, ids.generalCall),
    (r) => r.rows.length,
  ),
  page(
    'listOwnApplications (researcher/applications)',
    () => listOwnApplications(db(), actors.researcher),
    (rows) => rows.length + rows.reduce((s, r) => s + r.formalChecks.length, 0),
  ),
  page(
    'listInvitations (researcher/applications)',
    () => listInvitations(db(), actors.researcher),
    (rows) => rows.length,
  ),
  page(
    'listStartableCalls (researcher/applications)',
    () => listStartableCalls(db(), actors.researcher),
    (calls) => calls.length + calls.reduce((s, c) => s + c.challenges.length, 0),
  ),
  page(
    'listOwnAssignments (reviewer/assignments)',
    () => listOwnAssignments(db(), actors.expert),
    (rows) => rows.length,
  ),
];

/** The statements one load sends, after a first load (so nothing is counted that only a cold start does). */
async function measure(p: Page) {
  await p.load();
  const { result: size, queries } = await countQueries(p.load);
  return { size, queries };
}

beforeAll(async () => {
  await seedDemo(db());
  actors.researcher = await actorFor(DEMO.researcher);
  actors.office = await actorFor(DEMO.office);
  actors.staff = await actorFor(DEMO.staff);
  actors.expert = await actorFor(DEMO.expert, 'EXPERT');
  actors.committee = await actorFor(DEMO.committee);
  actors.enterprise = await actorFor(DEMO.enterprise);
  actors.sysadmin = await actorFor(DEMO.sysadmin);
  actors.secadmin = await actorFor(DEMO.secadmin);
  actors.auditor = await actorFor(DEMO.auditor);
  const [general] = await db().$queryRaw<{ id: string }[]>`
    select id from "Call" where status = 'OPEN' and title like '%一般项目%' limit 1`;
  const [reviewing] = await db().$queryRaw<{ id: string }[]>`select id from "Call" where status = 'REVIEWING' limit 1`;
  ids.generalCall = general!.id;
  ids.reviewCall = reviewing!.id;
  // The first row of the demo's first page: the list from there is the demo's rest, later most of a page.
  ids.formalCheckCursor = (await listForFormalCheck(db(), actors.staff, {})).rows[0]!.id;
});

describe('countQueries', () => {
  it('counts a single statement', async () => {
    // A Prisma query is lazy: it runs when awaited, and that must happen inside the counted scope.
    const { result, queries } = await countQueries(() => db().user.count());
    expect(result).toBeGreaterThan(0);
    expect(queries).toBeGreaterThanOrEqual(1);
  });

  it('counts statements that wait for a pooled connection', async () => {
    // More at once than the pool has connections (DB_POOL_MAX, 10 by default): some wait for another to finish.
    const n = 30;
    const { queries } = await countQueries(async () => {
      await Promise.all(Array.from({ length: n }, () => db().user.count()));
    });
    expect(queries).toBe(n);
  });

  it('counts every statement of a transaction', async () => {
    const { queries } = await countQueries(() =>
      db().$transaction(async (tx) => {
        await tx.user.count();
        await tx.institution.count();
      }),
    );
    expect(queries).toBeGreaterThan(1);
  });
});

describe('every signed-in request', () => {
  it('resolves its session, person, roles and the security policy in two statements, sent together', async () => {
    const staff = await db().user.findUniqueOrThrow({ where: { email: DEMO.staff } });
    const session = await db().session.create({
      data: {
        userId: staff.id,
        activeRole: 'COMMISSION_STAFF',
        lastSeenAt: new Date(),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const { result, queries } = await countQueries(() =>
      resolveSession(db(), session.id, { now: new Date(), ip: '127.0.0.1' }),
    );
    expect(result.status).toBe('ACTIVE');
    expect(result.status === 'ACTIVE' && result.actor.roles.map((r) => r.role)).toContain('COMMISSION_STAFF');
    expect(queries).toBe(2);
  });
});

const demo = new Map<string, { size: number; queries: number }>();

describe('on the demo data', () => {
  it.each(pages)('$name', async (p) => {
    const m = await measure(p);
    expect(m.queries, 'the counter saw no statement').toBeGreaterThan(0);
    demo.set(p.name, m);
  });
});

describe(`with ${MORE} more rows of each kind`, () => {
  beforeAll(async () => {
    await inflate();
  });

  it.each(pages)('$name: more rows, the same number of queries', async (p) => {
    const before = demo.get(p.name);
    expect(before, 'measured on the demo data first').toBeDefined();
    const after = await measure(p);
    expect(after.size, 'the page shows more than on the demo data').toBeGreaterThan(before!.size);
    expect(after.queries, `statements: ${before!.queries} on the demo data, ${after.queries} now`).toBe(
      before!.queries,
    );
  });
});

/**
 * MORE of everything the pages list, in SQL (like scripts/bench-review-matrix.ts): researchers of the office's
 * institution; the demo researcher's applications to the open general call in every status the lists show, with
 * formal checks and funding; drafts inviting the demo researcher; applications under review in the call in review,
 * each with a frozen version, a team member, three submitted reviews (every other one divided, with an expert
 * supporting it, so aggregation flags it non-consensus) and an invitation to the demo expert; published challenges
 * of the demo enterprise with targets and pledges; open calls with a quota for the office's institution; announcements.
 */
async function inflate() {
  const c = db();
  const institutionId = actors.office.institutionId!;
  const { generalCall, reviewCall } = ids;
  const staffId = actors.staff.userId;
  const researcherId = actors.researcher.userId;
  const expertId = actors.expert.userId;

  await c.$executeRaw`
    insert into "User" (id, email, name, "passwordHash", "failedLoginCount", "updatedAt")
    select gen_random_uuid(), 'qc-researcher-' || g || '@qc.jingyan.cn', '计数研究者' || g, 'x', 1, now()
      from generate_series(1, ${MORE}) g`;
  await c.$executeRaw`
    insert into "RoleAssignment" (id, "userId", role, "institutionId")
    select gen_random_uuid(), id, 'RESEARCHER', ${institutionId}::uuid from "User" where email like 'qc-researcher-%'`;
  await c.$executeRaw`
    insert into "ResearcherProfile" ("userId", "institutionId", "updatedAt")
    select id, ${institutionId}::uuid, now() from "User" where email like 'qc-researcher-%'`;

  const statuses = ['INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED', 'SUBMITTED', 'RETURNED'];
  await c.$executeRaw`
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "institutionId", status, code, title,
                               "disciplineCode", "budgetMode", "ageOnDeadline", "youthTrack", "currentVersionNo",
                               "submittedAt", "updatedAt")
    select gen_random_uuid(), call.id, call."ruleVersionId", ${researcherId}::uuid, ${institutionId}::uuid,
           (${statuses}::text[])[1 + g % ${statuses.length}]::"ApplicationStatus", 'QC-G-' || lpad(g::text, 4, '0'),
           '计数申报 ' || g, (array['520', '140', '560'])[1 + g % 3], 'LUMP_SUM', 28 + g % 25, g % 3 = 0, 1,
           now() - g * interval '1 minute', now()
      from "Call" call cross join generate_series(1, ${MORE}) g where call.id = ${generalCall}::uuid`;
  await c.$executeRaw`
    insert into "FormalCheck" (id, "applicationId", "versionNo", outcome, "checkedById", "checkedAt")
    select gen_random_uuid(), id, 1,
           (case when status = 'FORMAL_CHECK_PASSED' then 'PASS' else 'FAIL' end)::"FormalCheckOutcome",
           ${staffId}::uuid, now()
      from "Application" where code like 'QC-G-%' and status in ('FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED')`;

  // Drafts of other researchers with the demo researcher invited onto the team.
  await c.$executeRaw`
    with r as (select id, row_number() over (order by email) as n from "User" where email like 'qc-researcher-%')
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "institutionId", status, title,
                               "budgetMode", "updatedAt")
    select gen_random_uuid(), call.id, call."ruleVersionId", r.id, ${institutionId}::uuid, 'DRAFT', '计数邀请 ' || r.n,
           'LUMP_SUM', now()
      from "Call" call cross join r where call.id = ${generalCall}::uuid`;
  await c.$executeRaw`
    insert into "ApplicationMember" (id, "applicationId", "userId", ordinal, responsibility)
    select gen_random_uuid(), id, ${researcherId}::uuid, 1, '计数' from "Application" where title like '计数邀请 %'`;

  // Applications under review, as the matrix, the aggregation and the expert's list see them.
  await c.$executeRaw`
    with r as (select id, row_number() over (order by email) as n from "User" where email like 'qc-researcher-%')
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "institutionId", status, code, title,
                               "disciplineCode", "budgetMode", "ageOnDeadline", "currentVersionNo", "submittedAt",
                               "updatedAt")
    select gen_random_uuid(), call.id, call."ruleVersionId", r.id, ${institutionId}::uuid, 'UNDER_REVIEW',
           'QC-R-' || lpad(r.n::text, 4, '0'), '计数评审申报 ' || r.n, '520', 'LUMP_SUM', 40, 1, now(), now()
      from "Call" call cross join r where call.id = ${reviewCall}::uuid`;
  await c.$executeRaw`
    insert into "ApplicationFunding" (id, "applicationId", source, "amountFen")
    select gen_random_uuid(), id, 'FISCAL', 30000000 from "Application" where code like 'QC-%'`;
  await c.$executeRaw`
    insert into "ApplicationVersion" (id, "applicationId", number, snapshot, "snapshotSha256", "idempotencyKey",
                                      "submittedById", "submittedAt")
    select gen_random_uuid(), a.id, 1, demo.snapshot || jsonb_build_object('title', a.title), repeat('0', 64),
           gen_random_uuid(), a."applicantId", now()
      from "Application" a,
           (select v.snapshot from "ApplicationVersion" v join "Application" x on x.id = v."applicationId"
             where x."callId" = ${reviewCall}::uuid limit 1) demo
     where a.code like 'QC-R-%'`;
  await c.$executeRaw`
    with r as (select id, row_number() over (order by email) as n from "User" where email like 'qc-researcher-%')
    insert into "ApplicationMember" (id, "applicationId", "userId", ordinal, confirmation)
    select gen_random_uuid(), a.id, r.id, 1, 'CONFIRMED'
      from "Application" a join r on 'QC-R-' || lpad((r.n % ${MORE} + 1)::text, 4, '0') = a.code`;
  await c.$executeRaw`
    with e as (select id, row_number() over (order by email) - 1 as k from "User"
                where email in ('expert4@demo.jingyan.cn', 'expert5@demo.jingyan.cn', 'expert6@demo.jingyan.cn'))
    insert into "ReviewAssignment" (id, "applicationId", "callId", "expertUserId", stage, status, origin, "dueAt",
                                    "updatedAt")
    select gen_random_uuid(), a.id, a."callId", e.id, 'MAIL', 'SUBMITTED', 'MANUAL', now() + interval '30 days', now()
      from "Application" a cross join e where a.code like 'QC-R-%'`;
  await c.$executeRaw`
    insert into "ReviewAssignment" (id, "applicationId", "callId", "expertUserId", stage, status, origin, "dueAt",
                                    "updatedAt")
    select gen_random_uuid(), a.id, a."callId", ${expertId}::uuid, 'MAIL',
           (case when right(a.code, 1)::int % 2 = 0 then 'ACCEPTED' else 'INVITED' end)::"ReviewAssignmentStatus",
           'MANUAL', now() + interval '30 days' + right(a.code, 4)::int * interval '1 hour', now()
      from "Application" a where a.code like 'QC-R-%'`;
  await c.$executeRaw`
    insert into "ReviewInvitation" (id, "assignmentId", "sentAt", "remindersSent")
    select gen_random_uuid(), ra.id, now(), 1 from "ReviewAssignment" ra join "Application" a on a.id = ra."applicationId"
     where a.code like 'QC-R-%'`;
  // A submitted review of 10s from the first expert and 1s from the others divides every odd application; the
  // first expert backs it as non-consensus. The demo expert's accepted assignments have a draft.
  await c.$executeRaw`
    with ranked as (
      select ra.id, ra.status, a."ruleVersionId", right(a.code, 4)::int % 2 = 1 as divided,
             row_number() over (partition by ra."applicationId" order by u.email) as k
        from "ReviewAssignment" ra join "Application" a on a.id = ra."applicationId"
        join "User" u on u.id = ra."expertUserId"
       where a.code like 'QC-R-%' and ra."expertUserId" <> ${expertId}::uuid)
    insert into "Review" (id, "assignmentId", "applicationVersionNo", "ruleVersionId", scores, "weightedScore",
                          recommendation, confidence, "commentToApplicant", status, "submittedAt",
                          "nonConsensusSupport", "updatedAt")
    select gen_random_uuid(), id, 1, "ruleVersionId",
           jsonb_build_object('originality', s.v, 'feasibility', s.v, 'team', s.v, 'impact', s.v), s.v,
           'FUNDABLE', 'MEDIUM', '计数评审意见', 'SUBMITTED', now(), divided and k = 1, now()
      from ranked cross join lateral (select case when not divided then 7 when k = 1 then 10 else 1 end as v) s`;
  await c.$executeRaw`
    insert into "Review" (id, "assignmentId", "applicationVersionNo", "ruleVersionId", status, "updatedAt")
    select gen_random_uuid(), ra.id, 1, a."ruleVersionId", 'DRAFT', now()
      from "ReviewAssignment" ra join "Application" a on a.id = ra."applicationId"
     where a.code like 'QC-R-%' and ra."expertUserId" = ${expertId}::uuid and ra.status = 'ACCEPTED'`;

  // Published challenges of the demo enterprise, copied from a demo one, each with two targets and a pledge.
  await c.$executeRaw`
    insert into "Challenge" (id, "callId", "issuerInstitutionId", "proposedById", "fieldId", title, problem,
                             deliverables, "durationMonths", "fiscalFen", "totalFundingFen", status, "publishedAt",
                             "updatedAt")
    select gen_random_uuid(), d."callId", ${actors.enterprise.institutionId}::uuid, d."proposedById", d."fieldId",
           '计数榜单 ' || g, d.problem, d.deliverables, d."durationMonths", d."fiscalFen", d."fiscalFen" + 1000000,
           'PUBLISHED', now() - g * interval '1 minute', now()
      from (select * from "Challenge" where status = 'PUBLISHED' order by "publishedAt" limit 1) d
     cross join generate_series(1, ${MORE}) g`;
  await c.$executeRaw`
    insert into "ChallengeTarget" (id, "challengeId", ordinal, name, unit, comparator, "targetValue",
                                   "acceptanceMethod")
    select gen_random_uuid(), ch.id, o, '指标 ' || o, '项', 'GTE', '1', '第三方测试'
      from "Challenge" ch cross join generate_series(1, 2) o where ch.title like '计数榜单 %'`;
  await c.$executeRaw`
    insert into "CoFundingPledge" (id, "challengeId", source, "sourceInstitutionId", "amountFen")
    select gen_random_uuid(), id, 'ENTERPRISE', "issuerInstitutionId", 1000000 from "Challenge"
     where title like '计数榜单 %'`;

  // Open calls (copies of the general call) with a quota for the office's institution.
  await c.$executeRaw`
    insert into "Call" (id, "programId", "ruleVersionId", year, title, "opensAt", "closesAt",
                        "institutionReviewClosesAt", status, "publishedAt", "updatedAt")
    select gen_random_uuid(), d."programId", d."ruleVersionId", d.year, '计数指南 ' || g, now() - interval '1 day',
           now() + interval '30 days' + g * interval '1 minute', now() + interval '40 days', 'OPEN', now(), now()
      from "Call" d cross join generate_series(1, ${MORE}) g where d.id = ${generalCall}::uuid`;
  await c.$executeRaw`
    insert into "InstitutionQuota" (id, "callId", "institutionId", "maxRecommended")
    select gen_random_uuid(), id, ${institutionId}::uuid, 5 from "Call" where title like '计数指南 %'`;

  await c.$executeRaw`
    insert into "Announcement" (id, title, body, status, "publishedAt", "authorId", "updatedAt")
    select gen_random_uuid(), '计数公告 ' || g, '正文', 'PUBLISHED', now() - g * interval '1 minute', ${staffId}::uuid,
           now()
      from generate_series(1, ${MORE}) g`;
}
