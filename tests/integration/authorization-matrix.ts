import { describe, expect, it } from 'vitest';
import { can, type Permission } from '@/domain/auth/permissions';
import { ROLES, type Role } from '@/domain/auth/roles';
import { DomainError } from '@/lib/errors';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import { actorFor, DEMO } from './helpers';

// The one runner of the authorization matrix: every server function of a file × every role, allowed exactly when the
// permission matrix (src/domain/auth/permissions.ts) says so. A denied call must fail with FORBIDDEN (and, where the
// fixtures allow checking it, write no audit event). Each area's authorization-*.test.ts lists its functions.

export interface MatrixOperation {
  name: string;
  /**
   * Who may call it: one permission, any of several (a read open to several scopes), all of several (`allOf`: an act
   * on two records, e.g. a decision and its notice), 'public' (no login needed) or 'signed-in' (any role, on the
   * person's own account: their password, language, active role).
   */
  permission: Permission | Permission[] | { allOf: Permission[] } | 'public' | 'signed-in';
  run: (actor: Actor) => Promise<unknown>;
}

export function expectedOutcome(op: MatrixOperation, role: Role): 'allowed' | 'denied' {
  const p = op.permission;
  if (p === 'public' || p === 'signed-in') return 'allowed';
  const allowed = Array.isArray(p)
    ? p.some((x) => can(role, x))
    : typeof p === 'object'
      ? p.allOf.every((x) => can(role, x))
      : can(role, p);
  return allowed ? 'allowed' : 'denied';
}

export function describeMatrix(
  operations: readonly MatrixOperation[],
  actors: Record<Role, Actor>,
  options: {
    /**
     * Count the module's own refusals (not found, validation, wrong state) as "allowed past the matrix": for fixtures
     * shared by every role, where an allowed role may still meet a record outside its scope. Scoping is tested apart.
     */
    refusalsPassTheMatrix?: boolean;
    /**
     * Also check that a denied call wrote no audit event. Only where `run` builds no fixture of its own (its setup
     * would write events before the call under test).
     */
    noWritesWhenDenied?: boolean;
  } = {},
) {
  describe.each(operations)('$name', (op) => {
    it.each([...ROLES])('as %s follows the permission matrix', async (role) => {
      const events = await db().auditEvent.count();
      const outcome = await op.run(actors[role]).then(
        () => 'allowed',
        (e: unknown) => {
          if (e instanceof DomainError && e.code === 'FORBIDDEN') return 'denied';
          if (
            options.refusalsPassTheMatrix &&
            e instanceof DomainError &&
            ['NOT_FOUND', 'VALIDATION', 'CONFLICT', 'STALE'].includes(e.code)
          ) {
            return 'allowed';
          }
          throw e;
        },
      );
      expect(outcome).toBe(expectedOutcome(op, role));
      if (options.noWritesWhenDenied && outcome === 'denied') expect(await db().auditEvent.count()).toBe(events);
    });
  });
}

/** One demo account per role (the English-speaking expert for EXPERT), signed in with that role active. */
export const MATRIX_ACCOUNTS: Record<Role, string> = {
  RESEARCHER: DEMO.researcher,
  INSTITUTION_OFFICE: DEMO.office,
  COMMISSION_STAFF: DEMO.staff,
  EXPERT: DEMO.intlExpert,
  COMMITTEE_MEMBER: DEMO.committee,
  ENTERPRISE: DEMO.enterprise,
  SYSTEM_ADMIN: DEMO.sysadmin,
  SECURITY_ADMIN: DEMO.secadmin,
  AUDIT_ADMIN: DEMO.auditor,
};

export async function matrixActors(): Promise<Record<Role, Actor>> {
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) actors[role] = await actorFor(MATRIX_ACCOUNTS[role], role);
  return actors;
}
