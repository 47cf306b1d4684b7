import { beforeAll, describe, expect, it } from 'vitest';
import { analytics, analyticsCache, analyticsFilterOptions, cachedAnalytics } from '@/server/analytics/analytics';
import { db } from '@/server/db';
import { seedDemo } from '../../prisma/seed';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { actorFor, DEMO, expectDomainError } from './helpers';

// The analytics figures against the database counted another way (Prisma counts, not the page's SQL), on the demo
// data: staff see everything, an office only its institution, with the year and program filters applied.

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor;
let office: Actor;
const SUBMITTED = { status: { notIn: ['DRAFT', 'WITHDRAWN'] as ('DRAFT' | 'WITHDRAWN')[] } };
const FUNDED = {
  decisions: {
    some: {
      outcome: 'FUND' as const,
      status: { in: ['PUBLISHED', 'IN_NOTICE', 'FINAL'] as ('PUBLISHED' | 'IN_NOTICE' | 'FINAL')[] },
    },
  },
};

beforeAll(async () => {
  await seedDemo(db());
  staff = await actorFor(DEMO.staff);
  office = await actorFor(DEMO.office);
});

const sum = (rows: { submitted: number; funded: number }[], k: 'submitted' | 'funded') =>
  rows.reduce((s, r) => s + r[k], 0);

describe('analytics', () => {
  it('staff: every breakdown adds up to the applications submitted and funded', async () => {
    const a = await analytics(db(), staff, {});
    const submitted = await db().application.count({ where: SUBMITTED });
    const funded = await db().application.count({ where: { ...SUBMITTED, ...FUNDED } });
    expect(submitted).toBeGreaterThan(0);
    for (const rows of [a.byProgram, a.byDiscipline, a.byAge]) {
      expect(sum(rows, 'submitted')).toBe(submitted);
      expect(sum(rows, 'funded')).toBe(funded);
    }
    const under35 = await db().application.count({ where: { ...SUBMITTED, ageOnDeadline: { lt: 35 } } });
    expect(a.byAge.find((r) => r.key === 'UNDER_35')?.submitted ?? 0).toBe(under35);
    const paid = await db().tranche.aggregate({ where: { status: 'PAID' }, _sum: { amountFen: true } });
    expect(a.money.reduce((s, m) => s + m.paidFen, 0n)).toBe(paid._sum.amountFen ?? 0n);
    const assignments = await db().reviewAssignment.count();
    expect(a.review.reduce((s, r) => s + r.count, 0)).toBe(assignments);
    expect(a.coFunding!.challenges).toBe(await db().challenge.count({ where: { status: 'PUBLISHED' } }));
  });

  it('filters by year and program', async () => {
    const { years, programs } = await analyticsFilterOptions(db(), staff);
    const gen = programs.find((p) => p.name.includes('一般项目'))!;
    const a = await analytics(db(), staff, { programId: gen.id });
    expect(a.byProgram.map((r) => r.key)).toEqual(a.byProgram.length ? [gen.id] : []);
    expect(sum(a.byProgram, 'submitted')).toBe(
      await db().application.count({ where: { ...SUBMITTED, call: { programId: gen.id } } }),
    );
    const y = years[0]!;
    const b = await analytics(db(), staff, { year: y });
    expect(sum(b.byProgram, 'submitted')).toBe(
      await db().application.count({ where: { ...SUBMITTED, call: { year: y } } }),
    );
  });

  it('an office sees its own institution only, and no review or co-funding figures', async () => {
    const a = await analytics(db(), office, {});
    expect(a.scope).toBe('institution');
    expect(sum(a.byProgram, 'submitted')).toBe(
      await db().application.count({ where: { ...SUBMITTED, institutionId: office.institutionId! } }),
    );
    expect(a.byInstitution).toEqual([]);
    expect(a.review).toEqual([]);
    expect(a.coFunding).toBeNull();
  });

  it('nobody else', async () => {
    await expectDomainError(analytics(db(), await actorFor(DEMO.researcher), {}), 'FORBIDDEN');
    await expectDomainError(analytics(db(), await actorFor(DEMO.enterprise), {}), 'FORBIDDEN');
  });
});

describe('the dashboard cache (a minute per scope and filters, per instance)', () => {
  it('serves the same figures until they expire, then computes them again', async () => {
    const cached = analyticsCache({ ttlMs: 1_500 });
    const first = await cached(db(), staff, {});
    const [application] = await db().$queryRaw<{ id: string }[]>`
      select id from "Application" where status = 'DRAFT' limit 1`;
    await db().application.update({ where: { id: application!.id }, data: { status: 'SUBMITTED' } });
    try {
      const again = await cached(db(), staff, {});
      expect(again.computedAt).toEqual(first.computedAt);
      expect(sum(again.byProgram, 'submitted')).toBe(sum(first.byProgram, 'submitted'));
      await new Promise((r) => setTimeout(r, 1_600));
      const later = await cached(db(), staff, {});
      expect(later.computedAt.getTime()).toBeGreaterThan(first.computedAt.getTime());
      expect(sum(later.byProgram, 'submitted')).toBe(sum(first.byProgram, 'submitted') + 1);
    } finally {
      await db().application.update({ where: { id: application!.id }, data: { status: 'DRAFT' } });
    }
  });

  it('keys by the scope the role allows: an office after staff still sees only its institution', async () => {
    const cached = analyticsCache({ ttlMs: 60_000 });
    const all = await cached(db(), staff, {});
    const own = await cached(db(), office, {});
    expect(all.scope).toBe('all');
    expect(all.byInstitution.length).toBeGreaterThan(0);
    expect(all.coFunding).not.toBeNull();
    expect(own.scope).toBe('institution');
    expect(own.byInstitution).toEqual([]);
    expect(own.review).toEqual([]);
    expect(own.coFunding).toBeNull();
  });

  it('requests that arrive together share one computation', async () => {
    const cached = analyticsCache({ ttlMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 5 }, () => cached(db(), staff, { year: 2026 })));
    expect(new Set(results)).toHaveProperty('size', 1);
  });

  it('authorizes before it looks in the cache', async () => {
    await cachedAnalytics(db(), staff, {});
    await expectDomainError(cachedAnalytics(db(), await actorFor(DEMO.researcher), {}), 'FORBIDDEN');
  });
});

const OPERATIONS: MatrixOperation[] = [
  {
    name: 'analytics',
    permission: ['read:analytics:all', 'read:analytics:institution'],
    run: (a) => analytics(db(), a, {}),
  },
  {
    name: 'cachedAnalytics',
    permission: ['read:analytics:all', 'read:analytics:institution'],
    run: (a) => cachedAnalytics(db(), a, {}),
  },
  {
    name: 'analyticsFilterOptions',
    permission: ['read:analytics:all', 'read:analytics:institution'],
    run: (a) => analyticsFilterOptions(db(), a),
  },
];
const actors = {} as Awaited<ReturnType<typeof matrixActors>>;
beforeAll(async () => Object.assign(actors, await matrixActors()));
describeMatrix(OPERATIONS, actors, { noWritesWhenDenied: true });
