import { z } from 'zod';
import { parseBeijingDateTime } from '@/domain/time';
import { zRequiredText, zUuid, zVersion } from './common';
import { zOptionalMoney } from './money';

/** A Beijing wall-clock time from a datetime-local input → the instant. */
export const zBeijingDateTime = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .transform((s, ctx) => {
    const d = parseBeijingDateTime(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'dateTime' });
      return z.NEVER;
    }
    return d;
  });

const zOptionalBeijingDateTime = z
  .string({ error: 'invalid' })
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return null;
    const d = parseBeijingDateTime(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: 'dateTime' });
      return z.NEVER;
    }
    return d;
  });

const callFields = {
  year: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(2020, { error: 'between?min=2020&max=2100' })
    .max(2100, { error: 'between?min=2020&max=2100' }),
  title: zRequiredText(120),
  titleEn: z.string().trim().max(240, { error: 'tooLong?max=240' }).default(''),
  /** 申报指南 in Markdown (rendered without raw HTML). */
  guide: z.string().trim().max(50_000, { error: 'tooLong?max=50000' }).default(''),
  guideEn: z.string().trim().max(80_000, { error: 'tooLong?max=80000' }).default(''),
  opensAt: zBeijingDateTime,
  closesAt: zBeijingDateTime,
  institutionReviewClosesAt: zOptionalBeijingDateTime,
  plannedAwards: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(1, { error: 'between?min=1&max=10000' })
    .max(10_000, { error: 'between?min=1&max=10000' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  fiscalEnvelopeWan: zOptionalMoney('wan'),
};

export const ZCreateCall = z.object({ programId: zUuid, ...callFields });
export type TCreateCall = z.input<typeof ZCreateCall>;

export const ZUpdateCall = z.object({ id: zUuid, version: zVersion, ...callFields });
export type TUpdateCall = z.input<typeof ZUpdateCall>;

export const ZCallTransition = z.object({
  id: zUuid,
  version: zVersion,
  transition: z.enum(['publish', 'close', 'start_review', 'decide', 'archive'], { error: 'invalid' }),
});

export const ZExtendCall = z.object({ id: zUuid, version: zVersion, closesAt: zBeijingDateTime });

export const ZSetQuotas = z.object({
  callId: zUuid,
  version: zVersion,
  quotas: z
    .array(
      z.object({
        institutionId: zUuid,
        maxRecommended: z.number({ error: 'number' }).int({ error: 'integer' }),
      }),
    )
    .max(2000),
});
export type TSetQuotas = z.input<typeof ZSetQuotas>;

/** 限额导入: the call, its version (as the form saw it) and the Excel file. */
export const ZImportQuotas = z.object({
  callId: zUuid,
  version: zVersion,
  file: z.instanceof(File, { error: 'required' }),
});
