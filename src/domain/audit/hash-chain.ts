// The audit log's tamper evidence (ADR 0006): each event stores hash = SHA-256(prevHash + "\n" + canonical JSON of
// its content). Changing, deleting or reordering any stored event breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: string; // the sequence number, as a decimal string (bigint does not survive JSON)
  occurredAt: string; // ISO 8601, UTC, millisecond precision
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  ip: string | null;
}

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest('hex');
}

export type ChainBreak =
  | { id: string; problem: 'PREV_HASH_MISMATCH'; expected: string; found: string }
  | { id: string; problem: 'HASH_MISMATCH'; expected: string; found: string };

/**
 * Checks one event against the hash of the event before it. Returns the problem, or null when the link holds.
 */
export function checkLink(
  prevHash: string,
  event: AuditContent & { prevHash: string; hash: string },
): ChainBreak | null {
  if (event.prevHash !== prevHash) {
    return { id: event.id, problem: 'PREV_HASH_MISMATCH', expected: prevHash, found: event.prevHash };
  }
  const { prevHash: _p, hash, ...content } = event;
  const expected = auditHash(prevHash, content);
  if (expected !== hash) return { id: event.id, problem: 'HASH_MISMATCH', expected, found: hash };
  return null;
}
