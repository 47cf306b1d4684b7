import 'server-only';
import { checkPassword, type PasswordProblem } from '@/domain/auth/security-policy';
import { DomainError } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';
import type { DbOrTx, Tx } from '../db';
import { hashPassword } from '../auth/password-hash';
import { getSecurityPolicy } from '../security/get-security-policy';

// Setting a password, whoever does it (the person, an administrator, account creation): the live policy decides,
// the refusal names the form's field, and a new password ends the sessions opened with the old one.

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

/** Checks `password` against the security policy and returns its hash; VALIDATION on `field` otherwise. */
export async function policyCheckedHash(
  client: DbOrTx,
  password: string,
  email: string,
  field: string,
): Promise<string> {
  const problems = checkPassword(password, await getSecurityPolicy(client), { email });
  if (problems.length) throw new DomainError('VALIDATION', 'checkFields', passwordFieldErrors(field, problems));
  return hashPassword(password);
}

/** Stores a new hash and ends the person's sessions (all, or all but the one the change was made in). */
export async function replacePassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  options: { mustChange: boolean; keepSessionId?: string | null; reason: 'PASSWORD_CHANGED' | 'PASSWORD_RESET' },
) {
  const now = new Date();
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash, passwordChangedAt: now, mustChangePassword: options.mustChange, version: { increment: 1 } },
  });
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(options.keepSessionId ? { NOT: { id: options.keepSessionId } } : {}) },
    data: { revokedAt: now, revokeReason: options.reason },
  });
}
