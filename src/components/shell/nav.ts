import type { Permission } from '@/domain/auth/permissions';
import { can } from '@/domain/auth/permissions';
import type { Role } from '@/domain/auth/roles';

export interface NavItem {
  href: string;
  /** Key under "nav" in messages. */
  label: string;
  permission: Permission;
}

// Each role's pages. An item shows only when the active role holds its permission — the same check the page makes.
const NAV: Record<Role, NavItem[]> = {
  RESEARCHER: [
    { href: '/researcher', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/researcher/applications', label: 'applications', permission: 'create:application:own' },
    { href: '/researcher/profile', label: 'profile', permission: 'update:profile:own' },
    { href: '/researcher/talent', label: 'talentRecord', permission: 'update:profile:own' },
    { href: '/researcher/projects', label: 'myProjects', permission: 'manage:project:own' },
    { href: '/researcher/platforms', label: 'myPlatforms', permission: 'manage:platform:own' },
    { href: '/researcher/topics', label: 'topics', permission: 'propose:topic:own' },
  ],
  INSTITUTION_OFFICE: [
    { href: '/office', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/office/applications', label: 'vetting', permission: 'review:application:institution' },
    { href: '/office/researchers', label: 'researchers', permission: 'read:researcher:institution' },
    { href: '/office/projects', label: 'projects', permission: 'manage:project:institution' },
    { href: '/office/platforms', label: 'platforms', permission: 'manage:platform:institution' },
    { href: '/office/platforms/apply', label: 'platformApply', permission: 'apply:platform:institution' },
    { href: '/office/topics', label: 'topics', permission: 'propose:topic:own' },
    { href: '/office/analytics', label: 'analytics', permission: 'read:analytics:institution' },
  ],
  COMMISSION_STAFF: [
    { href: '/commission', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/commission/programs', label: 'programs', permission: 'manage:program:all' },
    { href: '/commission/calls', label: 'calls', permission: 'manage:call:all' },
    { href: '/commission/challenges', label: 'challenges', permission: 'manage:challenge:all' },
    { href: '/commission/formal-check', label: 'formalCheck', permission: 'check:application:all' },
    { href: '/commission/review', label: 'review', permission: 'assign:review:all' },
    { href: '/commission/panels', label: 'panels', permission: 'manage:panel:all' },
    { href: '/commission/decisions', label: 'decisions', permission: 'manage:decision:all' },
    { href: '/commission/notices', label: 'notices', permission: 'manage:notice:all' },
    { href: '/commission/projects', label: 'projects', permission: 'manage:project:all' },
    { href: '/commission/platforms', label: 'platforms', permission: 'manage:platform:all' },
    { href: '/commission/races', label: 'races', permission: 'manage:project:all' },
    { href: '/commission/committee', label: 'committee', permission: 'manage:committee:all' },
    { href: '/commission/credit', label: 'credit', permission: 'manage:credit:all' },
    { href: '/commission/experts', label: 'experts', permission: 'manage:expert:all' },
    { href: '/commission/announcements', label: 'announcements', permission: 'manage:announcement:all' },
    { href: '/commission/institutions', label: 'institutions', permission: 'read:institution:all' },
    { href: '/commission/analytics', label: 'analytics', permission: 'read:analytics:all' },
    { href: '/commission/mail', label: 'mail', permission: 'read:mail:all' },
    { href: '/jobs', label: 'jobs', permission: 'read:job:own' },
  ],
  EXPERT: [
    { href: '/reviewer', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/reviewer/assignments', label: 'reviews', permission: 'review:assignment:own' },
    { href: '/reviewer/panels', label: 'panelMeetings', permission: 'vote:panel:own' },
    { href: '/reviewer/mentoring', label: 'mentoring', permission: 'mentor:project:own' },
    { href: '/reviewer/profile', label: 'expertProfile', permission: 'update:expert-profile:own' },
  ],
  COMMITTEE_MEMBER: [
    { href: '/committee', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/committee/panels', label: 'panelMeetings', permission: 'vote:panel:own' },
    { href: '/committee/topics', label: 'committeeTopics', permission: 'serve:committee:own' },
    { href: '/committee/meetings', label: 'strategyMeetings', permission: 'serve:committee:own' },
    { href: '/committee/reports', label: 'consultationReports', permission: 'serve:committee:own' },
  ],
  ENTERPRISE: [
    { href: '/enterprise', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/enterprise/challenges', label: 'myChallenges', permission: 'manage:challenge:institution' },
    { href: '/enterprise/projects', label: 'challengeProjects', permission: 'read:project:institution' },
    { href: '/enterprise/topics', label: 'topics', permission: 'propose:topic:own' },
  ],
  SYSTEM_ADMIN: [
    { href: '/admin', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/admin/users', label: 'users', permission: 'manage:user:all' },
    { href: '/admin/institutions', label: 'manageInstitutions', permission: 'manage:institution:all' },
  ],
  SECURITY_ADMIN: [
    { href: '/admin', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/admin/security', label: 'security', permission: 'manage:security-policy:all' },
  ],
  AUDIT_ADMIN: [
    { href: '/admin', label: 'dashboard', permission: 'read:dashboard:own' },
    { href: '/admin/audit', label: 'audit', permission: 'read:audit:all' },
  ],
};

export function navFor(role: Role): NavItem[] {
  return NAV[role].filter((item) => can(role, item.permission));
}
