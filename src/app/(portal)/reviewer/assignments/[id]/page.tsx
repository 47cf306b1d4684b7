import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssignmentStatusBadge } from '@/components/review/assignment-status-badge';
import { ExpertApplicationView } from '@/components/review/expert-application-view';
import { Alert, Badge, Card, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getAssignmentForExpert, type ExpertAssignmentView } from '@/server/review/expert-work';
import { InvitationResponse } from './invitation-response';
import { ReviewForm } from './review-form';

type ShownReview = {
  scores: Record<string, number | null>;
  weightedScore: number | null;
  recommendation: string | null;
  confidence: string | null;
  commentToApplicant: string;
  confidentialComment?: string;
  nonConsensusSupport: boolean;
  nonConsensusReason: string;
  submittedAt: Date | null;
};

/** A submitted review, read only: the expert's own, or another expert's (anonymised, no confidential comment). */
async function ReviewReadOnly({ review, form }: { review: ShownReview; form: ExpertAssignmentView['form'] }) {
  const [t, tEnum, locale] = await Promise.all([
    getTranslations('reviewer'),
    getTranslations('enums'),
    getLocale().then(asLocale),
  ]);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {form.criteria.map((c) => (
          <div key={c.key} className="contents">
            <dt className="text-slate-600">{localized(locale, c.label, c.labelEn)}</dt>
            <dd className="text-right font-medium">{review.scores[c.key] ?? '—'}</dd>
          </div>
        ))}
        <dt className="text-slate-600">{t('weightedScore')}</dt>
        <dd className="text-right font-semibold">{review.weightedScore?.toFixed(2) ?? '—'}</dd>
      </dl>
      <p>
        {t('recommendation')}：{review.recommendation ? tEnum(`reviewRecommendation.${review.recommendation}`) : '—'} ·{' '}
        {t('confidence')}：{review.confidence ? tEnum(`reviewConfidence.${review.confidence}`) : '—'}
      </p>
      {review.nonConsensusSupport ? (
        <div>
          <Badge tone="amber">{t('nonConsensusMark')}</Badge>
          <p className="mt-1 whitespace-pre-wrap text-slate-800">{review.nonConsensusReason}</p>
        </div>
      ) : null}
      <div>
        <h4 className="font-medium text-slate-700">{t('commentToApplicant')}</h4>
        <p className="break-words whitespace-pre-wrap text-slate-900">{review.commentToApplicant}</p>
      </div>
      {review.confidentialComment ? (
        <div>
          <h4 className="font-medium text-slate-700">{t('confidentialComment')}</h4>
          <p className="break-words whitespace-pre-wrap text-slate-900">{review.confidentialComment}</p>
        </div>
      ) : null}
      {review.submittedAt ? (
        <p className="text-xs text-slate-600">
          {t('labelValue', { label: t('submittedAt'), value: formatDateTime(review.submittedAt, locale) })}
        </p>
      ) : null}
    </div>
  );
}

export default async function ReviewerAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('review:assignment:own');
  const { id } = await params;
  // Not the actor's, conflicted, withdrawn or unknown: the same 404.
  const view = await getAssignmentForExpert(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!view) notFound();
  const [t, tDocs, locale] = await Promise.all([
    getTranslations('reviewer'),
    getTranslations('documents'),
    getLocale().then(asLocale),
  ]);
  const s = view.snapshot ? (view.snapshot.blind ? view.snapshot.redacted : view.snapshot.full) : null;
  const title = (s && localized(locale, s.title, s.titleEn)) || view.code || '—';
  const editable = view.status === 'ACCEPTED' || view.status === 'OVERDUE';
  return (
    <>
      <PageHeader
        title={title}
        description={[
          view.code,
          editable || view.status === 'INVITED' ? t('dueHint', { due: formatDateTime(view.dueAt, locale) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <AssignmentStatusBadge status={view.status} />
            <Link href="/reviewer/assignments" className="text-sm text-brand-700 underline">
              {t('backToList')}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_30rem]">
        <div className="flex flex-col gap-6 xl:order-2">
          {view.status === 'INVITED' ? (
            <Card title={t('invitationTitle')}>
              {view.invitation ? (
                <p className="mb-4 text-sm text-slate-600">
                  {t('labelValue', { label: t('invitedAt'), value: formatDateTime(view.invitation.sentAt, locale) })}
                </p>
              ) : null}
              <InvitationResponse assignmentId={view.id} />
            </Card>
          ) : null}
          {editable ? (
            <Card title={t('formTitle')}>
              {view.status === 'OVERDUE' ? (
                <div className="mb-4">
                  <Alert tone="warning">{t('overdueNotice')}</Alert>
                </div>
              ) : null}
              <ReviewForm
                assignmentId={view.id}
                form={view.form}
                draft={view.review}
                defaultLanguage={actor.locale === 'en' ? 'en' : 'zh'}
              />
            </Card>
          ) : null}
          {view.status === 'SUBMITTED' && view.review ? (
            <Card title={t('readOnly')}>
              <ReviewReadOnly review={view.review} form={view.form} />
            </Card>
          ) : null}
          {view.status === 'SUBMITTED' || editable ? (
            <Card title={t('othersTitle')}>
              {!view.others ? (
                <p className="text-sm text-slate-600">{t('othersLocked')}</p>
              ) : view.others.length === 0 ? (
                <p className="text-sm text-slate-600">{t('othersEmpty')}</p>
              ) : (
                <div className="flex flex-col gap-5">
                  {view.others.map((o) => (
                    <section key={o.ordinal} aria-label={t('expertN', { n: o.ordinal })}>
                      <h3 className="mb-2 font-semibold text-slate-800">{t('expertN', { n: o.ordinal })}</h3>
                      <ReviewReadOnly review={o} form={view.form} />
                    </section>
                  ))}
                </div>
              )}
            </Card>
          ) : null}
        </div>
        <div className="flex flex-col gap-4 xl:order-1">
          <p className="text-sm">
            <a className="text-brand-800 underline" href={`/api/review/${view.id}/pdf`} download>
              {tDocs('downloadPdf')}
            </a>
          </p>
          <ExpertApplicationView view={view} />
        </div>
      </div>
    </>
  );
}
