import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { getSecurityPolicy } from '@/server/security/get-security-policy';
import { changePassword } from '@/server/account/change-password';
import { switchRole } from '@/server/account/switch-role';
import { authenticate } from '@/server/auth/authenticate';
import { resolveSession } from '@/server/auth/resolve-session';
import { updateSecurityPolicy } from '@/server/security/update-security-policy';
import { unlockAccount } from '@/server/security/locked-accounts';
import { updateUser } from '@/server/users/update-user';
import { actorFor, auditActions, DEMO, DEMO_PASSWORD, expectDomainError, seed } from './helpers';

const login = (email: string, password: string) =>
  authenticate(db(), { email, password, ip: '10.0.0.1', userAgent: 'vitest' });
const resolve = (sessionId: string, now = new Date()) => resolveSession(db(), sessionId, { now, ip: '10.0.0.1' });

beforeEach(async () => {
  await db().$executeRawUnsafe(
    'truncate "AuditEvent", "Session", "SecurityPolicy", "Announcement", "RoleAssignment", "ResearcherProfile", "User", "Institution" cascade',
  );
  await seed();
});

describe('password login', () => {
  it('opens a session for the right password, case-insensitive e-mail, and audits it', async () => {
    const { sessionId, userId } = await login('Researcher@Demo.Jingyan.CN', DEMO_PASSWORD);
    const resolved = await resolve(sessionId);
    expect(resolved.status).toBe('ACTIVE');
    if (resolved.status !== 'ACTIVE') return;
    expect(resolved.actor).toMatchObject({ userId, role: 'RESEARCHER', email: DEMO.researcher });
    expect(await auditActions(sessionId)).toEqual(['auth.login']);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const unknown = await expectDomainError(login('nobody@demo.jingyan.cn', 'whatever'), 'UNAUTHENTICATED');
    const wrong = await expectDomainError(login(DEMO.researcher, 'wrong-password'), 'UNAUTHENTICATED');
    expect(unknown.messageKey).toBe(wrong.messageKey);
    expect(await auditActions()).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.login_failed']));
  });

  it('locks the account for 15 minutes after 5 wrong passwords, refusing even the right one', async () => {
    for (let i = 0; i < 4; i++) await expectDomainError(login(DEMO.young, 'nope'), 'UNAUTHENTICATED');
    const fifth = await expectDomainError(login(DEMO.young, 'nope'), 'LOCKED');
    expect(fifth.params).toEqual({ minutes: 15 });
    await expectDomainError(login(DEMO.young, DEMO_PASSWORD), 'LOCKED');
    const user = await db().user.findUniqueOrThrow({ where: { email: DEMO.young } });
    expect(user.failedLoginCount).toBe(5);
    expect(user.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(await auditActions(user.id)).toContain('auth.account_locked');

    // When the lock has run out the right password works again and the count starts over.
    await db().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await login(DEMO.young, DEMO_PASSWORD);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
  });

  it('counts parallel wrong guesses one by one (no race under the limit)', async () => {
    await Promise.allSettled(Array.from({ length: 8 }, () => login(DEMO.committee, 'guess')));
    const user = await db().user.findUniqueOrThrow({ where: { email: DEMO.committee } });
    expect(user.failedLoginCount).toBeGreaterThanOrEqual(5);
    expect(user.lockedUntil).not.toBeNull();
  });

  it('follows the security admin: a policy of 3 attempts locks on the third; unlocking lets the owner back in', async () => {
    const secadmin = await actorFor(DEMO.secadmin);
    await updateSecurityPolicy(db(), secadmin, {
      version: 0,
      passwordMinLength: 8,
      passwordMinClasses: 3,
      maxFailedLogins: 3,
      lockoutMinutes: 60,
      idleTimeoutMinutes: 30,
      sessionMaxHours: 12,
    });
    await expectDomainError(login(DEMO.enterprise, 'x'), 'UNAUTHENTICATED');
    await expectDomainError(login(DEMO.enterprise, 'x'), 'UNAUTHENTICATED');
    const locked = await expectDomainError(login(DEMO.enterprise, 'x'), 'LOCKED');
    expect(locked.params).toEqual({ minutes: 60 });
    const user = await db().user.findUniqueOrThrow({ where: { email: DEMO.enterprise } });
    await unlockAccount(db(), secadmin, { id: user.id });
    await expect(login(DEMO.enterprise, DEMO_PASSWORD)).resolves.toMatchObject({ userId: user.id });
  });

  it('refuses a disabled account and ends its open sessions', async () => {
    const { sessionId } = await login(DEMO.expert, DEMO_PASSWORD);
    const sysadmin = await actorFor(DEMO.sysadmin);
    const user = await db().user.findUniqueOrThrow({ where: { email: DEMO.expert } });
    await updateUser(db(), sysadmin, {
      id: user.id,
      version: user.version,
      name: user.name,
      locale: 'zh-CN',
      status: 'DISABLED',
    });
    expect((await resolve(sessionId)).status).toBe('REVOKED');
    await expectDomainError(login(DEMO.expert, DEMO_PASSWORD), 'UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('end after the idle timeout, once, with an audit event', async () => {
    const { sessionId } = await login(DEMO.staff, DEMO_PASSWORD);
    const later = new Date(Date.now() + 31 * 60_000);
    expect((await resolve(sessionId, later)).status).toBe('IDLE');
    expect((await resolve(sessionId, later)).status).toBe('REVOKED');
    const row = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.revokeReason).toBe('IDLE');
    expect((await auditActions(sessionId)).filter((a) => a === 'auth.session_closed')).toHaveLength(1);
  });

  it('stay alive while used: each use within the timeout moves the idle clock', async () => {
    const { sessionId } = await login(DEMO.staff, DEMO_PASSWORD);
    const t0 = Date.now();
    expect((await resolve(sessionId, new Date(t0 + 20 * 60_000))).status).toBe('ACTIVE');
    expect((await resolve(sessionId, new Date(t0 + 45 * 60_000))).status).toBe('ACTIVE');
    expect((await resolve(sessionId, new Date(t0 + 76 * 60_000))).status).toBe('IDLE');
  });

  it('follow the idle timeout the security admin sets, not a built-in one', async () => {
    const secadmin = await actorFor(DEMO.secadmin);
    const policy = async (idleTimeoutMinutes: number) => {
      const { version } = await getSecurityPolicy(db());
      await updateSecurityPolicy(db(), secadmin, {
        version,
        passwordMinLength: 8,
        passwordMinClasses: 3,
        maxFailedLogins: 5,
        lockoutMinutes: 15,
        idleTimeoutMinutes,
        sessionMaxHours: 12,
      });
    };
    await policy(20);
    const a = await login(DEMO.staff, DEMO_PASSWORD);
    const b = await login(DEMO.staff, DEMO_PASSWORD);
    const t0 = Date.now();
    expect((await resolve(b.sessionId, new Date(t0 + 19 * 60_000))).status).toBe('ACTIVE');
    expect((await resolve(a.sessionId, new Date(t0 + 21 * 60_000))).status).toBe('IDLE');
    await policy(60);
    const c = await login(DEMO.staff, DEMO_PASSWORD);
    expect((await resolve(c.sessionId, new Date(Date.now() + 45 * 60_000))).status).toBe('ACTIVE');
    await policy(30);
  });

  it('end at the absolute lifetime even when busy', async () => {
    const { sessionId } = await login(DEMO.staff, DEMO_PASSWORD);
    await db().session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await resolve(sessionId)).status).toBe('EXPIRED');
  });

  it('ignore ids that do not exist or are not ids', async () => {
    expect((await resolve('00000000-0000-7000-8000-000000000000')).status).toBe('NONE');
    expect((await resolve("' or 1=1 --")).status).toBe('NONE');
  });

  it('switch only to a role the person holds, and audit the switch', async () => {
    const expert = await actorFor(DEMO.expert);
    expect(expert.roles.map((r) => r.role).sort()).toEqual(['EXPERT', 'RESEARCHER']);
    await expectDomainError(switchRole(db(), expert, 'COMMISSION_STAFF'), 'FORBIDDEN');
    const other = expert.role === 'EXPERT' ? 'RESEARCHER' : 'EXPERT';
    await expect(switchRole(db(), expert, other)).resolves.toEqual({
      home: other === 'EXPERT' ? '/reviewer' : '/researcher',
    });
    const after = await resolve(expert.sessionId!);
    expect(after.status === 'ACTIVE' && after.actor.role).toBe(other);
    expect(await auditActions(expert.sessionId!)).toContain('auth.switch_role');
  });

  it('fall back to a held role when the active one is withdrawn', async () => {
    const expert = await actorFor(DEMO.expert, 'EXPERT');
    await db().roleAssignment.deleteMany({ where: { userId: expert.userId, role: 'EXPERT' } });
    const after = await resolve(expert.sessionId!);
    expect(after.status === 'ACTIVE' && after.actor.role).toBe('RESEARCHER');
  });

  it('changing the password ends the other sessions but keeps this one', async () => {
    const here = await actorFor(DEMO.researcher);
    const { sessionId: elsewhere } = await login(DEMO.researcher, DEMO_PASSWORD);
    await expectDomainError(
      changePassword(db(), here, {
        currentPassword: 'wrong',
        newPassword: 'Newpass@2027',
        confirmPassword: 'Newpass@2027',
      }),
      'VALIDATION',
    );
    const weak = await expectDomainError(
      changePassword(db(), here, {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'weakweak',
        confirmPassword: 'weakweak',
      }),
      'VALIDATION',
    );
    expect(weak.fieldErrors).toEqual({ newPassword: 'passwordClasses?min=3' });
    await changePassword(db(), here, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Newpass@2027',
      confirmPassword: 'Newpass@2027',
    });
    expect((await resolve(elsewhere)).status).toBe('REVOKED');
    expect((await resolve(here.sessionId!)).status).toBe('ACTIVE');
    await expect(login(DEMO.researcher, 'Newpass@2027')).resolves.toBeTruthy();
  });
});
