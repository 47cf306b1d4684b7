import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, checkLink, GENESIS_HASH, type AuditContent } from '@/domain/audit/hash-chain';

const event = (id: number, summary: unknown = { a: 1 }): AuditContent => ({
  id: String(id),
  occurredAt: '2026-11-28T00:00:00.000Z',
  actorId: null,
  actorRole: null,
  actorName: '张三',
  action: 'user.create',
  entityType: 'User',
  entityId: 'x',
  summary,
  ip: null,
});

describe('audit hash chain', () => {
  it('serialises objects canonically (key order does not matter)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(auditHash(GENESIS_HASH, event(1, { x: 1, y: 2 }))).toBe(auditHash(GENESIS_HASH, event(1, { y: 2, x: 1 })));
  });

  it('links each event to the previous hash and detects any change', () => {
    const e1 = event(1);
    const h1 = auditHash(GENESIS_HASH, e1);
    const e2 = event(2);
    const h2 = auditHash(h1, e2);
    expect(checkLink(GENESIS_HASH, { ...e1, prevHash: GENESIS_HASH, hash: h1 })).toBeNull();
    expect(checkLink(h1, { ...e2, prevHash: h1, hash: h2 })).toBeNull();
    expect(checkLink(h1, { ...e2, summary: { a: 2 }, prevHash: h1, hash: h2 })?.problem).toBe('HASH_MISMATCH');
    expect(checkLink(GENESIS_HASH, { ...e2, prevHash: h1, hash: h2 })?.problem).toBe('PREV_HASH_MISMATCH');
  });
});
