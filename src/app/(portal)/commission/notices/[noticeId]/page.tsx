import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import {
  DecisionStatusBadge,
  NoticeStatusBadge,
  ObjectionStatusBadge,
  OutcomeBadge,
} from '@/components/decisions/status-badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime, formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getNoticeForStaff } from '@/server/decisions/notices';
import { HandleObjectionDialog, StartReviewButton } from '../notice-controls';
import { orNotFound } from '@/lib/or-not-found';

/** One notice for staff: the batch, the public items and each objection with the filer's contact and its handling. */
export default async function StaffNoticePage({ params }: { params: Promise<{ noticeId: string }> }) {
  const actor = await requirePermission('manage:notice:all');
  const { noticeId } = await params;
  const notice = await orNotFound(getNoticeForStaff(db(), actor, noticeId));
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={notice.title}
        description={localized(locale, notice.call.title, notice.call.titleEn)}
        actions={
          <>
            <NoticeStatusBadge status={notice.status} label={t(`enums.NoticeStatus.${notice.status}`)} />
            <Link href="/commission/notices" className="text-sm text-brand-700 underline">
              {t('notices.backToNotices')}
            </Link>
          </>
        }
      />
      <Card title={t('notices.periodTitle')}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t('notices.colPeriod')}</dt>
          <dd>
            {notice.startsOn && notice.endsOn
              ? t('notices.period', {
                  start: formatCalendarDate(notice.startsOn),
                  end: formatCalendarDate(notice.endsOn),
                  days: notice.workingDays,
                })
              : '—'}
          </dd>
          <dt className="text-slate-600">{t('notices.closesAtLabel')}</dt>
          <dd>{notice.closesAt ? formatDateTime(notice.closesAt, locale) : '—'}</dd>
          <dt className="text-slate-600">{t('notices.publishedAt')}</dt>
          <dd>{formatDateTime(notice.publishedAt, locale)}</dd>
          {notice.closedAt ? (
            <>
              <dt className="text-slate-600">{t('notices.closedAt')}</dt>
              <dd>{formatDateTime(notice.closedAt, locale)}</dd>
            </>
          ) : null}
        </dl>
        {notice.body ? <p className="mt-3 text-sm whitespace-pre-wrap text-slate-800">{notice.body}</p> : null}
      </Card>

      <section aria-labelledby="batch" className="flex flex-col gap-2">
        <h2 id="batch" className="text-lg font-semibold">
          {t('notices.batchTitle')}
        </h2>
        <Table
          caption={t('notices.batchTitle')}
          head={[t('notices.colApplication'), t('notices.colOutcome'), t('notices.colDecisionStatus')]}
        >
          {notice.decisions.map((d) => (
            <tr key={d.id}>
              <Td className="max-w-96 min-w-48">
                <span className="block font-mono text-xs text-slate-600">{d.application.code ?? '—'}</span>
                {d.application.title}
              </Td>
              <Td>
                <OutcomeBadge outcome={d.outcome} label={t(`enums.DecisionOutcome.${d.outcome}`)} />
              </Td>
              <Td className="whitespace-nowrap">
                <DecisionStatusBadge status={d.status} label={t(`enums.DecisionStatus.${d.status}`)} />
                {d.finalAt ? (
                  <span className="block text-xs text-slate-600">{formatDateTime(d.finalAt, locale)}</span>
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="items" className="flex flex-col gap-4">
        <h2 id="items" className="text-lg font-semibold">
          {t('notices.itemsTitle')}
        </h2>
        {notice.items.length === 0 ? <EmptyState title={t('notices.noItems')} /> : null}
        {notice.items.map((item) => (
          <Card
            key={item.id}
            title={`${item.applicationCode} ${item.projectTitle}`}
            actions={
              item.withdrawnAt ? (
                <span className="text-sm text-red-800">
                  {t('notices.withdrawnAt', { time: formatDateTime(item.withdrawnAt, locale) })}
                </span>
              ) : null
            }
          >
            <p className="mb-3 text-sm text-slate-700">
              {t('notices.itemFacts', {
                pi: item.piName,
                institution: item.institutionName,
                amount: formatGrant(item.amountFen, locale),
              })}
              {' · '}
              {t(`enums.DecisionStatus.${item.decision.status}`)}
              {item.decision.supersededBy ? ` · ${t('notices.redecided')}` : ''}
            </p>
            {item.objections.length === 0 ? (
              <p className="text-sm text-slate-600">{t('notices.noObjections')}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {item.objections.map((o) => {
                  const subject = t('notices.objectionSubject', { name: o.filerName, code: item.applicationCode });
                  return (
                    <li key={o.id} className="rounded-md border border-slate-200 p-3 text-sm">
                      <div className="mb-2 flex flex-wrap items-center gap-2">
                        <ObjectionStatusBadge status={o.status} label={t(`enums.ObjectionStatus.${o.status}`)} />
                        <span className="font-medium">{o.filerName}</span>
                        <span className="text-slate-700">
                          {[o.filerPhone, o.filerEmail].filter(Boolean).join(' · ')}
                        </span>
                        {o.filerUserId ? <span className="text-xs text-slate-600">{t('notices.signedIn')}</span> : null}
                        <span className="text-xs text-slate-600">
                          {t('notices.filedAt', { time: formatDateTime(o.filedAt, locale) })}
                        </span>
                      </div>
                      <p className="break-words whitespace-pre-wrap text-slate-900">{o.content}</p>
                      {o.handlingNote ? (
                        <div className="mt-2 rounded bg-slate-50 px-3 py-2">
                          <h3 className="font-medium text-slate-700">{t('notices.handlingNote')}</h3>
                          <p className="break-words whitespace-pre-wrap">{o.handlingNote}</p>
                          {o.decidedAt ? (
                            <p className="text-xs text-slate-600">{formatDateTime(o.decidedAt, locale)}</p>
                          ) : null}
                        </div>
                      ) : null}
                      <div className="mt-2 flex flex-wrap gap-2">
                        {o.status === 'FILED' ? (
                          <StartReviewButton objectionId={o.id} version={o.version} subject={subject} />
                        ) : null}
                        {o.status === 'UNDER_REVIEW' ? (
                          <>
                            {item.decision.status === 'IN_NOTICE' ? (
                              <HandleObjectionDialog
                                objectionId={o.id}
                                version={o.version}
                                subject={subject}
                                mode="uphold"
                              />
                            ) : null}
                            <HandleObjectionDialog
                              objectionId={o.id}
                              version={o.version}
                              subject={subject}
                              mode="dismiss"
                            />
                          </>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        ))}
      </section>
    </div>
  );
}
