import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatFileSize } from '@/lib/format';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { listReports } from '@/server/committee/reports';
import { db } from '@/server/db';

// The published consultation reports of the terms the member serves on.
export default async function MemberReportsPage() {
  const actor = await requirePermission('serve:committee:own');
  const [reports, t, locale] = await Promise.all([
    orNotFound(listReports(db(), actor)),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('strategy.reportsTitle')} description={t('strategy.reportsDescription')} />
      <div className="flex flex-col gap-6">
        {reports.length === 0 ? <EmptyState title={t('strategy.reportsEmpty')} /> : null}
        {reports.map((r) => (
          <Card key={r.id} title={r.title}>
            <p className="text-xs text-slate-600">
              {r.meeting?.title ? `${r.meeting.title} · ` : ''}
              {formatDateTime(r.publishedAt, locale)}
            </p>
            <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{r.body}</p>
            {r.file ? (
              <p className="mt-2 text-sm">
                <a href={`/api/files/${r.file.id}`} className="break-all text-brand-800 underline">
                  {r.file.filename}
                </a>{' '}
                <span className="text-xs text-slate-600">{formatFileSize(r.file.sizeBytes)}</span>
              </p>
            ) : null}
          </Card>
        ))}
      </div>
    </>
  );
}
