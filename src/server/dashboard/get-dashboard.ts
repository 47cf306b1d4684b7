import 'server-only';
import { missingProfileFields } from '@/domain/people/profile-completeness';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { listPublishedAnnouncements } from '../announcements/announcements';
import { PROFILE_COMPLETENESS_SELECT } from '../researchers/profile';
import { getSecurityPolicy } from '../security/get-security-policy';
import { listQuotasForOffice } from '../calls/calls';
import { expertAssignmentWhere } from '../review/scope';
import { OPEN_ASSIGNMENT_STATUSES } from '@/domain/review/assignment-status';

// What each role has to do next. Later issues add their queues (applications to vet, reviews due, …) here; until
// a queue exists its card says honestly that there is nothing yet, rather than showing invented numbers.

export async function getDashboard(client: Db, actor: Actor) {
  assertCan(actor, 'read:dashboard:own');
  const announcements = await listPublishedAnnouncements(client, 5);
  const now = new Date();
  const openCalls = () =>
    client.call.findMany({
      where: { status: 'OPEN', opensAt: { lte: now }, closesAt: { gt: now } },
      orderBy: { closesAt: 'asc' },
      take: 20,
      select: { id: true, title: true, titleEn: true, closesAt: true, program: { select: { kind: true } } },
    });
  switch (actor.role) {
    case 'RESEARCHER': {
      const profile = await client.researcherProfile.findUnique({
        where: { userId: actor.userId },
        select: { ...PROFILE_COMPLETENESS_SELECT, institution: { select: { name: true } } },
      });
      const byStatus = await client.application.groupBy({
        by: ['status'],
        where: { applicantId: actor.userId },
        _count: { _all: true },
      });
      const invitations = await client.applicationMember.count({
        where: {
          userId: actor.userId,
          confirmation: 'PENDING',
          application: { status: { in: ['DRAFT', 'RETURNED'] } },
        },
      });
      const count = (status: string) => byStatus.find((r) => r.status === status)?._count._all ?? 0;
      return {
        kind: 'RESEARCHER' as const,
        announcements,
        openCalls: await openCalls(),
        institutionName: profile?.institution.name ?? null,
        missingProfileFields: profile ? missingProfileFields(profile) : [],
        applications: { drafts: count('DRAFT'), returned: count('RETURNED'), invitations },
      };
    }
    case 'INSTITUTION_OFFICE': {
      const profiles = await client.researcherProfile.findMany({
        where: {
          institutionId: actor.institutionId ?? '00000000-0000-0000-0000-000000000000',
          user: { roles: { some: { role: 'RESEARCHER' } } },
        },
        select: PROFILE_COMPLETENESS_SELECT,
      });
      const institution = actor.institutionId
        ? await client.institution.findUnique({ where: { id: actor.institutionId }, select: { name: true } })
        : null;
      return {
        kind: 'INSTITUTION_OFFICE' as const,
        announcements,
        quotas: await listQuotasForOffice(client, actor),
        institutionName: institution?.name ?? null,
        researchers: profiles.length,
        incompleteProfiles: profiles.filter((p) => missingProfileFields(p).length > 0).length,
        awaitingVetting: actor.institutionId
          ? await client.application.count({ where: { institutionId: actor.institutionId, status: 'SUBMITTED' } })
          : 0,
      };
    }
    case 'COMMISSION_STAFF': {
      const [institutions, researchers, drafts, proposedChallenges, draftCalls, calls, awaitingFormalCheck] =
        await Promise.all([
          client.institution.groupBy({ by: ['kind'], where: { active: true }, _count: { _all: true } }),
          client.roleAssignment.count({ where: { role: 'RESEARCHER' } }),
          client.announcement.count({ where: { status: 'DRAFT' } }),
          client.challenge.count({ where: { status: { in: ['PROPOSED', 'UNDER_REVIEW'] } } }),
          client.call.count({ where: { status: 'DRAFT' } }),
          openCalls(),
          client.application.count({ where: { status: 'INSTITUTION_APPROVED' } }),
        ]);
      return {
        kind: 'COMMISSION_STAFF' as const,
        announcements,
        proposedChallenges,
        draftCalls,
        openCalls: calls,
        institutionsByKind: institutions.map((g) => ({ kind: g.kind, count: g._count._all })),
        researchers,
        draftAnnouncements: drafts,
        awaitingFormalCheck,
      };
    }
    case 'SYSTEM_ADMIN': {
      const [users, disabled, institutions, roles] = await Promise.all([
        client.user.count(),
        client.user.count({ where: { status: 'DISABLED' } }),
        client.institution.count({ where: { active: true } }),
        client.roleAssignment.groupBy({ by: ['role'], _count: { _all: true } }),
      ]);
      return {
        kind: 'SYSTEM_ADMIN' as const,
        announcements,
        users,
        disabled,
        institutions,
        usersByRole: roles.map((r) => ({ role: r.role, count: r._count._all })),
      };
    }
    case 'SECURITY_ADMIN': {
      const now = new Date();
      const [locked, failing, policy] = await Promise.all([
        client.user.count({ where: { lockedUntil: { gt: now } } }),
        client.user.count({ where: { failedLoginCount: { gt: 0 } } }),
        getSecurityPolicy(client),
      ]);
      return { kind: 'SECURITY_ADMIN' as const, announcements, locked, failing, policy };
    }
    case 'AUDIT_ADMIN': {
      const since = new Date(Date.now() - 24 * 3600_000);
      const [events24h, failedLogins24h] = await Promise.all([
        client.auditEvent.count({ where: { occurredAt: { gte: since } } }),
        client.auditEvent.count({
          where: { occurredAt: { gte: since }, action: { in: ['auth.login_failed', 'auth.account_locked'] } },
        }),
      ]);
      return { kind: 'AUDIT_ADMIN' as const, announcements, events24h, failedLogins24h };
    }
    case 'ENTERPRISE': {
      const byStatus = await client.challenge.groupBy({
        by: ['status'],
        where: { issuerInstitutionId: actor.institutionId ?? '00000000-0000-0000-0000-000000000000' },
        _count: { _all: true },
      });
      return {
        kind: 'ENTERPRISE' as const,
        announcements,
        challengesByStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
      };
    }
    case 'EXPERT': {
      // The same gate as the review list: a conflicted or withdrawn assignment is not counted.
      const open = await client.reviewAssignment.findMany({
        where: { ...expertAssignmentWhere(actor.userId), status: { in: [...OPEN_ASSIGNMENT_STATUSES] } },
        select: { status: true, dueAt: true },
      });
      return {
        kind: 'EXPERT' as const,
        announcements,
        invited: open.filter((a) => a.status === 'INVITED').length,
        toSubmit: open.filter((a) => a.status !== 'INVITED').length,
        overdue: open.filter((a) => a.status === 'OVERDUE').length,
        nextDue: open.reduce<Date | null>((d, a) => (d === null || a.dueAt < d ? a.dueAt : d), null),
      };
    }
    case 'COMMITTEE_MEMBER':
      return { kind: actor.role, announcements };
  }
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
