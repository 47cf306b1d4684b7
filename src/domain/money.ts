// Money is integer fen (分) in BigInt, never a float. People type amounts in 元 or, for grants, in 万元
// (1 万元 = 10 000 元 = 1 000 000 分); these functions convert exactly, by string arithmetic.

export const FEN_PER_YUAN = 100n;
export const FEN_PER_WAN = 1_000_000n;

/** The largest amount any single figure may hold: 100 亿元. Anything above is a typing error, not a grant. */
export const MAX_FEN = 1_000_000_000_000n;

export type MoneyUnit = 'yuan' | 'wan';

export type MoneyParse =
  { ok: true; fen: bigint } | { ok: false; code: 'MONEY_FORMAT' | 'MONEY_PRECISION' | 'MONEY_RANGE' };

/**
 * Parses "1,234.56" (元) or "12.5" (万元) into fen. Accepts thousands separators, full-width digits and spaces; refuses
 * negative numbers, exponents and more decimals than the unit allows (2 for 元, 6 for 万元).
 */
export function parseMoney(input: string, unit: MoneyUnit): MoneyParse {
  const text = input
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .replace(/[元万]$/u, '');
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, code: 'MONEY_FORMAT' };
  const [, whole, fraction = ''] = match;
  const decimals = unit === 'yuan' ? 2 : 6;
  if (fraction.length > decimals) return { ok: false, code: 'MONEY_PRECISION' };
  const scale = unit === 'yuan' ? FEN_PER_YUAN : FEN_PER_WAN;
  const fen = BigInt(whole!) * scale + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (fen > MAX_FEN) return { ok: false, code: 'MONEY_RANGE' };
  return { ok: true, fen };
}

/** Fen as a 万元 decimal string without trailing zeros: 1234500000n → "1234.5". */
export function fenToWan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / FEN_PER_WAN;
  const fraction = (abs % FEN_PER_WAN).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function sumFen(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}
