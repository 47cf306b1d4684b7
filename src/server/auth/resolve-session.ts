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
  const row = await client.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      activeRole: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          locale: true,
          status: true,
          mustChangePassword: true,
          roles: {
            select: { role: true, institutionId: true, institution: { select: { name: true } } },
            orderBy: { createdAt: 'asc' },
          },
        },
      },
    },
  });
  if (!row) return { status: 'NONE' };
  const policy = await getSecurityPolicy(client);
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
    .map((r) => ({
      role: r.role as Role,
      institutionId: r.institutionId,
      institutionName: r.institution?.name ?? null,
    }));
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
