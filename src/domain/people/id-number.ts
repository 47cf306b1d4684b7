// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, and an ISO 7064 MOD 11-2
// check character (0–9 or X). The birth date must be a real date.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normalizeIdNumber(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

/** The birth date the number encodes, as calendar parts, or null when it is not a real date. */
export function idNumberBirthDate(id: string): { year: number; month: number; day: number } | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || year < 1900)
    return null;
  return { year, month, day };
}

export function isValidIdNumber(input: string): boolean {
  const id = normalizeIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!idNumberBirthDate(id)) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** What everyone but the owner and authorised staff sees: the first 4 and last 4 characters. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}
