import { z } from 'zod';
import { INSTITUTION_KINDS } from '@/domain/auth/roles';
import { zCreditCode, zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';

export const INSTITUTION_AFFILIATIONS = ['MUNICIPAL', 'CENTRAL_IN_BEIJING', 'OTHER'] as const;

const zAliases = z
  .string({ error: 'invalid' })
  .max(500, { error: msg('tooLong', { max: 500 }) })
  .optional()
  .transform((s) =>
    [
      ...new Set(
        (s ?? '')
          .split(/[,，;；\n]/)
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20),
  );

const fields = {
  name: zRequiredText(100),
  nameEn: zOptionalText(200),
  aliases: zAliases,
  kind: z.enum(INSTITUTION_KINDS, { error: 'required' }),
  affiliation: z.enum(INSTITUTION_AFFILIATIONS, { error: 'required' }),
  creditCode: zCreditCode,
};

export const ZCreateInstitution = z.object(fields);
export type TCreateInstitution = z.input<typeof ZCreateInstitution>;

export const ZUpdateInstitution = z.object({ ...fields, id: zUuid, version: zVersion, active: z.boolean() });
export type TUpdateInstitution = z.input<typeof ZUpdateInstitution>;
