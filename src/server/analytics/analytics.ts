import 'server-only';
import { LRUCache } from 'lru-cache';
import { DomainError } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import type { Db } from '../db';

// 数据分析: the picture at a glance for commission staff, and the same for one institution's office. Every figure is
// an aggregate computed in SQL (one query per section, whatever the number of applications). "Submitted" means not a
// draft and not withdrawn; "funded" means a FUND decision that has been released (published, in notice or final).

export interface AnalyticsFilters {
  year?: number;
  programId?: string;
}

export interface Breakdown {
  key: string;
  label: string;
  labelEn: string;
  submitted: number;
  funded: number;
  requestedFen: bigint;
  awardedFen: bigint;
}

const uuid = (v: string | undefined) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : null);

/** Which figures an actor may see under these filters: the scope comes from the role, never from the request. */
function analyticsScope(actor: Actor, filters: AnalyticsFilters) {
  let institutionId: string | null = null;
  if (actor.role === 'INSTITUTION_OFFICE') {
    assertCan(actor, 'read:analytics:institution');
    institutionId = actor.institutionId ?? null;
    if (!institutionId) throw new DomainError('FORBIDDEN');
  } else {
    assertCan(actor, 'read:analytics:all');
  }
  return {
    institutionId,
    year: Number.isInteger(filters.year) ? filters.year! : null,
    programId: uuid(filters.programId),
  };
}
type Scope = ReturnType<typeof analyticsScope>;

/** The figures, computed now. */
export async function analytics(client: Db, actor: Actor, filters: AnalyticsFilters) {
  return computeAnalytics(client, analyticsScope(actor, filters));
}

export type AnalyticsFigures = Awaited<ReturnType<typeof computeAnalytics>> & { computedAt: Date };

/**
 * The dashboard's figures, computed at most once a minute per scope and filters on each app instance (issue 10).
 * Over several years (50 000 applications, 150 000 review assignments) the aggregates take 100–300 ms of database
 * time on a shared 2-core machine, too slow to run for every page view; a statistic a minute old is what such a
 * dashboard shows everywhere, and the page says when it was computed. Requests that arrive while a computation runs
 * share it. Nothing authoritative is kept: each instance computes its own, so replicas need no shared invalidation.
 * Authorization runs before the cache, and the key carries the scope the role allows.
 */
export function analyticsCache(options: { ttlMs: number; max?: number }) {
  const cache = new LRUCache<string, AnalyticsFigures, { client: Db; scope: Scope }>({
    max: options.max ?? 500,
    ttl: options.ttlMs,
    fetchMethod: async (_key, _stale, { context }) => ({
      ...(await computeAnalytics(context.client, context.scope)),
      computedAt: new Date(),
    }),
  });
  return async (client: Db, actor: Actor, filters: AnalyticsFilters): Promise<AnalyticsFigures> => {
    const scope = analyticsScope(actor, filters);
    const key = JSON.stringify([scope.institutionId, scope.year, scope.programId]);
    return (await cache.fetch(key, { context: { client, scope } }))!;
  };
}

export const ANALYTICS_CACHE_SECONDS = 60;
/** What the analytics pages call. */
export const cachedAnalytics = analyticsCache({ ttlMs: ANALYTICS_CACHE_SECONDS * 1000 });

async function computeAnalytics(client: Db, { institutionId, year, programId }: Scope) {
  // One pass over the applications in scope: grouping sets give the four breakdowns from a single scan (four scans,
  // one per section, took 1.9 s at 50 000 applications; docs/PERFORMANCE.md). Decisions and the fiscal request are
  // hash-joined, not looked up per row; the covering indexes on Application and Decision let both be index-only scans.
  // An application has at most one live decision (Decision_one_live_per_application) and one FISCAL funding row.
  const groupedQuery = client.$queryRawUnsafe<
    {
      section: 'program' | 'institution' | 'discipline' | 'age';
      key: string;
      label: string | null;
      labelEn: string | null;
      submitted: bigint;
      funded: bigint;
      requested: bigint;
      awarded: bigint;
    }[]
  >(
    `with scope as (
       select c."programId", a."institutionId",
              coalesce(left(a."disciplineCode", 3), '—') as discipline,
              case when a."ageOnDeadline" is null then 'UNKNOWN' when a."ageOnDeadline" < 35 then 'UNDER_35'
                   when a."ageOnDeadline" < 45 then 'UNDER_45' else 'FROM_45' end as age,
              a.status not in ('DRAFT', 'WITHDRAWN') as submitted,
              d."applicationId" is not null as funded, coalesce(d."awardedFiscalFen", 0) as awarded,
              coalesce(f."amountFen", 0) as requested
         from "Application" a
         join "Call" c on c.id = a."callId"
         left join "Decision" d on d."applicationId" = a.id and d.outcome = 'FUND'
                               and d.status in ('PUBLISHED', 'IN_NOTICE', 'FINAL')
         left join "ApplicationFunding" f on f."applicationId" = a.id and f.source = 'FISCAL'
        where ($1::int is null or c.year = $1) and ($2::uuid is null or c."programId" = $2)
          and ($3::uuid is null or a."institutionId" = $3)
     ), groups as (
       select case when grouping("programId") = 0 then 'program' when grouping("institutionId") = 0 then 'institution'
                   when grouping(discipline) = 0 then 'discipline' else 'age' end as section,
              coalesce("programId"::text, "institutionId"::text, discipline, age) as key,
              count(*) filter (where submitted) as submitted, count(*) filter (where funded) as funded,
              coalesce(sum(requested) filter (where submitted), 0)::bigint as requested,
              coalesce(sum(awarded) filter (where funded), 0)::bigint as awarded
         from scope
        group by grouping sets (("programId"), ("institutionId"), (discipline), (age))
     )
     select g.*, coalesce(p.name, i.name, r.name) as label, coalesce(p."nameEn", i."nameEn", r."nameEn") as "labelEn"
       from groups g
       left join "Program" p on g.section = 'program' and p.id::text = g.key
       left join "Institution" i on g.section = 'institution' and i.id::text = g.key
       left join lateral (select e.name, e."nameEn" from "Discipline" e
                           where g.section = 'discipline' and e.code = g.key limit 1) r on true
      order by g.section, case when g.section = 'institution' then g.submitted end desc nulls last,
               coalesce(p.name, i.name), g.key`,
    year,
    programId,
    institutionId,
  );
  const [grouped, money, review, [coFunding]] = await Promise.all([
    groupedQuery,
    client.$queryRawUnsafe<{ source: string; committed: bigint; paid: bigint }[]>(
      `select t.source::text as source,
            coalesce(sum(t."amountFen") filter (where t.status <> 'CANCELLED'), 0)::bigint as committed,
            coalesce(sum(t."amountFen") filter (where t.status = 'PAID'), 0)::bigint as paid
       from "Tranche" t join "Project" p on p.id = t."projectId"
       join "Application" a on a.id = p."applicationId" join "Call" c on c.id = a."callId"
      where ($1::int is null or c.year = $1) and ($2::uuid is null or c."programId" = $2)
        and ($3::uuid is null or p."institutionId" = $3)
      group by t.source order by t.source`,
      year,
      programId,
      institutionId,
    ),
    institutionId
      ? []
      : client.$queryRawUnsafe<{ status: string; count: bigint }[]>(
          `select r.status::text as status, count(*) as count from "ReviewAssignment" r join "Call" c on c.id = r."callId"
            where ($1::int is null or c.year = $1) and ($2::uuid is null or c."programId" = $2)
            group by r.status order by r.status`,
          year,
          programId,
        ),
    institutionId
      ? [null]
      : client.$queryRawUnsafe<{ challenges: bigint; pledged: bigint; fiscal: bigint }[]>(
          `select count(distinct ch.id) as challenges,
                  coalesce(sum(pl."amountFen") filter (where pl.status <> 'WITHDRAWN'), 0)::bigint as pledged,
                  (select coalesce(sum(x."fiscalFen"), 0) from "Challenge" x where x.status = 'PUBLISHED')::bigint as fiscal
             from "Challenge" ch left join "CoFundingPledge" pl on pl."challengeId" = ch.id
            where ch.status = 'PUBLISHED'`,
        ),
  ]);
  const section = (name: (typeof grouped)[number]['section']) => grouped.filter((g) => g.section === name);
  const rows = (r: typeof grouped): Breakdown[] =>
    r.map((x) => ({
      key: x.key,
      label: x.label ?? x.key ?? '—',
      labelEn: x.labelEn || x.label || x.key || '—',
      submitted: Number(x.submitted),
      funded: Number(x.funded),
      requestedFen: BigInt(x.requested),
      awardedFen: BigInt(x.awarded),
    }));
  return {
    scope: institutionId ? ('institution' as const) : ('all' as const),
    byProgram: rows(section('program')),
    byInstitution: institutionId ? [] : rows(section('institution').slice(0, 30)),
    byDiscipline: rows(section('discipline')),
    byAge: rows(section('age')),
    money: money.map((m) => ({ source: m.source, committedFen: BigInt(m.committed), paidFen: BigInt(m.paid) })),
    review: review.map((r) => ({ status: r.status, count: Number(r.count) })),
    coFunding: coFunding
      ? {
          challenges: Number(coFunding.challenges),
          pledgedFen: BigInt(coFunding.pledged),
          fiscalFen: BigInt(coFunding.fiscal),
        }
      : null,
  };
}

/** The years and programs to filter by. */
export async function analyticsFilterOptions(client: Db, actor: Actor) {
  if (actor.role === 'INSTITUTION_OFFICE') assertCan(actor, 'read:analytics:institution');
  else assertCan(actor, 'read:analytics:all');
  const [years, programs] = await Promise.all([
    client.call.findMany({ distinct: ['year'], orderBy: { year: 'desc' }, select: { year: true } }),
    client.program.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, nameEn: true } }),
  ]);
  return { years: years.map((y) => y.year), programs };
}
