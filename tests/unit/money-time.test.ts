import { describe, expect, it } from 'vitest';
import { fenToWan, MAX_FEN, parseMoney } from '@/domain/money';
import { parseBeijingDateTime, toBeijingInput } from '@/domain/time';

describe('money typed by people', () => {
  it('parses 元 and 万元 exactly, with separators and full-width digits', () => {
    expect(parseMoney('1,234.56', 'yuan')).toEqual({ ok: true, fen: 123456n });
    expect(parseMoney('12.5', 'wan')).toEqual({ ok: true, fen: 12_500_000n });
    expect(parseMoney('０.１', 'wan')).toEqual({ ok: true, fen: 100_000n });
    expect(parseMoney(' 300 万', 'wan')).toEqual({ ok: true, fen: 300_000_000n });
    expect(parseMoney('0.000001', 'wan')).toEqual({ ok: true, fen: 1n });
  });
  it('refuses negatives, exponents, extra decimals and absurd sums', () => {
    expect(parseMoney('-5', 'wan')).toEqual({ ok: false, code: 'MONEY_FORMAT' });
    expect(parseMoney('1e6', 'yuan')).toEqual({ ok: false, code: 'MONEY_FORMAT' });
    expect(parseMoney('1.234', 'yuan')).toEqual({ ok: false, code: 'MONEY_PRECISION' });
    expect(parseMoney('abc', 'wan')).toEqual({ ok: false, code: 'MONEY_FORMAT' });
    expect(parseMoney('1000001', 'wan')).toEqual({ ok: false, code: 'MONEY_RANGE' });
    expect(parseMoney('1000000', 'wan')).toEqual({ ok: true, fen: MAX_FEN });
  });
  it('prints fen back as 万元 without float artefacts', () => {
    expect(fenToWan(12_500_000n)).toBe('12.5');
    expect(fenToWan(1n)).toBe('0.000001');
    expect(fenToWan(300_000_000n)).toBe('300');
  });
});

describe('Beijing wall-clock times', () => {
  it('mean UTC+8 and round-trip', () => {
    expect(parseBeijingDateTime('2027-03-31T17:00')?.toISOString()).toBe('2027-03-31T09:00:00.000Z');
    expect(parseBeijingDateTime('2027-01-01 00:00:01')?.toISOString()).toBe('2026-12-31T16:00:01.000Z');
    expect(toBeijingInput(new Date('2027-03-31T09:00:00Z'))).toBe('2027-03-31T17:00:00');
  });
  it('reject impossible dates and times', () => {
    expect(parseBeijingDateTime('2027-02-29T10:00')).toBeNull();
    expect(parseBeijingDateTime('2027-04-31T10:00')).toBeNull();
    expect(parseBeijingDateTime('2027-03-31T24:00')).toBeNull();
    expect(parseBeijingDateTime('31/03/2027 17:00')).toBeNull();
  });
});
