import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DisciplineOptions } from '@/components/forms/discipline-options';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { Table, Td } from '@/components/ui/table';
import { REVIEW_LANGUAGES, type ReviewLanguage } from '@/domain/review/scoring';
import { toBeijingInput } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate, localized } from '@/lib/format';
import { ZExpertQuery } from '@/lib/validation/review';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listInstitutions } from '@/server/institutions/list-institutions';
import { currentDisciplines } from '@/server/reference/taxonomy';
import { listExpertCandidates, listExperts } from '@/server/review/expert-pool';
import { ImportExpertsForm } from '@/components/jobs/start-job-forms';
import { ExpertDialog, ExpertFormOptions } from './expert-dialog';

/** listExperts answers at most this many; more means the filters should narrow. */
const LIMIT = 500;

const isLanguage = (l: string): l is ReviewLanguage => (REVIEW_LANGUAGES as readonly string[]).includes(l);

export default async function ExpertPoolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission('manage:expert:all');
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === 'string' && raw[k] ? raw[k] : undefined);
  // Filters arrive as typed in the address bar: anything malformed is ignored, not an error page.
  const query = ZExpertQuery.parse({
    discipline: one('discipline'),
    keyword: one('keyword'),
    international: one('international'),
    active: one('active'),
  });
  const [rows, candidates, institutions, disciplines, t, locale] = await Promise.all([
    listExperts(db(), actor, query),
    listExpertCandidates(db(), actor),
    listInstitutions(db(), actor),
    currentDisciplines(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const options = disciplines.map((d) => ({ code: d.code, name: localized(locale, d.name, d.nameEn), level: d.level }));
  const disciplineName = new Map(options.map((d) => [d.code, d.name]));
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const region = (code: string) => {
    try {
      return regions.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const filtered = Object.values(query).some(Boolean);
  // Calendar dates compare with today's date in Beijing.
  const today = toBeijingInput(new Date()).slice(0, 10);
  const availability = (from: Date | null, until: Date | null) => {
    const f = from ? formatCalendarDate(from) : null;
    const u = until ? formatCalendarDate(until) : null;
    if (!f && !u) return null;
    // A window wholly in the past no longer matters to anyone assigning reviews.
    if (u && u < today) return null;
    if (f && u) return t('experts.unavailableBetween', { from: f, until: u });
    if (f) return t('experts.unavailableFromOn', { from: f });
    return t('experts.unavailableUntilOn', { until: u ?? '' });
  };
  return (
    <ExpertFormOptions
      disciplines={options}
      // Inactive institutions stay choosable (marked), so a profile that points to one still shows it.
      institutions={institutions.map((i) => {
        const name = localized(locale, i.name, i.nameEn);
        return { id: i.id, name: i.active ? name : t('experts.inactiveInstitution', { name }) };
      })}
      candidates={candidates}
    >
      <PageHeader title={t('experts.title')} description={t('experts.description')} actions={<ExpertDialog />} />
      <details className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-sm font-medium text-slate-900">{t('imports.expertsTitle')}</summary>
        <div className="mt-3">
          <ImportExpertsForm />
        </div>
      </details>
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex w-72 max-w-full flex-col gap-1 text-sm">
          <span>{t('experts.filterDiscipline')}</span>
          <select name="discipline" defaultValue={query.discipline ?? ''} className={inputClass}>
            <option value="">{t('experts.all')}</option>
            <DisciplineOptions disciplines={options} />
          </select>
        </label>
        <label className="flex w-48 max-w-full flex-col gap-1 text-sm">
          <span>{t('experts.filterKeyword')}</span>
          <input
            name="keyword"
            maxLength={30}
            defaultValue={query.keyword ?? ''}
            placeholder={t('experts.filterKeywordHint')}
            title={t('experts.filterKeywordHint')}
            className={inputClass}
          />
        </label>
        <label className="flex w-40 max-w-full flex-col gap-1 text-sm">
          <span>{t('experts.filterOrigin')}</span>
          <select name="international" defaultValue={query.international ?? ''} className={inputClass}>
            <option value="">{t('experts.all')}</option>
            <option value="no">{t('experts.domestic')}</option>
            <option value="yes">{t('experts.international')}</option>
          </select>
        </label>
        <label className="flex w-36 max-w-full flex-col gap-1 text-sm">
          <span>{t('experts.filterActive')}</span>
          <select name="active" defaultValue={query.active ?? ''} className={inputClass}>
            <option value="">{t('experts.all')}</option>
            <option value="yes">{t('experts.activeYes')}</option>
            <option value="no">{t('experts.activeNo')}</option>
          </select>
        </label>
        <button
          type="submit"
          className="h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t('experts.apply')}
        </button>
        {filtered ? (
          <Link href="/commission/experts" className="h-10 content-center text-sm text-brand-700 underline">
            {t('experts.clear')}
          </Link>
        ) : null}
      </form>
      <p className="mb-3 text-sm text-slate-700" role="status">
        {t('experts.count', { count: rows.length })}
        {rows.length >= LIMIT ? <span className="ml-2 text-amber-800">{t('experts.truncated')}</span> : null}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? t('experts.emptyFiltered') : t('experts.empty')}>
          {filtered ? null : t('experts.emptyHint')}
        </EmptyState>
      ) : (
        <Table
          caption={t('experts.title')}
          head={[
            t('experts.colName'),
            t('experts.colInstitution'),
            t('experts.colCountry'),
            t('experts.colLanguages'),
            t('experts.colDisciplines'),
            t('experts.colKeywords'),
            t('experts.colLoadLimit'),
            t('experts.colAvailability'),
            t('experts.colStatus'),
            t('experts.colCredit'),
            t('common.actions'),
          ]}
        >
          {rows.map((r) => {
            const away = availability(r.unavailableFrom, r.unavailableUntil);
            return (
              <tr key={r.userId}>
                <Td>
                  <div className="font-medium">{r.user.name}</div>
                  <div className="text-xs whitespace-nowrap text-slate-600">{r.user.email}</div>
                  {r.nameVariants.length ? (
                    <div className="text-xs text-slate-600">{r.nameVariants.join(' / ')}</div>
                  ) : null}
                  {r.title ? <div className="text-xs text-slate-600">{t(`enums.title.${r.title}`)}</div> : null}
                </Td>
                <Td className="min-w-32">
                  {r.institution
                    ? localized(locale, r.institution.name, r.institution.nameEn)
                    : r.institutionName || '—'}
                  {r.affiliations.map((a) => (
                    <div key={`${a.institutionName}-${a.fromDate.toISOString()}`} className="text-xs text-slate-600">
                      {t('experts.formerAt', {
                        name: a.institutionName,
                        from: formatCalendarDate(a.fromDate),
                        to: a.toDate ? formatCalendarDate(a.toDate) : t('experts.present'),
                      })}
                    </div>
                  ))}
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="font-mono text-xs">{r.country}</span> {region(r.country)}
                  {r.country !== 'CN' ? (
                    <div className="mt-1">
                      <Badge tone="blue">{t('experts.international')}</Badge>
                    </div>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">
                  {r.languages.map((l) => (isLanguage(l) ? t(`experts.languageNames.${l}`) : l)).join('、')}
                </Td>
                <Td className="min-w-40 text-xs">
                  {r.disciplineCodes.length
                    ? r.disciplineCodes.map((c) => (
                        <div key={c}>
                          <span className="font-mono">{c}</span> {disciplineName.get(c) ?? ''}
                        </div>
                      ))
                    : '—'}
                </Td>
                <Td className="max-w-56 min-w-32 text-xs">{r.keywords.length ? r.keywords.join('、') : '—'}</Td>
                <Td className="text-right tabular-nums">{r.loadLimitPerCall}</Td>
                <Td className="text-xs whitespace-nowrap">
                  {away ? <Badge tone="amber">{away}</Badge> : t('experts.available')}
                </Td>
                <Td className="whitespace-nowrap">
                  {r.active ? (
                    <Badge tone="green">{t('experts.activeYes')}</Badge>
                  ) : (
                    <Badge>{t('experts.activeNo')}</Badge>
                  )}
                </Td>
                <Td className="text-xs whitespace-nowrap">
                  <div className="font-medium">
                    {r.creditScore === null
                      ? t('experts.creditScoreNone')
                      : t('experts.creditScore', { score: r.creditScore })}
                  </div>
                  <div>{t('experts.reviewsSubmitted', { count: r.reviewsSubmitted })}</div>
                  <div>{t('experts.reviewsLate', { count: r.reviewsLate })}</div>
                  <div>{t('experts.invitationsDeclined', { count: r.invitationsDeclined })}</div>
                  <div>
                    {r.qualityRatingAvg === null
                      ? t('experts.qualityNone')
                      : t('experts.quality', { rating: r.qualityRatingAvg.toFixed(2) })}
                  </div>
                </Td>
                <Td>
                  <ExpertDialog
                    // A saved profile comes back with a new version: a fresh form, not the one loaded before.
                    key={`${r.userId}-${r.version}`}
                    name={r.user.name}
                    existing={{
                      userId: r.userId,
                      version: r.version,
                      institutionId: r.institutionId ?? undefined,
                      institutionName: r.institutionId ? '' : r.institutionName,
                      country: r.country,
                      languages: r.languages.filter(isLanguage),
                      nameVariants: r.nameVariants.join(', '),
                      disciplineCodes: r.disciplineCodes.join(', '),
                      keywords: r.keywords.join(', '),
                      title: r.title ?? undefined,
                      loadLimitPerCall: r.loadLimitPerCall,
                      unavailableFrom: r.unavailableFrom ? formatCalendarDate(r.unavailableFrom) : '',
                      unavailableUntil: r.unavailableUntil ? formatCalendarDate(r.unavailableUntil) : '',
                      active: r.active,
                      affiliations: r.affiliations.map((a) => ({
                        institutionName: a.institutionName,
                        fromDate: formatCalendarDate(a.fromDate),
                        toDate: a.toDate ? formatCalendarDate(a.toDate) : '',
                      })),
                    }}
                  />
                </Td>
              </tr>
            );
          })}
        </Table>
      )}
    </ExpertFormOptions>
  );
}
