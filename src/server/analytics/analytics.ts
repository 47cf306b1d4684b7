import 'server-only';
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

export async function analytics(client: Db, actor: Actor, filters: AnalyticsFilters) {
  let institutionId: string | null = null;
  if (actor.role === 'INSTITUTION_OFFICE') {
    assertCan(actor, 'read:analytics:institution');
    institutionId = actor.institutionId ?? null;
    if (!institutionId) throw new DomainError('FORBIDDEN');
  } else {
    assertCan(actor, 'read:analytics:all');
  }
  const year = Number.isInteger(filters.year) ? filters.year! : null;
  const programId = uuid(filters.programId);

  // One row per application in scope, with whether it was submitted and funded; each section groups it its own way.
  const base = (group: string) =>
    client.$queryRawUnsafe<
      {
        key: string | null;
        label: string | null;
        labelEn: string | null;
        submitted: bigint;
        funded: bigint;
        requested: bigint;
        awarded: bigint;
      }[]
    >(
      `with base as (
       select a.id, a."institutionId", a."disciplineCode", a."ageOnDeadline", c."programId",
              a.status not in ('DRAFT', 'WITHDRAWN') as submitted,
              d.id is not null as funded, coalesce(d."awardedFiscalFen", 0) as awarded,
              coalesce((select sum(f."amountFen") from "ApplicationFunding" f
                         where f."applicationId" = a.id and f.source = 'FISCAL'), 0) as requested
         from "Application" a
         join "Call" c on c.id = a."callId"
         left join lateral (select d.id, d."awardedFiscalFen" from "Decision" d
                             where d."applicationId" = a.id and d.outcome = 'FUND'
                               and d.status in ('PUBLISHED', 'IN_NOTICE', 'FINAL') limit 1) d on true
        where ($1::int is null or c.year = $1) and ($2::uuid is null or c."programId" = $2)
          and ($3::uuid is null or a."institutionId" = $3)
     )
     ${group}`,
      year,
      programId,
      institutionId,
    );
  const sums = `count(*) filter (where submitted) as submitted, count(*) filter (where funded) as funded,
                coalesce(sum(requested) filter (where submitted), 0)::bigint as requested,
                coalesce(sum(awarded) filter (where funded), 0)::bigint as awarded`;
  const [byProgram, byInstitution, byDiscipline, byAge] = await Promise.all([
    base(`select p.id::text as key, p.name as label, p."nameEn" as "labelEn", ${sums}
            from base join "Program" p on p.id = base."programId" group by p.id order by p.name`),
    base(`select i.id::text as key, i.name as label, i."nameEn" as "labelEn", ${sums}
            from base join "Institution" i on i.id = base."institutionId"
           group by i.id order by count(*) filter (where submitted) desc, i.name limit 30`),
    base(`select coalesce(left(base."disciplineCode", 3), '—') as key, max(r.name) as label, max(r."nameEn") as "labelEn", ${sums}
            from base left join lateral (select e.name, e."nameEn" from "Discipline" e
                                           where e.code = left(base."disciplineCode", 3) limit 1) r on true
           group by 1 order by 1`),
    base(`select case when "ageOnDeadline" is null then 'UNKNOWN' when "ageOnDeadline" < 35 then 'UNDER_35'
                      when "ageOnDeadline" < 45 then 'UNDER_45' else 'FROM_45' end as key,
                 null as label, null as "labelEn", ${sums}
            from base group by 1 order by 1`),
  ]);
  const money = await client.$queryRawUnsafe<{ source: string; committed: bigint; paid: bigint }[]>(
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
  );
  const review = institutionId
    ? []
    : await client.$queryRawUnsafe<{ status: string; count: bigint }[]>(
        `select r.status::text as status, count(*) as count from "ReviewAssignment" r join "Call" c on c.id = r."callId"
          where ($1::int is null or c.year = $1) and ($2::uuid is null or c."programId" = $2)
          group by r.status order by r.status`,
        year,
        programId,
      );
  const [coFunding] = institutionId
    ? [null]
    : await client.$queryRawUnsafe<{ challenges: bigint; pledged: bigint; fiscal: bigint }[]>(
        `select count(distinct ch.id) as challenges,
                coalesce(sum(pl."amountFen") filter (where pl.status <> 'WITHDRAWN'), 0)::bigint as pledged,
                (select coalesce(sum(x."fiscalFen"), 0) from "Challenge" x where x.status = 'PUBLISHED')::bigint as fiscal
           from "Challenge" ch left join "CoFundingPledge" pl on pl."challengeId" = ch.id
          where ch.status = 'PUBLISHED'`,
      );
  const rows = (r: Awaited<ReturnType<typeof base>>): Breakdown[] =>
    r.map((x) => ({
      key: x.key ?? '—',
      label: x.label ?? x.key ?? '—',
      labelEn: x.labelEn || x.label || x.key || '—',
      submitted: Number(x.submitted),
      funded: Number(x.funded),
      requestedFen: BigInt(x.requested),
      awardedFen: BigInt(x.awarded),
    }));
  return {
    scope: institutionId ? ('institution' as const) : ('all' as const),
    byProgram: rows(byProgram),
    byInstitution: institutionId ? [] : rows(byInstitution),
    byDiscipline: rows(byDiscipline),
    byAge: rows(byAge),
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
