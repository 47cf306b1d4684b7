// Decisions for the DECIDED applications (FUND for the better reviewed ones, REJECT otherwise; all FINAL), and for
// each funded one its Project with a confirmed task book and three fiscal tranches that add up to the award exactly
// (paid when their date is before the generator's fixed "today", planned after it). Projects whose end date has passed
// are in ACCEPTANCE, the others ACTIVE.
import type pg from 'pg';

/** "Today" for the generated data: fixed, so that the same seed gives the same statuses on any day. */
export const SCALE_TODAY = '2026-11-01';

export async function insertDecisionsAndProjects(client: pg.Client) {
  const staff = `(select "userId" from "RoleAssignment" where role = 'COMMISSION_STAFF' order by "createdAt", "userId" limit 1)`;
  await client.query(`
    create temp table scale_decision as
    select a.n, a.id as "applicationId", a."callId", a.year, a.k, a."applicantId", a."institutionId", a.title,
           a."durationMonths", a.q >= 0.7 as fund,
           (floor(a."lumpSumFen" * (0.8 + 0.2 * pg_temp.r('d-award', a.n)) / 1000000) * 1000000)::bigint as award,
           date_trunc('milliseconds', a."closesAt" + interval '120 days') as "finalAt",
           make_date(a.year, 9, 1) as "startDate",
           (make_date(a.year, 9, 1) + a."durationMonths" * interval '1 month' - interval '1 day')::date as "endDate",
           (select code from "Application" where id = a.id) as code
      from scale_app a where a.status = 'DECIDED'`);
  await client.query(`create unique index on scale_decision (n); analyze scale_decision`);
  await client.query(`
    insert into "Decision" (id, "applicationId", "callId", outcome, route, "awardedFiscalFen", reasons, status,
                            "decidedById", "publishedAt", "finalAt", "createdAt", "updatedAt")
    select pg_temp.uid('decision', n), "applicationId", "callId",
           (case when fund then 'FUND' else 'REJECT' end)::"DecisionOutcome", 'RANKING',
           case when fund then award end,
           case when fund then '通讯评审排名靠前，予以资助。' else '综合评审意见，本年度不予资助。' end,
           'FINAL', ${staff}, "finalAt" - interval '20 days', "finalAt", "finalAt" - interval '30 days', "finalAt"
      from scale_decision`);
  await client.query(`
    insert into "Project" (id, code, "applicationId", "decisionId", "callId", "programId", "piUserId", "institutionId",
                           title, "budgetMode", "awardedFiscalFen", "startDate", "endDate", status, "createdAt", "updatedAt")
    select pg_temp.uid('project', d.n), 'XM' || substr(d.code, 3), d."applicationId", pg_temp.uid('decision', d.n),
           d."callId", c."programId", d."applicantId", d."institutionId", d.title, 'LUMP_SUM', d.award,
           d."startDate", d."endDate",
           (case when d."endDate" < date '${SCALE_TODAY}' then 'ACCEPTANCE' else 'ACTIVE' end)::"ProjectStatus",
           d."finalAt", d."finalAt"
      from scale_decision d join scale_call c on c.id = d."callId" where d.fund`);
  await client.query(`
    insert into "TaskBook" (id, "projectId", number, content, status, "piConfirmedAt", "institutionConfirmedById",
                            "institutionConfirmedAt", "commissionConfirmedById", "commissionConfirmedAt", "createdAt", "updatedAt")
    select pg_temp.uid('task-book', d.n), pg_temp.uid('project', d.n), 1,
           jsonb_build_object('goals', '围绕' || d.title || '取得原创性成果。', 'plan', '按年度分阶段开展研究。',
                              'outputs', '发表论文、申请专利并形成应用示范。'),
           'CONFIRMED', d."finalAt" + interval '10 days',
           (select "userId" from "RoleAssignment" where role = 'INSTITUTION_OFFICE' order by "createdAt", "userId" limit 1),
           d."finalAt" + interval '12 days', ${staff}, d."finalAt" + interval '15 days', d."finalAt", d."finalAt" + interval '15 days'
      from scale_decision d where d.fund`);
  await client.query(`
    insert into "Tranche" (id, "projectId", source, ordinal, "plannedDate", "amountFen", status, "approvedById",
                           "approvedAt", "paidById", "paidAt", "paymentReference", "createdAt", "updatedAt")
    select pg_temp.uid('tranche', d.n * 4 + t.o), pg_temp.uid('project', d.n), 'FISCAL', t.o, t.day,
           t.amount, (case when t.day < date '${SCALE_TODAY}' then 'PAID' else 'PLANNED' end)::"TrancheStatus",
           case when t.day < date '${SCALE_TODAY}' then ${staff} end,
           case when t.day < date '${SCALE_TODAY}' then t.day::timestamptz - interval '7 days' end,
           case when t.day < date '${SCALE_TODAY}' then ${staff} end,
           case when t.day < date '${SCALE_TODAY}' then t.day::timestamptz end,
           case when t.day < date '${SCALE_TODAY}' then 'BJCZ' || d.year || lpad((d.n * 4 + t.o)::text, 8, '0') end,
           d."finalAt", d."finalAt"
      from scale_decision d
      cross join lateral (values
        (1, d."startDate", d.award * 4 / 10),
        (2, (d."startDate" + interval '12 months')::date, d.award * 3 / 10),
        (3, (d."startDate" + interval '24 months')::date, d.award - d.award * 4 / 10 - d.award * 3 / 10)) as t(o, day, amount)
     where d.fund`);
}
