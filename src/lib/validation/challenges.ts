import { z } from 'zod';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { zMoney, zOptionalMoney } from './money';

const text = (max: number) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, { error: `tooLong?max=${max}` })
    .default('');
const count = (min: number, max: number) =>
  z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(min, { error: `between?min=${min}&max=${max}` })
    .max(max, { error: `between?min=${min}&max=${max}` });
const decimal = z
  .string({ error: 'invalid' })
  .trim()
  .optional()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^-?\d{1,12}(\.\d{1,6})?$/.test(s), { error: 'decimal' });

export const ZChallengeTarget = z
  .object({
    name: zRequiredText(80),
    nameEn: text(160),
    unit: zRequiredText(20),
    comparator: z.enum(['GTE', 'LTE', 'EQ', 'RANGE'], { error: 'required' }),
    targetValue: zRequiredText(60),
    targetMin: decimal,
    targetMax: decimal,
    acceptanceMethod: zRequiredText(500),
    acceptanceMethodEn: text(1000),
  })
  .superRefine((t, ctx) => {
    if (t.comparator !== 'RANGE') return;
    if (t.targetMin === null) ctx.addIssue({ code: 'custom', path: ['targetMin'], message: 'required' });
    if (t.targetMax === null) ctx.addIssue({ code: 'custom', path: ['targetMax'], message: 'required' });
    if (t.targetMin !== null && t.targetMax !== null && Number(t.targetMin) >= Number(t.targetMax)) {
      ctx.addIssue({ code: 'custom', path: ['targetMax'], message: 'maxBelowMin' });
    }
  });

/**
 * The challenge form. A draft may be saved with gaps (nothing typed is lost); completeness is checked when it is
 * proposed or published (src/domain/challenge/challenge.ts). Money is typed in 万元.
 */
export const ZChallengeDraft = z.object({
  fieldId: zUuid,
  title: zRequiredText(80),
  titleEn: text(200),
  problem: text(5000),
  problemEn: text(10_000),
  deliverables: z.array(z.object({ name: zRequiredText(80), nameEn: text(160) })).max(10, { error: 'tooMany?max=10' }),
  targets: z.array(ZChallengeTarget).max(10, { error: 'tooMany?max=10' }),
  durationMonths: count(6, 96),
  fiscalWan: zMoney('wan'),
  selectionMode: z.enum(['SINGLE', 'HORSE_RACE'], { error: 'required' }),
  teamCount: count(1, 5),
  cutAfterMonths: count(1, 95)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  keepAfterCut: count(1, 4)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  chiefScientistRequirements: text(1000),
  chiefScientistRequirementsEn: text(2000),
  /** The issuer's own co-funding pledge (enterprise issuers), in 万元. */
  pledgeWan: zOptionalMoney('wan'),
});
export type TChallengeDraft = z.input<typeof ZChallengeDraft>;

export const ZCreateChallenge = ZChallengeDraft;
export const ZUpdateChallenge = ZChallengeDraft.extend({ id: zUuid, version: zVersion });
export type TUpdateChallenge = z.input<typeof ZUpdateChallenge>;

export const ZChallengeTransition = z.object({
  id: zUuid,
  version: zVersion,
  transition: z.enum(['propose', 'take_up', 'return', 'publish', 'withdraw'], { error: 'invalid' }),
  /** Required to return a challenge to its issuer. */
  reason: zOptionalText(1000),
  /** The KEY_CHALLENGE call to publish into. */
  callId: zUuid.optional(),
});

/** The public board's filters, from the query string (shareable URLs); anything malformed is ignored. */
export const ZChallengeBoardQuery = z.object({
  field: z
    .string()
    .regex(/^[A-Z_]{2,40}$/)
    .optional()
    .catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  minWan: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional()
    .catch(undefined),
  maxWan: z
    .string()
    .regex(/^\d{1,7}$/)
    .optional()
    .catch(undefined),
  /** Only challenges whose call is still accepting applications. */
  open: z.enum(['1']).optional().catch(undefined),
  /** Calls closing on or before this Beijing date (YYYY-MM-DD). */
  closesBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(['new', 'deadline', 'funding']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});
export type TChallengeBoardQuery = z.output<typeof ZChallengeBoardQuery>;
