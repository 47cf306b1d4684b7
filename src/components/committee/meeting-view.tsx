import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatFileSize } from '@/lib/format';
import type { getMeeting } from '@/server/committee/meetings';

type Meeting = Awaited<ReturnType<typeof getMeeting>>;

/**
 * A strategy meeting as staff and invited members read it; the page adds its forms (`agendaForm` replaces the agenda
 * list, `materialForm` goes under the materials, `removeMaterial` beside each one).
 */
export async function MeetingView({
  meeting,
  agendaForm,
  materialForm,
  removeMaterial,
  opinionForm,
  resolutionForm,
}: {
  meeting: Meeting;
  agendaForm?: ReactNode;
  materialForm?: ReactNode;
  removeMaterial?: (material: { id: string; title: string }) => ReactNode;
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
        {agendaForm ?? (
          <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm">
            {meeting.agenda.map((item, i) => (
              <li key={i}>
                <span className="font-medium text-slate-900">{item.title}</span>
                {item.topics.length ? (
                  <span className="ml-2 text-xs text-slate-600">
                    {t('agendaTopicsShort')}
                    {item.topics.map((topic) => topic.title).join('；')}
                  </span>
                ) : null}
                {item.note ? <p className="whitespace-pre-line text-slate-700">{item.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title={t('materials')}>
        {meeting.materials.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noMaterials')}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {meeting.materials.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3">
                <a href={`/api/files/${m.file.id}`} className="break-all text-brand-800 underline">
                  {m.title}
                </a>
                <span className="text-xs text-slate-600">
                  {m.file.filename} · {formatFileSize(m.file.sizeBytes)}
                </span>
                {removeMaterial ? removeMaterial({ id: m.id, title: m.title }) : null}
              </li>
            ))}
          </ul>
        )}
        {materialForm ? <div className="mt-4 border-t border-slate-100 pt-4">{materialForm}</div> : null}
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
                {o.topic ? (
                  <span className="text-xs text-slate-700">{t('onTopic', { title: o.topic.title })}</span>
                ) : null}{' '}
                <span className="text-xs text-slate-500">
                  {formatDateTime(o.recordedAt, locale)}
                  {o.recordedById !== o.memberUserId ? ` · ${t('recordedByStaff')}` : ''}
                </span>
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
