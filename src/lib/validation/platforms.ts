import { z } from 'zod';
import { MAX_PARTNERS, PLATFORM_PARTNER_ROLES, ZPlatformContent } from '@/domain/platform/application';
import { ZApplicationDraft } from './applications';
import { zEmail, zUuid, zVersion } from './common';
import { zOptionalMoney } from './money';

// ───────────── 平台申报 (issue 7): the institution office's platform application ─────────────

const text = (max: number) =>
  z
    .string({ error: 'invalid' })
    .max(max, { error: `tooLong?max=${max}` })
    .default('');

/** The office starts an application to an open platform call, naming the director by their account's e-mail. */
export const ZStartPlatformApplication = z.object({ callId: zUuid, directorEmail: zEmail });
export type TStartPlatformApplication = z.input<typeof ZStartPlatformApplication>;

export const ZPlatformPartnerInput = z.object({
  institutionId: zUuid,
  role: z.enum(PLATFORM_PARTNER_ROLES, { error: 'required' }),
  contribution: text(1000),
});

/** One year of the multi-year budget, by source (万元 as typed; empty = none from that source). */
export const ZPlatformYearBudgetInput = z.object({
  year: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(2000, { error: 'between?min=2000&max=2100' })
    .max(2100, { error: 'between?min=2000&max=2100' }),
  fiscalWan: zOptionalMoney('wan'),
  enterpriseWan: zOptionalMoney('wan'),
  institutionWan: zOptionalMoney('wan'),
});

/**
 * What the office edits and saves: the application's basics (the same fields and limits as a project application),
 * the director, the platform's sections, partners and the budget by year and source. Members and attachments have
 * their own actions. Completeness is validatePlatformApplication's job (src/domain/platform/application.ts).
 */
export const ZPlatformDraft = z.object({
  id: zUuid,
  version: zVersion,
  title: ZApplicationDraft.shape.title,
  titleEn: ZApplicationDraft.shape.titleEn,
  disciplineCode: ZApplicationDraft.shape.disciplineCode,
  keywords: ZApplicationDraft.shape.keywords,
  abstract: ZApplicationDraft.shape.abstract,
  abstractEn: ZApplicationDraft.shape.abstractEn,
  durationMonths: ZApplicationDraft.shape.durationMonths,
  directorEmail: zEmail,
  content: ZPlatformContent,
  partners: z.array(ZPlatformPartnerInput).max(MAX_PARTNERS, { error: `tooMany?max=${MAX_PARTNERS}` }),
  yearBudget: z.array(ZPlatformYearBudgetInput).max(10, { error: 'tooMany?max=10' }),
});
export type TPlatformDraft = z.input<typeof ZPlatformDraft>;
