import { z } from 'zod';
import { ASSESSABLE_OUTCOMES, ASSESSMENT_MAX_CHARS, CHECK_KINDS, progressReportSchema } from '@/domain/project/checks';
import { EVALUATION_GRADES, LONG_CYCLE_MAX_YEARS } from '@/domain/project/evaluation';
import { EXTENSION_MAX_MONTHS } from '@/domain/project/change';
import { zEmail, zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';
import { zMoney } from './money';

// The funded project's life after the task book (issue 6): checks, the 赛马制 round, changes, final acceptance and
// evaluation. The same schemas check the forms in the browser and the actions on the server.

const zYear = z
  .number({ error: 'number' })
  .int({ error: 'integer' })
  .min(2000, { error: 'between?min=2000&max=2100' })
  .max(2100, { error: 'between?min=2000&max=2100' });

/** An empty choice in a <select> means "none". */
const emptyToNull = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(''), z.null(), schema])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : (v as z.output<T>)));

export const ZOpenCheck = z.object({
  projectId: zUuid,
  version: zVersion,
  kind: z.enum(CHECK_KINDS, { error: 'required' }),
  year: zYear,
});
export type TOpenCheck = z.input<typeof ZOpenCheck>;

/** Staff lift a suspension (the reason it was lifted is recorded). */
export const ZResumeProject = z.object({ projectId: zUuid, version: zVersion, note: zRequiredText(1000) });
export type TResumeProject = z.input<typeof ZResumeProject>;

export const ZSubmitProgress = progressReportSchema.extend({ checkId: zUuid, version: zVersion });
export type TSubmitProgress = z.input<typeof ZSubmitProgress>;

export const ZAssessCheck = z.object({
  checkId: zUuid,
  version: zVersion,
  score: z
    .number({ error: 'number' })
    .min(0, { error: 'between?min=0&max=100' })
    .max(100, { error: 'between?min=0&max=100' })
    .refine((n) => Number.isInteger(n * 100), { error: 'scorePrecision' }),
  assessment: zRequiredText(ASSESSMENT_MAX_CHARS),
  outcome: emptyToNull(z.enum(ASSESSABLE_OUTCOMES, { error: 'invalid' })),
  reason: zOptionalText(1000),
});
export type TAssessCheck = z.input<typeof ZAssessCheck>;

export const ZOpenRaceRound = z.object({ challengeId: zUuid });

export const RACE_JUSTIFICATION_MIN_CHARS = 20;
export const ZDecideRaceRound = z.object({
  roundId: zUuid,
  version: zVersion,
  justification: zRequiredText(5000).refine((s) => [...s].length >= RACE_JUSTIFICATION_MIN_CHARS, {
    error: msg('tooShort', { min: RACE_JUSTIFICATION_MIN_CHARS }),
  }),
  /** The teams staff keep when the ranking leaves a tie across the cut; absent to follow the ranking. */
  keep: z
    .array(zUuid, { error: 'invalid' })
    .max(20, { error: 'tooMany?max=20' })
    .optional()
    .transform((k) => (k && k.length > 0 ? [...new Set(k)] : null)),
});
export type TDecideRaceRound = z.input<typeof ZDecideRaceRound>;

const changeBase = { projectId: zUuid, reason: zRequiredText(2000) };

export const ZRequestChange = z.discriminatedUnion(
  'kind',
  [
    z.object({
      ...changeBase,
      kind: z.literal('EXTENSION'),
      months: z
        .number({ error: 'number' })
        .int({ error: 'integer' })
        .min(1, { error: msg('between', { min: 1, max: EXTENSION_MAX_MONTHS }) })
        .max(EXTENSION_MAX_MONTHS, { error: msg('between', { min: 1, max: EXTENSION_MAX_MONTHS }) }),
    }),
    z.object({ ...changeBase, kind: z.literal('PI_CHANGE'), newPiUserId: zUuid }),
    z.object({
      ...changeBase,
      kind: z.literal('MEMBER_CHANGE'),
      /** Registered researchers to add, by their e-mail. */
      add: z
        .array(zEmail, { error: 'invalid' })
        .max(10, { error: 'tooMany?max=10' })
        .optional()
        .transform((a) => [...new Set(a ?? [])]),
      /** Current members (user ids) who leave. */
      remove: z
        .array(zUuid, { error: 'invalid' })
        .max(20, { error: 'tooMany?max=20' })
        .optional()
        .transform((r) => [...new Set(r ?? [])]),
    }),
    z.object({
      ...changeBase,
      kind: z.literal('BUDGET_REALLOCATION'),
      moves: z
        .array(
          z.object({
            from: zRequiredText(40),
            to: zRequiredText(40),
            /** 万元, as the forms show money. */
            amount: zMoney('wan'),
          }),
          { error: 'invalid' },
        )
        .min(1, { error: 'nothingToChange' })
        .max(10, { error: 'tooMany?max=10' }),
    }),
  ],
  { error: 'invalid' },
);
export type TRequestChange = z.input<typeof ZRequestChange>;

export const ZDecideChange = z
  .object({
    changeId: zUuid,
    version: zVersion,
    decision: z.enum(['APPROVE', 'REJECT'], { error: 'required' }),
    comment: zOptionalText(2000),
  })
  .refine((d) => d.decision === 'APPROVE' || d.comment !== null, { error: 'rejectReasonRequired', path: ['comment'] });
export type TDecideChange = z.input<typeof ZDecideChange>;

export const ZWithdrawChange = z.object({ changeId: zUuid, version: zVersion });

export const KPI_ATTAINMENTS = ['NOT_ASSESSED', 'MET', 'PARTLY_MET', 'NOT_MET'] as const;

export const ZSaveFinalReport = z.object({
  projectId: zUuid,
  /** The acceptance row's version the form holds, 0 before the first save. */
  version: zVersion,
  finalReport: zRequiredText(20_000),
  kpis: z
    .array(
      z.object({
        kpiId: zUuid,
        attainedValue: zOptionalText(200),
        attainment: z.enum(KPI_ATTAINMENTS, { error: 'invalid' }),
      }),
      { error: 'invalid' },
    )
    .max(100, { error: 'tooMany?max=100' }),
  workIds: z
    .array(zUuid, { error: 'invalid' })
    .max(50, { error: 'tooMany?max=50' })
    .optional()
    .transform((w) => [...new Set(w ?? [])]),
});
export type TSaveFinalReport = z.input<typeof ZSaveFinalReport>;

export const ZSubmitFinalReport = z.object({ projectId: zUuid, version: zVersion });

export const ACCEPTANCE_RESULTS = ['PASSED', 'PASSED_WITH_CONDITIONS', 'FAILED', 'DEFERRED'] as const;
export const ZDecideAcceptance = z.object({
  projectId: zUuid,
  version: zVersion,
  expertOpinion: zRequiredText(10_000),
  result: z.enum(ACCEPTANCE_RESULTS, { error: 'required' }),
  /** Years until the long-cycle review; empty for the category's default. */
  longCycleYears: emptyToNull(
    z
      .number({ error: 'number' })
      .int({ error: 'integer' })
      .min(1, { error: msg('between', { min: 1, max: LONG_CYCLE_MAX_YEARS }) })
      .max(LONG_CYCLE_MAX_YEARS, { error: msg('between', { min: 1, max: LONG_CYCLE_MAX_YEARS }) }),
  ),
  /** Empty for the category's default (international for basic research). */
  longCycleInternational: emptyToNull(z.boolean({ error: 'invalid' })),
});
export type TDecideAcceptance = z.input<typeof ZDecideAcceptance>;

export const ZRecordEvaluation = z.object({
  projectId: zUuid,
  grade: z.enum(EVALUATION_GRADES, { error: 'required' }),
  teamAssessment: zRequiredText(5000),
  individualAssessment: zRequiredText(5000),
  international: z.boolean({ error: 'invalid' }),
});
export type TRecordEvaluation = z.input<typeof ZRecordEvaluation>;

export const ZCompleteLongCycle = z.object({
  evaluationId: zUuid,
  version: zVersion,
  findings: zRequiredText(10_000),
  grade: z.enum(EVALUATION_GRADES, { error: 'required' }),
});
export type TCompleteLongCycle = z.input<typeof ZCompleteLongCycle>;
