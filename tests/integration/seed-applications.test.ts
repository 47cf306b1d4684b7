import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { seedDemo } from '../../prisma/seed';

// The demo seed makes its applications through the server modules; this proves it reaches every state it promises
// (the vetting and formal-check pages depend on it), stays within the rules, and can run twice.
describe('demo applications', () => {
  it('covers every status of the first stages, through the modules, and is idempotent', async () => {
    await seedDemo(db());
    const rows = await db().application.groupBy({ by: ['status'], _count: { _all: true } });
    expect(Object.fromEntries(rows.map((r) => [r.status, r._count._all]))).toEqual({
      DRAFT: 1,
      SUBMITTED: 1,
      RETURNED: 1,
      INSTITUTION_APPROVED: 1,
      FORMAL_CHECK_PASSED: 1,
      FORMAL_CHECK_FAILED: 1,
      WITHDRAWN: 1,
    });
    // Submitted ones carry a frozen version and a code; each transition left its audit event.
    const submitted = await db().application.findMany({
      where: { status: { not: 'DRAFT' } },
      include: { versions: true },
    });
    for (const a of submitted) {
      expect(a.code).toMatch(/^JY\d{4}-GEN-\d{4}$/);
      expect(a.versions).toHaveLength(1);
    }
    const actions = await db().auditEvent.findMany({ where: { entityType: 'Application' }, select: { action: true } });
    const counts = actions.reduce<Record<string, number>>((m, a) => ({ ...m, [a.action]: (m[a.action] ?? 0) + 1 }), {});
    expect(counts).toMatchObject({
      'application.create': 7,
      'application.submit': 6,
      'application.return': 1,
      'application.recommend': 3,
      'application.formal_check_pass': 1,
      'application.formal_check_fail': 1,
      'application.withdraw': 1,
    });
    expect(await db().formalCheckReason.count()).toBeGreaterThanOrEqual(5);

    await seedDemo(db());
    expect(await db().application.count()).toBe(7);
  });
});
