import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { orNotFound } from '@/lib/or-not-found';
import { db } from '@/server/db';
import { getPublicPlatform } from '@/server/platforms/platforms';

export async function generateMetadata({ params }: { params: Promise<{ platformId: string }> }): Promise<Metadata> {
  const { platformId } = await params;
  const [p, locale] = await Promise.all([
    getPublicPlatform(db(), platformId).catch(() => null),
    getLocale().then(asLocale),
  ]);
  return { title: p ? localized(locale, p.name, p.nameEn) : undefined };
}

/** One platform in public: name, kind, host and its research directions — nothing else. */
export default async function PublicPlatformPage({ params }: { params: Promise<{ platformId: string }> }) {
  const { platformId } = await params;
  const [p, t, tk, locale] = await Promise.all([
    orNotFound(getPublicPlatform(db(), platformId)),
    getTranslations('platforms'),
    getTranslations('programs.kinds'),
    getLocale().then(asLocale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{localized(locale, p.name, p.nameEn)}</h1>
        <p className="mt-1 text-slate-700">
          {tk(p.kind)} · {localized(locale, p.hostInstitution.name, p.hostInstitution.nameEn)}
        </p>
      </div>
      <Card title={t('directions')}>
        {p.directions.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noDirections')}</p>
        ) : (
          <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm">
            {p.directions.map((d) => (
              <li key={d.id}>
                <span className="font-medium">{localized(locale, d.title, d.titleEn)}</span>
                {d.description ? <p className="text-slate-700">{d.description}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <p className="text-sm">
        <Link href="/platforms" className="text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </div>
  );
}
