import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { publicCallPhase } from '@/domain/program/call';
import { Badge, EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { ZChallengeBoardQuery } from '@/lib/validation/challenges';
import { db } from '@/server/db';
import { listChallengeFields } from '@/server/challenges/challenges';
import { requestIp } from '@/server/auth/request-context';
import { searchPublicBoard } from '@/server/challenges/public-board';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('board');
  return { title: t('title') };
}

/** The public 揭榜挂帅 board: anyone, no login; every filter lives in the URL so a search can be shared. */
export default async function ChallengeBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const raw = await searchParams;
  const query = ZChallengeBoardQuery.parse(raw);
  const [result, fields, t, locale] = await Promise.all([
    requestIp().then((ip) => searchPublicBoard(db(), query, ip)),
    listChallengeFields(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const now = new Date();
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries(raw).filter((e): e is [string, string] => !!e[1] && e[0] !== 'page'),
    );
    params.set('page', String(page));
    return `/challenges?${params}`;
  };
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('board.title')}</h1>
        <p className="mt-1 text-slate-700">{t('board.lead')}</p>
      </div>
      <form
        method="get"
        role="search"
        aria-label={t('board.filters')}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('board.field')}</span>
          <select name="field" defaultValue={query.field ?? ''} className={inputClass}>
            <option value="">{t('board.allFields')}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {localized(locale, f.name, f.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('board.keyword')}</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            className={inputClass}
            placeholder={t('board.keywordHint')}
          />
        </label>
        <div className="flex gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span>{t('board.minWan')}</span>
            <input name="minWan" inputMode="numeric" defaultValue={query.minWan ?? ''} className={inputClass} />
          </label>
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span>{t('board.maxWan')}</span>
            <input name="maxWan" inputMode="numeric" defaultValue={query.maxWan ?? ''} className={inputClass} />
          </label>
        </div>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('board.closesBy')}</span>
          <input type="date" name="closesBy" defaultValue={query.closesBy ?? ''} className={inputClass} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="open" value="1" defaultChecked={query.open === '1'} className="h-4 w-4" />
          {t('board.openOnly')}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('board.sort')}</span>
          <select name="sort" defaultValue={query.sort ?? 'new'} className={inputClass}>
            <option value="new">{t('board.sortNew')}</option>
            <option value="deadline">{t('board.sortDeadline')}</option>
            <option value="funding">{t('board.sortFunding')}</option>
          </select>
        </label>
        <div className="flex items-end gap-2 sm:col-span-2">
          <button
            type="submit"
            className="h-10 rounded-md bg-brand-700 px-5 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('common.search')}
          </button>
          <Link
            href="/challenges"
            className="h-10 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100"
          >
            {t('common.reset')}
          </Link>
        </div>
      </form>
      {result.limitedForSeconds !== null ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t('board.searchLimited', { seconds: result.limitedForSeconds })}
        </p>
      ) : (
        <p className="text-sm text-slate-700" role="status">
          {t('board.count', { total: result.total })}
        </p>
      )}
      {result.rows.length === 0 ? (
        <EmptyState title={t('board.empty')} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {result.rows.map((c) => {
            const phase = c.call ? publicCallPhase(c.call, now) : null;
            const title = localized(locale, c.title, c.titleEn);
            const problem = localized(locale, c.problem, c.problemEn);
            return (
              <li key={c.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="blue">{localized(locale, c.field.name, c.field.nameEn)}</Badge>
                  {c.selectionMode === 'HORSE_RACE' ? (
                    <Badge tone="amber">{t('board.horseRace', { teams: c.teamCount })}</Badge>
                  ) : null}
                  {phase ? (
                    <Badge tone={phase === 'OPEN' ? 'green' : 'slate'}>{t(`board.phase.${phase}`)}</Badge>
                  ) : null}
                </div>
                <h2 className="text-base font-semibold">
                  <Link href={`/challenges/${c.id}`} className="text-brand-800 hover:underline">
                    {title}
                  </Link>
                </h2>
                <p className="line-clamp-3 text-sm text-slate-700">{problem}</p>
                <dl className="mt-auto grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">{t('board.funding')}</dt>
                  <dd className="font-medium">{formatGrant(c.totalFundingFen, locale)}</dd>
                  <dt className="text-slate-600">{t('board.issuer')}</dt>
                  <dd>{c.issuer ? localized(locale, c.issuer.name, c.issuer.nameEn) : t('board.commission')}</dd>
                  <dt className="text-slate-600">{t('board.deadline')}</dt>
                  <dd>{c.call ? formatDateTime(c.call.closesAt, locale) : '—'}</dd>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t('board.pagination')} className="flex items-center gap-4 text-sm">
          <span>{t('common.pageOf', { page: result.page, pages, total: result.total })}</span>
          {result.page > 1 ? (
            <Link href={pageHref(result.page - 1)} className="text-brand-700 underline">
              {t('common.previous')}
            </Link>
          ) : null}
          {result.page < pages ? (
            <Link href={pageHref(result.page + 1)} className="text-brand-700 underline">
              {t('common.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
