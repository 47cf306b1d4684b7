import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  characterClasses,
  checkPassword,
  DEFAULT_SECURITY_POLICY as P,
  isLocked,
  sessionNeedsTouch,
  sessionVerdict,
} from '@/domain/auth/security-policy';

const now = new Date('2026-11-28T08:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('password policy (≥ 8 characters, 3 of 4 classes)', () => {
  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('abcDEF12')).toBe(3);
    expect(characterClasses('Jingyan@2026')).toBe(4);
    expect(characterClasses('密码密码密码密码1a')).toBe(3); // CJK counts as "other"
  });

  it('accepts the demo password and rejects weak ones with reasons', () => {
    expect(checkPassword('Jingyan@2026', P)).toEqual([]);
    expect(checkPassword('Ab1!', P)).toEqual([{ code: 'TOO_SHORT', min: 8 }]);
    expect(checkPassword('abcdefgh', P)).toEqual([{ code: 'TOO_FEW_CLASSES', min: 3 }]);
    expect(checkPassword('abcdefg1', P)).toEqual([{ code: 'TOO_FEW_CLASSES', min: 3 }]);
    expect(checkPassword('abcdefG1', P)).toEqual([]);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(checkPassword('😀😀😀😀Aa1', P)).toEqual([{ code: 'TOO_SHORT', min: 8 }]);
  });

  it('refuses a password containing the e-mail name', () => {
    expect(checkPassword('Wangjg@2026', P, { email: 'wangjg@bjut.edu.cn' })).toEqual([{ code: 'CONTAINS_IDENTITY' }]);
  });

  it('follows a stricter policy', () => {
    expect(checkPassword('Jingyan@2026', { passwordMinLength: 14, passwordMinClasses: 4 })).toEqual([
      { code: 'TOO_SHORT', min: 14 },
    ]);
  });
});

describe('lockout (5 failures → 15 minutes)', () => {
  it('locks on the fifth consecutive failure, not before', () => {
    let state = { failedLoginCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailedLogin(state, P, now);
      expect(state).toEqual({ failedLoginCount: i, lockedUntil: null });
    }
    state = afterFailedLogin(state, P, now);
    expect(state.lockedUntil).toEqual(minutes(15));
    expect(isLocked(state, minutes(14.9))).toBe(true);
    expect(isLocked(state, minutes(15))).toBe(false);
  });

  it('starts counting again once a lock has expired', () => {
    const expired = { failedLoginCount: 5, lockedUntil: minutes(-1) };
    expect(afterFailedLogin(expired, P, now)).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });
});

describe('sessions', () => {
  const fresh = { lastSeenAt: now, expiresAt: minutes(12 * 60), revokedAt: null };
  it('end after 30 idle minutes, at the absolute limit, or when revoked', () => {
    expect(sessionVerdict(fresh, P, minutes(30))).toBe('ACTIVE');
    expect(sessionVerdict(fresh, P, minutes(30.01))).toBe('IDLE');
    expect(sessionVerdict({ ...fresh, lastSeenAt: minutes(12 * 60 - 1) }, P, minutes(12 * 60))).toBe('EXPIRED');
    expect(sessionVerdict({ ...fresh, revokedAt: now }, P, now)).toBe('REVOKED');
  });

  it('touch lastSeenAt at most once a minute', () => {
    expect(sessionNeedsTouch(now, minutes(0.5))).toBe(false);
    expect(sessionNeedsTouch(now, minutes(1))).toBe(true);
  });
});
