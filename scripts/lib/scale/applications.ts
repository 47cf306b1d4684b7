// Calls of 一般项目 (GEN) and 卓越青年 (EYS) for 2022–2026, and applications across them at every point of the
// lifecycle: 2022–2025 calls are decided (most applications DECIDED, some failed the formal check, were returned and
// never resubmitted, withdrawn or left as drafts); the 2026 calls are in review, so their applications are spread
// from DRAFT to PANEL. Every non-draft has its ApplicationVersion (number 1), code and submittedAt; the office's
// verdict (InstitutionReview) and the formal check exist exactly for the statuses past them.
// Budgets are 包干制 (LUMP_SUM, allowed by both programs), so no budget lines are needed.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { canonicalJson } from '../../../src/domain/audit/hash-chain';
import { textArray, type ScaleSize } from './sql';

const TOPICS = [
  '关键机理与调控方法',
  '多尺度建模与仿真',
  '智能感知与优化控制',
  '评价体系与应用示范',
  '基础理论与关键技术',
  '数据驱动的预测方法',
  '安全可信机制',
  '协同治理路径',
];
const KEYWORDS = [
  '人工智能',
  '新材料',
  '集成电路',
  '生物医药',
  '新能源',
  '数字经济',
  '城市治理',
  '量子信息',
  '脑科学',
  '智能制造',
];
const PARA =
  '在前期工作基础上，项目组将系统梳理国内外研究现状，明确拟解决的关键科学问题。研究将结合理论分析、数值模拟与实验验证，逐步建立完整的方法体系，并在典型场景中检验其有效性。';

export async function insertCalls(client: pg.Client) {
  await client.query(`
    create temp table scale_call as
    select pg_temp.uid('call', y * 10 + p.k) as id, p.id as "programId", p.code as "programCode", p.name as "programName",
           p."nameEn" as "programNameEn", p.kind::text as "programKind", rv.id as "ruleVersionId", rv.number as "ruleNo",
           rv.rules, y as year, p.k,
           (y || '-03-01 09:00+08')::timestamptz as "opensAt", (y || '-04-30 17:00+08')::timestamptz as "closesAt",
           case when y <= 2024 then 'ARCHIVED' when y = 2025 then 'DECIDED' else 'REVIEWING' end as status
      from (select id, code, name, "nameEn", kind, "currentRuleVersionId", case code when 'GEN' then 0 else 1 end as k
              from "Program" where code in ('GEN', 'EYS')) p
      join "ProgramRuleVersion" rv on rv.id = p."currentRuleVersionId"
      cross join generate_series(2022, 2026) y`);
  await client.query(`
    insert into "Call" (id, "programId", "ruleVersionId", year, title, "titleEn", guide, "opensAt", "closesAt",
                        "institutionReviewClosesAt", "plannedAwards", status, "publishedAt", "createdAt", "updatedAt")
    select id, "programId", "ruleVersionId", year, year || '年度' || "programName" || '申报指南',
           year || ' ' || "programNameEn" || ': Call for Applications', '本年度申报指南（批量生成数据）。', "opensAt", "closesAt",
           "closesAt" + interval '15 days', null, status::"CallStatus", "opensAt" - interval '20 days',
           "opensAt" - interval '30 days', "closesAt" + interval '180 days'
      from scale_call`);
}

/** The application's status from its call's year and a seeded draw (GEN has no panel stage: it never reaches PANEL). */
const STATUS_SQL = `case
  when c.year <= 2025 then case
    when u < 0.03 then 'DRAFT' when u < 0.06 then 'WITHDRAWN' when u < 0.09 then 'RETURNED'
    when u < 0.15 then 'FORMAL_CHECK_FAILED' else 'DECIDED' end
  else case
    when u < 0.12 then 'DRAFT' when u < 0.15 then 'WITHDRAWN' when u < 0.20 then 'RETURNED'
    when u < 0.25 then 'SUBMITTED' when u < 0.30 then 'INSTITUTION_APPROVED' when u < 0.35 then 'FORMAL_CHECK_FAILED'
    when u < 0.45 then 'FORMAL_CHECK_PASSED'
    when u < 0.70 or not (c.rules->'stages'->>'panel')::boolean then 'UNDER_REVIEW' else 'PANEL' end
  end`;

export async function insertApplications(client: pg.Client, size: ScaleSize) {
  // Young researchers (under 40 on every deadline here) for 卓越青年, whose rules have an age limit.
  await client.query(`
    create temp table scale_young as
    select r.n, row_number() over (order by r.n) - 1 as k from scale_researcher r where r.birth >= date '1987-05-01';
    create unique index on scale_young (k); analyze scale_young`);
  await client.query(`
    create temp table scale_app as
    with base as (
      select g as n, pg_temp.r('a-status', g) as u,
             case when x < 0.17 then 2022 when x < 0.36 then 2023 when x < 0.56 then 2024 when x < 0.77 then 2025 else 2026 end as year,
             case when pg_temp.r('a-program', g) < 0.55 then 0 else 1 end as k
        from generate_series(1, ${size.applications}) g, lateral (select pg_temp.r('a-year', g) as x) y
    ), placed as (
      select b.n, b.u, c.year, c.k, c.id as "callId", c."ruleVersionId", c.rules, c."closesAt", c."opensAt",
             ${STATUS_SQL} as status,
             coalesce(y.n, 1 + floor(pg_temp.r('a-pi', b.n) * ${size.researchers})::int) as pi
        from base b join scale_call c on c.year = b.year and c.k = b.k
        cross join (select count(*) as ny from scale_young) yc
        left join scale_young y on b.k = 1 and y.k = floor(pg_temp.r('a-pi', b.n) * yc.ny)
    )
    select p.*, pg_temp.uid('application', p.n) as id, r.id as "applicantId", r.inst as "institutionId", r.disc,
           pg_temp.r('a-quality', p.n) as q,
           case p.status when 'DRAFT' then 0 when 'SUBMITTED' then 1 when 'WITHDRAWN' then 1 when 'RETURNED' then 1
             when 'INSTITUTION_APPROVED' then 2 when 'FORMAL_CHECK_FAILED' then 3 when 'FORMAL_CHECK_PASSED' then 3
             when 'UNDER_REVIEW' then 4 when 'PANEL' then 5 else 6 end as stage,
           date_trunc('milliseconds', p."opensAt" + pg_temp.r('a-submitted', p.n) * (p."closesAt" - p."opensAt")) as "submittedAt",
           d.name || '中的' || pg_temp.pick(${textArray(TOPICS)}, pg_temp.r('a-topic', p.n)) || '研究' as title,
           array[pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('a-kw1', p.n)),
                 pg_temp.pick(${textArray(KEYWORDS)}, pg_temp.r('a-kw2', p.n))] as keywords,
           ((p.rules->'budget'->>'minFen')::bigint
             + floor(pg_temp.r('a-budget', p.n) * ((p.rules->'budget'->>'maxFen')::bigint - (p.rules->'budget'->>'minFen')::bigint)
                     / 1000000) * 1000000)::bigint as "lumpSumFen",
           pg_temp.ri('a-months', p.n, (p.rules->'budget'->'durationMonths'->>'min')::int,
                      (p.rules->'budget'->'durationMonths'->>'max')::int) as "durationMonths",
           extract(year from age(("closesAt" at time zone 'Asia/Shanghai')::date, rp."birthDate"))::int as age,
           rp, u2.name as "piName", i.name as "institutionName"
      from placed p
      join scale_researcher r on r.n = p.pi
      join "ResearcherProfile" rp on rp."userId" = r.id
      join "User" u2 on u2.id = r.id
      join "Institution" i on i.id = r.inst
      join scale_disc d on d.code = r.disc`);
  await client.query(`create unique index on scale_app (n); create unique index on scale_app (id); analyze scale_app`);
  await client.query(`
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "createdById", "institutionId", status, code,
                               title, "disciplineCode", keywords, abstract, content, "durationMonths", "budgetMode",
                               "lumpSumFen", "lumpSumPlan", "ageOnDeadline", "youthTrack", "currentVersionNo",
                               "returnComment", "submittedAt", "withdrawnAt", "withdrawReason", "createdAt", "updatedAt")
    select a.id, a."callId", a."ruleVersionId", a."applicantId", a."applicantId", a."institutionId",
           a.status::"ApplicationStatus",
           case when a.stage > 0 then 'JY' || a.year || '-' || case a.k when 0 then 'GEN' else 'EYS' end || '-S'
                                       || lpad(a.n::text, 6, '0') end,
           a.title, a.disc, a.keywords, '本项目围绕' || a.title || '开展研究。' || '${PARA}',
           jsonb_build_object('researchContent', '本项目围绕' || a.title || '开展系统研究。' || '${PARA}',
                              'innovation', '本项目的创新之处在于' || a.title || '。' || '${PARA}',
                              'plan', '${PARA}', 'outcomes', '预期发表高水平论文，形成可推广的方法与应用示范。'),
           a."durationMonths", 'LUMP_SUM', a."lumpSumFen", '经费按研究计划分年度统筹使用。',
           case when a.stage > 0 then a.age end,
           case when a.stage > 0 then a.k = 0 and a.age < 35 else false end,
           case when a.stage > 0 then 1 else 0 end,
           case when a.status = 'RETURNED' then '请补充研究基础与前期成果说明后重新提交。' end,
           case when a.stage > 0 then a."submittedAt" end,
           case when a.status = 'WITHDRAWN' then a."submittedAt" + interval '3 days' end,
           case when a.status = 'WITHDRAWN' then '申请人主动撤回。' end,
           a."submittedAt" - interval '12 days', a."submittedAt" + interval '1 day'
      from scale_app a`);
  await client.query(`analyze "Application"`);
  await client.query(`
    insert into "ApplicationVersion" (id, "applicationId", number, snapshot, "snapshotSha256", "idempotencyKey",
                                      "submittedById", "submittedAt")
    select pg_temp.uid('version', a.n), a.id, 1,
           jsonb_build_object(
             'call', jsonb_build_object('id', c.id, 'title', c.year || '年度' || c."programName" || '申报指南',
                                        'titleEn', c.year || ' ' || c."programNameEn" || ': Call for Applications',
                                        'program', jsonb_build_object('kind', c."programKind", 'name', c."programName",
                                                                      'nameEn', c."programNameEn")),
             'title', app.title, 'titleEn', '', 'abstract', app.abstract, 'abstractEn', '', 'keywords', app.keywords,
             'content', app.content, 'disciplineCode', app."disciplineCode", 'durationMonths', app."durationMonths",
             'rulesVersion', c."ruleNo", 'challenge', null, 'members', '[]'::jsonb, 'works', '[]'::jsonb,
             'attachments', '[]'::jsonb,
             'budget', jsonb_build_object('mode', 'LUMP_SUM', 'lines', '[]'::jsonb, 'lumpSumFen', app."lumpSumFen"::text,
                                          'lumpSumPlan', app."lumpSumPlan",
                                          'funding', jsonb_build_array(jsonb_build_object('source', 'FISCAL',
                                                                       'amountFen', app."lumpSumFen"::text))),
             'applicant', jsonb_build_object('name', a."piName", 'orcid', null, 'title', (a.rp)."title",
                                             'degree', (a.rp).degree, 'department', (a.rp).department,
                                             'youthTrack', app."youthTrack", 'institution', a."institutionName",
                                             'ageOnDeadline', app."ageOnDeadline")),
           '', pg_temp.uid('version-key', a.n), a."applicantId", a."submittedAt"
      from scale_app a join "Application" app on app.id = a.id join scale_call c on c.id = a."callId"
     where a.stage > 0`);
  // The office's verdict: RETURN for the returned, RECOMMEND for everything past it.
  const office = `(select "userId" from "RoleAssignment" where role = 'INSTITUTION_OFFICE' order by "createdAt", "userId" limit 1)`;
  await client.query(`
    insert into "InstitutionReview" (id, "applicationId", "versionNo", "institutionId", outcome, comment, "decidedById", "decidedAt")
    select pg_temp.uid('institution-review', a.n), a.id, 1, a."institutionId",
           (case when a.status = 'RETURNED' then 'RETURN' else 'RECOMMEND' end)::"InstitutionReviewOutcome",
           case when a.status = 'RETURNED' then '请补充研究基础与前期成果说明后重新提交。' else '同意推荐。' end,
           ${office}, a."submittedAt" + interval '5 days'
      from scale_app a where a.status = 'RETURNED' or a.stage >= 2`);
  await client.query(`
    insert into "FormalCheck" (id, "applicationId", "versionNo", outcome, "reasonCodes", comment, "checkedById", "checkedAt")
    select pg_temp.uid('formal-check', a.n), a.id, 1,
           (case when a.status = 'FORMAL_CHECK_FAILED' then 'FAIL' else 'PASS' end)::"FormalCheckOutcome",
           case when a.status = 'FORMAL_CHECK_FAILED'
                then coalesce((select array[code] from "FormalCheckReason" order by ordinal, code limit 1), '{}') else '{}' end,
           case when a.status = 'FORMAL_CHECK_FAILED' then '材料不完整。' else '' end,
           (select "userId" from "RoleAssignment" where role = 'COMMISSION_STAFF' order by "createdAt", "userId" limit 1),
           a."closesAt" + interval '20 days'
      from scale_app a where a.stage >= 3`);
}

/** snapshotSha256 as the app computes it: SHA-256 of the snapshot's canonical JSON (keys sorted at every depth). */
export async function hashSnapshots(client: pg.Client) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await client.query<{ id: string; snapshot: unknown }>(
      `select id, snapshot from "ApplicationVersion" where "snapshotSha256" = '' and id > $1 order by id limit 5000`,
      [after],
    );
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    const hashes = rows.map((r) => createHash('sha256').update(canonicalJson(r.snapshot)).digest('hex'));
    await client.query(
      `update "ApplicationVersion" v set "snapshotSha256" = h.hash
         from unnest($1::uuid[], $2::text[]) as h(id, hash) where v.id = h.id`,
      [ids, hashes],
    );
    after = ids[ids.length - 1]!;
  }
}
