import { describe, expect, it } from 'vitest';
import { overLimit, RATE_LIMITS, secondsUntilNextWindow, windowStartOf } from '@/domain/security/rate-limits';

describe('rate limit windows', () => {
  it('fixed windows start on multiples of their length (UTC), to the millisecond', () => {
    expect(windowStartOf(new Date('2026-11-29T07:20:59.999Z'), 60).toISOString()).toBe('2026-11-29T07:20:00.000Z');
    expect(windowStartOf(new Date('2026-11-29T07:21:00.000Z'), 60).toISOString()).toBe('2026-11-29T07:21:00.000Z');
    expect(windowStartOf(new Date('2026-11-29T07:29:59.000Z'), 600).toISOString()).toBe('2026-11-29T07:20:00.000Z');
  });
  it('tells how long to wait, at least a second', () => {
    expect(secondsUntilNextWindow(new Date('2026-11-29T07:20:15.000Z'), 60)).toBe(45);
    expect(secondsUntilNextWindow(new Date('2026-11-29T07:20:59.999Z'), 60)).toBe(1);
  });
  it('allows exactly the limit in a window', () => {
    expect(overLimit('export', RATE_LIMITS.export.limit)).toBe(false);
    expect(overLimit('export', RATE_LIMITS.export.limit + 1)).toBe(true);
  });
});
