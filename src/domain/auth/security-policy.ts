// Password, lockout and session rules (NIST 800-63B length + the 等保 complexity habit of Chinese government
// systems). The numbers come from the SecurityPolicy row the security admin edits; these functions only apply them.

export interface SecurityPolicyValues {
  passwordMinLength: number;
  passwordMinClasses: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  sessionMaxHours: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicyValues = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  sessionMaxHours: 12,
};

/** Bounds the security admin may choose within: a policy weaker than the floor is not a policy. */
export const SECURITY_POLICY_BOUNDS = {
  passwordMinLength: [8, 64],
  passwordMinClasses: [2, 4],
  maxFailedLogins: [3, 10],
  lockoutMinutes: [5, 1440],
  idleTimeoutMinutes: [5, 240],
  sessionMaxHours: [1, 24],
} as const satisfies Record<keyof SecurityPolicyValues, readonly [number, number]>;

export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | { code: 'TOO_SHORT'; min: number }
  | { code: 'TOO_LONG'; max: number }
  | { code: 'TOO_FEW_CLASSES'; min: number }
  | { code: 'CONTAINS_IDENTITY' };

/** The four character classes: lower-case, upper-case, digits, everything else. */
export function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^a-zA-Z0-9]/.test(password)) classes++;
  return classes;
}

export function checkPassword(
  password: string,
  policy: Pick<SecurityPolicyValues, 'passwordMinLength' | 'passwordMinClasses'>,
  identity: { email?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.passwordMinLength) problems.push({ code: 'TOO_SHORT', min: policy.passwordMinLength });
  if (length > PASSWORD_MAX_LENGTH) problems.push({ code: 'TOO_LONG', max: PASSWORD_MAX_LENGTH });
  if (characterClasses(password) < policy.passwordMinClasses) {
    problems.push({ code: 'TOO_FEW_CLASSES', min: policy.passwordMinClasses });
  }
  const localPart = identity.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && password.toLowerCase().includes(localPart)) {
    problems.push({ code: 'CONTAINS_IDENTITY' });
  }
  return problems;
}

export interface LockoutState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The account state after one more wrong password. Failures are counted across lockouts' ends: once a lock has
 * expired the count starts again, so the N-th consecutive failure locks for `lockoutMinutes`.
 */
export function afterFailedLogin(
  state: LockoutState,
  policy: Pick<SecurityPolicyValues, 'maxFailedLogins' | 'lockoutMinutes'>,
  now: Date,
): LockoutState {
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const count = (lockExpired ? 0 : state.failedLoginCount) + 1;
  if (count >= policy.maxFailedLogins) {
    return { failedLoginCount: count, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) };
  }
  return { failedLoginCount: count, lockedUntil: lockExpired ? null : state.lockedUntil };
}

export const AFTER_SUCCESSFUL_LOGIN: LockoutState = { failedLoginCount: 0, lockedUntil: null };

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type SessionVerdict = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'IDLE';

export function sessionVerdict(
  session: SessionTimes,
  policy: Pick<SecurityPolicyValues, 'idleTimeoutMinutes'>,
  now: Date,
): SessionVerdict {
  if (session.revokedAt) return 'REVOKED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (now.getTime() - session.lastSeenAt.getTime() > policy.idleTimeoutMinutes * 60_000) return 'IDLE';
  return 'ACTIVE';
}

/** Writing lastSeenAt on every request would turn every page view into a write; once a minute is precise enough. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export function sessionNeedsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}
