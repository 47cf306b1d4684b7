import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '@/domain/security/rate-limits';
import { authenticate } from '@/server/auth/authenticate';
import { db } from '@/server/db';
import { searchPublicBoard } from '@/server/challenges/public-board';
import { fileObjection } from '@/server/decisions/public-notices';
import { taskBookPdf } from '@/server/documents/task-book-pdf';
import { exportList } from '@/server/exports/export-list';
import { consumeRateLimit, sweepRateLimits } from '@/server/security/rate-limit';
import { scriptClient } from '../../scripts/lib/prisma';
import { actorFor, auditActions, DEMO, DEMO_PASSWORD, expectDomainError, seed } from './helpers';
import { activeProject } from './project-fixtures';

// Rate limits (issue 9) hold across app instances because they are counted in PostgreSQL: two separate clients (as
// two replicas would have) share one count. Failed logins from one address across accounts stop that address, not
// the accounts' owners elsewhere; exports stop at their per-person limit and open again in the next window.

beforeAll(async () => {
  await seed();
});

describe('rate limits', () => {
  it('count across two app instances and open again in the next window', async () => {
    const other = scriptClient(process.env.DATABASE_URL!, 2);
    try {
      const now = new Date('2026-11-29T08:00:10Z');
      const { limit } = RATE_LIMITS.export;
      for (let i = 0; i < limit; i++) await consumeRateLimit(i % 2 ? other : db(), 'export', 'person-1', now);
      const refused = await expectDomainError(consumeRateLimit(other, 'export', 'person-1', now), 'RATE_LIMITED');
      expect(refused.params).toEqual({ seconds: 50 });
      await expectDomainError(consumeRateLimit(db(), 'export', 'person-1', now), 'RATE_LIMITED');
      // Someone else is not held back; the next minute starts afresh.
      await consumeRateLimit(db(), 'export', 'person-2', now);
      await consumeRateLimit(db(), 'export', 'person-1', new Date('2026-11-29T08:01:00Z'));
    } finally {
      await other.$disconnect();
    }
    expect(await sweepRateLimits(db(), new Date('2026-12-01T00:00:00Z'))).toBeGreaterThanOrEqual(2);
    expect(await db().rateLimitBucket.count({ where: { key: { startsWith: 'export:person-' } } })).toBe(0);
  });

  it('stop exports past the per-person limit with a clear refusal', async () => {
    const staff = await actorFor(DEMO.staff);
    for (let i = 0; i < RATE_LIMITS.export.limit; i++) await consumeRateLimit(db(), 'export', staff.userId);
    await expectDomainError(
      exportList(db(), staff, { kind: 'projects', format: 'csv', filters: {}, locale: 'zh-CN' }),
      'RATE_LIMITED',
    );
  });

  it('hold off an address that keeps failing across accounts, even with a right password; not the owner elsewhere', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < RATE_LIMITS.login_failures_ip.limit; i++) {
      await expectDomainError(
        authenticate(db(), { email: `nobody${i}@example.cn`, password: 'wrong', ip, userAgent: null }),
        'UNAUTHENTICATED',
      );
    }
    await expectDomainError(
      authenticate(db(), { email: DEMO.young, password: DEMO_PASSWORD, ip, userAgent: null }),
      'RATE_LIMITED',
    );
    const refused = await db().auditEvent.findFirst({
      where: { action: 'auth.login_refused', ip },
      orderBy: { id: 'desc' },
    });
    expect(refused?.summary).toMatchObject({ reason: 'RATE_LIMITED' });
    // The account itself is not locked: its owner logs in from their own address.
    await expect(
      authenticate(db(), { email: DEMO.young, password: DEMO_PASSWORD, ip: '203.0.113.9', userAgent: null }),
    ).resolves.toMatchObject({ sessionId: expect.any(String) });
    expect((await auditActions()).filter((a) => a === 'auth.account_locked')).toHaveLength(0);
  });

  it('stop PDF rendering past the per-person limit; a refused reader is not counted', async () => {
    const { projectId } = await activeProject({ kind: 'GENERAL' });
    const staff = await actorFor(DEMO.staff);
    const researcher = await actorFor(DEMO.young);
    const pdfCount = (userId: string) =>
      db().rateLimitBucket.aggregate({ where: { key: `pdf:${userId}` }, _sum: { count: true } });
    // Another's project: not found, and nothing counted against anyone.
    await expectDomainError(taskBookPdf(db(), researcher, projectId, { locale: 'zh-CN' }), 'NOT_FOUND');
    expect((await pdfCount(researcher.userId))._sum.count ?? 0).toBe(0);

    const first = await taskBookPdf(db(), staff, projectId, { locale: 'zh-CN' });
    expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    for (let i = 1; i < RATE_LIMITS.pdf.limit; i++) await consumeRateLimit(db(), 'pdf', staff.userId);
    const refused = await expectDomainError(taskBookPdf(db(), staff, projectId, { locale: 'zh-CN' }), 'RATE_LIMITED');
    expect(Number(refused.params?.seconds)).toBeGreaterThan(0);
  });

  it('hold off public text searches from one address, never plain browsing or another address', async () => {
    const ip = '203.0.113.9';
    const now = new Date();
    for (let i = 0; i < RATE_LIMITS.public_search.limit; i++) await consumeRateLimit(db(), 'public_search', ip, now);
    const limited = await searchPublicBoard(db(), { q: '能效' }, ip);
    expect(limited).toMatchObject({ rows: [], total: 0 });
    expect(limited.limitedForSeconds).toBeGreaterThan(0);
    const browsing = await searchPublicBoard(db(), {}, ip);
    expect(browsing.limitedForSeconds).toBeNull();
    expect(browsing.total).toBeGreaterThan(0);
    expect((await searchPublicBoard(db(), { q: '能效' }, '203.0.113.10')).limitedForSeconds).toBeNull();
  });

  it('hold off an address filing public objections past its limit', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < RATE_LIMITS.public_form.limit; i++) await consumeRateLimit(db(), 'public_form', ip);
    await expectDomainError(
      fileObjection(
        db(),
        null,
        {
          noticeItemId: randomUUID(),
          name: '张三',
          contact: '13800000000',
          reason: 'x'.repeat(30),
          evidenceFileId: null,
        } as never,
        { ip },
      ),
      'RATE_LIMITED',
    );
  });
});
