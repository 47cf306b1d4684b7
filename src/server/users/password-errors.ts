import type { PasswordProblem } from '@/domain/auth/security-policy';
import { msg } from '@/lib/validation/messages';

/** The first password problem, as a field error message key with its parameters. */
export function passwordFieldErrors(field: string, problems: PasswordProblem[]): Record<string, string> {
  const p = problems[0];
  if (!p) return {};
  switch (p.code) {
    case 'TOO_SHORT':
      return { [field]: msg('passwordTooShort', { min: p.min }) };
    case 'TOO_LONG':
      return { [field]: msg('tooLong', { max: p.max }) };
    case 'TOO_FEW_CLASSES':
      return { [field]: msg('passwordClasses', { min: p.min }) };
    case 'CONTAINS_IDENTITY':
      return { [field]: msg('passwordIdentity') };
  }
}
