import { z } from 'zod';
import { zOptionalText, zUuid, zVersion } from './common';
import { zBeijingDateTime } from './calls';
import { zList } from './profile';
import { zIsoDate } from './talent';

// Expert pool (专家库, issue 5): staff keep the whole profile; an expert keeps their own languages, keywords, name
// variants and availability.

const zLanguages = z
  .array(z.enum(['zh', 'en'], { error: 'invalid' }), { error: 'invalid' })
  .min(1, { error: 'chooseAtLeastOne' })
  .transform((l) => [...new Set(l)]);

const zOptionalDate = z
  .union([z.literal(''), zIsoDate])
  .optional()
  .transform((s) => (s ? s : null));

const availability = <T extends { unavailableFrom: string | null; unavailableUntil: string | null }>(v: T) =>
  v.unavailableFrom === null || v.unavailableUntil === null || v.unavailableUntil >= v.unavailableFrom;

export const ZExpertProfile = z
  .object({
    userId: zUuid,
    /** The version the form was loaded with; absent when the person has no expert profile yet. */
    version: zVersion.optional(),
    institutionId: zUuid
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    institutionName: zOptionalText(200),
    country: z
      .string({ error: 'required' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'countryCode' }),
    languages: zLanguages,
    nameVariants: zList(10, 60),
    disciplineCodes: zList(10, 7, /^\d{3}(\d{2})?$/),
    keywords: zList(15, 30),
    title: z
      .enum(['SENIOR', 'ASSOCIATE_SENIOR', 'INTERMEDIATE', 'JUNIOR', 'NONE'], { error: 'invalid' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    loadLimitPerCall: z
      .number({ error: 'number' })
      .int({ error: 'integer' })
      .min(0, { error: 'between?min=0&max=50' })
      .max(50, { error: 'between?min=0&max=50' }),
    unavailableFrom: zOptionalDate,
    unavailableUntil: zOptionalDate,
    active: z.boolean({ error: 'invalid' }),
  })
  .refine(availability, { error: 'maxBelowMin', path: ['unavailableUntil'] });
export type TExpertProfile = z.input<typeof ZExpertProfile>;

export const ZOwnExpertProfile = z
  .object({
    version: zVersion,
    languages: zLanguages,
    nameVariants: zList(10, 60),
    keywords: zList(15, 30),
    unavailableFrom: zOptionalDate,
    unavailableUntil: zOptionalDate,
  })
  .refine(availability, { error: 'maxBelowMin', path: ['unavailableUntil'] });
export type TOwnExpertProfile = z.input<typeof ZOwnExpertProfile>;

export const ZExpertQuery = z.object({
  discipline: z
    .string()
    .regex(/^\d{3,5}$/)
    .optional()
    .catch(undefined),
  keyword: z.string().trim().max(30).optional().catch(undefined),
  international: z.enum(['yes', 'no']).optional().catch(undefined),
  active: z.enum(['yes', 'no']).optional().catch(undefined),
});
export type TExpertQuery = z.output<typeof ZExpertQuery>;

/** Staff ask the solver for a proposal: due date for the experts (Beijing time), optional anti-lobbying cap. */
export const ZProposeAssignmentRun = z.object({
  callId: zUuid,
  dueAt: zBeijingDateTime,
  /** OpenReview-style cap on any one pairing's probability; absent for the single best assignment. */
  maxPairProbability: z
    .number({ error: 'number' })
    .min(0.1, { error: 'between?min=0.1&max=0.9' })
    .max(0.9, { error: 'between?min=0.1&max=0.9' })
    .optional(),
});

export const ZDecideAssignmentRun = z.object({ runId: zUuid, decision: z.enum(['COMMIT', 'DISCARD']) });
