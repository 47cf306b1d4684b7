import 'server-only';
import type { InstitutionKind } from '@/domain/auth/roles';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';

export async function listInstitutions(
  client: Db,
  actor: Actor,
  filter: { q?: string | null; kind?: InstitutionKind } = {},
) {
  assertCan(actor, 'read:institution:all');
  return client.institution.findMany({
    where: {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.q
        ? {
            OR: [
              { name: { contains: filter.q } },
              { creditCode: { contains: filter.q.toUpperCase() } },
              { aliases: { has: filter.q } },
            ],
          }
        : {}),
    },
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      nameEn: true,
      aliases: true,
      kind: true,
      affiliation: true,
      creditCode: true,
      active: true,
      version: true,
      _count: { select: { researcherProfiles: true } },
    },
  });
}

/** Names and kinds for pickers (role scopes). Any signed-in administrator form may need them. */
export async function institutionOptions(client: Db, actor: Actor) {
  assertCan(actor, 'manage:user:all');
  return client.institution.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true },
  });
}
