import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import type { getMeeting } from '@/server/committee/meetings';

type Meeting = Awaited<ReturnType<typeof getMeeting>>;

/** A strategy meeting as staff and invited members read it; `opinionForm` / `resolutionForm` are added by the page. */
export async function MeetingView({
  meeting,
  opinionForm,
  resolutionForm,
}: {
  meeting: Meeting;
  opinionForm?: ReactNode;
  resolutionForm?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations('strategy'), getLocale().then(asLocale)]);
  const held = meeting.status !== 'PLANNED';
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('agenda')}>
        <p className="mb-2 text-sm text-slate-600">
          {formatDateTime(meeting.heldAt, locale)} · {meeting.location}
        </p>
        <ol className="list-decimal pl-5 text-sm">
          {meeting.agenda.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      </Card>
      <Card title={t('attendance')}>
        <ul className="flex flex-wrap gap-3 text-sm">
          {meeting.attendees.map((a) => (
            <li key={a.userId} className="flex items-center gap-2">
              {a.user.name}
              {held ? (
                <Badge tone={a.attended ? 'green' : 'slate'}>{a.attended ? t('attended') : t('absent')}</Badge>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('opinions')}>
        {meeting.opinions.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noOpinions')}</p>
        ) : (
          <ul className="flex flex-col gap-3 text-sm">
            {meeting.opinions.map((o) => (
              <li key={o.id}>
                <span className="font-medium">{o.member.name}</span>{' '}
                <span className="text-xs text-slate-500">{formatDateTime(o.recordedAt, locale)}</span>
                <p className="whitespace-pre-line text-slate-700">{o.body}</p>
              </li>
            ))}
          </ul>
        )}
        {opinionForm ? <div className="mt-4 border-t border-slate-100 pt-4">{opinionForm}</div> : null}
      </Card>
      <Card title={t('resolutions')}>
        {meeting.resolutions.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noResolutions')}</p>
        ) : (
          <ol className="flex flex-col gap-3 text-sm">
            {meeting.resolutions.map((r) => (
              <li key={r.id}>
                <span className="font-medium">
                  {r.ordinal}. {r.text}
                </span>{' '}
                <Badge tone={r.adopted ? 'green' : 'slate'}>{r.adopted ? t('adopted') : t('notAdopted')}</Badge>
                <p className="text-xs text-slate-600">
                  {t('votes', { for: r.votesFor, against: r.votesAgainst, abstain: r.votesAbstain })}
                </p>
              </li>
            ))}
          </ol>
        )}
        {resolutionForm ? <div className="mt-4 border-t border-slate-100 pt-4">{resolutionForm}</div> : null}
      </Card>
    </div>
  );
}
