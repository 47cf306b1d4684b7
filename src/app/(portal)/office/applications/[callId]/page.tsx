import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listOfficeApplications, listOfficeCalls } from '@/server/applications/review-side';
import { RecommendTable } from './recommend-table';

export default async function VettingCallPage({ params }: { params: Promise<{ callId: string }> }) {
  const actor = await requirePermission('review:application:institution');
  const { callId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(callId)) notFound();
  // The calls this office vets; any other call does not exist for it.
  const call = (await listOfficeCalls(db(), actor)).find((c) => c.id === callId);
  if (!call) notFound();
  const [{ rows, quota }, t, locale] = await Promise.all([
    listOfficeApplications(db(), actor, callId),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const closed = call.institutionReviewClosesAt !== null && new Date() >= call.institutionReviewClosesAt;
  return (
    <>
      <PageHeader
        title={localized(locale, call.title, call.titleEn)}
        description={`${localized(locale, call.program.name, call.program.nameEn)} · ${t('common.labelled', {
          label: t('vetting.reviewDeadline'),
          value: call.institutionReviewClosesAt
            ? formatDateTime(call.institutionReviewClosesAt, locale)
            : t('vetting.notSet'),
        })}`}
        actions={
          <Link href="/office/applications" className="text-sm text-brand-700 underline">
            {t('vetting.backToCalls')}
          </Link>
        }
      />
      {closed ? (
        <div className="mb-4">
          <Alert tone="warning">{t('vetting.deadlinePassed')}</Alert>
        </div>
      ) : null}
      <RecommendTable
        callId={callId}
        quota={quota}
        closed={closed}
        rows={rows.map((r) => ({
          id: r.id,
          code: r.code,
          title: r.title,
          applicant: r.applicant.name,
          youthTrack: r.youthTrack,
          ageOnDeadline: r.ageOnDeadline,
          status: r.status,
          submittedAt: formatDateTime(r.submittedAt, locale),
        }))}
      />
    </>
  );
}
