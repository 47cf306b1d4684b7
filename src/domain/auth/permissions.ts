// The permission matrix: the only place that says which role may do what (ADR 0005).
// A permission is `action:entity:scope`; the scope says how the server module narrows its query:
//   own          — rows the actor owns (their profile, their applications)
//   institution  — rows of the actor's institution (a research office, an enterprise)
//   all          — every row (commission staff, administrators within their duty)
// Anything not listed is denied. Every page, action and route handler calls requirePermission() with one of these.
import { ROLES, type Role } from './roles';

export const PERMISSIONS = {
  'read:dashboard:own': ROLES,
  'update:profile:own': ['RESEARCHER'],
  'read:researcher:institution': ['INSTITUTION_OFFICE'],
  'read:researcher:all': ['COMMISSION_STAFF'],
  'read:institution:all': ['COMMISSION_STAFF', 'SYSTEM_ADMIN'],
  'manage:announcement:all': ['COMMISSION_STAFF'],
  'manage:program:all': ['COMMISSION_STAFF'],
  'manage:call:all': ['COMMISSION_STAFF'],
  'read:quota:institution': ['INSTITUTION_OFFICE'],
  'manage:challenge:all': ['COMMISSION_STAFF'],
  'manage:challenge:institution': ['ENTERPRISE'],
  'manage:institution:all': ['SYSTEM_ADMIN'],
  'manage:user:all': ['SYSTEM_ADMIN'],
  'manage:security-policy:all': ['SECURITY_ADMIN'],
  'unlock:user:all': ['SECURITY_ADMIN'],
  'read:audit:all': ['AUDIT_ADMIN'],
  'upload:file:own': ['RESEARCHER', 'INSTITUTION_OFFICE', 'COMMISSION_STAFF', 'ENTERPRISE'],
  'create:application:own': ['RESEARCHER'],
  'review:application:institution': ['INSTITUTION_OFFICE'],
  'check:application:all': ['COMMISSION_STAFF'],
  'manage:formal-check-reason:all': ['COMMISSION_STAFF'],
  'manage:credit:all': ['COMMISSION_STAFF'],
  'read:id-number:all': ['COMMISSION_STAFF'],
  'manage:expert:all': ['COMMISSION_STAFF'],
  'assign:review:all': ['COMMISSION_STAFF'],
  'update:expert-profile:own': ['EXPERT'],
  'review:assignment:own': ['EXPERT'],
  'manage:review:all': ['COMMISSION_STAFF'],
  // Issue 6: panels, decisions, notice, projects.
  'manage:panel:all': ['COMMISSION_STAFF'],
  'vote:panel:own': ['EXPERT', 'COMMITTEE_MEMBER'],
  'manage:decision:all': ['COMMISSION_STAFF'],
  'manage:notice:all': ['COMMISSION_STAFF'],
  'manage:project:all': ['COMMISSION_STAFF'],
  'manage:project:own': ['RESEARCHER'],
  'manage:project:institution': ['INSTITUTION_OFFICE'],
  'read:project:institution': ['ENTERPRISE'],
  'pay:tranche:institution': ['INSTITUTION_OFFICE', 'ENTERPRISE'],
  'mentor:project:own': ['EXPERT'],
  // Issue 7: platforms and the strategic advisory committee.
  /** The institution applies for a platform (北京实验室, 高精尖创新中心 …) and keeps its record. */
  'apply:platform:institution': ['INSTITUTION_OFFICE'],
  'manage:platform:institution': ['INSTITUTION_OFFICE'],
  /** A platform's director and its project managers work on their own platform. */
  'manage:platform:own': ['RESEARCHER'],
  'manage:platform:all': ['COMMISSION_STAFF'],
  /** Terms, members, topic decisions, strategy meetings and consultation reports. */
  'manage:committee:all': ['COMMISSION_STAFF'],
  /** Bottom-up topic proposals (选题建议). */
  'propose:topic:own': ['RESEARCHER', 'INSTITUTION_OFFICE', 'ENTERPRISE'],
  /** Committee members score topics, take part in meetings, read published reports. */
  'serve:committee:own': ['COMMITTEE_MEMBER'],
  // Issue 8: notifications, documents, exports, analytics.
  /** Everyone reads their own inbox (and marks it read). */
  'read:notification:own': ROLES,
  /** Everyone follows the long work they started (后台任务: imports, background exports) and fetches its result. */
  'read:job:own': ROLES,
  /** 专家导入: staff add expert profiles in bulk from an Excel sheet (accounts stay the system admin's). */
  'import:expert:all': ['COMMISSION_STAFF'],
  /** Mail delivery status: staff answer "did the expert get it?" and send failed mail again. */
  'read:mail:all': ['COMMISSION_STAFF'],
  'resend:mail:all': ['COMMISSION_STAFF'],
  /** 数据分析: the whole picture for staff, their own institution's for an office. */
  'read:analytics:all': ['COMMISSION_STAFF'],
  'read:analytics:institution': ['INSTITUTION_OFFICE'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly Role[] | undefined = PERMISSIONS[permission];
  return allowed ? allowed.includes(role) : false;
}

/** Every permission a role holds, for navigation and tests. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
