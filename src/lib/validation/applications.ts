import { z } from 'zod';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { zOptionalMoney } from './money';

const text = (max: number) =>
  z
    .string({ error: 'invalid' })
    .max(max, { error: `tooLong?max=${max}` })
    .default('');

export const ZStartApplication = z.object({ callId: zUuid, challengeId: zUuid.optional() });

/**
 * What the applicant edits, saved by autosave as they type (members and attachments have their own actions).
 * Drafts may be incomplete — completeness is `validateForSubmit`'s job — but what is there must be well-formed.
 */
export const ZApplicationDraft = z.object({
  id: zUuid,
  version: zVersion,
  title: text(200),
  titleEn: text(400),
  disciplineCode: z
    .string()
    .optional()
    .transform((s) => (s ? s : null)),
  keywords: z
    .string({ error: 'invalid' })
    .max(300, { error: 'tooLong?max=300' })
    .default('')
    .transform((s) => [
      ...new Set(
        s
          .split(/[,，;；、]+/)
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(30, { error: 'tooLong?max=30' })).max(8, { error: 'tooMany?max=8' })),
  abstract: text(1500),
  abstractEn: text(4000),
  content: z.object({
    researchContent: text(20_000),
    innovation: text(8000),
    plan: text(10_000),
    outcomes: text(8000),
  }),
  durationMonths: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(1, { error: 'between?min=1&max=120' })
    .max(120, { error: 'between?min=1&max=120' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  budgetMode: z.enum(['LINE_ITEM', 'LUMP_SUM'], { error: 'required' }),
  lumpSumWan: zOptionalMoney('wan'),
  lumpSumPlan: text(2000),
  budgetLines: z
    .array(
      z.object({
        categoryCode: z.string().min(1, { error: 'required' }),
        amountWan: zOptionalMoney('wan'),
        justification: text(500),
      }),
    )
    .max(40, { error: 'tooMany?max=40' }),
  funding: z.object({
    fiscalWan: zOptionalMoney('wan'),
    enterpriseWan: zOptionalMoney('wan'),
    institutionWan: zOptionalMoney('wan'),
  }),
  workIds: z.array(zUuid).max(10, { error: 'tooMany?max=10' }),
});
export type TApplicationDraft = z.input<typeof ZApplicationDraft>;

export const ZInviteMember = z.object({
  applicationId: zUuid,
  email: z
    .string({ error: 'required' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'required' })
    .max(254)
    .pipe(z.email({ error: 'email' })),
  responsibility: zRequiredText(200),
  monthsPerYear: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(1, { error: 'between?min=1&max=12' })
    .max(12, { error: 'between?min=1&max=12' }),
});
export type TInviteMember = z.input<typeof ZInviteMember>;
export const ZRemoveMember = z.object({ applicationId: zUuid, memberId: zUuid });
export const ZRespondInvitation = z.object({ memberId: zUuid, accept: z.boolean() });

/**
 * 申请人要求回避的专家: one row as typed. A reason is always required; a name or at least an institution is, and so is
 * everything else `checkAvoidanceRequests` (src/domain/review/conflicts.ts) decides on the server (no entry twice).
 */
export const ZAvoidanceRequest = z.object({
  name: z.string({ error: 'invalid' }).trim().max(50, { error: 'tooLong?max=50' }).default(''),
  institutionName: z.string({ error: 'invalid' }).trim().max(100, { error: 'tooLong?max=100' }).default(''),
  reason: z
    .string({ error: 'avoidanceReasonRequired' })
    .trim()
    .min(1, { error: 'avoidanceReasonRequired' })
    .max(500, { error: 'tooLong?max=500' }),
});
/**
 * MAX_AVOIDANCE_REQUESTS (src/domain/review/conflicts.ts), repeated as a number because importing it would bring the
 * name matcher and its pinyin dictionary into every browser form that uses this file; a unit test keeps them equal.
 */
export const MAX_AVOIDANCES = 3;
/**
 * The whole list, saved at once on its own (not with the autosaved draft: a row half typed must not hold up saving
 * the rest).
 */
export const ZSaveAvoidances = z.object({
  applicationId: zUuid,
  avoidances: z.array(ZAvoidanceRequest).max(MAX_AVOIDANCES, { error: `tooManyAvoidances?max=${MAX_AVOIDANCES}` }),
});
export type TSaveAvoidances = z.input<typeof ZSaveAvoidances>;

export const ZAttach = z.object({
  applicationId: zUuid,
  slotKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  fileId: zUuid,
});
export const ZDetach = z.object({ applicationId: zUuid, slotKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) });

/** The key is made once per page load: a retried or double-clicked submission sends the same one. */
export const ZSubmitApplication = z.object({ id: zUuid, idempotencyKey: zUuid });
export const ZWithdrawApplication = z.object({ id: zUuid, reason: zRequiredText(500) });

export const ZReturnApplication = z.object({ id: zUuid, comment: zRequiredText(2000) });
export const ZRecommendApplications = z.object({
  callId: zUuid,
  ids: z.array(zUuid).min(1, { error: 'chooseAtLeastOne' }).max(500),
});

export const ZFormalCheck = z
  .object({
    id: zUuid,
    outcome: z.enum(['PASS', 'FAIL'], { error: 'required' }),
    reasonCodes: z.array(z.string().max(40)).max(20),
    comment: zOptionalText(2000),
  })
  .refine((v) => v.outcome === 'PASS' || v.reasonCodes.length > 0, { error: 'reasonRequired', path: ['reasonCodes'] });

export const ZFormalCheckReason = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, { error: 'reasonCode' }),
  label: zRequiredText(100),
  labelEn: zRequiredText(200),
});

export const ZFormalCheckQuery = z.object({
  callId: zUuid.optional().catch(undefined),
  institutionId: zUuid.optional().catch(undefined),
  status: z.enum(['INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED']).optional().catch(undefined),
  discipline: z
    .string()
    .regex(/^\d{3,7}$/)
    .optional()
    .catch(undefined),
  age: z.enum(['under35', 'under45', 'over45']).optional().catch(undefined),
  /** queue: status, then oldest submission first (the order staff work in); code; newest: latest submission first. */
  sort: z.enum(['queue', 'code', 'newest']).catch('queue').default('queue'),
  /** Keyset pagination: the id of the last row of the page before, or of the first row of the page after. */
  after: zUuid.optional().catch(undefined),
  before: zUuid.optional().catch(undefined),
});
export type TFormalCheckQuery = z.input<typeof ZFormalCheckQuery>;

export const ZSetFormalCheckReasonActive = z.object({ id: zUuid, active: z.boolean({ error: 'invalid' }) });

/** Staff reveal the applicant's full ID number of an application they can read (each reveal is audited). */
export const ZRevealApplicantIdNumber = z.object({ applicationId: zUuid });
