import { expect } from 'vitest';
import type { Role } from '@/domain/auth/roles';
import { DomainError, type ErrorCode } from '@/lib/errors';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import { authenticate } from '@/server/auth/authenticate';
import { resolveSession } from '@/server/auth/resolve-session';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed';

export { DEMO_PASSWORD };

export const DEMO = {
  researcher: 'researcher@demo.jingyan.cn',
  young: 'young@demo.jingyan.cn',
  office: 'office@demo.jingyan.cn',
  staff: 'staff@demo.jingyan.cn',
  expert: 'expert@demo.jingyan.cn',
  intlExpert: 'intl.expert@demo.jingyan.cn',
  committee: 'committee@demo.jingyan.cn',
  enterprise: 'enterprise@demo.jingyan.cn',
  sysadmin: 'sysadmin@demo.jingyan.cn',
  secadmin: 'secadmin@demo.jingyan.cn',
  auditor: 'auditor@demo.jingyan.cn',
} as const;

/** The demo data, without its applications: each test makes the applications it reasons about. */
export async function seed() {
  await seedDemo(db(), { applications: false });
}

/** A real Actor, made the way the app makes one: password login, then the session row resolved. */
export async function actorFor(email: string, role?: Role): Promise<Actor> {
  const { sessionId } = await authenticate(db(), {
    email,
    password: DEMO_PASSWORD,
    ip: '127.0.0.1',
    userAgent: 'vitest',
  });
  if (role) await db().session.update({ where: { id: sessionId }, data: { activeRole: role } });
  const resolved = await resolveSession(db(), sessionId, { now: new Date(), ip: '127.0.0.1' });
  if (resolved.status !== 'ACTIVE') throw new Error(`session for ${email} is ${resolved.status}`);
  if (role && resolved.actor.role !== role) throw new Error(`${email} does not hold ${role}`);
  return resolved.actor;
}

/** Expects the promise to fail with a DomainError of `code`; returns it for further checks. */
export async function expectDomainError(promise: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected DomainError ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

export async function institutionId(name: string): Promise<string> {
  return (await db().institution.findUniqueOrThrow({ where: { name }, select: { id: true } })).id;
}

export async function auditActions(entityId?: string): Promise<string[]> {
  const rows = await db().auditEvent.findMany({
    where: entityId ? { entityId } : {},
    orderBy: { id: 'asc' },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

/** Polls until `check` holds: for work done by the app's own job workers (they poll every half second in tests). */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
