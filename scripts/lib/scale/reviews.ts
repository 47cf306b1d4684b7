// Mail review: as many experts per application as its rules ask (rules.mailReview.expertsPerApplication), each a
// ReviewAssignment; a submitted assignment has its Review with one integer score per criterion of the rules' review
// form (on the form's scale), the weighted score computed as src/domain/review/scoring.ts does (Σ weightBp·score,
// half-up to 2 decimals) and a recommendation consistent with it. Applications still UNDER_REVIEW have some
// assignments invited or accepted and not yet reviewed. Scores follow a hidden quality per application, so rankings
// and funding decisions agree with the reviews.
import type pg from 'pg';
import type { ScaleSize } from './sql';

const COMMENT =
  '申请书研究目标明确，技术路线总体可行，前期工作基础较好。建议进一步细化关键技术难点的解决方案，补充对照实验设计与风险预案，' +
  '明确阶段性考核指标，并加强与应用单位的协同，以提高成果转化的可行性。研究团队结构合理，经费预算与研究内容基本匹配。';

export async function insertReviews(client: pg.Client, size: ScaleSize) {
  await client.query(`
    create temp table scale_assignment as
    select a.n * 16 + r as m, a.n, a.id as "applicationId", a."callId", a.status, a.q, a."ruleVersionId",
           a.rules->'reviewForm'->'criteria' as criteria, (a.rules->'reviewForm'->>'scaleMin')::int as lo,
           (a.rules->'reviewForm'->>'scaleMax')::int as hi, a."closesAt", e.id as "expertUserId",
           case when a.status <> 'UNDER_REVIEW' then 'SUBMITTED'
                when pg_temp.r('ra-status', a.n * 16 + r) < 0.7 then 'SUBMITTED'
                when pg_temp.r('ra-status', a.n * 16 + r) < 0.9 then 'ACCEPTED' else 'INVITED' end as status2
      from scale_app a
      cross join lateral generate_series(0, (a.rules->'mailReview'->>'expertsPerApplication')::int - 1) r
      -- Spread over the pool (offsets r·⌊E/16⌋ keep one application's experts distinct); an expert of the applicant's
      -- own institution (回避) is replaced by the next one in the pool: offsets at least 2 apart (E ≥ 40) cannot collide.
      cross join lateral (
        select (floor(pg_temp.r('ra-base', a.n) * ${size.experts})::int + r * (${size.experts} / 16)) % ${size.experts} as k0
      ) c
      join scale_expert e0 on e0.k = c.k0
      join scale_expert e
        on e.k = case when e0.inst = a."institutionId" then (c.k0 + 1) % ${size.experts} else c.k0 end
     where a.stage >= 4`);
  await client.query(`create unique index on scale_assignment (m); analyze scale_assignment`);
  await client.query(`
    insert into "ReviewAssignment" (id, "applicationId", "callId", "expertUserId", stage, status, origin, affinity, "dueAt",
                                    "createdAt", "updatedAt")
    select pg_temp.uid('assignment', m), "applicationId", "callId", "expertUserId", 'MAIL', status2::"ReviewAssignmentStatus",
           'AUTO', round((0.5 + pg_temp.r('ra-affinity', m) / 2)::numeric, 4), "closesAt" + interval '60 days',
           "closesAt" + interval '30 days', "closesAt" + interval '45 days'
      from scale_assignment`);
  await client.query(`
    insert into "Review" (id, "assignmentId", "applicationVersionNo", "ruleVersionId", scores, "weightedScore",
                          recommendation, confidence, "commentToApplicant", status, "submittedAt", "nonConsensusSupport",
                          "createdAt", "updatedAt")
    select pg_temp.uid('review', s.m), pg_temp.uid('assignment', s.m), 1, s."ruleVersionId", s.scores,
           floor((s.numerator + 50) / 100) / 100.0,
           (case when s.numerator >= 80000 then 'PRIORITY' when s.numerator >= 60000 then 'FUNDABLE'
                 else 'NOT_FUNDABLE' end)::"ReviewRecommendation",
           (array['LOW','MEDIUM','HIGH'])[pg_temp.ri('rv-confidence', s.m, 1, 3)]::"ReviewConfidence",
           '${COMMENT}', 'SUBMITTED', s."closesAt" + interval '40 days' + pg_temp.r('rv-at', s.m) * interval '15 days',
           pg_temp.r('rv-nc', s.m) < 0.03, s."closesAt" + interval '35 days', s."closesAt" + interval '55 days'
      from (select a.m, a."ruleVersionId", a."closesAt", x.scores, x.numerator
              from scale_assignment a
              cross join lateral (
                select jsonb_object_agg(c->>'key', v.score) as scores, sum((c->>'weightBp')::int * v.score) as numerator
                  from jsonb_array_elements(a.criteria) with ordinality as cr(c, i)
                  cross join lateral (
                    select least(a.hi, greatest(a.lo, round(a.lo + (a.hi - a.lo)
                             * (0.3 + 0.6 * a.q + 0.3 * (pg_temp.r('rv-score', a.m * 16 + i) - 0.5)))::int)) as score) v) x
             where a.status2 = 'SUBMITTED') s`);
  await client.query(`
    update "ExpertProfile" p set "reviewsSubmitted" = x.c
      from (select "expertUserId", count(*)::int as c from scale_assignment where status2 = 'SUBMITTED' group by 1) x
     where p."userId" = x."expertUserId"`);
}
