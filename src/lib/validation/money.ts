import { z } from 'zod';
import { parseMoney, type MoneyUnit } from '@/domain/money';

/** Parses a typed amount into fen, or adds the issue that says what is wrong with the figure. */
function toFen(unit: MoneyUnit) {
  return (s: string, ctx: z.RefinementCtx): bigint => {
    const parsed = parseMoney(s, unit);
    if (parsed.ok) return parsed.fen;
    const message =
      parsed.code === 'MONEY_FORMAT'
        ? 'moneyFormat'
        : parsed.code === 'MONEY_PRECISION'
          ? `moneyPrecision?unit=${unit}`
          : 'moneyRange';
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
}

/** A money field typed in 元 or 万元 → BigInt fen. */
export const zMoney = (unit: MoneyUnit) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).transform(toFen(unit));

/** The same, where empty means "none" (null). */
export const zOptionalMoney = (unit: MoneyUnit) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .optional()
    .transform((s, ctx) => (s ? toFen(unit)(s, ctx) : null));
