// The commission's application list at more than a page (issue 10): keyset pages in each order visit every row once,
// forwards and backwards, with the filters kept, and the counts per status cover the whole filtered list, not a page.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import type { Actor } from '@/server/auth/actor';
import { FORMAL_CHECK_PAGE_SIZE, listForFormalCheck } from '@/server/applications/review-side';
import type { TFormalCheckQuery } from '@/lib/validation/applications';
import { actorFor, DEMO, seed } from './helpers';

const EXTRA = 2 * FORMAL_CHECK_PAGE_SIZE + 17;
let staff: Actor;
let callId: string;

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
  const [call] = await db().$queryRaw<{ id: string; ruleVersionId: string }[]>`
    select id, "ruleVersionId" from "Call" where "ruleVersionId" is not null and status = 'OPEN' limit 1`;
  callId = call!.id;
  const [applicant] = await db().$queryRaw<{ id: string; institutionId: string }[]>`
    select "userId" as id, "institutionId" from "ResearcherProfile" limit 1`;
  // Three statuses in turn; submission times repeat (every 7th is the same minute), so the order needs its tiebreak.
  await db().$executeRaw`
    insert into "Application" (id, "callId", "ruleVersionId", "applicantId", "institutionId", status, code, title,
                               "budgetMode", "currentVersionNo", "submittedAt", "updatedAt")
    select gen_random_uuid(), ${callId}::uuid, ${call!.ruleVersionId}::uuid, ${applicant!.id}::uuid,
           ${applicant!.institutionId}::uuid,
           (array['INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED'])[1 + g % 3]::"ApplicationStatus",
           'KEYSET-' || lpad(((g * 37) % 1000)::text, 4, '0'), '分页测试 ' || g, 'LUMP_SUM', 1,
           timestamptz '2026-03-01 09:00+08' + ((g % 7) || ' minutes')::interval, now()
      from generate_series(1, ${EXTRA}) g`;
});

async function walk(query: TFormalCheckQuery) {
  const seen: string[] = [];
  let page = await listForFormalCheck(db(), staff, query);
  const pages = [page];
  seen.push(...page.rows.map((r) => r.id));
  while (page.nextAfter) {
    page = await listForFormalCheck(db(), staff, { ...query, after: page.nextAfter });
    expect(page.rows.length).toBeLessThanOrEqual(FORMAL_CHECK_PAGE_SIZE);
    pages.push(page);
    seen.push(...page.rows.map((r) => r.id));
  }
  // And back from the last page to the first, by `before`.
  const back: string[][] = [page.rows.map((r) => r.id)];
  while (page.previousBefore) {
    page = await listForFormalCheck(db(), staff, { ...query, before: page.previousBefore });
    back.unshift(page.rows.map((r) => r.id));
  }
  return { seen, pages, back };
}

describe('the formal-check list, page by page', () => {
  for (const sort of ['queue', 'code', 'newest'] as const) {
    it(`visits every row once in "${sort}" order, forwards and backwards`, async () => {
      const all = await db().application.count({
        where: { status: { in: ['INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED'] } },
      });
      expect(all).toBeGreaterThan(2 * FORMAL_CHECK_PAGE_SIZE);
      const { seen, pages, back } = await walk({ sort });
      expect(pages.length).toBe(Math.ceil(all / FORMAL_CHECK_PAGE_SIZE));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(all);
      expect(back.flat()).toEqual(seen);
      expect(pages[0]!.previousBefore).toBeNull();
      expect(pages.at(-1)!.nextAfter).toBeNull();
      // Every page reports the whole list's counts.
      for (const p of pages) expect(p.counts.total).toBe(all);
    });
  }

  it('keeps its order: queue by status then submission time, code ascending, newest first', async () => {
    const codes = (await walk({ sort: 'code', callId })).seen;
    const rows = await db().application.findMany({ where: { id: { in: codes } }, select: { id: true, code: true } });
    const code = new Map(rows.map((r) => [r.id, r.code!]));
    const ordered = codes.map((id) => code.get(id)!);
    expect(ordered).toEqual([...ordered].sort());

    const newest = (await walk({ sort: 'newest', callId })).seen;
    const times = await db().application.findMany({
      where: { id: { in: newest } },
      select: { id: true, submittedAt: true },
    });
    const at = new Map(times.map((r) => [r.id, r.submittedAt!.getTime()]));
    const series = newest.map((id) => at.get(id)!);
    expect(series).toEqual([...series].sort((a, b) => b - a));
  });

  it('counts per status over the filtered list, and pages only within the filter', async () => {
    const { seen, pages } = await walk({ callId, status: 'FORMAL_CHECK_PASSED' });
    const expected = await db().application.count({ where: { callId, status: 'FORMAL_CHECK_PASSED' } });
    expect(seen.length).toBe(expected);
    expect(pages[0]!.counts).toEqual({ total: expected, pending: 0, passed: expected, failed: 0 });
    const statuses = await db().application.findMany({ where: { id: { in: seen } }, select: { status: true } });
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['FORMAL_CHECK_PASSED']));
  });

  it('ignores a malformed cursor and sort from the address bar', async () => {
    const page = await listForFormalCheck(db(), staff, { after: 'not-a-uuid', sort: 'sideways' } as never);
    expect(page.rows.length).toBe(FORMAL_CHECK_PAGE_SIZE);
    expect(page.previousBefore).toBeNull();
  });
});
