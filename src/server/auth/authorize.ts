import 'server-only';
import { can, type Permission } from '@/domain/auth/permissions';
import { DomainError } from '@/lib/errors';
import type { Actor } from './actor';

/**
 * The check every server module makes before it reads or writes (STYLE.md habit 1): the actor's *active* role must
 * hold the permission. Throws FORBIDDEN; callers that must hide a record's existence throw NOT_FOUND themselves.
 */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new DomainError('FORBIDDEN');
}

/** For institution-scoped permissions: the institution the actor's role is scoped to, or FORBIDDEN. */
export function actorInstitution(actor: Actor): string {
  if (!actor.institutionId) throw new DomainError('FORBIDDEN');
  return actor.institutionId;
}
