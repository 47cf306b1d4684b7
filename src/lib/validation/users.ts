import { z } from 'zod';
import { ROLES } from '@/domain/auth/roles';
import { PASSWORD_MAX_LENGTH } from '@/domain/auth/security-policy';
import { zEmail, zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';

export const zLocale = z.enum(['zh-CN', 'en'], { error: 'invalid' });

/** Policy length/classes are checked on the server against the live SecurityPolicy; this only bounds the input. */
export const zNewPassword = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .max(PASSWORD_MAX_LENGTH, { error: msg('tooLong', { max: PASSWORD_MAX_LENGTH }) });

export const ZRoleGrant = z.object({
  role: z.enum(ROLES, { error: 'invalid' }),
  institutionId: zUuid
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const ZCreateUser = z.object({
  email: zEmail,
  name: zRequiredText(60),
  locale: zLocale.default('zh-CN'),
  initialPassword: zNewPassword,
  roles: z.array(ZRoleGrant).min(1, { error: 'rolesRequired' }).max(9),
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZUpdateUser = z.object({
  id: zUuid,
  version: zVersion,
  name: zRequiredText(60),
  locale: zLocale,
  status: z.enum(['ACTIVE', 'DISABLED'], { error: 'invalid' }),
});
export type TUpdateUser = z.input<typeof ZUpdateUser>;

export const ZSetUserRoles = z.object({
  id: zUuid,
  version: zVersion,
  roles: z.array(ZRoleGrant).min(1, { error: 'rolesRequired' }).max(9),
});
export type TSetUserRoles = z.input<typeof ZSetUserRoles>;

export const ZResetPassword = z.object({ id: zUuid, newPassword: zNewPassword });

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024),
    newPassword: zNewPassword,
    confirmPassword: z.string({ error: 'required' }).min(1, { error: 'required' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: 'passwordMismatch', path: ['confirmPassword'] });
export type TChangePassword = z.input<typeof ZChangePassword>;

export const ZLogin = z.object({
  email: zEmail,
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024),
});
export type TLogin = z.input<typeof ZLogin>;

export const ZUserSearch = z.object({
  q: zOptionalText(100),
  role: z.enum(ROLES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
