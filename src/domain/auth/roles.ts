// The roles of DOMAIN.md, as data. Mirrors the Prisma enum `Role` (a unit test keeps the two equal) so that pure
// code needs no generated client.

export const ROLES = [
  'RESEARCHER',
  'INSTITUTION_OFFICE',
  'COMMISSION_STAFF',
  'EXPERT',
  'COMMITTEE_MEMBER',
  'ENTERPRISE',
  'SYSTEM_ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const INSTITUTION_KINDS = [
  'RESEARCH_UNIVERSITY',
  'SPECIALIZED_UNIVERSITY',
  'APPLIED_UNIVERSITY',
  'ENTERPRISE',
  'RESEARCH_INSTITUTE',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The URL segment of each role's workspace (STYLE.md: one real URL segment per role). */
export const ROLE_HOME = {
  RESEARCHER: '/researcher',
  INSTITUTION_OFFICE: '/office',
  COMMISSION_STAFF: '/commission',
  EXPERT: '/reviewer',
  COMMITTEE_MEMBER: '/committee',
  ENTERPRISE: '/enterprise',
  SYSTEM_ADMIN: '/admin',
  SECURITY_ADMIN: '/admin',
  AUDIT_ADMIN: '/admin',
} as const satisfies Record<Role, string>;

const HOST_INSTITUTIONS = [
  'RESEARCH_UNIVERSITY',
  'SPECIALIZED_UNIVERSITY',
  'APPLIED_UNIVERSITY',
  'RESEARCH_INSTITUTE',
] as const;

/**
 * Which institutions a role is scoped to; `null`: the role is not scoped. A researcher belongs to a host institution
 * (依托单位), which vets and recommends their applications; a research office to the same kinds; a challenge issuer
 * (发榜方) is an enterprise or a new R&D institution. Commission staff, experts, committee members and the
 * administrators are not scoped (an expert's employer, for conflicts, lives in the expert profile).
 */
export const ROLE_INSTITUTION_KINDS: Record<Role, readonly InstitutionKind[] | null> = {
  RESEARCHER: HOST_INSTITUTIONS,
  INSTITUTION_OFFICE: HOST_INSTITUTIONS,
  COMMISSION_STAFF: null,
  EXPERT: null,
  COMMITTEE_MEMBER: null,
  ENTERPRISE: ['ENTERPRISE', 'RESEARCH_INSTITUTE'],
  SYSTEM_ADMIN: null,
  SECURITY_ADMIN: null,
  AUDIT_ADMIN: null,
};

/** 三员分立: the three administrator duties are held by three different people. */
export const SEPARATED_ADMIN_ROLES = [
  'SYSTEM_ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
] as const satisfies readonly Role[];

export interface RoleGrant {
  role: Role;
  institutionId: string | null;
  institutionKind?: InstitutionKind | null;
}

export type RoleSetProblem =
  | { code: 'INSTITUTION_REQUIRED'; role: Role }
  | { code: 'INSTITUTION_NOT_ALLOWED'; role: Role }
  | { code: 'INSTITUTION_KIND_MISMATCH'; role: Role }
  | { code: 'DUPLICATE_ROLE'; role: Role }
  | { code: 'ADMIN_DUTIES_COMBINED'; roles: Role[] }
  | { code: 'ADMIN_WITH_BUSINESS_ROLE'; role: Role };

/**
 * Checks a person's whole set of roles. An administrator holds exactly one administrator duty and no business role:
 * whoever runs the system must not also apply for, review or decide on grants, nor audit their own work.
 */
export function checkRoleSet(grants: readonly RoleGrant[]): RoleSetProblem[] {
  const problems: RoleSetProblem[] = [];
  const seen = new Set<Role>();
  for (const grant of grants) {
    if (seen.has(grant.role)) problems.push({ code: 'DUPLICATE_ROLE', role: grant.role });
    seen.add(grant.role);
    const kinds = ROLE_INSTITUTION_KINDS[grant.role];
    if (kinds === null && grant.institutionId) problems.push({ code: 'INSTITUTION_NOT_ALLOWED', role: grant.role });
    if (kinds !== null && !grant.institutionId) problems.push({ code: 'INSTITUTION_REQUIRED', role: grant.role });
    if (kinds !== null && grant.institutionId && grant.institutionKind && !kinds.includes(grant.institutionKind)) {
      problems.push({ code: 'INSTITUTION_KIND_MISMATCH', role: grant.role });
    }
  }
  const admin = grants.map((g) => g.role).filter((r) => (SEPARATED_ADMIN_ROLES as readonly Role[]).includes(r));
  if (admin.length > 1) problems.push({ code: 'ADMIN_DUTIES_COMBINED', roles: admin });
  if (admin.length > 0) {
    for (const grant of grants) {
      if (!(SEPARATED_ADMIN_ROLES as readonly Role[]).includes(grant.role)) {
        problems.push({ code: 'ADMIN_WITH_BUSINESS_ROLE', role: grant.role });
      }
    }
  }
  return problems;
}
