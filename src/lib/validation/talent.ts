import { z } from 'zod';
import { isValidIdNumber, normalizeIdNumber } from '@/domain/people/id-number';
import { zRequiredText, zUuid, zVersion } from './common';

const text = (max: number) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, { error: `tooLong?max=${max}` })
    .default('');
export const zIsoDate = z
  .string({ error: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    { error: 'date' },
  );
const year = z
  .number({ error: 'number' })
  .int({ error: 'integer' })
  .min(1950, { error: 'between?min=1950&max=2100' })
  .max(2100, { error: 'between?min=1950&max=2100' });

export const ZIdNumber = z.object({
  idNumber: z
    .string({ error: 'required' })
    .transform(normalizeIdNumber)
    .pipe(z.string().min(1, { error: 'required' }).refine(isValidIdNumber, { error: 'idNumber' })),
});

export const ZCareerEntry = z
  .object({
    kind: z.enum(['EDUCATION', 'WORK'], { error: 'required' }),
    organization: zRequiredText(100),
    role: zRequiredText(100),
    startsOn: zIsoDate,
    endsOn: z
      .union([zIsoDate, z.literal('')])
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((c) => c.endsOn === null || c.endsOn >= c.startsOn, { error: 'maxBelowMin', path: ['endsOn'] });
export type TCareerEntry = z.input<typeof ZCareerEntry>;

export const ZHonour = z.object({ name: zRequiredText(100), grantedBy: text(100), year });
export type THonour = z.input<typeof ZHonour>;

export const WORK_TYPES = ['PAPER', 'MONOGRAPH', 'PATENT', 'SOFTWARE', 'STANDARD', 'REPORT', 'ARTEFACT'] as const;

const workFields = {
  type: z.enum(WORK_TYPES, { error: 'required' }),
  title: zRequiredText(300),
  authors: zRequiredText(500),
  venue: text(200),
  year,
  identifier: text(100),
  citation: text(1000),
  /** The researcher's own part in the work: the heart of 代表作 evaluation. */
  contributionStatement: z
    .string({ error: 'required' })
    .trim()
    .min(20, { error: 'tooShort?min=20' })
    .max(1000, { error: 'tooLong?max=1000' }),
  evidenceFileId: zUuid
    .nullable()
    .optional()
    .transform((v) => v ?? null),
};

export const ZCreateWork = z.object(workFields);
export type TCreateWork = z.input<typeof ZCreateWork>;
export const ZUpdateWork = z.object({ ...workFields, id: zUuid, version: zVersion });
export const ZDeleteById = z.object({ id: zUuid });

export const ZCreditRecord = z
  .object({
    email: z.string({ error: 'required' }).trim().toLowerCase().min(1, { error: 'required' }).max(254),
    finding: zRequiredText(1000),
    decidedBy: zRequiredText(200),
    startsOn: zIsoDate,
    endsOn: z
      .union([zIsoDate, z.literal('')])
      .optional()
      .transform((v) => (v ? v : null)),
    barsApplications: z.boolean(),
    barsReviewing: z.boolean(),
  })
  .refine((c) => c.endsOn === null || c.endsOn > c.startsOn, { error: 'maxBelowMin', path: ['endsOn'] });
export type TCreditRecord = z.input<typeof ZCreditRecord>;
export const ZRevokeCredit = z.object({ id: zUuid, reason: zRequiredText(500) });
