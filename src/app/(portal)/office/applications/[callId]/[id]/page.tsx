import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { FormalCheckHistory, InstitutionReviewHistory } from '@/components/applications/decision-history';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { PublishedDecision } from '@/components/decisions/published-decision';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { checkRecommendation } from '@/domain/application/recommendation';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import {
  getApplicationForReader,
  listFormalCheckReasons,
  listOfficeApplications,
} from '@/server/applications/review-side';
import { getPublishedDecisionForApplication } from '@/server/decisions/decisions';
import { DecisionControls } from './decision-controls';

const UUID = /^[0-9a-f-]{36}$/i;

export default async function VettingApplicationPage({ params }: { params: Promise<{ callId: string; id: string }> }) {
  const actor = await requirePermission('review:application:institution');
  const { callId, id } = await params;
  if (!UUID.test(callId) || !UUID.test(id)) notFound();
  // Another institution's application, a draft, or one of another call: not found.
  const app = await getApplicationForReader(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!app || app.callId !== callId) notFound();
  const [{ quota }, reasons, decision, t, locale] = await Promise.all([
    listOfficeApplications(db(), actor, callId),
    listFormalCheckReasons(db(), { activeOnly: false }),
    getPublishedDecisionForApplication(db(), actor, app.id),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const deadline = app.call.institutionReviewClosesAt;
  const closed = deadline !== null && new Date() >= deadline;
  const status = t(`enums.applicationStatus.${app.status}`);
  return (
    <>
      <PageHeader
        title={app.snapshot?.title || app.code || '—'}
        description={[
          app.code,
          app.applicant.name,
          app.snapshot ? localized(locale, app.snapshot.call.title, app.snapshot.call.titleEn) : app.call.title,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <ApplicationStatusBadge status={app.status} />
            <Link href={`/office/applications/${callId}`} className="text-sm text-brand-700 underline">
              {t('vetting.backToList')}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6 xl:order-2">
          {decision ? (
            <PublishedDecision decision={decision} projectHref={(projectId) => `/office/projects/${projectId}`} />
          ) : null}
          <Card title={t('vetting.decisionTitle')}>
            {app.status !== 'SUBMITTED' ? (
              <Alert tone="info">{t('vetting.nothingToDecide', { status })}</Alert>
            ) : closed ? (
              <Alert tone="warning">{t('vetting.deadlinePassed')}</Alert>
            ) : (
              <DecisionControls
                id={app.id}
                callId={callId}
                code={app.code ?? ''}
                quota={quota}
                check={checkRecommendation(quota, [{ youth: app.youthTrack }], quota.minYouthShareBp)}
              />
            )}
            {app.status === 'RETURNED' && app.returnComment ? (
              <div className="mt-4 text-sm">
                <p className="font-medium text-slate-800">{t('vetting.lastReturn')}</p>
                <p className="mt-1 whitespace-pre-wrap text-slate-700">{app.returnComment}</p>
              </div>
            ) : null}
          </Card>
          <Card title={t('applicationView.reviewsTitle')}>
            <InstitutionReviewHistory reviews={app.reviews} />
          </Card>
          {app.formalChecks.length ? (
            <Card title={t('applicationView.formalChecksTitle')}>
              <FormalCheckHistory checks={app.formalChecks} reasons={reasons} />
            </Card>
          ) : null}
        </div>
        <div className="min-w-0 xl:order-1">
          <ApplicationView app={app} snapshot={app.snapshot} />
        </div>
      </div>
    </>
  );
}
