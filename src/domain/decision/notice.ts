// 公示期 (issue 6): published decisions stay on the public notice for a number of **working days** (e.g. 5), counted
// in Beijing's calendar. Weekends are not working days, except the Saturdays and Sundays the State Council moves work
// to (调休上班); public holidays are not, whatever weekday they fall on. Those exceptions come from the CalendarDay
// table (loaded from the State Council's yearly notice), passed in here as `calendar`.
//
// The period starts on the day of publication if that is a working day, else on the next working day, and ends at the
// end (24:00 Beijing) of its last working day: an objection filed at 23:59:59 that day is on time, one at 00:00 the
// next day is not (DATA-MODEL §1: an act at instant t is on time iff t < the closing instant).

import { beijingDate, formatIsoDate, parseIsoDate } from '../time';

export type CalendarException = { date: string; kind: 'HOLIDAY' | 'WORKDAY' };

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const parseDate = parseIsoDate;
const formatDate = formatIsoDate;

/** The Beijing calendar date of an instant (re-exported: the notice's callers read it from here). */
export { beijingDate };

/** Whether `date` (YYYY-MM-DD) is a working day in Beijing, given the year's exceptions. */
export function isWorkingDay(date: string, calendar: readonly CalendarException[]): boolean {
  const exception = calendar.find((c) => c.date === date);
  if (exception) return exception.kind === 'WORKDAY';
  const weekday = new Date(parseDate(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The notice period for a publication on `publishedOn`: its first and last working days. `workingDays` ≥ 1; the
 * search is bounded (a year), so a calendar that declares every day a holiday fails loudly instead of looping.
 */
export function noticePeriod(
  publishedOn: string,
  workingDays: number,
  calendar: readonly CalendarException[],
): { startsOn: string; endsOn: string } {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 60) {
    throw new RangeError(`workingDays must be an integer in 1–60, got ${workingDays}`);
  }
  let t = parseDate(publishedOn);
  let startsOn: string | null = null;
  let counted = 0;
  for (let i = 0; i < 366; i++, t += DAY_MS) {
    const date = formatDate(t);
    if (!isWorkingDay(date, calendar)) continue;
    startsOn ??= date;
    counted += 1;
    if (counted === workingDays) return { startsOn, endsOn: date };
  }
  throw new RangeError('no working days in the calendar for a year after the publication date');
}

/** The instant the period closes: 24:00 Beijing time at the end of `endsOn`. */
export function noticeClosesAt(endsOn: string): Date {
  return new Date(parseDate(endsOn) + DAY_MS - BEIJING_OFFSET_MS);
}

export type ObjectionRefusal = 'noticeNotOpen' | 'noticePeriodOver' | 'contactRequired';

/**
 * 异议 are real-name: a name and a way to reach the filer (phone or e-mail). Accepted while the notice is OPEN and
 * strictly before it closes.
 */
export function canFileObjection(
  notice: { status: 'DRAFT' | 'OPEN' | 'CLOSED'; endsOn: string },
  filer: { name: string; phone: string | null; email: string | null },
  now: Date,
): { ok: true } | { ok: false; code: ObjectionRefusal } {
  if (notice.status !== 'OPEN') return { ok: false, code: 'noticeNotOpen' };
  if (now.getTime() >= noticeClosesAt(notice.endsOn).getTime()) return { ok: false, code: 'noticePeriodOver' };
  if (!filer.name.trim() || !(filer.phone?.trim() || filer.email?.trim()))
    return { ok: false, code: 'contactRequired' };
  return { ok: true };
}
