import 'server-only';
import { checkLink, GENESIS_HASH, type ChainBreak } from '@/domain/audit/hash-chain';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import type { DbOrTx } from '../db';

function fetchPage(client: DbOrTx, after: bigint | null, take: number) {
  return client.auditEvent.findMany({
    where: after === null ? {} : { id: { gt: after } },
    orderBy: { id: 'asc' },
    take,
  });
}

export interface ChainReport {
  events: number;
  headHash: string;
  firstBreak: ChainBreak | null;
}

/** Walks the whole log in id order, a page at a time (flat memory), and stops at the first broken link. */
export async function verifyAuditChain(client: DbOrTx, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let after: bigint | null = null;
  let events = 0;
  for (;;) {
    const page = await fetchPage(client, after, pageSize);
    for (const e of page) {
      const problem = checkLink(prevHash, {
        id: e.id.toString(),
        occurredAt: e.occurredAt.toISOString(),
        actorId: e.actorId,
        actorRole: e.actorRole,
        actorName: e.actorName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        summary: e.summary,
        ip: e.ip,
        prevHash: e.prevHash,
        hash: e.hash,
      });
      if (problem) return { events, headHash: prevHash, firstBreak: problem };
      prevHash = e.hash;
      events++;
    }
    if (page.length < pageSize) return { events, headHash: prevHash, firstBreak: null };
    after = page[page.length - 1]!.id;
  }
}

/** The audit admin's on-demand check (the same as `npm run audit:verify`): read-only, the auditor's alone (三员分立). */
export async function verifyAuditChainAsAuditor(client: DbOrTx, actor: Actor) {
  assertCan(actor, 'read:audit:all');
  const report = await verifyAuditChain(client);
  return {
    events: report.events,
    headHash: report.headHash,
    brokenAt: report.firstBreak?.id ?? null,
    problem: report.firstBreak?.problem ?? null,
  };
}
