import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { creditRecordStatus } from '@/domain/credit/record-status';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatCalendarDate, formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getNonConsensus } from '@/server/review/staff-review';
import { DecideNonConsensusForm, RateReviewForm } from './decision-form';

const FLAG_TONE = { DETECTED: 'amber', ROUTED: 'blue', DISMISSED: 'slate' } as const;
const CREDIT_TONE = { ACTIVE: 'red', PENDING: 'amber', EXPIRED: 'slate', REVOKED: 'slate' } as const;
const fixed = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

// One flagged application: every submitted review side by side, the figures and the applicant's 科研诚信 record —
// what the route to the non-consensus channel is decided on.
export default async function NonConsensusFlagPage({
  params,
}: {
  params: Promise<{ callId: string; flagId: string }>;
}) {
  const actor = await requirePermission('manage:review:all');
  const { callId, flagId } = await params;
  const flag = await getNonConsensus(db(), actor, flagId).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!flag || flag.callId !== callId) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const app = flag.application;
  const supporting = new Set(flag.supportingReviewIds);
  const now = new Date();
  const credit = app.applicant.creditRecords;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={app.title || app.code || '—'}
        description={[app.code, app.applicant.name, app.institution.name].filter(Boolean).join(' · ')}
        actions={
          <>
            <Badge tone={FLAG_TONE[flag.status]}>{t(`enums.nonConsensusStatus.${flag.status}`)}</Badge>
            <Link href={`/commission/review/${callId}/non-consensus`} className="text-sm text-brand-700 underline">
              {t('review.backToNonConsensus')}
            </Link>
          </>
        }
      />

      <Card title={t('review.figuresTitle')}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-600">{t('review.colDispersion')}</dt>
          <dd className="tabular-nums">
            {t('review.dispersionValue', {
              measure: t(`review.measure.${flag.measure}`),
              dispersion: flag.dispersion.toFixed(2),
              threshold: flag.threshold.toFixed(2),
            })}
          </dd>
          <dt className="text-slate-600">{t('review.colSupporters')}</dt>
          <dd className="tabular-nums">{flag.supportingReviewIds.length}</dd>
          <dt className="text-slate-600">{t('review.colWeightedMean')}</dt>
          <dd className="tabular-nums">{fixed(flag.aggregate?.weightedMean)}</dd>
          <dt className="text-slate-600">{t('review.colNormalisedMean')}</dt>
          <dd className="tabular-nums">{fixed(flag.aggregate?.normalisedMean)}</dd>
          <dt className="text-slate-600">{t('review.colRank')}</dt>
          <dd className="tabular-nums">{flag.aggregate?.rank ?? '—'}</dd>
          <dt className="text-slate-600">{t('review.colRange')}</dt>
          <dd className="tabular-nums">{fixed(flag.aggregate?.range)}</dd>
          <dt className="text-slate-600">{t('review.colStdDev')}</dt>
          <dd className="tabular-nums">{fixed(flag.aggregate?.stdDev)}</dd>
        </dl>
      </Card>

      <Card title={t('review.reviewsTitle', { count: flag.reviews.length })}>
        <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-3">
          {flag.reviews.map((r) => (
            <section
              key={r.id}
              aria-label={r.expertName}
              className={`flex flex-col gap-3 rounded-md border p-4 text-sm ${r.nonConsensusSupport ? 'border-amber-300' : 'border-slate-200'}`}
            >
              <h3 className="font-semibold text-slate-900">{r.expertName}</h3>
              <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                {flag.form.criteria.map((c) => (
                  <div key={c.key} className="contents">
                    <dt className="text-slate-600">{localized(locale, c.label, c.labelEn)}</dt>
                    <dd className="text-right tabular-nums">{r.scores[c.key] ?? '—'}</dd>
                  </div>
                ))}
                <dt className="text-slate-600">{t('review.weightedScore')}</dt>
                <dd className="text-right font-semibold tabular-nums">{fixed(r.weightedScore)}</dd>
                <dt className="text-slate-600">{t('review.normalisedScore')}</dt>
                <dd className="text-right tabular-nums">{fixed(r.normalisedScore)}</dd>
                <dt className="text-slate-600">{t('reviewer.recommendation')}</dt>
                <dd className="text-right">
                  {r.recommendation ? t(`enums.reviewRecommendation.${r.recommendation}`) : '—'}
                </dd>
                <dt className="text-slate-600">{t('reviewer.confidence')}</dt>
                <dd className="text-right">{r.confidence ? t(`enums.reviewConfidence.${r.confidence}`) : '—'}</dd>
              </dl>
              {r.nonConsensusSupport ? (
                <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
                  <h4 className="font-semibold text-amber-900">
                    {t('review.supportHeading')}
                    {supporting.has(r.id) ? null : ` ${t('review.supportNotCounted')}`}
                  </h4>
                  <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{r.nonConsensusReason}</p>
                </div>
              ) : null}
              <div>
                <h4 className="font-medium text-slate-700">{t('reviewer.commentToApplicant')}</h4>
                <p className="break-words whitespace-pre-wrap text-slate-900">{r.commentToApplicant || '—'}</p>
              </div>
              <div>
                <h4 className="font-medium text-slate-700">{t('review.confidentialComment')}</h4>
                <p className="break-words whitespace-pre-wrap text-slate-900">{r.confidentialComment || '—'}</p>
              </div>
              <p className="text-xs text-slate-600">
                {t('reviewer.labelValue', {
                  label: t('reviewer.submittedAt'),
                  value: formatDateTime(r.submittedAt, locale),
                })}
              </p>
              <RateReviewForm reviewId={r.id} current={r.qualityRating} expertName={r.expertName} />
            </section>
          ))}
        </div>
      </Card>

      <Card title={t('review.creditTitle', { name: app.applicant.name })}>
        {credit.length === 0 ? (
          <p className="text-sm text-slate-700">{t('review.creditNone')}</p>
        ) : (
          <ul className="flex flex-col gap-3 text-sm">
            {credit.map((c, i) => {
              const status = creditRecordStatus(c, now);
              return (
                <li key={i} className="rounded-md border border-slate-200 px-3 py-2">
                  <div className="mb-1 flex flex-wrap items-center gap-2">
                    <Badge tone={CREDIT_TONE[status]}>{t(`credit.statuses.${status}`)}</Badge>
                    <span className="text-xs text-slate-700">
                      {t('credit.from', { date: formatCalendarDate(c.startsOn) })} ·{' '}
                      {c.endsOn ? t('credit.until', { date: formatCalendarDate(c.endsOn) }) : t('credit.indefinite')}
                    </span>
                  </div>
                  <p className="whitespace-pre-line text-slate-900">{c.finding}</p>
                  <p className="text-xs text-slate-700">
                    {t('reviewer.labelValue', { label: t('credit.decidedBy'), value: c.decidedBy })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <Card title={t('review.decisionTitle')}>
        {flag.status === 'DETECTED' ? (
          <DecideNonConsensusForm flagId={flag.id} version={flag.version} />
        ) : (
          <div className="flex flex-col gap-2 text-sm">
            <p className="text-slate-700">{t('review.decidedAt', { time: formatDateTime(flag.decidedAt, locale) })}</p>
            <h3 className="font-medium text-slate-700">{t('review.justification')}</h3>
            <p className="break-words whitespace-pre-wrap text-slate-900">{flag.justification}</p>
          </div>
        )}
      </Card>
    </div>
  );
}
