import { z } from 'zod';
import {
  COMMENT_MAX_CHARS,
  CONFIDENCES,
  CONFIDENTIAL_COMMENT_MAX_CHARS,
  NON_CONSENSUS_REASON_MAX_CHARS,
  RECOMMENDATIONS,
  REVIEW_LANGUAGES,
} from '@/domain/review/scoring';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';
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

/** 曾任职单位: for "same institution in the last N years" (conflicts.ts); the last day worked there, or none if current. */
export const ZExpertAffiliation = z
  .object({
    institutionName: zRequiredText(200),
    fromDate: zIsoDate,
    toDate: zOptionalDate,
  })
  .refine((a) => a.toDate === null || a.toDate >= a.fromDate, { error: 'maxBelowMin', path: ['toDate'] });

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
    affiliations: z
      .array(ZExpertAffiliation, { error: 'invalid' })
      .max(10, { error: 'tooMany?max=10' })
      .optional()
      .transform((a) => a ?? []),
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

// The expert's side (issue 5 "Scoring online"): answering an invitation, the scoring form's drafts and submission.

/** 利益冲突声明 as the form asks it: a choice, never a pre-ticked box. */
const zConflictAnswer = z.enum(['NONE', 'DECLARED'], { error: 'required' });

export const ZRespondToInvitation = z.discriminatedUnion(
  'response',
  [
    z.object({
      assignmentId: zUuid,
      response: z.literal('ACCEPT'),
      conflict: zConflictAnswer,
      conflictStatement: zOptionalText(1000),
    }),
    z.object({
      assignmentId: zUuid,
      response: z.literal('DECLINE'),
      declineReason: zRequiredText(500),
      suggestedExpert: zOptionalText(200),
    }),
  ],
  { error: 'invalid' },
);
export type TRespondToInvitation = z.input<typeof ZRespondToInvitation>;

const zCriterionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
/** A draft may be incomplete: a criterion not scored yet is null. The form's scale is checked by validateReview. */
const zScore = z.number({ error: 'number' }).int({ error: 'integer' }).min(0).max(100).nullable();

export const ZReviewDraft = z.object({
  assignmentId: zUuid,
  /** The review's version the form holds (0 before the first save). */
  version: zVersion,
  scores: z.record(zCriterionKey, zScore, { error: 'invalid' }),
  recommendation: z.enum(RECOMMENDATIONS, { error: 'invalid' }).nullable(),
  confidence: z.enum(CONFIDENCES, { error: 'invalid' }).nullable(),
  commentToApplicant: z
    .string({ error: 'invalid' })
    .max(COMMENT_MAX_CHARS * 2, { error: msg('tooLong', { max: COMMENT_MAX_CHARS }) }),
  confidentialComment: z
    .string({ error: 'invalid' })
    .max(CONFIDENTIAL_COMMENT_MAX_CHARS * 2, { error: msg('tooLong', { max: CONFIDENTIAL_COMMENT_MAX_CHARS }) }),
  language: z.enum(REVIEW_LANGUAGES, { error: 'invalid' }),
  nonConsensusSupport: z.boolean({ error: 'invalid' }),
  nonConsensusReason: z
    .string({ error: 'invalid' })
    .max(NON_CONSENSUS_REASON_MAX_CHARS * 2, { error: msg('tooLong', { max: NON_CONSENSUS_REASON_MAX_CHARS }) }),
});
export type TReviewDraft = z.input<typeof ZReviewDraft>;

export const ZSubmitReview = ZReviewDraft.extend({
  conflict: zConflictAnswer,
  conflictStatement: zOptionalText(1000),
});
export type TSubmitReview = z.input<typeof ZSubmitReview>;

// Staff's side: manual assignment, cancellation, reminders, conflicts, aggregation and the non-consensus route.

export const ZManualAssign = z.object({ applicationId: zUuid, expertUserId: zUuid, dueAt: zBeijingDateTime });
export const ZCancelAssignment = z.object({ assignmentId: zUuid, reason: zRequiredText(300) });
export const ZRemindAssignment = z.object({ assignmentId: zUuid });
export const ZDismissConflict = z.object({ conflictId: zUuid, reason: zRequiredText(500) });
export const ZDetectConflicts = z.object({ callId: zUuid });
export const ZComputeScores = z.object({ callId: zUuid });
export const ZDecideNonConsensus = z.object({
  flagId: zUuid,
  version: zVersion,
  decision: z.enum(['ROUTE', 'DISMISS'], { error: 'required' }),
  justification: zRequiredText(2000).refine((s) => [...s].length >= 20, { error: msg('tooShort', { min: 20 }) }),
});
export const ZRateReview = z.object({
  reviewId: zUuid,
  rating: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(1, { error: 'between?min=1&max=5' })
    .max(5, { error: 'between?min=1&max=5' }),
});

export const MATRIX_SORTS = [
  'rank',
  'weightedMean',
  'rawMean',
  'normalisedMean',
  'range',
  'stdDev',
  'reviewCount',
  'code',
] as const;
export const ZMatrixQuery = z.object({
  sort: z.enum(MATRIX_SORTS).catch('rank'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TMatrixQuery = z.output<typeof ZMatrixQuery>;
