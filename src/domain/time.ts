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
