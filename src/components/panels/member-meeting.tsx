import { getTranslations } from 'next-intl/server';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import type { getPanelMeetingForMember } from '@/server/panels/votes';
import { AutoRefresh } from './auto-refresh';
import { ITEM_TONE, MEETING_TONE, RESULT_TONE, ruleShare } from './tones';
import { VoteForm } from './vote-form';

type MemberView = Awaited<ReturnType<typeof getPanelMeetingForMember>>;

/**
 * A member's meeting page (experts and committee members): the agenda, their own 回避, the vote form for the open
 * item, and their own votes — never anyone else's.
 */
export async function MemberMeeting({ view, locale }: { view: MemberView; locale: Locale }) {
  const t = await getTranslations('panels');
  const te = await getTranslations('enums');
  const open = view.items.find((i) => i.status === 'IN_PROGRESS') ?? null;
  const subject = (i: MemberView['items'][number]) =>
    `${i.application.code ?? ''} ${localized(locale, i.application.title, i.application.titleEn)}`.trim();
  return (
    <div className="flex flex-col gap-6">
      <Card
        title={t('meetingInfo')}
        actions={<Badge tone={MEETING_TONE[view.status]}>{te(`PanelMeetingStatus.${view.status}`)}</Badge>}
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t('call')}</dt>
          <dd>{localized(locale, view.call.title, view.call.titleEn)}</dd>
          <dt className="text-slate-600">{t('time')}</dt>
          <dd>
            {formatDateTime(view.startsAt, locale)} – {formatDateTime(view.endsAt, locale)}
          </dd>
          {view.location ? (
            <>
              <dt className="text-slate-600">{t('location')}</dt>
              <dd>{view.location}</dd>
            </>
          ) : null}
          {view.onlineUrl ? (
            <>
              <dt className="text-slate-600">{t('onlineUrl')}</dt>
              <dd>
                <a href={view.onlineUrl} className="break-all text-brand-700 underline" rel="noreferrer">
                  {view.onlineUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t('passRule')}</dt>
          <dd>{t('passRuleText', { share: ruleShare(view.passRuleBp) })}</dd>
          <dt className="text-slate-600">{t('yourSeat')}</dt>
          <dd>
            {te(`PanelMemberRole.${view.me.role}`)} · {view.me.attended ? t('present') : t('absent')}
          </dd>
        </dl>
        {view.status === 'IN_SESSION' ? (
          <div className="mt-3">
            <AutoRefresh label={t('autoRefresh')} />
          </div>
        ) : null}
      </Card>

      {view.status === 'IN_SESSION' ? (
        <Card title={t('currentItem')}>
          {!open ? (
            <EmptyState title={t('noOpenItem')} />
          ) : (
            <div className="flex flex-col gap-3">
              <p className="text-sm font-medium text-slate-900">{subject(open)}</p>
              {open.excluded ? (
                <Alert tone="warning">{t('excludedNotice')}</Alert>
              ) : open.myVote ? (
                <Alert tone="success">
                  {t('votedNotice', {
                    vote: te(`PanelVoteChoice.${open.myVote.vote}`),
                    time: formatDateTime(open.myVote.castAt, locale),
                  })}
                </Alert>
              ) : !view.me.attended ? (
                <Alert tone="warning">{t('absentNotice')}</Alert>
              ) : open.canVote ? (
                <VoteForm itemId={open.id} subject={subject(open)} />
              ) : null}
            </div>
          )}
        </Card>
      ) : null}

      <Card title={t('agendaTitle', { count: view.items.length })}>
        {view.items.length === 0 ? (
          <EmptyState title={t('agendaEmpty')} />
        ) : (
          <Table
            caption={t('agendaTitle', { count: view.items.length })}
            head={[
              t('colOrder'),
              t('colApplication'),
              t('colInstitution'),
              t('colReview'),
              t('colDefence'),
              t('colStatus'),
              t('colMyVote'),
            ]}
          >
            {view.items.map((i, index) => (
              <tr key={i.id}>
                <Td className="text-right tabular-nums">{index + 1}</Td>
                <Td className="min-w-56">
                  <span className="font-mono text-xs">{i.application.code ?? '—'}</span>
                  <div>{localized(locale, i.application.title, i.application.titleEn) || '—'}</div>
                </Td>
                <Td className="min-w-32">
                  {localized(locale, i.application.institution.name, i.application.institution.nameEn)}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {i.reviewScore === null ? (
                    t('unscored')
                  ) : (
                    <>
                      {i.reviewScore.toFixed(2)}
                      <div className="text-xs text-slate-600">{t('rank', { rank: i.reviewRank ?? '—' })}</div>
                    </>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {i.defenceAt ? formatDateTime(i.defenceAt, locale) : t('noDefence')}
                </Td>
                <Td className="whitespace-nowrap">
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={ITEM_TONE[i.status]}>{te(`PanelItemStatus.${i.status}`)}</Badge>
                    {i.result ? <Badge tone={RESULT_TONE[i.result]}>{te(`PanelItemResult.${i.result}`)}</Badge> : null}
                  </div>
                </Td>
                <Td className="min-w-40 text-xs">
                  {i.excluded ? (
                    <Badge tone="amber">{t('recused')}</Badge>
                  ) : i.myVote ? (
                    <>
                      <div className="font-medium">{te(`PanelVoteChoice.${i.myVote.vote}`)}</div>
                      {i.myVote.score !== null ? <div>{t('scoreValue', { score: i.myVote.score })}</div> : null}
                      {i.myVote.comment ? <div className="text-slate-700">{i.myVote.comment}</div> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
