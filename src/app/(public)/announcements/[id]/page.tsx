import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/format';
import { asLocale } from '@/i18n/config';
import { db } from '@/server/db';

export default async function AnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const announcement = await db().announcement.findFirst({
    where: { id, status: 'PUBLISHED' },
    select: { title: true, body: true, publishedAt: true },
  });
  if (!announcement) notFound();
  const t = await getTranslations('home');
  const locale = asLocale(await getLocale());
  return (
    <article className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold text-slate-900">{announcement.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t('publishedAtLine', { at: formatDateTime(announcement.publishedAt, locale) })}
      </p>
      {/* Plain text with line breaks: nothing typed into an announcement is ever interpreted as HTML. */}
      <div className="mt-4 whitespace-pre-wrap text-slate-800">{announcement.body}</div>
    </article>
  );
}
