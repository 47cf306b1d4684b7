import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { AvoidanceList } from '@/components/applications/avoidance-list';
import { FormalCheckHistory, InstitutionReviewHistory } from '@/components/applications/decision-history';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getApplicantIdNumberMasked } from '@/server/applications/applicant-id-number';
import {
  getApplicationForReader,
  listAvoidancesForStaff,
  listFormalCheckReasons,
} from '@/server/applications/review-side';
import { FormalCheckForm, IdNumberReveal } from './check-controls';

export default async function FormalCheckApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('check:application:all');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  // Not yet recommended by its institution (or a draft): not found for staff.
  const app = await getApplicationForReader(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!app) notFound();
  const [reasons, identity, avoidances, t, locale] = await Promise.all([
    listFormalCheckReasons(db(), { activeOnly: false }),
    getApplicantIdNumberMasked(db(), actor, app.id),
    listAvoidancesForStaff(db(), actor, app.id),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const pending = app.status === 'INSTITUTION_APPROVED';
  return (
    <>
      <PageHeader
        title={app.snapshot?.title || app.code || '—'}
        description={[
          app.code,
          app.applicant.name,
          app.institution.name,
          app.snapshot ? localized(locale, app.snapshot.call.title, app.snapshot.call.titleEn) : app.call.title,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <>
            <ApplicationStatusBadge status={app.status} />
            <Link href="/commission/formal-check" className="text-sm text-brand-700 underline">
              {t('formalCheck.backToList')}
            </Link>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="flex flex-col gap-6 xl:order-2">
          <Card title={t('formalCheck.decisionTitle')}>
            {pending ? (
              <FormalCheckForm
                id={app.id}
                reasons={reasons
                  .filter((r) => r.active)
                  .map((r) => ({ code: r.code, label: r.label, labelEn: r.labelEn }))}
              />
            ) : (
              <Alert tone="info">
                {t('formalCheck.alreadyChecked', { status: t(`enums.applicationStatus.${app.status}`) })}
              </Alert>
            )}
          </Card>
          <Card title={t('formalCheck.idTitle')}>
            <IdNumberReveal applicationId={app.id} masked={identity.masked} />
          </Card>
          <Card title={t('applicationView.avoidancesTitle')}>
            <AvoidanceList avoidances={avoidances} />
          </Card>
          <Card title={t('applicationView.formalChecksTitle')}>
            <FormalCheckHistory checks={app.formalChecks} reasons={reasons} />
          </Card>
          <Card title={t('applicationView.reviewsTitle')}>
            <InstitutionReviewHistory reviews={app.reviews} />
          </Card>
        </div>
        <div className="min-w-0 xl:order-1">
          <ApplicationView app={app} snapshot={app.snapshot} blindPdf />
        </div>
      </div>
    </>
  );
}
