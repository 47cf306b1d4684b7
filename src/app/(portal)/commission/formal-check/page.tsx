import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { ExportLinks } from '@/components/exports/export-links';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { ZFormalCheckQuery } from '@/lib/validation/applications';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listForFormalCheck } from '@/server/applications/review-side';
import { listCalls } from '@/server/calls/calls';
import { listInstitutions } from '@/server/institutions/list-institutions';
import { disciplinesNamed } from '@/server/reference/taxonomy';

const STATUSES = ['INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED'] as const;
const AGES = ['under35', 'under45', 'over45'] as const;
const SORTS = ['queue', 'code', 'newest'] as const;

export default async function FormalCheckListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission('check:application:all');
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === 'string' && raw[k] ? raw[k] : undefined);
  // Filters arrive as typed in the address bar: anything malformed is ignored, not an error page.
  const query = ZFormalCheckQuery.parse({
    callId: one('callId'),
    institutionId: one('institutionId'),
    status: one('status'),
    discipline: one('discipline'),
    age: one('age'),
    sort: one('sort'),
    after: one('after'),
    before: one('before'),
  });
  const [{ rows, counts, nextAfter, previousBefore }, calls, institutions, t, locale] = await Promise.all([
    listForFormalCheck(db(), actor, query),
    listCalls(db(), actor),
    listInstitutions(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const disciplines = await disciplinesNamed(
    db(),
    rows.map((r) => r.disciplineCode),
  );
  const disciplineName = (code: string | null) => {
    if (!code) return '—';
    const d = disciplines.find((x) => x.code === code);
    return d ? `${code} ${localized(locale, d.name, d.nameEn)}` : code;
  };
  const filtered = Boolean(query.callId || query.institutionId || query.status || query.discipline || query.age);
  // The same filters and order, from another row: the pages before and after this one.
  const pageHref = (cursor: { after: string } | { before: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({
      ...query,
      ...cursor,
      ...('after' in cursor ? { before: '' } : { after: '' }),
    }))
      if (v && !(k === 'sort' && v === 'queue')) params.set(k, String(v));
    return `/commission/formal-check?${params}`;
  };
  return (
    <>
      <PageHeader
        title={t('formalCheck.title')}
        description={t('formalCheck.description')}
        actions={
          <span className="flex flex-wrap gap-2">
            <ExportLinks
              kind="applications"
              filters={{
                callId: query.callId,
                status: query.status,
                institutionId: query.institutionId,
                discipline: query.discipline,
                age: query.age,
              }}
            />
            <Link
              href="/commission/formal-check/reasons"
              className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              {t('formalCheck.manageReasons')}
            </Link>
          </span>
        }
      />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex w-72 max-w-full flex-col gap-1 text-sm">
          <span>{t('formalCheck.filterCall')}</span>
          <select name="callId" defaultValue={query.callId ?? ''} className={inputClass}>
            <option value="">{t('formalCheck.all')}</option>
            {calls
              .filter((c) => c.status !== 'DRAFT')
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
          </select>
        </label>
        <label className="flex w-56 max-w-full flex-col gap-1 text-sm">
          <span>{t('formalCheck.filterInstitution')}</span>
          <select name="institutionId" defaultValue={query.institutionId ?? ''} className={inputClass}>
            <option value="">{t('formalCheck.all')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {localized(locale, i.name, i.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex w-48 max-w-full flex-col gap-1 text-sm">
          <span>{t('formalCheck.filterStatus')}</span>
          <select name="status" defaultValue={query.status ?? ''} className={inputClass}>
            <option value="">{t('formalCheck.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`enums.applicationStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex w-40 max-w-full flex-col gap-1 text-sm">
          <span>{t('formalCheck.filterDiscipline')}</span>
          <input
            name="discipline"
            inputMode="numeric"
            pattern="\d{3,7}"
            placeholder={t('formalCheck.filterDisciplineHint')}
            title={t('formalCheck.filterDisciplineHint')}
            defaultValue={query.discipline ?? ''}
            className={inputClass}
          />
        </label>
        <label className="flex w-40 max-w-full flex-col gap-1 text-sm">
          <span>{t('formalCheck.filterAge')}</span>
          <select name="age" defaultValue={query.age ?? ''} className={inputClass}>
            <option value="">{t('formalCheck.all')}</option>
            {AGES.map((a) => (
              <option key={a} value={a}>
                {t(`formalCheck.ages.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex w-64 max-w-full flex-col gap-1 text-sm">
          <span>{t('formalCheck.sort')}</span>
          <select name="sort" defaultValue={query.sort} className={inputClass}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`formalCheck.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t('formalCheck.apply')}
        </button>
        {filtered ? (
          <Link href="/commission/formal-check" className="h-10 content-center text-sm text-brand-700 underline">
            {t('formalCheck.clear')}
          </Link>
        ) : null}
      </form>
      <p className="mb-3 text-sm text-slate-700" role="status">
        {t('formalCheck.counts', counts)}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t('formalCheck.empty')} />
      ) : (
        <Table
          caption={t('formalCheck.title')}
          head={[
            t('formalCheck.colCode'),
            t('formalCheck.colTitle'),
            t('formalCheck.colApplicant'),
            t('formalCheck.colInstitution'),
            t('formalCheck.colCall'),
            t('formalCheck.colDiscipline'),
            t('formalCheck.colAge'),
            t('formalCheck.colStatus'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="font-mono text-xs whitespace-nowrap">{r.code ?? '—'}</Td>
              <Td className="max-w-72 min-w-48">
                <Link href={`/commission/formal-check/${r.id}`} className="text-brand-800 underline">
                  {r.title || r.code || '—'}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{r.applicant.name}</Td>
              <Td>{r.institution.name}</Td>
              <Td className="max-w-64 text-xs">
                {localized(locale, r.call.program.name, r.call.program.nameEn)}
                <br />
                <span className="text-slate-600">{r.call.title}</span>
              </Td>
              <Td className="text-xs">{disciplineName(r.disciplineCode)}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                {r.ageOnDeadline ?? '—'}
                {r.youthTrack ? (
                  <span className="ml-1">
                    <Badge tone="green">{t('applicationView.youthTrack')}</Badge>
                  </span>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap">
                <ApplicationStatusBadge status={r.status} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {nextAfter || previousBefore ? (
        <nav aria-label={t('formalCheck.pages')} className="mt-4 flex gap-4 text-sm">
          {previousBefore ? (
            <Link href={pageHref({ before: previousBefore })} className="text-brand-700 underline">
              {t('formalCheck.previousPage')}
            </Link>
          ) : null}
          {nextAfter ? (
            <Link href={pageHref({ after: nextAfter })} className="text-brand-700 underline">
              {t('formalCheck.nextPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
