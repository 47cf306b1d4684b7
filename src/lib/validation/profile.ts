import { z } from 'zod';
import { isValidOrcid, normalizeOrcid } from '@/domain/people/orcid';
import { zOptionalText, zVersion } from './common';
import { msg } from './messages';

/**
 * A list typed in one box, separated by commas (，、；; and line breaks too): de-duplicated, each item checked. Spaces
 * separate only codes (a `pattern` is given): a keyword ("edge AI") or a romanised name ("Zhang Wei") keeps its own.
 */
export const zList = (maxItems: number, maxLength: number, pattern?: RegExp) =>
  z
    .string({ error: 'invalid' })
    .max(1000, { error: msg('tooLong', { max: 1000 }) })
    .optional()
    .transform((s) => [
      ...new Set(
        (s ?? '')
          .split(pattern ? /[,，;；、\s]+/ : /[,，;；、\n]+/)
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z
            .string()
            .max(maxLength, { error: msg('tooLong', { max: maxLength }) })
            .regex(pattern ?? /.*/, { error: 'disciplineCode' }),
        )
        .max(maxItems, { error: msg('tooMany', { max: maxItems }) }),
    );

export const ZResearcherProfile = z.object({
  version: zVersion,
  department: zOptionalText(100),
  gender: z
    .enum(['MALE', 'FEMALE'], { error: 'invalid' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** yyyy-mm-dd; a calendar date, never shifted by time zone. */
  birthDate: z
    .string({ error: 'invalid' })
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), {
      error: 'date',
    })
    .refine((s) => s === null || (s >= '1900-01-01' && s <= new Date().toISOString().slice(0, 10)), {
      error: 'birthDateRange',
    }),
  title: z
    .enum(['SENIOR', 'ASSOCIATE_SENIOR', 'INTERMEDIATE', 'JUNIOR', 'NONE'], { error: 'invalid' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  degree: z
    .enum(['DOCTORATE', 'MASTER', 'BACHELOR', 'OTHER'], { error: 'invalid' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** GB/T 13745 codes: three digits (first level) or five (second level), checked against the current edition. */
  disciplineCodes: zList(5, 7, /^\d{3}(\d{2})?$/),
  keywords: zList(10, 30),
  phone: z
    .string({ error: 'invalid' })
    .trim()
    .max(30, { error: 'tooLong?max=30' })
    .regex(/^(\+?[0-9][0-9 -]{5,28})?$/, { error: 'phone' })
    .optional()
    .transform((s) => (s ? s : null)),
  orcid: z
    .string({ error: 'invalid' })
    .optional()
    .transform((s) => (s && s.trim() ? normalizeOrcid(s) : null))
    .refine((s) => s === null || isValidOrcid(s), { error: 'orcid' }),
});
export type TResearcherProfile = z.input<typeof ZResearcherProfile>;
