import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { listMeetingsForMember } from '@/server/committee/meetings';
import { db } from '@/server/db';

export default async function MemberMeetingsPage() {
  const actor = await requirePermission('serve:committee:own');
  const [meetings, t, locale] = await Promise.all([
    orNotFound(listMeetingsForMember(db(), actor)),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('strategy.meetingsTitle')} description={t('strategy.meetingsDescription')} />
      {meetings.length === 0 ? (
        <EmptyState title={t('strategy.meetingsEmpty')} />
      ) : (
        <Table
          caption={t('strategy.meetingsTitle')}
          head={[t('strategy.colTitle'), t('strategy.colHeldAt'), t('strategy.location'), t('strategy.colStatus')]}
        >
          {meetings.map((m) => (
            <tr key={m.id}>
              <Td>
                <Link href={`/committee/meetings/${m.id}`} className="text-brand-800 underline">
                  {m.title}
                </Link>
              </Td>
              <Td>{formatDateTime(m.heldAt, locale)}</Td>
              <Td>{m.location}</Td>
              <Td>{t(`enums.MeetingStatus.${m.status}`)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
