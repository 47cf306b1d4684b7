import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/language-switch';

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2"
      >
        {t('common.skipToContent')}
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
          <Link href="/" className="flex items-baseline gap-2 font-semibold">
            <span className="text-lg">{t('common.appName')}</span>
            <span className="hidden text-sm font-normal text-brand-100 sm:inline">{t('common.appFullName')}</span>
          </Link>
          <nav aria-label={t('nav.public')} className="ml-4 hidden gap-1 sm:flex">
            <Link href="/challenges" className="rounded px-3 py-1.5 text-sm hover:bg-brand-700">
              {t('nav.challengeBoard')}
            </Link>
            <Link href="/calls" className="rounded px-3 py-1.5 text-sm hover:bg-brand-700">
              {t('nav.publicCalls')}
            </Link>
            <Link href="/notices" className="rounded px-3 py-1.5 text-sm hover:bg-brand-700">
              {t('nav.publicNotices')}
            </Link>
            <Link href="/platforms" className="rounded px-3 py-1.5 text-sm hover:bg-brand-700">
              {t('nav.publicPlatforms')}
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <LanguageSwitch label={t('shell.language')} />
            <Link
              href="/login"
              className="rounded bg-white px-3 py-1.5 text-sm font-medium text-brand-900 hover:bg-brand-50"
            >
              {t('home.login')}
            </Link>
          </div>
        </div>
      </header>
      <nav aria-label={t('nav.public')} className="flex gap-1 border-b border-slate-200 bg-white px-4 py-2 sm:hidden">
        <Link href="/challenges" className="rounded px-3 py-1.5 text-sm text-brand-800">
          {t('nav.challengeBoard')}
        </Link>
        <Link href="/calls" className="rounded px-3 py-1.5 text-sm text-brand-800">
          {t('nav.publicCalls')}
        </Link>
        <Link href="/notices" className="rounded px-3 py-1.5 text-sm text-brand-800">
          {t('nav.publicNotices')}
        </Link>
        <Link href="/platforms" className="rounded px-3 py-1.5 text-sm text-brand-800">
          {t('nav.publicPlatforms')}
        </Link>
      </nav>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-600">
        {t('common.appFullName')} · {t('common.beijingTime')}
      </footer>
    </div>
  );
}
