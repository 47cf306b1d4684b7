import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import {
  transitionAnnouncement,
  createAnnouncement,
  listPublishedAnnouncements,
} from '@/server/announcements/announcements';
import { authenticate } from '@/server/auth/authenticate';
import { resolveSession } from '@/server/auth/resolve-session';
import { createInstitution } from '@/server/institutions/create-institution';
import { updateInstitution } from '@/server/institutions/update-institution';
import { updateSecurityPolicy } from '@/server/security/update-security-policy';
import { createUser } from '@/server/users/create-user';
import { resetPassword } from '@/server/users/reset-password';
import { setUserRoles } from '@/server/users/set-user-roles';
import { actorFor, auditActions, DEMO, expectDomainError, institutionId, seed } from './helpers';

let sysadmin: Actor;
let bjut: string;
let enterprise: string;

beforeAll(async () => {
  await seed();
  sysadmin = await actorFor(DEMO.sysadmin);
  bjut = await institutionId('北京工业大学');
  enterprise = await institutionId('京研示范科技有限公司');
});

describe('accounts (system admin)', () => {
  it('creates a researcher with a talent record at the host institution, forced to change the password', async () => {
    const user = await createUser(db(), sysadmin, {
      email: 'new.researcher@bjut.edu.cn',
      name: '周新',
      locale: 'zh-CN',
      initialPassword: 'Welcome@2026',
      roles: [{ role: 'RESEARCHER', institutionId: bjut }],
    });
    const row = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      include: { researcherProfile: true, roles: true },
    });
    expect(row.mustChangePassword).toBe(true);
    expect(row.researcherProfile?.institutionId).toBe(bjut);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await auditActions(user.id)).toEqual(['user.create']);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(JSON.stringify(audit.summary)).not.toContain('Welcome@2026');
  });

  it('names the field for every refusal', async () => {
    const base = {
      email: 'x1@demo.jingyan.cn',
      name: '某人',
      locale: 'zh-CN' as const,
      initialPassword: 'Welcome@2026',
    };
    const taken = await expectDomainError(
      createUser(db(), sysadmin, { ...base, email: DEMO.staff, roles: [{ role: 'EXPERT', institutionId: null }] }),
      'CONFLICT',
    );
    expect(taken.fieldErrors).toEqual({ email: 'emailTaken' });
    const weak = await expectDomainError(
      createUser(db(), sysadmin, {
        ...base,
        initialPassword: 'short',
        roles: [{ role: 'EXPERT', institutionId: null }],
      }),
      'VALIDATION',
    );
    expect(weak.fieldErrors).toEqual({ initialPassword: 'passwordTooShort?min=8' });
    const unscoped = await expectDomainError(
      createUser(db(), sysadmin, { ...base, roles: [{ role: 'INSTITUTION_OFFICE', institutionId: null }] }),
      'VALIDATION',
    );
    expect(unscoped.fieldErrors).toEqual({ 'roles.0.institutionId': 'roleNeedsInstitution' });
    const wrongKind = await expectDomainError(
      createUser(db(), sysadmin, { ...base, roles: [{ role: 'INSTITUTION_OFFICE', institutionId: enterprise }] }),
      'VALIDATION',
    );
    expect(wrongKind.fieldErrors).toEqual({ 'roles.0.institutionId': 'roleInstitutionKind' });
    const combined = await expectDomainError(
      createUser(db(), sysadmin, {
        ...base,
        roles: [
          { role: 'SECURITY_ADMIN', institutionId: null },
          { role: 'AUDIT_ADMIN', institutionId: null },
        ],
      }),
      'VALIDATION',
    );
    expect(Object.values(combined.fieldErrors ?? {})).toContain('adminDutiesCombined');
    expect(await db().user.count({ where: { email: base.email } })).toBe(0);
  });

  it("cannot change their own roles; changing someone else's moves the talent record", async () => {
    const me = await db().user.findUniqueOrThrow({ where: { id: sysadmin.userId } });
    await expectDomainError(
      setUserRoles(db(), sysadmin, {
        id: me.id,
        version: me.version,
        roles: [{ role: 'AUDIT_ADMIN', institutionId: null }],
      }),
      'VALIDATION',
    );
    const young = await db().user.findUniqueOrThrow({ where: { email: DEMO.young } });
    await setUserRoles(db(), sysadmin, {
      id: young.id,
      version: young.version,
      roles: [
        { role: 'RESEARCHER', institutionId: bjut },
        { role: 'EXPERT', institutionId: null },
      ],
    });
    expect((await db().researcherProfile.findUniqueOrThrow({ where: { userId: young.id } })).institutionId).toBe(bjut);
    // The version moved on: a second edit from the same stale form is refused.
    await expectDomainError(
      setUserRoles(db(), sysadmin, {
        id: young.id,
        version: young.version,
        roles: [{ role: 'EXPERT', institutionId: null }],
      }),
      'STALE',
    );
  });

  it('resets a password: sessions end and a change is forced at next login', async () => {
    const { sessionId } = await authenticate(db(), {
      email: DEMO.committee,
      password: 'Jingyan@2026',
      ip: null,
      userAgent: null,
    });
    const user = await db().user.findUniqueOrThrow({ where: { email: DEMO.committee } });
    await resetPassword(db(), sysadmin, { id: user.id, newPassword: 'Temporary@2026' });
    expect((await resolveSession(db(), sessionId, { now: new Date(), ip: null })).status).toBe('REVOKED');
    const again = await authenticate(db(), {
      email: DEMO.committee,
      password: 'Temporary@2026',
      ip: null,
      userAgent: null,
    });
    const resolved = await resolveSession(db(), again.sessionId, { now: new Date(), ip: null });
    expect(resolved.status === 'ACTIVE' && resolved.actor.mustChangePassword).toBe(true);
  });
});

describe('institutions (system admin)', () => {
  const code = '91350100M000100Y43';
  it('creates one, refuses a duplicate name or credit code on the right field, and edits with optimistic concurrency', async () => {
    const created = await createInstitution(db(), sysadmin, {
      name: '北京测试学院',
      nameEn: null,
      aliases: ['测院'],
      kind: 'APPLIED_UNIVERSITY',
      affiliation: 'MUNICIPAL',
      creditCode: code,
    });
    const dupName = await expectDomainError(
      createInstitution(db(), sysadmin, {
        name: '北京测试学院',
        nameEn: null,
        aliases: [],
        kind: 'APPLIED_UNIVERSITY',
        affiliation: 'MUNICIPAL',
        creditCode: '91110000802100433B',
      }),
      'CONFLICT',
    );
    expect(dupName.fieldErrors).toEqual({ name: 'institutionNameTaken' });
    const dupCode = await expectDomainError(
      createInstitution(db(), sysadmin, {
        name: '另一所学院',
        nameEn: null,
        aliases: [],
        kind: 'APPLIED_UNIVERSITY',
        affiliation: 'MUNICIPAL',
        creditCode: code,
      }),
      'CONFLICT',
    );
    expect(dupCode.fieldErrors).toEqual({ creditCode: 'creditCodeTaken' });

    const edit = {
      id: created.id,
      version: 1,
      name: '北京测试大学',
      nameEn: 'Beijing Test University',
      aliases: ['测院', '北京测试学院'],
      kind: 'APPLIED_UNIVERSITY' as const,
      affiliation: 'MUNICIPAL' as const,
      creditCode: code,
      active: true,
    };
    await updateInstitution(db(), sysadmin, edit);
    await expectDomainError(updateInstitution(db(), sysadmin, { ...edit, name: '后到的修改' }), 'STALE');
    expect((await db().institution.findUniqueOrThrow({ where: { id: created.id } })).name).toBe('北京测试大学');
    const changes = await db().auditEvent.findFirstOrThrow({
      where: { entityId: created.id, action: 'institution.update' },
    });
    expect(changes.summary).toMatchObject({ name: { from: '北京测试学院', to: '北京测试大学' } });
  });
});

describe('announcements (commission staff)', () => {
  it('go DRAFT → PUBLISHED → WITHDRAWN, shown publicly only while published', async () => {
    const staff = await actorFor(DEMO.staff);
    const draft = await createAnnouncement(db(), staff, { title: '测试公告', body: '内容', publish: false });
    expect((await listPublishedAnnouncements(db(), 50)).map((a) => a.id)).not.toContain(draft.id);
    await transitionAnnouncement(db(), staff, { id: draft.id, version: 1 }, 'publish');
    expect((await listPublishedAnnouncements(db(), 50)).map((a) => a.id)).toContain(draft.id);
    await expectDomainError(transitionAnnouncement(db(), staff, { id: draft.id, version: 2 }, 'publish'), 'CONFLICT');
    await transitionAnnouncement(db(), staff, { id: draft.id, version: 2 }, 'withdraw');
    expect((await listPublishedAnnouncements(db(), 50)).map((a) => a.id)).not.toContain(draft.id);
    expect(await auditActions(draft.id)).toEqual([
      'announcement.create',
      'announcement.publish',
      'announcement.withdraw',
    ]);
  });
});

describe('security policy (security admin)', () => {
  it('saves with optimistic concurrency and audits each changed value', async () => {
    const secadmin = await actorFor(DEMO.secadmin);
    const values = {
      passwordMinLength: 10,
      passwordMinClasses: 3,
      maxFailedLogins: 5,
      lockoutMinutes: 15,
      idleTimeoutMinutes: 20,
      sessionMaxHours: 8,
    };
    await updateSecurityPolicy(db(), secadmin, { version: 0, ...values });
    await expectDomainError(updateSecurityPolicy(db(), secadmin, { version: 0, ...values }), 'STALE');
    await updateSecurityPolicy(db(), secadmin, { version: 1, ...values, idleTimeoutMinutes: 25 });
    const events = await db().auditEvent.findMany({
      where: { action: 'security_policy.update' },
      orderBy: { id: 'asc' },
    });
    expect(events[0]!.summary).toMatchObject({
      passwordMinLength: { from: 8, to: 10 },
      idleTimeoutMinutes: { from: 30, to: 20 },
    });
    expect(events[1]!.summary).toEqual({ idleTimeoutMinutes: { from: 20, to: 25 } });
    // New passwords now need 10 characters.
    const sysadmin2 = await actorFor(DEMO.sysadmin);
    const e = await expectDomainError(
      createUser(db(), sysadmin2, {
        email: 'p@demo.jingyan.cn',
        name: 'P',
        locale: 'zh-CN',
        initialPassword: 'Abc@12345',
        roles: [{ role: 'EXPERT', institutionId: null }],
      }),
      'VALIDATION',
    );
    expect(e.fieldErrors).toEqual({ initialPassword: 'passwordTooShort?min=10' });
  });
});
