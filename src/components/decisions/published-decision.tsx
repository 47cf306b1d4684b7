import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime, formatGrant } from '@/lib/format';
import type { getPublishedDecisionForApplication } from '@/server/decisions/decisions';
import { DecisionStatusBadge, OutcomeBadge } from './status-badges';

type Published = NonNullable<Awaited<ReturnType<typeof getPublishedDecisionForApplication>>>;

/**
 * The commission's released decision on an application, as its PI and institution office read it: outcome, money,
 * conditions and reasons; while on notice, the period and the public notice; once final, the project it became.
 */
export async function PublishedDecision({
  decision,
  projectHref,
}: {
  decision: Published;
  /** Where this reader opens the funded project (the PI's or the office's project page). */
  projectHref: (projectId: string) => string;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const notice = decision.notice;
  return (
    <Card
      title={t('decisions.published.title')}
      actions={
        <span className="flex gap-2">
          <OutcomeBadge outcome={decision.outcome} label={t(`enums.DecisionOutcome.${decision.outcome}`)} />
          <DecisionStatusBadge status={decision.status} label={t(`enums.DecisionStatus.${decision.status}`)} />
        </span>
      }
    >
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
        {decision.outcome === 'FUND' && decision.awardedFiscalFen !== null ? (
          <>
            <dt className="text-slate-500">{t('decisions.published.awarded')}</dt>
            <dd className="font-medium text-slate-900">{formatGrant(decision.awardedFiscalFen, locale)}</dd>
          </>
        ) : null}
        {decision.conditions ? (
          <>
            <dt className="text-slate-500">{t('decisions.conditions')}</dt>
            <dd className="whitespace-pre-line text-slate-900">{decision.conditions}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t('decisions.reasons')}</dt>
        <dd className="whitespace-pre-line text-slate-900">{decision.reasons}</dd>
        {decision.publishedAt ? (
          <>
            <dt className="text-slate-500">{t('decisions.published.publishedAt')}</dt>
            <dd>{formatDateTime(decision.publishedAt, locale)}</dd>
          </>
        ) : null}
        {decision.finalAt ? (
          <>
            <dt className="text-slate-500">{t('decisions.published.finalAt')}</dt>
            <dd>{formatDateTime(decision.finalAt, locale)}</dd>
          </>
        ) : null}
      </dl>
      {decision.status === 'IN_NOTICE' && notice ? (
        <p className="mt-3 rounded-md bg-blue-50 p-3 text-sm text-blue-900">
          {t(decision.outcome === 'FUND' ? 'decisions.published.inNotice' : 'decisions.published.waitsForNotice', {
            startsOn: formatCalendarDate(notice.startsOn),
            endsOn: formatCalendarDate(notice.endsOn),
          })}{' '}
          {decision.outcome === 'FUND' ? (
            <Link href={`/notices/${notice.id}`} className="text-brand-800 underline">
              {t('decisions.published.openNotice')}
            </Link>
          ) : null}
        </p>
      ) : null}
      {decision.status === 'FINAL' && decision.project ? (
        <p className="mt-3 text-sm">
          <Link href={projectHref(decision.project.id)} className="font-medium text-brand-800 underline">
            {t('decisions.published.openProject', { code: decision.project.code })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
