import { z } from 'zod';
import {
  DECISION_OUTCOMES,
  DECISION_REASONS_MIN_CHARS,
  NON_CONSENSUS_JUSTIFICATION_MIN_CHARS,
} from '@/domain/decision/decision';
import { charCount } from '@/domain/text';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';
import { zOptionalMoney } from './money';

// 立项、公示、异议 (issue 6): staff draft decisions one by one, approve the non-consensus route with a second pair of
// eyes, release a call's batch with its public notice, and handle objections; the public files objections.

const zMinChars = (min: number, max: number) =>
  zRequiredText(max).refine((s) => charCount(s) >= min, { error: msg('tooShort', { min }) });

export const DECISION_ROUTES = ['RANKING', 'NON_CONSENSUS'] as const;

export const ZDraftDecision = z.object({
  applicationId: zUuid,
  /** The draft's version the form was loaded with; 0 when there is no draft yet. */
  version: zVersion,
  outcome: z.enum(DECISION_OUTCOMES, { error: 'required' }),
  route: z.enum(DECISION_ROUTES, { error: 'required' }),
  /** 资助金额 in 万元 (→ fen); only for FUND, may be less than requested. */
  awardedWan: zOptionalMoney('wan'),
  conditions: zOptionalText(2000),
  reasons: zMinChars(DECISION_REASONS_MIN_CHARS, 4000),
});
export type TDraftDecision = z.input<typeof ZDraftDecision>;

export const ZApproveNonConsensus = z.object({
  decisionId: zUuid,
  version: zVersion,
  justification: zMinChars(NON_CONSENSUS_JUSTIFICATION_MIN_CHARS, 4000),
});
export type TApproveNonConsensus = z.input<typeof ZApproveNonConsensus>;

export const NOTICE_WORKING_DAYS_DEFAULT = 5;

/** Releasing a call's decisions opens their public notice in the same act (see publish.ts for why). */
export const ZPublishDecisions = z.object({
  callId: zUuid,
  title: zRequiredText(200),
  body: zOptionalText(5000).transform((s) => s ?? ''),
  workingDays: z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(1, { error: 'between?min=1&max=30' })
    .max(30, { error: 'between?min=1&max=30' }),
});
export type TPublishDecisions = z.input<typeof ZPublishDecisions>;

export const OBJECTION_CONTENT_MIN_CHARS = 20;

const zPhone = zOptionalText(30).refine((s) => s === null || /^\+?[0-9][0-9 -]{5,28}$/.test(s), { error: 'phone' });
const zOptionalEmail = zOptionalText(254)
  .refine((s) => s === null || z.email().safeParse(s).success, { error: 'email' })
  .transform((s) => (s ? s.toLowerCase() : null));

/** 实名异议: a real name and a phone number or an e-mail address (or both). */
export const ZFileObjection = z
  .object({
    noticeItemId: zUuid,
    filerName: zRequiredText(50),
    filerPhone: zPhone,
    filerEmail: zOptionalEmail,
    content: zMinChars(OBJECTION_CONTENT_MIN_CHARS, 5000),
  })
  .refine((o) => o.filerPhone !== null || o.filerEmail !== null, { error: 'contactRequired', path: ['filerPhone'] });
export type TFileObjection = z.input<typeof ZFileObjection>;

export const ZStartObjectionReview = z.object({ objectionId: zUuid, version: zVersion });

export const ZHandleObjection = z.object({
  objectionId: zUuid,
  version: zVersion,
  /** 处理意见 (uphold) or 驳回理由 (dismiss): the filer is told it. */
  handlingNote: zMinChars(10, 4000),
});
export type THandleObjection = z.input<typeof ZHandleObjection>;

export const ZCloseDueNotices = z.object({});
