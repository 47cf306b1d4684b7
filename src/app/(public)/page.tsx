import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import { asLocale } from '@/i18n/config';
import { db } from '@/server/db';
import { listPublishedAnnouncements } from '@/server/announcements/announcements';
import { getActor } from '@/server/auth/session';

export default async function HomePage() {
  const t = await getTranslations('home');
  const locale = asLocale(await getLocale());
  const [announcements, actor] = await Promise.all([listPublishedAnnouncements(db(), 8), getActor()]);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <section className="lg:col-span-2">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t('title')}</h1>
        <p className="mt-3 text-slate-700">{t('lead')}</p>
        <div className="mt-5">
          <Link
            href={actor ? '/dashboard' : '/login'}
            className="inline-flex h-11 items-center rounded-md bg-brand-700 px-5 font-medium text-white hover:bg-brand-800"
          >
            {actor ? t('enterPortal') : t('login')}
          </Link>
        </div>
        <Card title={t('programsTitle')} className="mt-8">
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-800">
            <li>{t('programGeneral')}</li>
            <li>{t('programChallenge')}</li>
            <li>{t('programYoung')}</li>
            <li>{t('programPlatform')}</li>
          </ul>
        </Card>
      </section>
      <Card title={t('announcements')}>
        {announcements.length === 0 ? (
          <EmptyState title={t('noAnnouncements')} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {announcements.map((a) => (
              <li key={a.id} className="py-2">
                <Link href={`/announcements/${a.id}`} className="text-sm text-brand-800 hover:underline">
                  {a.title}
                </Link>
                <p className="text-xs text-slate-600">{formatDate(a.publishedAt, locale)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
