import { z } from 'zod';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { zMoney } from './money';

// 选题 (issue 7): proposing a topic, scoring it, deciding and converting it. Ids and versions come from the page; the
// module checks them against the actor's scope.

export const ZProposeTopic = z.object({
  title: zRequiredText(80),
  titleEn: zOptionalText(200),
  fieldId: z
    .union([z.literal(''), zUuid])
    .optional()
    .transform((v) => v || null),
  background: zRequiredText(5000),
  goals: zRequiredText(5000),
  expectedImpact: zRequiredText(5000),
  suggestedForm: z.enum(['CALL', 'CHALLENGE'], { error: 'required' }),
});
export type TProposeTopic = z.input<typeof ZProposeTopic>;

export const ZTopicRef = z.object({ topicId: zUuid, version: zVersion });

export const ZScoreTopic = z.object({
  topicId: zUuid,
  score: z.number({ error: 'number' }).int({ error: 'integer' }),
  comment: zRequiredText(2000),
  /** Submit (final) or keep as a draft. */
  submit: z.boolean(),
});
export type TScoreTopic = z.input<typeof ZScoreTopic>;

export const ZDecideTopic = z.object({
  topicId: zUuid,
  version: zVersion,
  decision: z.enum(['select', 'reject'], { error: 'required' }),
  note: zRequiredText(2000),
});
export type TDecideTopic = z.input<typeof ZDecideTopic>;

/** Turn a selected topic into a draft challenge list (field and fiscal money) or a draft call (of a program). */
export const ZConvertTopic = z.discriminatedUnion('form', [
  z.object({
    topicId: zUuid,
    version: zVersion,
    form: z.literal('CHALLENGE'),
    fieldId: zUuid,
    fiscalWan: zMoney('wan'),
  }),
  z.object({ topicId: zUuid, version: zVersion, form: z.literal('CALL'), programId: zUuid }),
]);
export type TConvertTopic = z.input<typeof ZConvertTopic>;

const zDate = z.string({ error: 'required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid' });

/** A committee term (届) and its scoring settings. */
export const ZCreateTerm = z.object({
  name: zRequiredText(60),
  startsOn: zDate,
  endsOn: zDate,
  scoreScaleMax: z.number({ error: 'number' }).int({ error: 'integer' }),
  minScoresToDecide: z.number({ error: 'number' }).int({ error: 'integer' }),
});
export type TCreateTerm = z.input<typeof ZCreateTerm>;

/** Editing a term: the same settings, against the version the page showed. */
export const ZUpdateTerm = ZCreateTerm.extend({ termId: zUuid, version: zVersion });
export type TUpdateTerm = z.input<typeof ZUpdateTerm>;

/** A member appointed to a term, by e-mail (the person must hold the committee-member role). */
export const ZAddMember = z.object({
  termId: zUuid,
  email: z.string({ error: 'required' }).trim().toLowerCase().email({ error: 'invalid' }),
  category: z.enum(['SCIENTIST', 'ENTREPRENEUR', 'INVESTOR'], { error: 'required' }),
  position: z.enum(['CHAIR', 'VICE_CHAIR', 'MEMBER'], { error: 'required' }),
  affiliation: zOptionalText(200),
  fromDate: zDate,
});
export type TAddMember = z.input<typeof ZAddMember>;

export const ZEndMembership = z.object({ membershipId: zUuid, version: zVersion, toDate: zDate });
