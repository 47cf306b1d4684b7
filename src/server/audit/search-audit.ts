import 'server-only';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  /** Prefix of an action name: "auth." finds every login event. */
  action?: string | null;
  /** Matches the actor's name or e-mail (e-mails are in login summaries), or an entity id. */
  q?: string | null;
  entityType?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Keyset cursor: show events older than this id. */
  before?: bigint | null;
}

/** The audit admin reads the log, newest first, a page at a time (keyset: constant cost however deep). */
export async function searchAudit(client: Db, actor: Actor, filter: AuditFilter) {
  assertCan(actor, 'read:audit:all');
  const where = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to
      ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
    ...(filter.q
      ? {
          OR: [
            { actorName: { contains: filter.q } },
            { entityId: filter.q },
            { summary: { path: ['email'], equals: filter.q.toLowerCase() } },
          ],
        }
      : {}),
  };
  const rows = await client.auditEvent.findMany({
    where,
    orderBy: { id: 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      occurredAt: true,
      actorName: true,
      actorRole: true,
      action: true,
      entityType: true,
      entityId: true,
      summary: true,
      ip: true,
    },
  });
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page.map((r) => ({ ...r, id: r.id.toString() })),
    nextBefore: hasMore ? page[page.length - 1]!.id.toString() : null,
  };
}
