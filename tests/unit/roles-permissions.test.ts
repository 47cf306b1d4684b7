import { describe, expect, it } from 'vitest';
import { Role as PrismaRole, InstitutionKind as PrismaKind } from '@/generated/prisma/enums';
import { can, PERMISSIONS, permissionsOf, type Permission } from '@/domain/auth/permissions';
import { checkRoleSet, INSTITUTION_KINDS, ROLE_HOME, ROLES, type Role } from '@/domain/auth/roles';

describe('roles', () => {
  it('mirror the database enums exactly', () => {
    expect([...ROLES].sort()).toEqual(Object.values(PrismaRole).sort());
    expect([...INSTITUTION_KINDS].sort()).toEqual(Object.values(PrismaKind).sort());
  });

  it('each have a home in the portal', () => {
    for (const role of ROLES) expect(ROLE_HOME[role]).toMatch(/^\/[a-z]+$/);
  });
});

describe('checkRoleSet', () => {
  const uni = { institutionId: 'u1', institutionKind: 'RESEARCH_UNIVERSITY' as const };
  const firm = { institutionId: 'e1', institutionKind: 'ENTERPRISE' as const };

  it('accepts a researcher who is also an expert', () => {
    expect(
      checkRoleSet([
        { role: 'RESEARCHER', ...uni },
        { role: 'EXPERT', institutionId: null },
      ]),
    ).toEqual([]);
  });

  it('requires the institution of scoped roles and refuses one for unscoped roles', () => {
    expect(checkRoleSet([{ role: 'INSTITUTION_OFFICE', institutionId: null }])).toEqual([
      { code: 'INSTITUTION_REQUIRED', role: 'INSTITUTION_OFFICE' },
    ]);
    expect(checkRoleSet([{ role: 'COMMISSION_STAFF', ...uni }])).toEqual([
      { code: 'INSTITUTION_NOT_ALLOWED', role: 'COMMISSION_STAFF' },
    ]);
  });

  it('matches the institution kind to the role', () => {
    expect(checkRoleSet([{ role: 'ENTERPRISE', ...firm }])).toEqual([]);
    expect(checkRoleSet([{ role: 'ENTERPRISE', ...uni }])).toEqual([
      { code: 'INSTITUTION_KIND_MISMATCH', role: 'ENTERPRISE' },
    ]);
    expect(checkRoleSet([{ role: 'RESEARCHER', ...firm }])).toEqual([
      { code: 'INSTITUTION_KIND_MISMATCH', role: 'RESEARCHER' },
    ]);
  });

  it('keeps the three administrator duties in three different hands (三员分立)', () => {
    const problems = checkRoleSet([
      { role: 'SYSTEM_ADMIN', institutionId: null },
      { role: 'AUDIT_ADMIN', institutionId: null },
    ]);
    expect(problems).toContainEqual({ code: 'ADMIN_DUTIES_COMBINED', roles: ['SYSTEM_ADMIN', 'AUDIT_ADMIN'] });
  });

  it('does not let an administrator hold a business role', () => {
    expect(
      checkRoleSet([
        { role: 'SECURITY_ADMIN', institutionId: null },
        { role: 'EXPERT', institutionId: null },
      ]),
    ).toEqual([{ code: 'ADMIN_WITH_BUSINESS_ROLE', role: 'EXPERT' }]);
  });

  it('refuses the same role twice', () => {
    expect(
      checkRoleSet([
        { role: 'EXPERT', institutionId: null },
        { role: 'EXPERT', institutionId: null },
      ]),
    ).toContainEqual({
      code: 'DUPLICATE_ROLE',
      role: 'EXPERT',
    });
  });
});

describe('permission matrix', () => {
  it('denies unknown roles and nulls', () => {
    expect(can(null, 'read:dashboard:own')).toBe(false);
    expect(can('HACKER' as Role, 'read:dashboard:own')).toBe(false);
    expect(can('RESEARCHER', 'made:up:permission' as Permission)).toBe(false);
  });

  it('separates the administrators (三员分立)', () => {
    expect(can('SYSTEM_ADMIN', 'manage:user:all')).toBe(true);
    expect(can('SYSTEM_ADMIN', 'read:audit:all')).toBe(false);
    expect(can('SYSTEM_ADMIN', 'manage:security-policy:all')).toBe(false);
    expect(can('SECURITY_ADMIN', 'manage:security-policy:all')).toBe(true);
    expect(can('SECURITY_ADMIN', 'manage:user:all')).toBe(false);
    expect(can('SECURITY_ADMIN', 'read:audit:all')).toBe(false);
    // The audit admin reads the log and changes nothing.
    expect(permissionsOf('AUDIT_ADMIN').filter((p) => !p.startsWith('read:'))).toEqual([]);
    expect(can('AUDIT_ADMIN', 'read:audit:all')).toBe(true);
  });

  it('keeps researchers out of commission work', () => {
    expect(permissionsOf('RESEARCHER')).toEqual([
      'read:dashboard:own',
      'update:profile:own',
      'upload:file:own',
      'create:application:own',
      'manage:project:own',
      'manage:platform:own',
      'propose:topic:own',
      'read:notification:own',
      'read:job:own',
    ]);
  });

  it('names every permission action:entity:scope', () => {
    for (const p of Object.keys(PERMISSIONS)) expect(p).toMatch(/^[a-z]+:[a-z-]+:(own|institution|all)$/);
  });
});
