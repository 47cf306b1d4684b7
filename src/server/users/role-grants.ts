import 'server-only';
import { checkRoleSet, type RoleGrant, type RoleSetProblem } from '@/domain/auth/roles';
import { DomainError } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';
import type { DbOrTx } from '../db';

const PROBLEM_KEYS: Record<RoleSetProblem['code'], string> = {
  INSTITUTION_REQUIRED: 'roleNeedsInstitution',
  INSTITUTION_NOT_ALLOWED: 'roleTakesNoInstitution',
  INSTITUTION_KIND_MISMATCH: 'roleInstitutionKind',
  DUPLICATE_ROLE: 'roleDuplicate',
  ADMIN_DUTIES_COMBINED: 'adminDutiesCombined',
  ADMIN_WITH_BUSINESS_ROLE: 'adminWithBusinessRole',
};

/** Looks up the institutions the grants name and applies the pure role-set rule; throws VALIDATION naming the field. */
export async function validateRoleGrants(
  client: DbOrTx,
  grants: { role: RoleGrant['role']; institutionId: string | null }[],
) {
  const ids = [...new Set(grants.map((g) => g.institutionId).filter((id): id is string => !!id))];
  const institutions = ids.length
    ? await client.institution.findMany({ where: { id: { in: ids }, active: true }, select: { id: true, kind: true } })
    : [];
  const kindOf = new Map(institutions.map((i) => [i.id, i.kind]));
  const unknown = grants.findIndex((g) => g.institutionId && !kindOf.has(g.institutionId));
  if (unknown >= 0) {
    throw new DomainError('VALIDATION', 'checkFields', { [`roles.${unknown}.institutionId`]: 'institutionUnknown' });
  }
  const problems = checkRoleSet(
    grants.map((g) => ({ ...g, institutionKind: g.institutionId ? kindOf.get(g.institutionId) : null })),
  );
  if (problems.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const p of problems) {
      const index = 'role' in p ? grants.findIndex((g) => g.role === p.role) : -1;
      const field =
        index >= 0 ? `roles.${index}.${p.code.startsWith('INSTITUTION') ? 'institutionId' : 'role'}` : 'roles';
      fieldErrors[field] ??= msg(PROBLEM_KEYS[p.code]);
    }
    throw new DomainError('VALIDATION', 'checkFields', fieldErrors);
  }
}
