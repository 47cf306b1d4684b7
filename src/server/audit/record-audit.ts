import 'server-only';
import { auditHash, GENESIS_HASH, type AuditContent } from '@/domain/audit/hash-chain';
import type { Tx } from '../db';
import type { Role } from '@/domain/auth/roles';

// Writes one audit event inside the caller's transaction (ADR 0006). The transaction-scoped advisory lock
// serialises writers so that each event links to the one committed before it; call this as the last write of the
// transaction to hold the lock as briefly as possible.

const AUDIT_CHAIN_LOCK = 727_001;

export interface AuditInput {
  /** An Actor, or the person a login attempt is about (no role yet), or null for an unknown e-mail. */
  actor: { userId: string; role: Role | null; name: string; ip: string | null } | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed: small, human-readable, no secrets (never a password or its hash). */
  summary: Record<string, unknown>;
  /** When there is no actor (a failed login), the request's address. */
  ip?: string | null;
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<bigint> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const [next] = await tx.$queryRaw<
    { id: bigint }[]
  >`select nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) as id`;
  const id = next!.id;
  const occurredAt = new Date();
  const content: AuditContent = {
    id: id.toString(),
    occurredAt: occurredAt.toISOString(),
    actorId: input.actor?.userId ?? null,
    actorRole: input.actor?.role ?? null,
    actorName: input.actor?.name ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: JSON.parse(JSON.stringify(input.summary)),
    ip: input.actor?.ip ?? input.ip ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      id,
      occurredAt,
      actorId: content.actorId,
      actorRole: input.actor?.role ?? null,
      actorName: content.actorName,
      action: content.action,
      entityType: content.entityType,
      entityId: content.entityId,
      summary: content.summary as object,
      ip: content.ip,
      prevHash,
      hash: auditHash(prevHash, content),
    },
  });
  return id;
}
