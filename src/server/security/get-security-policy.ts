import 'server-only';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicyValues } from '@/domain/auth/security-policy';
import type { DbOrTx } from '../db';

/** The policy row, or the defaults when the security admin has never saved one. */
export async function getSecurityPolicy(client: DbOrTx): Promise<SecurityPolicyValues & { version: number }> {
  const row = await client.securityPolicy.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULT_SECURITY_POLICY, version: 0 };
  return {
    passwordMinLength: row.passwordMinLength,
    passwordMinClasses: row.passwordMinClasses,
    maxFailedLogins: row.maxFailedLogins,
    lockoutMinutes: row.lockoutMinutes,
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    sessionMaxHours: row.sessionMaxHours,
    version: row.version,
  };
}
