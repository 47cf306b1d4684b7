import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { NoticeStatusBadge } from '@/components/decisions/status-badges';
import { EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate, localized } from '@/lib/format';
import { db } from '@/server/db';
import { listPublicNotices } from '@/server/decisions/public-notices';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('publicTitle') };
}

/** 立项公示: open notices and those closed in the last months; anyone, no login. */
export default async function PublicNoticesPage() {
  const [notices, t, locale] = await Promise.all([
    listPublicNotices(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('notices.publicTitle')}</h1>
        <p className="mt-1 text-slate-700">{t('notices.publicLead')}</p>
      </div>
      {notices.length === 0 ? (
        <EmptyState title={t('notices.publicEmpty')} />
      ) : (
        <Table
          caption={t('notices.publicTitle')}
          head={[
            t('notices.colTitle'),
            t('notices.colCall'),
            t('notices.colPeriod'),
            t('notices.colItems'),
            t('notices.colStatus'),
          ]}
        >
          {notices.map((n) => (
            <tr key={n.id}>
              <Td className="max-w-96 min-w-48">
                <Link href={`/notices/${n.id}`} className="text-brand-800 underline">
                  {n.title}
                </Link>
              </Td>
              <Td className="min-w-40">{localized(locale, n.call.title, n.call.titleEn)}</Td>
              <Td className="whitespace-nowrap">
                {n.startsOn && n.endsOn
                  ? t('notices.publicPeriod', {
                      start: formatCalendarDate(n.startsOn),
                      end: formatCalendarDate(n.endsOn),
                    })
                  : '—'}
              </Td>
              <Td className="text-right tabular-nums">{n.items}</Td>
              <Td className="whitespace-nowrap">
                {n.accepting ? (
                  <NoticeStatusBadge status="OPEN" label={t('notices.accepting')} />
                ) : (
                  <NoticeStatusBadge status="CLOSED" label={t('notices.ended')} />
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
