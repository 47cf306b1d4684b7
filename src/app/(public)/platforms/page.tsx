import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PublicPlatformList } from '@/components/platforms/record-views';
import { asLocale } from '@/i18n/config';
import { db } from '@/server/db';
import { listPublicPlatforms } from '@/server/platforms/platforms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('platforms');
  return { title: t('publicTitle') };
}

/** 平台名录: the funded labs and centers — name, kind, host and directions only; anyone, no login. */
export default async function PublicPlatformsPage() {
  const [rows, t, locale] = await Promise.all([
    listPublicPlatforms(db()),
    getTranslations('platforms'),
    getLocale().then(asLocale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('publicTitle')}</h1>
        <p className="mt-1 text-slate-700">{t('publicLead')}</p>
      </div>
      <PublicPlatformList rows={rows} locale={locale} />
    </div>
  );
}
