import { getLocale, getTranslations } from 'next-intl/server';
import { DraftReportForm } from '@/components/committee/strategy-forms';
import { ActionButton } from '@/components/projects/project-forms';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { publishReportAction } from '@/app/actions/strategy';
import { requirePermission } from '@/server/auth/session';
import { listMeetingsForStaff, listReports } from '@/server/committee/meetings';
import { db } from '@/server/db';

export default async function StaffReportsPage() {
  const actor = await requirePermission('manage:committee:all');
  const [reports, meetings, t, locale] = await Promise.all([
    listReports(db(), actor),
    listMeetingsForStaff(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
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
            <p className="text-xs text-slate-600">
              {r.meeting?.title ?? ''} {r.publishedAt ? formatDateTime(r.publishedAt, locale) : ''}
            </p>
            <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{r.body}</p>
            {r.status === 'DRAFT' ? (
              <div className="mt-3">
                <ActionButton
                  action={publishReportAction}
                  input={{ reportId: r.id, version: r.version }}
                  label={t('strategy.publish')}
                  accessibleLabel={t('strategy.publishLabel', { title: r.title })}
                  done={t('strategy.published')}
                />
              </div>
            ) : null}
          </Card>
        ))}
        <Card title={t('strategy.newReport')}>
          <DraftReportForm meetings={meetings.map((m) => ({ value: m.id, label: m.title }))} />
        </Card>
      </div>
    </>
  );
}
