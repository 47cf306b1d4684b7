import 'server-only';
import { isRole, type Role } from '@/domain/auth/roles';
import { sessionNeedsTouch, sessionVerdict } from '@/domain/auth/security-policy';
import type { Db } from '../db';
import { recordAudit } from '../audit/record-audit';
import { getSecurityPolicy } from '../security/get-security-policy';
import type { Actor } from './actor';

export type SessionResolution =
  { status: 'ACTIVE'; actor: Actor } | { status: 'NONE' | 'IDLE' | 'EXPIRED' | 'REVOKED' | 'DISABLED' };

/**
 * Turns a session id (from the signed JWT cookie) into the acting person, applying the security policy:
 * revoked, expired and idle sessions end here, on every app instance alike, because the row is in PostgreSQL.
 * A session that times out is closed and audited once.
 */
export async function resolveSession(
  client: Db,
  sessionId: string,
  context: { now: Date; ip: string | null },
): Promise<SessionResolution> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { status: 'NONE' };
  // Every signed-in request comes through here, so it is one round trip for the session, its person and their roles
  // (it was four, one per relation) alongside one for the policy (issue 10, docs/PERFORMANCE.md).
  const [[found], policy] = await Promise.all([
    client.$queryRaw<
      {
        id: string;
        activeRole: Role;
        lastSeenAt: Date;
        expiresAt: Date;
        revokedAt: Date | null;
        userId: string;
        name: string;
        email: string;
        locale: string;
        status: string;
        mustChangePassword: boolean;
        roles: { role: string; institutionId: string | null; institutionName: string | null }[];
      }[]
    >`select s.id, s."activeRole"::text as "activeRole", s."lastSeenAt", s."expiresAt", s."revokedAt",
             u.id as "userId", u.name, u.email, u.locale, u.status::text as status, u."mustChangePassword",
             coalesce((select json_agg(json_build_object('role', r.role, 'institutionId', r."institutionId",
                                                         'institutionName', i.name) order by r."createdAt")
                         from "RoleAssignment" r left join "Institution" i on i.id = r."institutionId"
                        where r."userId" = u.id), '[]'::json) as roles
        from "Session" s join "User" u on u.id = s."userId"
       where s.id = ${sessionId}::uuid`,
    getSecurityPolicy(client),
  ]);
  if (!found) return { status: 'NONE' };
  const row = { ...found, user: { ...found, id: found.userId } };
  const verdict = sessionVerdict(row, policy, context.now);
  const user = row.user;

  const close = async (reason: 'IDLE' | 'EXPIRED' | 'DISABLED') => {
    await client.$transaction(async (tx) => {
      const closed = await tx.session.updateMany({
        where: { id: row.id, revokedAt: null },
        data: { revokedAt: context.now, revokeReason: reason },
      });
      if (closed.count === 1) {
        await recordAudit(tx, {
          actor: { userId: user.id, role: row.activeRole, name: user.name, ip: context.ip },
          action: 'auth.session_closed',
          entityType: 'Session',
          entityId: row.id,
          summary: { reason },
        });
      }
    });
  };

  if (verdict === 'REVOKED') return { status: 'REVOKED' };
  if (verdict === 'IDLE' || verdict === 'EXPIRED') {
    await close(verdict);
    return { status: verdict };
  }
  if (user.status !== 'ACTIVE') {
    await close('DISABLED');
    return { status: 'DISABLED' };
  }

  const roles = user.roles
    .filter((r) => isRole(r.role))
    .map((r) => ({ role: r.role as Role, institutionId: r.institutionId, institutionName: r.institutionName }));
  // The role may have been withdrawn since the session chose it: fall back to one the person still holds.
  let active = roles.find((r) => r.role === row.activeRole);
  if (!active) {
    active = roles[0];
    if (!active) return { status: 'REVOKED' };
    await client.session.update({ where: { id: row.id }, data: { activeRole: active.role } });
  }

  if (sessionNeedsTouch(row.lastSeenAt, context.now)) {
    await client.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastSeenAt: context.now } });
  }

  return {
    status: 'ACTIVE',
    actor: {
      userId: user.id,
      sessionId: row.id,
      name: user.name,
      email: user.email,
      locale: user.locale === 'en' ? 'en' : 'zh-CN',
      role: active.role,
      institutionId: active.institutionId,
      roles,
      ip: context.ip,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
