import { z } from 'zod';
import { SECURITY_POLICY_BOUNDS } from '@/domain/auth/security-policy';
import { zVersion } from './common';
import { msg } from './messages';

const bounded = ([min, max]: readonly [number, number]) =>
  z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(min, { error: msg('between', { min, max }) })
    .max(max, { error: msg('between', { min, max }) });

export const ZSecurityPolicy = z.object({
  version: zVersion,
  passwordMinLength: bounded(SECURITY_POLICY_BOUNDS.passwordMinLength),
  passwordMinClasses: bounded(SECURITY_POLICY_BOUNDS.passwordMinClasses),
  maxFailedLogins: bounded(SECURITY_POLICY_BOUNDS.maxFailedLogins),
  lockoutMinutes: bounded(SECURITY_POLICY_BOUNDS.lockoutMinutes),
  idleTimeoutMinutes: bounded(SECURITY_POLICY_BOUNDS.idleTimeoutMinutes),
  sessionMaxHours: bounded(SECURITY_POLICY_BOUNDS.sessionMaxHours),
});
export type TSecurityPolicy = z.input<typeof ZSecurityPolicy>;
