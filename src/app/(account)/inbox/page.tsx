import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listInbox } from '@/server/notify/inbox';
import { markAllReadAction } from '@/app/actions/notifications';
import { ActionButton } from '@/components/projects/project-forms';
import { OpenNotification } from './inbox-controls';

/** 站内消息: the signed-in person's notifications, newest first, in the language they read in. */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ unread?: string }> }) {
  const actor = await requirePermission('read:notification:own');
  const unreadOnly = (await searchParams).unread === '1';
  const [t, locale] = await Promise.all([getTranslations('notifications'), getLocale().then(asLocale)]);
  const { items, unread } = await listInbox(db(), actor, { unreadOnly, locale });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('inboxTitle')} description={t('unread', { count: unread })} />
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label={t('inboxTitle')} className="flex gap-3 text-sm">
          <Link
            href="/inbox"
            aria-current={unreadOnly ? undefined : 'page'}
            className={unreadOnly ? 'text-brand-800 underline' : 'font-semibold'}
          >
            {t('showAll')}
          </Link>
          <Link
            href="/inbox?unread=1"
            aria-current={unreadOnly ? 'page' : undefined}
            className={unreadOnly ? 'font-semibold' : 'text-brand-800 underline'}
          >
            {t('filterUnread')}
          </Link>
        </nav>
        {unread > 0 ? (
          <ActionButton
            action={markAllReadAction}
            input={{}}
            label={t('markAllRead')}
            done={t('allRead')}
            variant="secondary"
          />
        ) : null}
      </div>
      {items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`flex flex-col gap-1 p-4 ${n.readAt ? '' : 'bg-brand-50'}`}>
              <div className="flex flex-wrap items-baseline gap-2">
                <span
                  className={`rounded px-1.5 text-xs ${n.readAt ? 'bg-slate-100 text-slate-700' : 'bg-accent-600 text-white'}`}
                >
                  {n.readAt ? t('read') : t('new')}
                </span>
                <OpenNotification id={n.id} link={n.link} label={n.title} />
                <time className="ml-auto text-xs text-slate-600" dateTime={n.createdAt.toISOString()}>
                  {formatDateTime(n.createdAt, locale)}
                </time>
              </div>
              <p className="text-sm text-slate-700">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
