import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { toBeijingInput } from '@/domain/time';
import type { Locale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import type { getPanelMeeting } from '@/server/panels/meetings';
import { ActionButton } from './action-button';
import { AutoRefresh } from './auto-refresh';
import { MinutesForm } from './minutes-form';
import { AddMemberForm, DefenceSlotDialog, type MemberCandidate } from './setup-forms';
import { ITEM_TONE, MEETING_TONE, RESULT_TONE, ruleShare } from './tones';

type Board = Awaited<ReturnType<typeof getPanelMeeting>>;

/**
 * The meeting's board for staff and the chair: the run controls, attendance, the agenda with 回避 and live progress
 * item by item, and the minutes. Set-up (members, agenda, defence slots, order) is staff's only: `candidates` is given
 * to staff while the meeting is planned.
 */
export async function PanelBoard({
  board,
  locale,
  isStaff,
  candidates,
}: {
  board: Board;
  locale: Locale;
  isStaff: boolean;
  candidates: MemberCandidate[] | null;
}) {
  const t = await getTranslations('panels');
  const te = await getTranslations('enums');
  const tr = await getTranslations('roles');
  const planned = board.status === 'PLANNED';
  const inSession = board.status === 'IN_SESSION';
  const closed = board.status === 'CLOSED';
  const subjectOf = (i: Board['items'][number]) => i.application.code ?? i.application.title;
  return (
    <div className="flex flex-col gap-6">
      <Card
        title={t('runTitle')}
        actions={<Badge tone={MEETING_TONE[board.status]}>{te(`PanelMeetingStatus.${board.status}`)}</Badge>}
      >
        <div className="flex flex-col gap-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t('call')}</dt>
            <dd>{localized(locale, board.call.title, board.call.titleEn)}</dd>
            <dt className="text-slate-600">{t('time')}</dt>
            <dd>
              {formatDateTime(board.startsAt, locale)} – {formatDateTime(board.endsAt, locale)}
            </dd>
            {board.location ? (
              <>
                <dt className="text-slate-600">{t('location')}</dt>
                <dd>{board.location}</dd>
              </>
            ) : null}
            {board.onlineUrl ? (
              <>
                <dt className="text-slate-600">{t('onlineUrl')}</dt>
                <dd>
                  <a href={board.onlineUrl} className="break-all text-brand-700 underline" rel="noreferrer">
                    {board.onlineUrl}
                  </a>
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t('passRule')}</dt>
            <dd>{t('passRuleText', { share: ruleShare(board.passRuleBp) })}</dd>
            <dt className="text-slate-600">{t('progress')}</dt>
            <dd>{t('progressText', board.progress)}</dd>
          </dl>
          {inSession ? <AutoRefresh label={t('autoRefresh')} /> : null}
          <div className="flex flex-wrap gap-2">
            {planned ? (
              <ActionButton
                kind="start"
                input={{ meetingId: board.id, version: board.version }}
                label={t('start')}
                variant="primary"
                size="md"
              />
            ) : null}
            {inSession ? (
              <ActionButton
                kind="closeMeeting"
                input={{ meetingId: board.id, version: board.version }}
                label={t('closeMeeting')}
                confirm={t('closeMeetingConfirm')}
                size="md"
              />
            ) : null}
          </div>
        </div>
      </Card>

      <Card title={t('membersTitle', { count: board.members.length })}>
        <div className="flex flex-col gap-4">
          {board.members.length === 0 ? (
            <EmptyState title={t('membersEmpty')}>{t('membersEmptyHint')}</EmptyState>
          ) : (
            <Table
              caption={t('membersTitle', { count: board.members.length })}
              head={[t('colName'), t('memberRole'), t('colKind'), t('colAttendance'), t('colActions')]}
            >
              {board.members.map((m) => (
                <tr key={m.id}>
                  <Td className="whitespace-nowrap">{m.name}</Td>
                  <Td>
                    <Badge tone={m.role === 'CHAIR' ? 'blue' : 'slate'}>{te(`PanelMemberRole.${m.role}`)}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{m.kinds.map((k) => tr(k)).join('、') || '—'}</Td>
                  <Td className="whitespace-nowrap">{m.attended ? t('present') : t('absent')}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      {!closed ? (
                        <ActionButton
                          kind="attendance"
                          input={{ meetingId: board.id, memberId: m.id, attended: !m.attended }}
                          label={m.attended ? t('markAbsent') : t('markPresent')}
                          srLabel={m.name}
                        />
                      ) : null}
                      {isStaff && planned ? (
                        <ActionButton
                          kind="removeMember"
                          input={{ meetingId: board.id, memberId: m.id }}
                          label={t('removeMember')}
                          srLabel={m.name}
                          confirm={t('removeMemberConfirm', { name: m.name })}
                        />
                      ) : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
          {isStaff && planned && candidates ? <AddMemberForm meetingId={board.id} candidates={candidates} /> : null}
        </div>
      </Card>

      <Card
        title={t('agendaTitle', { count: board.items.length })}
        actions={
          isStaff && planned ? (
            <ActionButton kind="buildAgenda" input={{ meetingId: board.id }} label={t('buildAgenda')} />
          ) : null
        }
      >
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">{t('agendaHint')}</p>
          {board.items.length === 0 ? (
            <EmptyState title={t('agendaEmpty')}>{isStaff ? t('agendaEmptyHint') : null}</EmptyState>
          ) : (
            <Table
              caption={t('agendaTitle', { count: board.items.length })}
              head={[
                t('colOrder'),
                t('colApplication'),
                t('colInstitution'),
                t('colReview'),
                t('colDefence'),
                t('colExcluded'),
                t('colStatus'),
                t('colProgress'),
                t('colActions'),
              ]}
            >
              {board.items.map((i, index) => {
                const subject = subjectOf(i);
                const pendingSetup = isStaff && !closed && i.status === 'PENDING';
                return (
                  <tr key={i.id}>
                    <Td className="text-right tabular-nums">{index + 1}</Td>
                    <Td className="min-w-56">
                      <span className="font-mono text-xs">{i.application.code ?? '—'}</span>
                      <div>{localized(locale, i.application.title, i.application.titleEn) || '—'}</div>
                      <div className="text-xs text-slate-600">{i.application.applicant.name}</div>
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
                      {pendingSetup ? (
                        <div className="mt-1">
                          <DefenceSlotDialog
                            itemId={i.id}
                            version={i.version}
                            current={i.defenceAt ? toBeijingInput(i.defenceAt).slice(0, 16) : ''}
                            subject={subject}
                          />
                        </div>
                      ) : null}
                    </Td>
                    <Td className="min-w-28 text-xs">
                      {i.excluded.length ? i.excluded.map((x) => x.name).join('、') : t('noExclusion')}
                    </Td>
                    <Td className="whitespace-nowrap">
                      <Badge tone={ITEM_TONE[i.status]}>{te(`PanelItemStatus.${i.status}`)}</Badge>
                    </Td>
                    <Td className="min-w-48 text-xs">
                      {i.live ? (
                        <span aria-live="polite">{t('liveText', i.live)}</span>
                      ) : i.result && i.tally ? (
                        <>
                          <Badge tone={RESULT_TONE[i.result]}>{te(`PanelItemResult.${i.result}`)}</Badge>
                          <div className="mt-1">{t('tallyText', { ...i.tally })}</div>
                        </>
                      ) : (
                        '—'
                      )}
                    </Td>
                    <Td>
                      <div className="flex flex-wrap gap-2">
                        {inSession && i.status === 'PENDING' ? (
                          <ActionButton
                            kind="openItem"
                            input={{ itemId: i.id, version: i.version }}
                            label={t('openItem')}
                            srLabel={subject}
                            variant="primary"
                          />
                        ) : null}
                        {inSession && i.status === 'IN_PROGRESS' ? (
                          <ActionButton
                            kind="closeVote"
                            input={{ itemId: i.id, version: i.version }}
                            label={t('closeVote')}
                            srLabel={subject}
                            variant="primary"
                            confirm={t('closeVoteConfirm', { subject })}
                          />
                        ) : null}
                        {inSession && (i.status === 'PENDING' || i.status === 'IN_PROGRESS') ? (
                          <ActionButton
                            kind="skipItem"
                            input={{ itemId: i.id, version: i.version }}
                            label={t('skipItem')}
                            srLabel={subject}
                            confirm={t('skipConfirm', { subject })}
                          />
                        ) : null}
                        {pendingSetup ? (
                          <>
                            <ActionButton
                              kind="moveItem"
                              input={{ itemId: i.id, direction: 'UP' }}
                              label={t('moveUp')}
                              srLabel={subject}
                            />
                            <ActionButton
                              kind="moveItem"
                              input={{ itemId: i.id, direction: 'DOWN' }}
                              label={t('moveDown')}
                              srLabel={subject}
                            />
                          </>
                        ) : null}
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </Table>
          )}
        </div>
      </Card>

      <Card title={t('minutesTitle')}>
        {board.minutes?.approvedAt ? (
          <div className="flex flex-col gap-3">
            <Alert tone="success">
              {t('minutesApproved', { time: formatDateTime(board.minutes.approvedAt, locale) })}
            </Alert>
            <div className="text-sm whitespace-pre-wrap text-slate-800">{board.minutes.body}</div>
          </div>
        ) : planned ? (
          <p className="text-sm text-slate-700">{t('minutesLater')}</p>
        ) : (
          <MinutesForm
            meetingId={board.id}
            version={board.minutes?.version ?? 0}
            body={board.minutes?.body ?? ''}
            canApprove={closed && board.minutes !== null}
          />
        )}
      </Card>
      {isStaff ? (
        <Link href="/commission/panels" className="text-sm text-brand-700 underline">
          {t('backToPanels')}
        </Link>
      ) : null}
    </div>
  );
}
