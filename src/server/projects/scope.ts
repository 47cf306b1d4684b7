import 'server-only';
import { can } from '@/domain/auth/permissions';
import { DomainError } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import type { Prisma } from '../db';

// Who may see which project (DATA-MODEL §2.12 access), as the WHERE clause every project query starts from:
//   COMMISSION_STAFF  every project
//   RESEARCHER        projects they lead (PI) or are a current member of; writes are the PI's alone (piProjectWhere)
//   INSTITUTION_OFFICE projects of the office's institution
//   ENTERPRISE        projects on challenges the enterprise issued (status, KPIs, milestones, its own tranches)
//   EXPERT            projects they are the active responsible expert (护航) of
// Anyone else's query finds nothing, so an id outside the actor's scope answers NOT_FOUND like an id that does not
// exist. A role with none of these permissions is FORBIDDEN before any query.

export function projectWhere(actor: Actor): Prisma.ProjectWhereInput {
  switch (actor.role) {
    case 'COMMISSION_STAFF':
      if (can(actor.role, 'manage:project:all')) return {};
      break;
    case 'RESEARCHER':
      if (can(actor.role, 'manage:project:own'))
        return {
          OR: [{ piUserId: actor.userId }, { members: { some: { userId: actor.userId, toDate: null } } }],
        };
      break;
    case 'INSTITUTION_OFFICE':
      if (can(actor.role, 'manage:project:institution') && actor.institutionId)
        return { institutionId: actor.institutionId };
      break;
    case 'ENTERPRISE':
      if (can(actor.role, 'read:project:institution') && actor.institutionId)
        return { challenge: { issuerInstitutionId: actor.institutionId } };
      break;
    case 'EXPERT':
      if (can(actor.role, 'mentor:project:own'))
        return { mentors: { some: { expertUserId: actor.userId, status: 'ACTIVE' } } };
      break;
  }
  throw new DomainError('FORBIDDEN');
}

/** The PI's own projects: what only the PI may change (task book draft, reports, change requests, final report). */
export function piProjectWhere(actor: Actor): Prisma.ProjectWhereInput {
  if (actor.role !== 'RESEARCHER' || !can(actor.role, 'manage:project:own')) throw new DomainError('FORBIDDEN');
  return { piUserId: actor.userId };
}
