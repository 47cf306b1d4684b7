import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { createAnnouncement } from '@/server/announcements/announcements';
import { searchAudit } from '@/server/audit/search-audit';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { authenticate } from '@/server/auth/authenticate';
import { actorFor, DEMO, seed } from './helpers';

beforeAll(async () => {
  await seed();
});

/** Runs scripts/audit-verify.ts as `npm run audit:verify` does, against this file's database. */
function auditVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'scripts/audit-verify.ts'],
      { env: process.env, cwd: process.cwd() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the audit log', () => {
  it('stays one unbroken chain under concurrent writers', async () => {
    const staff = await actorFor(DEMO.staff);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        createAnnouncement(db(), staff, { title: `并发公告 ${i}`, body: '正文', publish: i % 2 === 0 }),
      ),
    );
    const report = await verifyAuditChain(db());
    expect(report.firstBreak).toBeNull();
    expect(report.events).toBeGreaterThanOrEqual(27);
    // Every write is in the log, with actor and role.
    const created = await db().auditEvent.findMany({ where: { action: { startsWith: 'announcement.create' } } });
    expect(created).toHaveLength(25);
    expect(created.every((e) => e.actorId === staff.userId && e.actorRole === 'COMMISSION_STAFF')).toBe(true);
  });

  it('commits or rolls back with the change it records', async () => {
    const staff = await actorFor(DEMO.staff);
    const before = await db().auditEvent.count();
    await expect(
      db().$transaction(async (tx) => {
        const { recordAudit } = await import('@/server/audit/record-audit');
        await recordAudit(tx, { actor: staff, action: 'test.rolled_back', entityType: 'Test', summary: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().auditEvent.count()).toBe(before);
    expect((await verifyAuditChain(db())).firstBreak).toBeNull();
  });

  it('names the first event that was altered, and the one after a deletion', async () => {
    const events = await db().auditEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
    const victim = events[5]!.id;
    // The command staff run (npm run audit:verify) on this database: OK first, then exit 1 naming the event.
    const intact = await auditVerify();
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toMatch(/^OK: \d+ events, head hash [0-9a-f]{64}/);
    await db().$executeRaw`update "AuditEvent" set summary = '{"title":"篡改"}' where id = ${victim}`;
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at audit event #${victim}: HASH_MISMATCH`);
    const altered = await verifyAuditChain(db(), 4);
    expect(altered.firstBreak).toMatchObject({ id: victim.toString(), problem: 'HASH_MISMATCH' });
    expect(altered.events).toBe(5);

    await db().$executeRaw`delete from "AuditEvent" where id = ${victim}`;
    const deleted = await verifyAuditChain(db(), 4);
    expect(deleted.firstBreak).toMatchObject({ id: events[6]!.id.toString(), problem: 'PREV_HASH_MISMATCH' });
  });

  it('lets the audit admin find login events by e-mail, newest first, a page at a time', async () => {
    for (let i = 0; i < 3; i++)
      await authenticate(db(), { email: DEMO.young, password: 'wrong', ip: '192.0.2.7', userAgent: null }).catch(
        () => {},
      );
    const auditor = await actorFor(DEMO.auditor);
    const page = await searchAudit(db(), auditor, { action: 'auth.', q: DEMO.young });
    expect(page.rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed']);
    expect(page.rows[0]!.ip).toBe('192.0.2.7');
    const all = await searchAudit(db(), auditor, {});
    const ids = all.rows.map((r) => BigInt(r.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    if (all.nextBefore) {
      const next = await searchAudit(db(), auditor, { before: BigInt(all.nextBefore) });
      expect(BigInt(next.rows[0]!.id)).toBeLessThan(BigInt(all.nextBefore));
    }
  });
});
