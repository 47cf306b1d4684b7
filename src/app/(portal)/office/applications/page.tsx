import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { QuotaGauge } from '@/components/applications/quota-gauge';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { APPLICATION_STATUSES } from '@/domain/application/transitions';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listOfficeCalls } from '@/server/applications/review-side';

export default async function VettingCallsPage() {
  const actor = await requirePermission('review:application:institution');
  const [calls, t, locale] = await Promise.all([
    listOfficeCalls(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader title={t('vetting.title')} description={t('vetting.description')} />
      {calls.length === 0 ? (
        <EmptyState title={t('vetting.empty')} />
      ) : (
        <ul className="grid gap-6 lg:grid-cols-2">
          {calls.map((c) => {
            const title = localized(locale, c.title, c.titleEn);
            const counts = APPLICATION_STATUSES.filter((s) => c.counts[s]);
            const closed = c.institutionReviewClosesAt !== null && now >= c.institutionReviewClosesAt;
            return (
              <li key={c.id}>
                <Card className="h-full">
                  <div className="flex h-full flex-col gap-4">
                    <div>
                      <p className="text-xs text-slate-600">{localized(locale, c.program.name, c.program.nameEn)}</p>
                      <h2 className="text-base font-semibold text-slate-900">
                        <Link href={`/office/applications/${c.id}`} className="text-brand-800 underline">
                          {title}
                        </Link>
                      </h2>
                    </div>
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                      <dt className="text-slate-600">{t('vetting.reviewDeadline')}</dt>
                      <dd className="tabular-nums">
                        {c.institutionReviewClosesAt
                          ? formatDateTime(c.institutionReviewClosesAt, locale)
                          : t('vetting.notSet')}
                        {closed ? (
                          <span className="ml-2">
                            <Badge tone="amber">{t('vetting.deadlinePassed')}</Badge>
                          </span>
                        ) : null}
                      </dd>
                    </dl>
                    {counts.length ? (
                      <ul className="flex flex-wrap gap-2" aria-label={t('applicationView.status')}>
                        {counts.map((s) => (
                          <li key={s}>
                            <Badge tone={s === 'SUBMITTED' ? 'blue' : s === 'RETURNED' ? 'amber' : 'slate'}>
                              {t(`enums.applicationStatus.${s}`)} {c.counts[s]}
                            </Badge>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-sm text-slate-600">{t('vetting.noneSubmitted')}</p>
                    )}
                    <QuotaGauge state={c.quota} />
                    <div className="mt-auto">
                      <Link
                        href={`/office/applications/${c.id}`}
                        aria-label={t('vetting.open', { call: title })}
                        className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
                      >
                        {t('vetting.openShort')}
                      </Link>
                    </div>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
