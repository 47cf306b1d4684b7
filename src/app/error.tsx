'use client';
import { useTranslations } from 'next-intl';

// Unexpected errors: a generic message with the digest the server logged, never a stack trace.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('body', { digest: error.digest ?? '—' })}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-white">
        {t('retry')}
      </button>
    </main>
  );
}
