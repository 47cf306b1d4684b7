import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import type { Permission } from '@/domain/auth/permissions';
import { can } from '@/domain/auth/permissions';
import type { Role } from '@/domain/auth/roles';
import { db } from '../db';
import type { Actor } from './actor';
import { authOptions } from './next-auth-options';
import { requestIp } from './request-context';
import { resolveSession, type SessionResolution } from './resolve-session';

/** The acting person for this request, resolved once per request (React cache) from the session row. */
export const getSession = cache(async (): Promise<SessionResolution> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  if (!session?.sid) return { status: 'NONE' };
  return resolveSession(db(), session.sid, { now: new Date(), ip: await requestIp() });
});

export async function getActor(): Promise<Actor | null> {
  const s = await getSession();
  return s.status === 'ACTIVE' ? s.actor : null;
}

/** For pages and layouts: the actor, or a redirect to the login page saying why. */
export async function requireUser(): Promise<Actor> {
  const s = await getSession();
  if (s.status === 'ACTIVE') return s.actor;
  redirect(s.status === 'NONE' ? '/login' : `/login?reason=${s.status.toLowerCase()}`);
}

/**
 * For pages: the actor if their active role holds `permission`; otherwise the page does not exist for them (404),
 * which also hides which pages other roles have.
 */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireUser();
  if (!can(actor.role, permission)) notFound();
  return actor;
}

export function holdsRole(actor: Actor, role: Role): boolean {
  return actor.roles.some((r) => r.role === role);
}
