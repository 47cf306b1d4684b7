import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import type { listOwnPanelMeetings } from '@/server/panels/votes';
import { MEETING_TONE } from './tones';

/** 我的评审会议 for experts (/reviewer/panels) and committee members (/committee/panels). */
export async function OwnMeetings({
  rows,
  locale,
  basePath,
}: {
  rows: Awaited<ReturnType<typeof listOwnPanelMeetings>>;
  locale: Locale;
  basePath: string;
}) {
  const t = await getTranslations('panels');
  const te = await getTranslations('enums');
  return (
    <>
      <PageHeader title={t('ownTitle')} description={t('ownDescription')} />
      {rows.length === 0 ? (
        <EmptyState title={t('ownEmpty')} />
      ) : (
        <Table
          caption={t('ownTitle')}
          head={[
            t('meetingTitle'),
            t('call'),
            t('time'),
            t('location'),
            t('memberRole'),
            t('colItems'),
            t('colStatus'),
          ]}
        >
          {rows.map((m) => (
            <tr key={m.id}>
              <Td className="min-w-48">
                <Link href={`${basePath}/${m.id}`} className="font-medium text-brand-700 underline">
                  {m.title}
                </Link>
              </Td>
              <Td className="min-w-48">{localized(locale, m.call.title, m.call.titleEn)}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(m.startsAt, locale)}</Td>
              <Td className="min-w-32">{m.location ?? (m.onlineUrl ? t('online') : '—')}</Td>
              <Td className="whitespace-nowrap">{te(`PanelMemberRole.${m.role}`)}</Td>
              <Td className="text-right tabular-nums">{m.items}</Td>
              <Td className="whitespace-nowrap">
                <Badge tone={MEETING_TONE[m.status]}>{te(`PanelMeetingStatus.${m.status}`)}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
