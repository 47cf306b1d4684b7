import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  ANALYTICS_CACHE_SECONDS,
  analyticsFilterOptions,
  cachedAnalytics,
  type Breakdown,
} from '@/server/analytics/analytics';
import { BarChartFigure } from './bar-chart';

const wan = (fen: bigint) => Number(fen) / 1_000_000;
const fmt = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

/** 数据分析 for staff (everything) and offices (their institution): filters in the URL, charts with their tables. */
export async function AnalyticsPage({
  actor,
  searchParams,
}: {
  actor: Actor;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const one = (k: string) => (typeof searchParams[k] === 'string' ? (searchParams[k] as string) : undefined);
  const yearText = one('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const programId = one('programId') || undefined;
  const [data, options, t, te, locale] = await Promise.all([
    cachedAnalytics(db(), actor, { year, programId }),
    analyticsFilterOptions(db(), actor),
    getTranslations('analytics'),
    getTranslations('enums'),
    getLocale().then(asLocale),
  ]);
  const total = data.byProgram.reduce(
    (s, r) => ({
      submitted: s.submitted + r.submitted,
      funded: s.funded + r.funded,
      awarded: s.awarded + r.awardedFen,
    }),
    { submitted: 0, funded: 0, awarded: 0n },
  );
  const age = (k: string) => data.byAge.find((r) => r.key === k)?.submitted ?? 0;
  const name = (r: Breakdown) => localized(locale, r.label, r.labelEn);

  const breakdown = (title: string, rows: Breakdown[], label: (r: Breakdown) => string) => (
    <Card title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t('none')}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <BarChartFigure
            label={t('chartOf', { title })}
            data={rows.map((r) => ({ label: label(r), submitted: r.submitted, funded: r.funded }))}
            bars={[
              { key: 'submitted', name: t('submitted'), color: '#1d4ed8' },
              { key: 'funded', name: t('funded'), color: '#16a34a' },
            ]}
          />
          <Table
            caption={title}
            head={[title, t('submitted'), t('funded'), t('successRate'), t('requested'), t('awarded')]}
          >
            {rows.map((r) => (
              <tr key={r.key}>
                <Td>{label(r)}</Td>
                <Td>{r.submitted}</Td>
                <Td>{r.funded}</Td>
                <Td>{pct(r.funded, r.submitted)}</Td>
                <Td>{fmt(wan(r.requestedFen))}</Td>
                <Td>{fmt(wan(r.awardedFen))}</Td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </Card>
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={data.scope === 'all' ? t('description') : t('officeDescription')} />
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t('title')}>
        <label className="flex flex-col gap-1 text-sm">
          {t('year')}
          <select name="year" defaultValue={year ?? ''} className={inputClass}>
            <option value="">{t('all')}</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('program')}
          <select name="programId" defaultValue={programId ?? ''} className={inputClass}>
            <option value="">{t('all')}</option>
            {options.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {localized(locale, p.name, p.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm text-white">
          {t('apply')}
        </button>
      </form>
      <p className="-mt-3 text-xs text-slate-600">
        {t('computedAt', { time: formatDateTime(data.computedAt, locale), seconds: ANALYTICS_CACHE_SECONDS })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t('submitted')} value={total.submitted} />
        <Stat label={t('funded')} value={total.funded} />
        <Stat label={t('successRate')} value={pct(total.funded, total.submitted)} />
        <Stat label={t('awarded')} value={fmt(wan(total.awarded))} />
      </div>
      <p className="text-sm text-slate-700">
        {t('youthShare', {
          under35: pct(age('UNDER_35'), total.submitted),
          under45: pct(age('UNDER_35') + age('UNDER_45'), total.submitted),
        })}
      </p>
      {breakdown(t('byProgram'), data.byProgram, name)}
      {data.scope === 'all' ? breakdown(t('byInstitution'), data.byInstitution, name) : null}
      {breakdown(t('byDiscipline'), data.byDiscipline, (r) => (r.label === r.key ? r.key : `${r.key} ${name(r)}`))}
      {breakdown(t('byAge'), data.byAge, (r) => t(`ageGroups.${r.key as 'UNDER_35'}`))}
      <Card title={t('money')}>
        {data.money.length === 0 ? (
          <p className="text-sm text-slate-700">{t('none')}</p>
        ) : (
          <div className="flex flex-col gap-4">
            <BarChartFigure
              label={t('chartOf', { title: t('money') })}
              data={data.money.map((m) => ({
                label: te(`FundingSourceKind.${m.source as 'FISCAL'}`),
                committed: wan(m.committedFen),
                paid: wan(m.paidFen),
              }))}
              bars={[
                { key: 'committed', name: t('committed'), color: '#1d4ed8' },
                { key: 'paid', name: t('paid'), color: '#16a34a' },
              ]}
            />
            <Table caption={t('money')} head={[t('source'), t('committed'), t('paid')]}>
              {data.money.map((m) => (
                <tr key={m.source}>
                  <Td>{te(`FundingSourceKind.${m.source as 'FISCAL'}`)}</Td>
                  <Td>{fmt(wan(m.committedFen))}</Td>
                  <Td>{fmt(wan(m.paidFen))}</Td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </Card>
      {data.scope === 'all' ? (
        <Card title={t('review')}>
          {data.review.length === 0 ? (
            <p className="text-sm text-slate-700">{t('none')}</p>
          ) : (
            <Table caption={t('review')} head={[t('reviewStatus'), t('count')]}>
              {data.review.map((r) => (
                <tr key={r.status}>
                  <Td>{te(`reviewAssignmentStatus.${r.status as 'INVITED'}`)}</Td>
                  <Td>{r.count}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ) : null}
      {data.coFunding ? (
        <Card title={t('coFunding')}>
          <p className="text-sm text-slate-700">
            {t('coFundingText', {
              challenges: data.coFunding.challenges,
              fiscal: fmt(wan(data.coFunding.fiscalFen)),
              pledged: fmt(wan(data.coFunding.pledgedFen)),
              ratio:
                data.coFunding.fiscalFen === 0n
                  ? '—'
                  : (Number(data.coFunding.pledgedFen) / Number(data.coFunding.fiscalFen)).toFixed(2),
            })}
          </p>
        </Card>
      ) : null}
    </div>
  );
}
