'use client';
import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from '@/app/actions/locale';

const OPTIONS = [
  { locale: 'zh-CN', label: '中文' },
  { locale: 'en', label: 'English' },
] as const;

/** 中文 / English, each labelled in its own language and marked with its lang attribute. */
export function LanguageSwitch({ label, tone = 'dark' }: { label: string; tone?: 'dark' | 'light' }) {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={label}
      className="flex shrink-0 overflow-hidden rounded border border-current/30 text-xs whitespace-nowrap"
    >
      {OPTIONS.map((o) => {
        const current = o.locale === locale;
        return (
          <button
            key={o.locale}
            type="button"
            lang={o.locale}
            aria-pressed={current}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                await setLocaleAction(o.locale);
                router.refresh();
              })
            }
            className={
              tone === 'dark'
                ? `px-2 py-1 ${current ? 'bg-white text-brand-900' : 'text-white hover:bg-brand-700'}`
                : `px-2 py-1 ${current ? 'bg-brand-700 text-white' : 'text-brand-800 hover:bg-brand-50'}`
            }
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
