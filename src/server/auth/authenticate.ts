import 'server-only';
import { afterFailedLogin, AFTER_SUCCESSFUL_LOGIN, isLocked } from '@/domain/auth/security-policy';
import { isRole, type Role } from '@/domain/auth/roles';
import { DomainError } from '@/lib/errors';
import type { Db } from '../db';
import { recordAudit } from '../audit/record-audit';
import { getSecurityPolicy } from '../security/get-security-policy';
import { assertUnderRateLimit, recordRateLimitHit } from '../security/rate-limit';
import { burnPasswordCheck, verifyPassword } from './password-hash';

export interface LoginAttempt {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/** Roles in the order a fresh session picks its first active role: a person's own work before their duties. */
const ROLE_PRIORITY: Role[] = [
  'RESEARCHER',
  'EXPERT',
  'INSTITUTION_OFFICE',
  'ENTERPRISE',
  'COMMITTEE_MEMBER',
  'COMMISSION_STAFF',
  'SYSTEM_ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
];

/**
 * Checks a password login and opens a session. Wrong password and unknown e-mail fail alike (same error, same time)
 * so the form cannot be used to find accounts. A lock is reported as such: the owner needs to know to wait.
 * Every outcome is audited; the failure counter, the lock and the audit event commit together.
 * Throws DomainError('UNAUTHENTICATED') or DomainError('LOCKED', …, { minutes }).
 */
export async function authenticate(client: Db, attempt: LoginAttempt): Promise<{ sessionId: string; userId: string }> {
  const email = attempt.email.trim().toLowerCase().slice(0, 254);
  const user = await client.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      status: true,
      passwordHash: true,
      failedLoginCount: true,
      lockedUntil: true,
      roles: { select: { role: true } },
    },
  });
  const now = new Date();
  const policy = await getSecurityPolicy(client);
  // One address that keeps failing across accounts (password spraying) is held off for the rest of its window,
  // whichever account it tries next and whether or not the password is right (RATE_LIMITS.login_failures_ip).
  const address = attempt.ip ?? 'unknown';
  try {
    await assertUnderRateLimit(client, 'login_failures_ip', address, now);
  } catch (error) {
    await client.$transaction((tx) =>
      recordAudit(tx, {
        actor: null,
        action: 'auth.login_refused',
        entityType: 'User',
        summary: { email, reason: 'RATE_LIMITED' },
        ip: attempt.ip,
      }),
    );
    throw error;
  }
  const failed = () => recordRateLimitHit(client, 'login_failures_ip', address, now);

  if (!user) {
    await burnPasswordCheck(attempt.password);
    await client.$transaction((tx) =>
      recordAudit(tx, {
        actor: null,
        action: 'auth.login_failed',
        entityType: 'User',
        summary: { email, reason: 'UNKNOWN_EMAIL' },
        ip: attempt.ip,
      }),
    );
    await failed();
    throw new DomainError('UNAUTHENTICATED', 'badCredentials');
  }

  const actor = { userId: user.id, role: null, name: user.name, ip: attempt.ip };
  if (isLocked(user, now)) {
    const minutes = Math.ceil((user.lockedUntil!.getTime() - now.getTime()) / 60_000);
    await client.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: 'auth.login_refused',
        entityType: 'User',
        entityId: user.id,
        summary: { email, reason: 'LOCKED' },
      }),
    );
    throw new DomainError('LOCKED', 'accountLocked', undefined, { minutes });
  }

  const passwordOk = await verifyPassword(user.passwordHash, attempt.password);
  if (!passwordOk || user.status !== 'ACTIVE') {
    // Count from the stored value under a row lock, so parallel wrong guesses cannot slip under the limit.
    const outcome = await client.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<{ failedLoginCount: number; lockedUntil: Date | null }[]>`
        select "failedLoginCount", "lockedUntil" from "User" where id = ${user.id}::uuid for update`;
      const next = afterFailedLogin(current!, policy, now);
      await tx.user.update({ where: { id: user.id }, data: next });
      const lockedNow = next.lockedUntil !== null && !isLocked(current!, now);
      await recordAudit(tx, {
        actor,
        action: lockedNow ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'User',
        entityId: user.id,
        summary: {
          email,
          reason: user.status !== 'ACTIVE' ? 'DISABLED' : 'BAD_PASSWORD',
          failedLoginCount: next.failedLoginCount,
          ...(lockedNow ? { lockedUntil: next.lockedUntil!.toISOString() } : {}),
        },
      });
      return next;
    });
    await failed();
    if (isLocked(outcome, now)) {
      throw new DomainError('LOCKED', 'accountLocked', undefined, { minutes: policy.lockoutMinutes });
    }
    throw new DomainError('UNAUTHENTICATED', 'badCredentials');
  }

  const held = user.roles.map((r) => r.role).filter(isRole);
  const activeRole = ROLE_PRIORITY.find((r) => held.includes(r));
  if (!activeRole) {
    // An account with no role cannot do anything; say so rather than open an empty session.
    throw new DomainError('FORBIDDEN', 'noRoles');
  }
  return client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { ...AFTER_SUCCESSFUL_LOGIN, lastLoginAt: now } });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        activeRole,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + policy.sessionMaxHours * 3600_000),
        ip: attempt.ip,
        userAgent: attempt.userAgent?.slice(0, 400) ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { ...actor, role: activeRole },
      action: 'auth.login',
      entityType: 'Session',
      entityId: session.id,
      summary: { email, activeRole },
    });
    return { sessionId: session.id, userId: user.id };
  });
}
