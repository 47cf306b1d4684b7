import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  const c = await getTranslations('common');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('body')}</p>
      <Link href="/dashboard" className="mt-6 inline-block text-brand-700 underline">
        {c('backToDashboard')}
      </Link>
    </main>
  );
}
