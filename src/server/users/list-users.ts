import 'server-only';
import type { Role } from '@/domain/auth/roles';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';

export const USERS_PAGE_SIZE = 50;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  status: 'ACTIVE' | 'DISABLED';
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  version: number;
  roles: { role: Role; institutionId: string | null; institutionName: string | null }[];
}

export async function listUsers(
  client: Db,
  actor: Actor,
  filter: { q: string | null; role?: Role; page: number },
): Promise<{ rows: UserRow[]; total: number; page: number; pageSize: number }> {
  assertCan(actor, 'manage:user:all');
  const where = {
    ...(filter.q
      ? { OR: [{ email: { contains: filter.q, mode: 'insensitive' as const } }, { name: { contains: filter.q } }] }
      : {}),
    ...(filter.role ? { roles: { some: { role: filter.role } } } : {}),
  };
  const [total, users] = await Promise.all([
    client.user.count({ where }),
    client.user.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        name: true,
        locale: true,
        status: true,
        lockedUntil: true,
        mustChangePassword: true,
        lastLoginAt: true,
        version: true,
        roles: {
          select: { role: true, institutionId: true, institution: { select: { name: true } } },
          orderBy: { createdAt: 'asc' },
        },
      },
    }),
  ]);
  const now = Date.now();
  return {
    total,
    page: filter.page,
    pageSize: USERS_PAGE_SIZE,
    rows: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      locale: u.locale,
      status: u.status,
      locked: !!u.lockedUntil && u.lockedUntil.getTime() > now,
      mustChangePassword: u.mustChangePassword,
      lastLoginAt: u.lastLoginAt,
      version: u.version,
      roles: u.roles.map((r) => ({
        role: r.role,
        institutionId: r.institutionId,
        institutionName: r.institution?.name ?? null,
      })),
    })),
  };
}
