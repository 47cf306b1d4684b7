import { z } from 'zod';
import { parseMoney, type MoneyUnit } from '@/domain/money';

/** A money field typed in 元 or 万元 → BigInt fen; the message names what is wrong with the figure. */
export const zMoney = (unit: MoneyUnit) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .transform((s, ctx) => {
      const parsed = parseMoney(s, unit);
      if (!parsed.ok) {
        ctx.addIssue({
          code: 'custom',
          message:
            parsed.code === 'MONEY_FORMAT'
              ? 'moneyFormat'
              : parsed.code === 'MONEY_PRECISION'
                ? `moneyPrecision?unit=${unit}`
                : 'moneyRange',
        });
        return z.NEVER;
      }
      return parsed.fen;
    });

export const zOptionalMoney = (unit: MoneyUnit) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const parsed = parseMoney(s, unit);
      if (!parsed.ok) {
        ctx.addIssue({
          code: 'custom',
          message:
            parsed.code === 'MONEY_FORMAT'
              ? 'moneyFormat'
              : parsed.code === 'MONEY_PRECISION'
                ? `moneyPrecision?unit=${unit}`
                : 'moneyRange',
        });
        return z.NEVER;
      }
      return parsed.fen;
    });
