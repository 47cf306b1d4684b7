// Beijing time (Asia/Shanghai, UTC+8 all year: China has no daylight saving). Forms send wall-clock times without a
// zone ("2027-03-31T17:00" from <input type="datetime-local">); they always mean Beijing time.

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** "YYYY-MM-DDTHH:mm[:ss]" in Beijing time → the instant, or null when malformed or not a real date. */
export function parseBeijingDateTime(input: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** The instant as "YYYY-MM-DDTHH:mm:ss" Beijing wall-clock time (for datetime-local inputs). */
export function toBeijingInput(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19);
}

/** A new call's suggested window: opening in a week at 09:00, closing about two months later at 17:00 (Beijing). */
export function suggestedCallWindow(now: Date): { opensAt: string; closesAt: string } {
  const day = 86_400_000;
  return {
    opensAt: `${toBeijingInput(new Date(now.getTime() + 7 * day)).slice(0, 11)}09:00:00`,
    closesAt: `${toBeijingInput(new Date(now.getTime() + 60 * day)).slice(0, 11)}17:00:00`,
  };
}

// ─── calendar dates ───
// Calendar facts (birth dates, milestones, notice days, project start and end) are "YYYY-MM-DD" strings in pure code
// and `@db.Date` columns (a Date at UTC midnight) in the database; they are never shifted by a zone.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" → milliseconds at its UTC midnight; throws on anything that is not a real date. */
export function parseIsoDate(date: string): number {
  if (!ISO_DATE.test(date)) throw new RangeError(`not a date: ${date}`);
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return t;
}

/** Milliseconds (or a Date at UTC midnight, as `@db.Date` columns come back) → "YYYY-MM-DD". */
export function formatIsoDate(t: number | Date): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → the Date a `@db.Date` column stores. */
export function calendarDate(date: string): Date {
  return new Date(parseIsoDate(date));
}

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: Date): string {
  return formatIsoDate(instant.getTime() + BEIJING_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date) + days * DAY_MS);
}

/**
 * `date` plus whole months: the same day of the month, or the month's last day when `date` was the last of its month
 * or the day does not exist there (31 Jan + 1 month = 28/29 Feb; 30 June + 6 months = 31 December — so an end date
 * moved by an extension stays a month's end).
 */
export function addMonths(date: string, months: number): string {
  const t = new Date(parseIsoDate(date));
  const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()];
  const wasLastDay = d === new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const lastDay = new Date(Date.UTC(y, m + months + 1, 0)).getUTCDate();
  return formatIsoDate(Date.UTC(y, m + months, wasLastDay ? lastDay : Math.min(d, lastDay)));
}
