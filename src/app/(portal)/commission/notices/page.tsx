import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { NoticeStatusBadge } from '@/components/decisions/status-badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listNoticesForStaff, runNoticeSweep } from '@/server/decisions/notices';
import { SweepButton } from './notice-controls';

/**
 * 公示管理. Opening the page first runs the sweep that closes notices whose period has ended (until issue 8's job
 * queue schedules it), so what staff see is never a notice past its end still shown as open.
 */
export default async function StaffNoticesPage() {
  const actor = await requirePermission('manage:notice:all');
  await runNoticeSweep(db(), actor);
  const [notices, t, locale] = await Promise.all([
    listNoticesForStaff(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('notices.staffTitle')} description={t('notices.staffDescription')} />
      <Card title={t('notices.sweepTitle')}>
        <p className="mb-3 text-sm text-slate-700">{t('notices.sweepExplain')}</p>
        <SweepButton />
      </Card>
      {notices.length === 0 ? (
        <EmptyState title={t('notices.staffEmpty')}>{t('notices.staffEmptyHint')}</EmptyState>
      ) : (
        <Table
          caption={t('notices.staffTitle')}
          head={[
            t('notices.colTitle'),
            t('notices.colCall'),
            t('notices.colStatus'),
            t('notices.colPeriod'),
            t('notices.colItems'),
            t('notices.colObjectionsOpen'),
            t('notices.colObjectionsTotal'),
          ]}
        >
          {notices.map((n) => (
            <tr key={n.id}>
              <Td className="max-w-80 min-w-48">
                <Link href={`/commission/notices/${n.id}`} className="text-brand-800 underline">
                  {n.title}
                </Link>
              </Td>
              <Td className="min-w-40">{localized(locale, n.call.title, n.call.titleEn)}</Td>
              <Td className="whitespace-nowrap">
                <NoticeStatusBadge status={n.status} label={t(`enums.NoticeStatus.${n.status}`)} />
              </Td>
              <Td className="whitespace-nowrap">
                {n.startsOn && n.endsOn
                  ? t('notices.period', {
                      start: formatCalendarDate(n.startsOn),
                      end: formatCalendarDate(n.endsOn),
                      days: n.workingDays,
                    })
                  : '—'}
                {n.closesAt ? (
                  <span className="block text-xs text-slate-600">
                    {t('notices.closesAt', { time: formatDateTime(n.closesAt, locale) })}
                  </span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">{n._count.items}</Td>
              <Td className={`text-right tabular-nums ${n.objectionsOpen ? 'font-semibold text-red-800' : ''}`}>
                {n.objectionsOpen}
              </Td>
              <Td className="text-right tabular-nums">{n.objectionsTotal}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
