import { describe, expect, it } from 'vitest';
import {
  beijingDate,
  canFileObjection,
  isWorkingDay,
  noticeClosesAt,
  noticePeriod,
  type CalendarException,
} from '@/domain/decision/notice';

// 2026 National Day: 1–8 October off (a Thursday to a Thursday); Sunday 27 September and Saturday 10 October worked.
const CALENDAR_2026: CalendarException[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2026-10-${d}`, kind: 'HOLIDAY' as const })),
  { date: '2026-09-27', kind: 'WORKDAY' },
  { date: '2026-10-10', kind: 'WORKDAY' },
];
const filer = { name: '王某', phone: '13800000000', email: null };

describe('notice period in working days', () => {
  it('counts Monday to Friday, skipping weekends', () => {
    // Published Wednesday 2026-11-25: five working days are 25, 26, 27, 30 Nov and 1 Dec.
    expect(noticePeriod('2026-11-25', 5, [])).toEqual({ startsOn: '2026-11-25', endsOn: '2026-12-01' });
    // Published on a Saturday: it starts on Monday.
    expect(noticePeriod('2026-11-28', 5, [])).toEqual({ startsOn: '2026-11-30', endsOn: '2026-12-04' });
  });

  it('skips public holidays and counts the weekend days moved to work (调休)', () => {
    expect(isWorkingDay('2026-10-01', CALENDAR_2026)).toBe(false);
    expect(isWorkingDay('2026-09-27', CALENDAR_2026)).toBe(true); // a Sunday, worked
    // Published Friday 25 Sept: 25 (Fri), 27 (Sun, worked), 28, 29, 30 Sept.
    expect(noticePeriod('2026-09-25', 5, CALENDAR_2026)).toEqual({ startsOn: '2026-09-25', endsOn: '2026-09-30' });
    // Published on 30 Sept for five days: 30 Sept, then 9 (Fri), 10 (Sat, worked), 12, 13 Oct.
    expect(noticePeriod('2026-09-30', 5, CALENDAR_2026)).toEqual({ startsOn: '2026-09-30', endsOn: '2026-10-13' });
  });

  it('closes at 24:00 Beijing time of the last day, to the second', () => {
    const closes = noticeClosesAt('2026-12-01');
    expect(closes.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(beijingDate(new Date(closes.getTime() - 1))).toBe('2026-12-01');
    const notice = { status: 'OPEN' as const, endsOn: '2026-12-01' };
    expect(canFileObjection(notice, filer, new Date(closes.getTime() - 1000))).toEqual({ ok: true });
    expect(canFileObjection(notice, filer, closes)).toEqual({ ok: false, code: 'noticePeriodOver' });
  });

  it('takes objections only on an open notice, from someone who can be reached', () => {
    const now = new Date('2026-11-30T02:00:00Z');
    expect(canFileObjection({ status: 'DRAFT', endsOn: '2026-12-01' }, filer, now)).toEqual({
      ok: false,
      code: 'noticeNotOpen',
    });
    expect(
      canFileObjection({ status: 'OPEN', endsOn: '2026-12-01' }, { name: '王某', phone: ' ', email: null }, now),
    ).toEqual({ ok: false, code: 'contactRequired' });
    expect(
      canFileObjection({ status: 'OPEN', endsOn: '2026-12-01' }, { name: '', phone: null, email: 'a@b.cn' }, now),
    ).toEqual({ ok: false, code: 'contactRequired' });
  });

  it('refuses impossible input loudly', () => {
    expect(() => noticePeriod('2026-02-30', 5, [])).toThrow(RangeError);
    expect(() => noticePeriod('2026-11-25', 0, [])).toThrow(RangeError);
    const allHolidays = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      kind: 'HOLIDAY' as const,
    }));
    expect(() => noticePeriod('2026-01-01', 5, allHolidays)).toThrow(RangeError);
  });
});
