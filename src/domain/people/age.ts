// Ages as the policy counts them: whole years completed on a given day in Beijing (Asia/Shanghai). Birth dates are
// calendar dates with no time zone; the reference moment (a call's deadline) is an instant, turned into a Beijing
// calendar date first. Someone born on 29 February turns a year older on 1 March in common years.

/** The calendar date (y, m, d) of an instant in Asia/Shanghai (UTC+8 all year: China has no daylight saving). */
export function beijingDate(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function ageOn(birth: { year: number; month: number; day: number }, on: Date): number {
  const today = beijingDate(on);
  let age = today.year - birth.year;
  if (today.month < birth.month || (today.month === birth.month && today.day < birth.day)) age--;
  return age;
}

/** A `@db.Date` value as Prisma returns it (midnight UTC of that calendar date) → its calendar parts. */
export function calendarDateOf(date: Date): { year: number; month: number; day: number } {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
