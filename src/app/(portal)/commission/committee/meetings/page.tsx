import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateMeetingForm } from '@/components/committee/strategy-forms';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { toBeijingInput } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { listMeetingsForStaff, meetingChoices } from '@/server/committee/meetings';
import { db } from '@/server/db';

export default async function StaffMeetingsPage() {
  const actor = await requirePermission('manage:committee:all');
  const [meetings, choices, t, locale] = await Promise.all([
    listMeetingsForStaff(db(), actor),
    meetingChoices(db(), actor, null),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const inTwoWeeks = new Date();
  inTwoWeeks.setUTCDate(inTwoWeeks.getUTCDate() + 14);
  const suggestedAt = `${toBeijingInput(inTwoWeeks).slice(0, 10)} 09:30:00`;
  return (
    <>
      <PageHeader
        title={t('strategy.meetingsTitle')}
        description={t('strategy.meetingsDescription')}
        actions={
          <Link href="/commission/committee/reports" className="text-sm text-brand-700 underline">
            {t('strategy.reportsTitle')}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        {meetings.length === 0 ? (
          <EmptyState title={t('strategy.meetingsEmpty')} />
        ) : (
          <Table
            caption={t('strategy.meetingsTitle')}
            head={[t('strategy.colTitle'), t('strategy.colHeldAt'), t('strategy.colStatus')]}
          >
            {meetings.map((m) => (
              <tr key={m.id}>
                <Td>
                  <Link href={`/commission/committee/meetings/${m.id}`} className="text-brand-800 underline">
                    {m.title}
                  </Link>
                </Td>
                <Td>{formatDateTime(m.heldAt, locale)}</Td>
                <Td>{t(`enums.MeetingStatus.${m.status}`)}</Td>
              </tr>
            ))}
          </Table>
        )}
        <Card title={t('strategy.newMeeting')}>
          <CreateMeetingForm suggestedAt={suggestedAt} topics={choices.topics} />
        </Card>
      </div>
    </>
  );
}
