import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { seedDemo } from '../../prisma/seed';
import { HORSE_RACE_CHALLENGE_TITLE } from '../../prisma/seed-horse-race';

// The demo seed makes its applications through the server modules; this proves it reaches every state it promises
// (the vetting and formal-check pages depend on it), stays within the rules, and can run twice.
describe('the demo seed in production', () => {
  it('refuses to load into a database run with NODE_ENV=production, writing nothing', async () => {
    const env = process.env as Record<string, string | undefined>;
    const before = env.NODE_ENV;
    env.NODE_ENV = 'production';
    try {
      await expect(seedDemo(db())).rejects.toThrow(/Refusing to load demo data/);
    } finally {
      env.NODE_ENV = before;
    }
    expect(await db().user.count({ where: { email: { endsWith: '@demo.jingyan.cn' } } })).toBe(0);
  });
});

describe('demo applications', () => {
  it('covers every status of the first stages, through the modules, and is idempotent', async () => {
    await seedDemo(db());
    const rows = await db().application.groupBy({
      by: ['status'],
      where: { call: { program: { code: 'GEN' } } },
      _count: { _all: true },
    });
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
      where: { status: { not: 'DRAFT' }, call: { program: { code: 'GEN' } } },
      include: { versions: true },
    });
    for (const a of submitted) {
      expect(a.code).toMatch(/^JY\d{4}-GEN-\d{4}$/);
      expect(a.versions).toHaveLength(1);
    }
    const gen = await db().application.findMany({
      where: { call: { program: { code: 'GEN' } } },
      select: { id: true },
    });
    const actions = await db().auditEvent.findMany({
      where: { entityType: 'Application', entityId: { in: gen.map((a) => a.id) } },
      select: { action: true },
    });
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

    // Run again, nothing is added: 7 general, 2 horse-race teams, 1 funded platform (prisma/seed-platforms.ts).
    await seedDemo(db());
    expect(await db().application.count()).toBe(10);
    expect(await db().platform.count()).toBe(1);
  });

  it("brings last season's horse-race round to the panel: two teams reviewed and scored, in the past", async () => {
    await seedDemo(db());
    const challenge = await db().challenge.findFirstOrThrow({
      where: { title: HORSE_RACE_CHALLENGE_TITLE },
      include: { call: true, applications: { include: { reviewAssignments: { include: { review: true } } } } },
    });
    // Its call has closed, and the challenge closed with it (it takes no more teams).
    expect(challenge).toMatchObject({
      status: 'CLOSED',
      selectionMode: 'HORSE_RACE',
      teamCount: 2,
      keepAfterCut: 1,
    });
    expect(challenge.call!.status).toBe('REVIEWING');
    expect(challenge.call!.closesAt.getTime()).toBeLessThan(Date.now());
    expect(challenge.applications.map((a) => a.status)).toEqual(['UNDER_REVIEW', 'UNDER_REVIEW']);
    for (const app of challenge.applications) {
      expect(app.code).toMatch(/^JY\d{4}-KEY-\d{4}$/);
      expect(app.reviewAssignments.map((r) => r.review?.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    }
    const scores = await db().scoreNormalisation.findMany({
      where: { callId: challenge.callId! },
      orderBy: { rank: 'asc' },
      select: { rank: true, application: { select: { title: true } } },
    });
    expect(scores.map((s) => s.application.title)).toEqual([
      '基于阻变存储器的存算一体阵列与片上学习',
      '面向端侧大模型推理的SRAM存内计算宏单元',
    ]);
  });
});
