import { getLocale, getTranslations } from 'next-intl/server';
import { ReportForm } from '@/components/committee/strategy-forms';
import { ActionButton } from '@/components/projects/project-forms';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatFileSize } from '@/lib/format';
import { publishReportAction } from '@/app/actions/strategy';
import { requirePermission } from '@/server/auth/session';
import { listMeetingsForStaff } from '@/server/committee/meetings';
import { listReports } from '@/server/committee/reports';
import { db } from '@/server/db';

// 咨询报告 for staff: drafts are edited and published here; published ones are read by the term's members.
export default async function StaffReportsPage() {
  const actor = await requirePermission('manage:committee:all');
  const [reports, meetings, t, locale] = await Promise.all([
    listReports(db(), actor),
    listMeetingsForStaff(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const meetingOptions = meetings.map((m) => ({ value: m.id, label: m.title }));
  return (
    <>
      <PageHeader title={t('strategy.reportsTitle')} description={t('strategy.reportsDescription')} />
      <div className="flex flex-col gap-6">
        {reports.length === 0 ? <EmptyState title={t('strategy.reportsEmpty')} /> : null}
        {reports.map((r) => (
          <Card
            key={r.id}
            title={r.title}
            actions={
              <Badge tone={r.status === 'PUBLISHED' ? 'green' : 'amber'}>{t(`enums.ReportStatus.${r.status}`)}</Badge>
            }
          >
            {r.status === 'DRAFT' ? (
              <div className="flex flex-col gap-4">
                <ReportForm
                  key={r.version}
                  meetings={meetingOptions}
                  report={{
                    id: r.id,
                    version: r.version,
                    title: r.title,
                    body: r.body,
                    meetingId: r.meeting?.id ?? null,
                    file: r.file,
                  }}
                />
                <div className="border-t border-slate-100 pt-3">
                  <ActionButton
                    action={publishReportAction}
                    input={{ reportId: r.id, version: r.version }}
                    label={t('strategy.publish')}
                    accessibleLabel={t('strategy.publishLabel', { title: r.title })}
                    done={t('strategy.published')}
                  />
                </div>
              </div>
            ) : (
              <>
                <p className="text-xs text-slate-600">
                  {r.meeting?.title ?? ''} {r.publishedAt ? formatDateTime(r.publishedAt, locale) : ''}
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
              </>
            )}
          </Card>
        ))}
        <Card title={t('strategy.newReport')}>
          <ReportForm meetings={meetingOptions} />
        </Card>
      </div>
    </>
  );
}
