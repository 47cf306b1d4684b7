import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateMeetingForm } from '@/components/panels/create-meeting-form';
import { MEETING_TONE, ruleShare } from '@/components/panels/tones';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { toBeijingInput } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listPanelCalls } from '@/server/panels/meetings';

// 会议评审 for staff: the calls whose rules have a panel stage, their meetings, and a new meeting per call.
export default async function PanelCallsPage() {
  const actor = await requirePermission('manage:panel:all');
  const [calls, t, te, locale] = await Promise.all([
    listPanelCalls(db(), actor),
    getTranslations('panels'),
    getTranslations('enums'),
    getLocale().then(asLocale),
  ]);
  // A suggestion a fortnight ahead, 09:00–17:30 Beijing time; staff change it in the form.
  const day = toBeijingInput(new Date(new Date().getTime() + 14 * 86_400_000)).slice(0, 10);
  const defaults = { startsAt: `${day}T09:00`, endsAt: `${day}T17:30` };
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {calls.length === 0 ? (
        <EmptyState title={t('callsEmpty')}>{t('callsEmptyHint')}</EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          {calls.map((c) => {
            const callTitle = localized(locale, c.title, c.titleEn);
            return (
              <Card
                key={c.id}
                title={callTitle}
                actions={<CreateMeetingForm callId={c.id} callTitle={callTitle} defaults={defaults} />}
              >
                <div className="flex flex-col gap-3">
                  <p className="text-sm text-slate-700">
                    {t('callSummary', {
                      program: localized(locale, c.program.name, c.program.nameEn),
                      share: ruleShare(c.passRuleBp),
                      underReview: c.underReview,
                    })}
                  </p>
                  {c.panelMeetings.length === 0 ? (
                    <EmptyState title={t('meetingsEmpty')} />
                  ) : (
                    <Table
                      caption={t('meetingsOf', { call: callTitle })}
                      head={[t('meetingTitle'), t('time'), t('colMembers'), t('colItems'), t('colStatus')]}
                    >
                      {c.panelMeetings.map((m) => (
                        <tr key={m.id}>
                          <Td className="min-w-48">
                            <Link href={`/commission/panels/${m.id}`} className="font-medium text-brand-700 underline">
                              {m.title}
                            </Link>
                          </Td>
                          <Td className="whitespace-nowrap">
                            {formatDateTime(m.startsAt, locale)} – {formatDateTime(m.endsAt, locale)}
                          </Td>
                          <Td className="text-right tabular-nums">{m._count.members}</Td>
                          <Td className="text-right tabular-nums">{m._count.items}</Td>
                          <Td className="whitespace-nowrap">
                            <Badge tone={MEETING_TONE[m.status]}>{te(`PanelMeetingStatus.${m.status}`)}</Badge>
                          </Td>
                        </tr>
                      ))}
                    </Table>
                  )}
                </div>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
