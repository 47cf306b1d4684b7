'use client';
import { useTranslations } from 'next-intl';
import { parseMsg } from '@/lib/validation/messages';

/** Turns a zod message key (possibly with parameters) into the visitor's language. */
export function useErrorText() {
  const t = useTranslations('errors');
  return (encoded: string | undefined): string | undefined => {
    if (!encoded) return undefined;
    const { key, params } = parseMsg(encoded);
    return t.has(key) ? t(key, params) : encoded;
  };
}
