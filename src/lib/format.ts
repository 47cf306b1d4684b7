// The one date and money formatter (STYLE.md habit 10). Times are stored UTC and always shown in Beijing time.

export const TIME_ZONE = 'Asia/Shanghai';

type Locale = 'zh-CN' | 'en';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** "2026-11-28 15:04:05" in Beijing time, for both languages (ISO-like order reads well in each). */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = Object.fromEntries(
    formatter(locale, true)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function formatDate(value: Date | string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = Object.fromEntries(
    formatter(locale, false)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar date column (@db.Date, midnight UTC) shown as that same date, with no time-zone shift. */
export function formatCalendarDate(value: Date | null | undefined): string {
  if (!value) return '—';
  return value.toISOString().slice(0, 10);
}

/** Money is integer fen (分). Shown as yuan with two decimals and thousands separators: ¥1,234,567.89. */
export function formatFen(fen: bigint | number, locale: Locale = 'zh-CN'): string {
  const value = typeof fen === 'bigint' ? fen : BigInt(Math.round(fen));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  const grouped = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${locale === 'en' ? 'CNY ' : '¥'}${grouped}.${cents}`;
}

/**
 * Grant-sized amounts the way each audience reads them: 万元 in Chinese ("1,200 万元", "35.5 万元"), yuan in
 * English ("CNY 12,000,000"). Exact: string arithmetic on the fen value.
 */
export function formatGrant(fen: bigint, locale: Locale = 'zh-CN'): string {
  const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (locale === 'en') {
    const yuan = fen / 100n;
    const cents = fen % 100n;
    return `CNY ${group(yuan.toString())}${cents ? `.${cents.toString().padStart(2, '0')}` : ''}`;
  }
  const wan = fen / 1_000_000n;
  // Every digit down to the fen (1 万元 = 1,000,000 fen): 3.4567 万元 stays 3.4567, never rounded to 3.45.
  const rest = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${group(wan.toString())}${rest ? `.${rest}` : ''} 万元`;
}

/** Bilingual content: the English text when the reader chose English and it exists, else the Chinese original. */
export function localized(locale: Locale, zh: string, en: string | null | undefined): string {
  return locale === 'en' && en && en.trim() ? en : zh;
}

/** A file's size for people: "820 KB", "3.4 MB" (binary units, as upload limits are counted). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
