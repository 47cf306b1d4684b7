import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NoticeStatusBadge } from '@/components/decisions/status-badges';
import { Alert, Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatCalendarDate, formatDateTime, formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import { getPublicNotice } from '@/server/decisions/public-notices';
import { ObjectionForm } from './objection-form';

const load = cache((id: string) =>
  getPublicNotice(db(), id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  }),
);

export async function generateMetadata({ params }: { params: Promise<{ noticeId: string }> }): Promise<Metadata> {
  const notice = await load((await params).noticeId);
  return { title: notice?.title };
}

/**
 * One public notice: the period in Beijing dates, the funded projects (project, PI, institution, amount) and, while
 * the period runs, a real-name objection form per project. After 24:00 Beijing of the last working day the forms give
 * way to a note; the server refuses late objections to the second whatever the page shows.
 */
export default async function PublicNoticePage({ params }: { params: Promise<{ noticeId: string }> }) {
  const notice = await load((await params).noticeId);
  if (!notice) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const live = notice.items.filter((i) => !i.withdrawnAt);
  const withdrawn = notice.items.filter((i) => i.withdrawnAt);
  return (
    <article className="flex flex-col gap-6">
      <div>
        <Link href="/notices" className="text-sm text-brand-700 underline">
          {t('notices.backToPublic')}
        </Link>
        <div className="mt-3">
          {notice.accepting ? (
            <NoticeStatusBadge status="OPEN" label={t('notices.accepting')} />
          ) : (
            <NoticeStatusBadge status="CLOSED" label={t('notices.ended')} />
          )}
        </div>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{notice.title}</h1>
        <p className="mt-1 text-sm text-slate-700">{localized(locale, notice.call.title, notice.call.titleEn)}</p>
      </div>
      <Card title={t('notices.periodTitle')}>
        <p className="text-sm text-slate-800">
          {t('notices.publicPeriodFull', {
            start: formatCalendarDate(notice.startsOn),
            end: formatCalendarDate(notice.endsOn),
            days: notice.workingDays,
            closes: formatDateTime(notice.closesAt, locale),
          })}
        </p>
        {notice.body ? <p className="mt-3 text-sm whitespace-pre-wrap text-slate-800">{notice.body}</p> : null}
      </Card>
      <Table
        caption={t('notices.itemsTitle')}
        head={[
          t('notices.colCode'),
          t('notices.colProject'),
          t('notices.colPi'),
          t('notices.colInstitution'),
          t('notices.colAmount'),
        ]}
      >
        {live.map((item) => (
          <tr key={item.id}>
            <Td className="font-mono text-xs whitespace-nowrap">{item.applicationCode}</Td>
            <Td className="max-w-96 min-w-48">{item.projectTitle}</Td>
            <Td className="whitespace-nowrap">{item.piName}</Td>
            <Td className="min-w-32">{item.institutionName}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatGrant(item.amountFen, locale)}</Td>
          </tr>
        ))}
      </Table>
      {live.length === 0 ? <p className="text-sm text-slate-700">{t('notices.noItems')}</p> : null}
      {withdrawn.length ? (
        <Alert tone="info">
          {t('notices.withdrawnItems', {
            items: withdrawn.map((i) => `${i.applicationCode} ${i.projectTitle}`).join('；'),
          })}
        </Alert>
      ) : null}

      <section aria-labelledby="objections" className="flex flex-col gap-4">
        <h2 id="objections" className="text-lg font-semibold">
          {t('notices.objectionsTitle')}
        </h2>
        {notice.accepting ? (
          live.map((item) => (
            <details key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer text-sm font-medium text-brand-800">
                {t('notices.objectTo', { code: item.applicationCode, title: item.projectTitle })}
              </summary>
              <div className="mt-3">
                <ObjectionForm noticeItemId={item.id} subject={`${item.applicationCode} ${item.projectTitle}`} />
              </div>
            </details>
          ))
        ) : (
          <Alert tone="info">{t('notices.periodOverNote', { closes: formatDateTime(notice.closesAt, locale) })}</Alert>
        )}
      </section>
    </article>
  );
}
