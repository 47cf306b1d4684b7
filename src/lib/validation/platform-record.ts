import { z } from 'zod';
import { PROGRAM_KINDS } from '@/domain/program/rules';
import { EVALUATION_GRADES, STABLE_SUPPORT_SETTINGS } from '@/domain/platform/evaluation';
import { PLATFORM_STATUSES } from '@/domain/platform/platform';
import { REPORT_SECTION_MAX_CHARS, RETURN_REASON_MIN_CHARS } from '@/domain/platform/report';
import { zEmail, zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';
import { zMoney, zOptionalMoney } from './money';
import { zIsoDate } from './talent';

// 平台档案 (issue 7): directions, project managers and the center's projects, annual reports, periodic evaluation.
// The same schemas check the forms in the browser and the actions on the server. Money is typed in 万元.

const zOptionalId = z
  .union([z.literal(''), zUuid])
  .nullable()
  .optional()
  .transform((v) => v || null);

const zYear = z
  .number({ error: 'number' })
  .int({ error: 'integer' })
  .min(2000, { error: msg('between', { min: 2000, max: 2100 }) })
  .max(2100, { error: msg('between', { min: 2000, max: 2100 }) });

/** Staff's list filters (search params: an empty value is "any"). */
export const ZPlatformFilters = z.object({
  kind: z.enum(PROGRAM_KINDS).optional().catch(undefined),
  status: z.enum(PLATFORM_STATUSES).optional().catch(undefined),
});
export type TPlatformFilters = z.output<typeof ZPlatformFilters>;

export const ZDirectionRow = z.object({
  /** Absent for a new direction. */
  id: zOptionalId,
  title: zRequiredText(200),
  titleEn: zOptionalText(300),
  leadName: zOptionalText(100),
  description: zOptionalText(2000),
  active: z.boolean({ error: 'invalid' }),
});

export const ZSaveDirections = z.object({
  platformId: zUuid,
  /** The platform's version the form was loaded with. */
  version: zVersion,
  directions: z
    .array(ZDirectionRow, { error: 'invalid' })
    .min(1, { error: 'directionRequired' })
    .max(30, { error: msg('tooMany', { max: 30 }) }),
});
export type TSaveDirections = z.input<typeof ZSaveDirections>;

export const ZAppointManager = z.object({
  platformId: zUuid,
  /** The registered researcher's login e-mail. */
  email: zEmail,
  appointedOn: zIsoDate,
  remit: zOptionalText(1000),
});
export type TAppointManager = z.input<typeof ZAppointManager>;

export const ZEndManager = z.object({ managerId: zUuid, version: zVersion, endedOn: zIsoDate });
export type TEndManager = z.input<typeof ZEndManager>;

export const ZSavePlatformProject = z.object({
  platformId: zUuid,
  /** Absent to register a new project. */
  id: zOptionalId,
  version: zVersion.optional(),
  /** The appointment the project runs under: a manager's own, or any open one of the center for the office. */
  projectManagerId: zUuid,
  title: zRequiredText(200),
  leadName: zRequiredText(100),
  budgetWan: zMoney('wan'),
  startsOn: zIsoDate,
  endsOn: zIsoDate,
  summary: zOptionalText(5000),
});
export type TSavePlatformProject = z.input<typeof ZSavePlatformProject>;

export const ZTransitionPlatformProject = z.object({
  id: zUuid,
  version: zVersion,
  transition: z.enum(['complete', 'terminate'], { error: 'invalid' }),
});
export type TTransitionPlatformProject = z.input<typeof ZTransitionPlatformProject>;

const section = z
  .string({ error: 'invalid' })
  .trim()
  .max(REPORT_SECTION_MAX_CHARS, { error: msg('tooLong', { max: REPORT_SECTION_MAX_CHARS }) });

export const ZSavePlatformReport = z.object({
  platformId: zUuid,
  year: zYear,
  /** The report's version when editing; absent for a new one. */
  version: zVersion.optional(),
  content: z.object({
    summary: section,
    outputs: section,
    talent: section,
    openness: section,
    fundingNote: section,
  }),
  /** An uploaded PDF (POST /api/files) attached to the report. */
  fileId: zOptionalId,
  submit: z.boolean({ error: 'invalid' }),
});
export type TSavePlatformReport = z.input<typeof ZSavePlatformReport>;

const reportRef = { reportId: zUuid, version: zVersion };
export const ZAcceptPlatformReport = z.object(reportRef);
export const ZReturnPlatformReport = z.object({
  ...reportRef,
  reason: zRequiredText(1000).refine((s) => [...s].length >= RETURN_REASON_MIN_CHARS, {
    error: msg('tooShort', { min: RETURN_REASON_MIN_CHARS }),
  }),
});
export type TReturnPlatformReport = z.input<typeof ZReturnPlatformReport>;

const zPeriodYears = z
  .number({ error: 'number' })
  .int({ error: 'integer' })
  .min(STABLE_SUPPORT_SETTINGS.minPeriodYears, {
    error: msg('between', { min: STABLE_SUPPORT_SETTINGS.minPeriodYears, max: STABLE_SUPPORT_SETTINGS.maxPeriodYears }),
  })
  .max(STABLE_SUPPORT_SETTINGS.maxPeriodYears, {
    error: msg('between', { min: STABLE_SUPPORT_SETTINGS.minPeriodYears, max: STABLE_SUPPORT_SETTINGS.maxPeriodYears }),
  });

export const ZOpenEvaluation = z.object({
  platformId: zUuid,
  version: zVersion,
  periodFrom: zIsoDate,
  periodTo: zIsoDate,
});
export type TOpenEvaluation = z.input<typeof ZOpenEvaluation>;

export const ZSaveEvaluation = z.object({
  evaluationId: zUuid,
  version: zVersion,
  grade: z
    .union([z.literal(''), z.enum(EVALUATION_GRADES)], { error: 'invalid' })
    .transform((g) => (g === '' ? null : g)),
  report: zOptionalText(20_000).transform((s) => s ?? ''),
  nextPeriodYears: zPeriodYears,
});
export type TSaveEvaluation = z.input<typeof ZSaveEvaluation>;

export const ZDecideEvaluation = z.object({
  evaluationId: zUuid,
  version: zVersion,
  /** The yearly amount when staff depart from the proposal; empty to follow it. */
  overrideWan: zOptionalMoney('wan'),
  overrideReason: zOptionalText(1000),
});
export type TDecideEvaluation = z.input<typeof ZDecideEvaluation>;
