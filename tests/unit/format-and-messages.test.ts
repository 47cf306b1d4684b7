import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateTime, formatFen, formatGrant } from '@/lib/format';
import { REVIEW_ASSIGNMENT_MESSAGE_CODES } from '@/domain/review/assignment-status';
import { RECOMMENDATION_SCORE_MISMATCH } from '@/domain/review/scoring';
import { REVIEW_VISIBILITY_MESSAGE_CODES } from '@/domain/review/visibility';
import { msg, parseMsg } from '@/lib/validation/messages';

describe('formatting', () => {
  it('shows instants in Beijing time', () => {
    expect(formatDateTime(new Date('2026-12-31T16:30:05Z'))).toBe('2027-01-01 00:30:05');
    expect(formatDateTime(new Date('2026-12-31T16:30:05Z'), 'en')).toBe('2027-01-01 00:30:05');
    expect(formatDateTime(null)).toBe('—');
  });
  it('shows calendar dates as they are', () => {
    expect(formatCalendarDate(new Date('1990-05-01T00:00:00Z'))).toBe('1990-05-01');
  });
  it('shows fen as yuan without floating point', () => {
    expect(formatFen(123456789n)).toBe('¥1,234,567.89');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-100n, 'en')).toBe('-CNY 1.00');
    expect(formatFen(900719925474099199n)).toBe('¥9,007,199,254,740,991.99');
    // Grant sums in 万元, exact to the fen; in English in yuan.
    expect(formatGrant(12_000_000_000n)).toBe('12,000 万元');
    expect(formatGrant(34_567_000n)).toBe('34.567 万元');
    expect(formatGrant(34_567_801n)).toBe('34.567801 万元');
    expect(formatGrant(34_567_801n, 'en')).toBe('CNY 345,678.01');
  });
});

describe('messages', () => {
  const load = (l: string) =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, '../../messages', `${l}.json`), 'utf8'));
  const flatten = (o: Record<string, unknown>, prefix = ''): Record<string, string> =>
    Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => {
      if (v && typeof v === 'object') Object.assign(acc, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
      else acc[`${prefix}${k}`] = String(v);
      return acc;
    }, {});
  const zh = flatten(load('zh-CN'));
  const en = flatten(load('en'));
  // "{name}" and ICU forms such as "{count, plural, one {…} other {…}}" (English plurals; Chinese needs none).
  const placeholders = (s: string) =>
    [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*(?:plural|select|number))/g)].map((m) => m[1]))].sort();

  it('exist in Chinese and English for the same keys, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) expect(placeholders(en[key]!), key).toEqual(placeholders(zh[key]!));
  });

  it('cover every validation message key the code uses', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'generated') walk(full);
        } else if (/\.tsx?$/.test(entry.name)) {
          const text = readFileSync(full, 'utf8');
          for (const m of text.matchAll(/error: '([a-zA-Z]+)'/g)) used.add(m[1]!);
          for (const m of text.matchAll(/msg\('([a-zA-Z]+)'/g)) used.add(m[1]!);
          for (const m of text.matchAll(/new DomainError\('[A-Z_]+', '([a-zA-Z]+)'/g)) used.add(m[1]!);
          for (const m of text.matchAll(/message: '([a-z][a-zA-Z]+)['?]/g)) used.add(m[1]!);
          for (const m of text.matchAll(/issue\(\[[^\]]*\], [`']([a-zA-Z]+)/g)) used.add(m[1]!);
          for (const m of text.matchAll(/code: '([a-z][a-zA-Z]+)'/g))
            if (!['custom', 'asc', 'desc'].includes(m[1]!)) used.add(m[1]!);
          for (const m of text.matchAll(/code: `([a-z][a-zA-Z]+)\?/g)) used.add(m[1]!);
          // Field errors thrown by server modules: new DomainError('…', '…', { field: 'key' }).
          for (const call of text.matchAll(/new DomainError\([^;]*?\{([^}]*)\}/g)) {
            for (const m of call[1]!.matchAll(/: '([a-z][a-zA-Z]+)'/g)) used.add(m[1]!);
          }
        }
      }
    };
    walk(path.join(import.meta.dirname, '../../src'));
    // Refusal codes a scan cannot see (built from typed unions), listed by their modules for exactly this check.
    for (const code of [
      ...REVIEW_ASSIGNMENT_MESSAGE_CODES,
      ...REVIEW_VISIBILITY_MESSAGE_CODES,
      RECOMMENDATION_SCORE_MISMATCH,
    ])
      used.add(code);
    const missing = [...used].filter((k) => !(`errors.${k}` in zh));
    expect(missing).toEqual([]);
  });

  it('encode parameters into message keys and back', () => {
    expect(parseMsg(msg('tooLong', { max: 200 }))).toEqual({ key: 'tooLong', params: { max: '200' } });
    expect(parseMsg('required')).toEqual({ key: 'required', params: {} });
  });
});
