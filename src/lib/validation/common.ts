import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '@/domain/institution/credit-code';
import { msg } from './messages';

// Building blocks shared by the forms' schemas. Every constraint names its message key.

export const zRequiredText = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: msg('tooLong', { max }) })
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s), { error: 'controlCharacters' });

export const zOptionalText = (max: number) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, { error: msg('tooLong', { max }) })
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s), { error: 'controlCharacters' })
    .optional()
    .transform((s) => (s ? s : null));

export const zEmail = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(254, { error: msg('tooLong', { max: 254 }) })
  .pipe(z.email({ error: 'email' }))
  .transform((s) => s.toLowerCase());

export const zCreditCode = z
  .string({ error: 'required' })
  .transform(normalizeCreditCode)
  .pipe(
    z
      .string()
      .min(1, { error: 'required' })
      .length(18, { error: 'creditCodeLength' })
      .refine(isValidCreditCode, { error: 'creditCodeCheck' }),
  );

export const zUuid = z.string({ error: 'required' }).uuid({ error: 'invalid' });

/** The version a form was loaded with, for optimistic concurrency. */
export const zVersion = z.number({ error: 'invalid' }).int().min(0);
