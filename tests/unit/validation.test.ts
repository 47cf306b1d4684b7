import { describe, expect, it } from 'vitest';
import { ZCreateInstitution } from '@/lib/validation/institutions';
import { ZResearcherProfile } from '@/lib/validation/profile';
import { ZSecurityPolicy } from '@/lib/validation/security';
import { ZChangePassword, ZCreateUser } from '@/lib/validation/users';

const firstError = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? null : { path: r.error!.issues[0]!.path.join('.'), message: r.error!.issues[0]!.message };

describe('form schemas name the field and the reason', () => {
  it('institution: credit code check digit, kinds, aliases', () => {
    const base = {
      name: '测试大学',
      kind: 'APPLIED_UNIVERSITY',
      affiliation: 'MUNICIPAL',
      creditCode: '91350100M000100Y43',
    };
    expect(ZCreateInstitution.parse({ ...base, aliases: '甲，乙, 甲' }).aliases).toEqual(['甲', '乙']);
    expect(firstError(ZCreateInstitution.safeParse({ ...base, creditCode: '91350100M000100Y44' }))).toEqual({
      path: 'creditCode',
      message: 'creditCodeCheck',
    });
    expect(firstError(ZCreateInstitution.safeParse({ ...base, creditCode: '123' }))).toEqual({
      path: 'creditCode',
      message: 'creditCodeLength',
    });
    expect(firstError(ZCreateInstitution.safeParse({ ...base, name: '   ' }))).toEqual({
      path: 'name',
      message: 'required',
    });
    expect(firstError(ZCreateInstitution.safeParse({ ...base, kind: 'CASTLE' }))).toEqual({
      path: 'kind',
      message: 'required',
    });
    expect(firstError(ZCreateInstitution.safeParse({ ...base, name: 'x'.repeat(101) }))).toEqual({
      path: 'name',
      message: 'tooLong?max=100',
    });
  });

  it('user: e-mail lower-cased, roles required, control characters refused', () => {
    const base = { email: 'A@B.CN', name: '张三', initialPassword: 'x', roles: [{ role: 'EXPERT' }] };
    expect(ZCreateUser.parse(base).email).toBe('a@b.cn');
    expect(firstError(ZCreateUser.safeParse({ ...base, email: 'not-mail' }))).toEqual({
      path: 'email',
      message: 'email',
    });
    expect(firstError(ZCreateUser.safeParse({ ...base, roles: [] }))).toEqual({
      path: 'roles',
      message: 'rolesRequired',
    });
    expect(firstError(ZCreateUser.safeParse({ ...base, name: '张\u0007三' }))).toEqual({
      path: 'name',
      message: 'controlCharacters',
    });
    expect(firstError(ZCreateUser.safeParse({ ...base, roles: [{ role: 'KING' }] }))?.path).toBe('roles.0.role');
  });

  it('change password: confirmation must match', () => {
    expect(
      firstError(ZChangePassword.safeParse({ currentPassword: 'a', newPassword: 'b', confirmPassword: 'c' })),
    ).toEqual({
      path: 'confirmPassword',
      message: 'passwordMismatch',
    });
  });

  it('profile: dates, discipline codes and ORCID', () => {
    const base = { version: 1 };
    expect(ZResearcherProfile.parse({ ...base, disciplineCodes: '520, 14010，520', keywords: '' })).toMatchObject({
      disciplineCodes: ['520', '14010'],
      keywords: [],
      birthDate: null,
      orcid: null,
    });
    // Codes may be separated by spaces; words keep theirs ("edge AI" is one keyword, not two).
    expect(
      ZResearcherProfile.parse({
        ...base,
        disciplineCodes: '520 14010',
        keywords: 'edge AI，类脑计算、 spiking networks',
      }),
    ).toMatchObject({ disciplineCodes: ['520', '14010'], keywords: ['edge AI', '类脑计算', 'spiking networks'] });
    expect(firstError(ZResearcherProfile.safeParse({ ...base, birthDate: '1990-02-31x' }))).toEqual({
      path: 'birthDate',
      message: 'date',
    });
    expect(firstError(ZResearcherProfile.safeParse({ ...base, birthDate: '2999-01-01' }))).toEqual({
      path: 'birthDate',
      message: 'birthDateRange',
    });
    expect(firstError(ZResearcherProfile.safeParse({ ...base, disciplineCodes: '52' }))).toEqual({
      path: 'disciplineCodes.0',
      message: 'disciplineCode',
    });
    expect(firstError(ZResearcherProfile.safeParse({ ...base, orcid: '0000-0002-1825-0098' }))).toEqual({
      path: 'orcid',
      message: 'orcid',
    });
  });

  it('security policy: bounded numbers', () => {
    const ok = {
      version: 0,
      passwordMinLength: 8,
      passwordMinClasses: 3,
      maxFailedLogins: 5,
      lockoutMinutes: 15,
      idleTimeoutMinutes: 30,
      sessionMaxHours: 12,
    };
    expect(ZSecurityPolicy.safeParse(ok).success).toBe(true);
    expect(firstError(ZSecurityPolicy.safeParse({ ...ok, passwordMinLength: 6 }))).toEqual({
      path: 'passwordMinLength',
      message: 'between?min=8&max=64',
    });
    expect(firstError(ZSecurityPolicy.safeParse({ ...ok, lockoutMinutes: Number.NaN }))?.path).toBe('lockoutMinutes');
  });
});
