export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** The cookie that carries an explicit language choice (set by the language switch). */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}
