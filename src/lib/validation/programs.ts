import { z } from 'zod';
import { PROGRAM_KINDS, ZProgramRules } from '@/domain/program/rules';
import { zRequiredText, zUuid, zVersion } from './common';

export const ZCreateProgram = z.object({
  code: z
    .string({ error: 'required' })
    .trim()
    .regex(/^[A-Z][A-Z0-9-]{1,29}$/, { error: 'programCode' }),
  name: zRequiredText(60),
  nameEn: zRequiredText(120),
  kind: z.enum(PROGRAM_KINDS, { error: 'required' }),
  description: z.string().trim().max(2000, { error: 'tooLong?max=2000' }).default(''),
  descriptionEn: z.string().trim().max(4000, { error: 'tooLong?max=4000' }).default(''),
});
export type TCreateProgram = z.input<typeof ZCreateProgram>;

/** Saving rules always makes a new version; `currentVersion` is the version number the editor was loaded with. */
export const ZSaveProgramRules = z.object({
  programId: zUuid,
  currentVersion: zVersion,
  rules: ZProgramRules,
});
export type TSaveProgramRules = z.input<typeof ZSaveProgramRules>;
