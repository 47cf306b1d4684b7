import { beforeAll, describe, expect, it } from 'vitest';
import { ZDraftDecision, ZFileObjection, ZPublishDecisions } from '@/lib/validation/decisions';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { draftDecision } from '@/server/decisions/decisions';
import { closeDueNotices } from '@/server/decisions/finalise';
import {
  dismissObjection,
  getNoticeForStaff,
  listNoticesForStaff,
  runNoticeSweep,
  startObjectionReview,
  upholdObjection,
} from '@/server/decisions/notices';
import { fileObjection, getPublicNotice, listPublicNotices } from '@/server/decisions/public-notices';
import { publishDecisions } from '@/server/decisions/publish';
import { transitionCall } from '@/server/calls/calls';
import { applicationAt, callOf, horseRaceChallenge, REASONS, WAN } from './decision-fixtures';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 公示 and 异议: a batch released on Tuesday 29 September 2026, just before 国庆, stays open five working days — to the
// end of the 调休 Saturday 10 October, 24:00 Beijing. Objections are real-name and on time to the second; a double
// click files once; staff uphold (the decision is revised and re-decided) or dismiss; the sweep closes the notice and
// makes the decisions final — the application DECIDED, the FUND decision's project born — once, however often it runs.

const PUBLISHED = new Date('2026-09-29T02:00:00Z');
const CLOSES = new Date('2026-10-10T16:00:00Z'); // 2026-10-11 00:00 Beijing
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

let staff: Actor;
let researcher: Actor;

const objection = (noticeItemId: string, overrides: Record<string, unknown> = {}) =>
  ZFileObjection.parse({
    noticeItemId,
    filerName: '李明',
    filerPhone: '13800138000',
    filerEmail: 'liming@example.com',
    content: '该项目负责人在申报书中列出的代表作与公开发表的版本作者排序不一致，请核查。',
    ...overrides,
  });

const decide = (applicationId: string, outcome: 'FUND' | 'REJECT', version = 0) =>
  draftDecision(
    db(),
    staff,
    ZDraftDecision.parse({
      applicationId,
      version,
      outcome,
      route: 'RANKING',
      awardedWan: outcome === 'FUND' ? '70' : '',
      reasons: REASONS,
    }),
  );

/** A call's batch — one FUND, one REJECT — released at `at` with its notice. */
async function releasedBatch(at: Date = PUBLISHED) {
  const call = await callOf('GEN');
  const funded = await applicationAt(call, { requestedWan: 100 });
  const rejected = await applicationAt(call, { piEmail: 'lin.tao@demo.jingyan.cn' });
  await decide(funded.id, 'FUND');
  await decide(rejected.id, 'REJECT');
  const { noticeId } = await publishDecisions(
    db(),
    staff,
    ZPublishDecisions.parse({ callId: call.id, title: '立项公示', body: '', workingDays: 5 }),
    at,
  );
  const item = await db().noticeItem.findFirstOrThrow({ where: { noticeId } });
  const decisionOf = (applicationId: string) =>
    db().decision.findFirstOrThrow({ where: { applicationId, status: { not: 'REVISED' } } });
  return { call, funded, rejected, noticeId, item, decisionOf };
}

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
  researcher = await actorFor(DEMO.young, 'RESEARCHER');
});

describe('the public notice', () => {
  it('shows the period in Beijing dates and the items, never a filer', async () => {
    const { noticeId, item } = await releasedBatch();
    await fileObjection(db(), null, objection(item.id), { now: ms(PUBLISHED, 60_000) });
    const notice = await getPublicNotice(db(), noticeId, ms(PUBLISHED, 60_000));
    expect(notice.startsOn?.toISOString().slice(0, 10)).toBe('2026-09-29');
    expect(notice.endsOn?.toISOString().slice(0, 10)).toBe('2026-10-10');
    expect(notice.closesAt).toEqual(CLOSES);
    expect(notice.accepting).toBe(true);
    expect(notice.items).toHaveLength(1);
    expect(notice.items[0]).toMatchObject({ piName: '王建国', institutionName: '北京工业大学', amountFen: 70n * WAN });
    const text = JSON.stringify(notice, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('李明');
    expect((await listPublicNotices(db(), ms(PUBLISHED, 60_000))).map((n) => n.id)).toContain(noticeId);
    expect(await getPublicNotice(db(), noticeId, CLOSES).then((n) => n.accepting)).toBe(false);
  });

  it('hides a notice that is not published', async () => {
    const call = await callOf('GEN');
    const draft = await db().notice.create({ data: { callId: call.id, title: '草稿', workingDays: 5 } });
    await expectDomainError(getPublicNotice(db(), draft.id), 'NOT_FOUND');
    expect((await listPublicNotices(db())).map((n) => n.id)).not.toContain(draft.id);
  });
});

describe('filing an objection', () => {
  it('is on time to the last second of the period and refused at 24:00, writing nothing', async () => {
    const { item } = await releasedBatch();
    const onTime = await fileObjection(db(), null, objection(item.id), { now: ms(CLOSES, -1), ip: '203.0.113.9' });
    expect(onTime.duplicate).toBe(false);
    for (const late of [CLOSES, ms(CLOSES, 1000)]) {
      const error = await expectDomainError(
        fileObjection(
          db(),
          null,
          objection(item.id, { content: `逾期提交的异议内容，应当被拒绝受理。${late.getTime()}` }),
          {
            now: late,
          },
        ),
        'DEADLINE_PASSED',
      );
      expect(error.messageKey).toBe('noticePeriodOver');
    }
    expect(await db().objection.count({ where: { noticeItemId: item.id } })).toBe(1);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: onTime.id } });
    expect(event).toMatchObject({ action: 'objection.file', actorId: null, ip: '203.0.113.9' });
    expect(JSON.stringify(event.summary)).not.toContain('13800138000');
  });

  it('files once on a double click, and records a signed-in filer', async () => {
    const { item } = await releasedBatch();
    const input = objection(item.id, { filerName: '周敏' });
    const now = ms(PUBLISHED, 3_600_000);
    const [a, b] = await Promise.all([
      fileObjection(db(), researcher, input, { now }),
      fileObjection(db(), researcher, input, { now }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const again = await fileObjection(db(), researcher, input, { now: ms(now, 5000) });
    expect(again).toMatchObject({ id: a.id, duplicate: true });
    const rows = await db().objection.findMany({ where: { noticeItemId: item.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ filerUserId: researcher.userId, status: 'FILED', filerPhone: '13800138000' });
    expect(await auditActions(a.id)).toEqual(['objection.file']);
    // A different text is a different objection.
    await fileObjection(db(), null, objection(item.id, { content: '另一条异议：项目预算中设备费明显偏高，请核查。' }), {
      now,
    });
    expect(await db().objection.count({ where: { noticeItemId: item.id } })).toBe(2);
  });

  it('is real-name: a name and a phone or an e-mail, refused on the phone field otherwise', async () => {
    const { item } = await releasedBatch();
    const parsed = ZFileObjection.safeParse({ ...objection(item.id), filerPhone: '', filerEmail: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['filerPhone', 'contactRequired']]);
    const error = await expectDomainError(
      fileObjection(db(), null, { ...objection(item.id), filerPhone: null, filerEmail: null }, { now: PUBLISHED }),
      'VALIDATION',
    );
    expect(error.fieldErrors).toEqual({ filerPhone: 'contactRequired' });
    // E-mail alone is enough.
    await fileObjection(db(), null, objection(item.id, { filerPhone: '' }), { now: PUBLISHED });
    expect(await db().objection.count({ where: { noticeItemId: item.id } })).toBe(1);
    await expectDomainError(
      fileObjection(db(), null, objection('0190a0a0-0000-7000-8000-000000000000'), { now: PUBLISHED }),
      'NOT_FOUND',
    );
  });
});

describe('handling objections', () => {
  it('upholds: the decision is revised, its item withdrawn, a new draft supersedes it — all in one step', async () => {
    const batch = await releasedBatch();
    const filed = await fileObjection(db(), null, objection(batch.item.id), { now: ms(PUBLISHED, 1000) });
    const before = await batch.decisionOf(batch.funded.id);

    // Uphold is for an objection under review: refused from FILED, nothing changes.
    const wrong = await expectDomainError(
      upholdObjection(db(), staff, { objectionId: filed.id, version: 1, handlingNote: '经核查，异议属实。' }),
      'CONFLICT',
    );
    expect(wrong.messageKey).toBe('wrongState');
    expect((await db().decision.findUniqueOrThrow({ where: { id: before.id } })).status).toBe('IN_NOTICE');

    await startObjectionReview(db(), staff, { objectionId: filed.id, version: 1 });
    await expectDomainError(startObjectionReview(db(), staff, { objectionId: filed.id, version: 2 }), 'CONFLICT');
    await expectDomainError(
      upholdObjection(db(), staff, { objectionId: filed.id, version: 1, handlingNote: '经核查，异议属实。' }),
      'STALE',
    );
    expect((await db().decision.findUniqueOrThrow({ where: { id: before.id } })).status).toBe('IN_NOTICE');
    expect(await db().decision.count({ where: { supersedesId: before.id } })).toBe(0);

    const now = ms(PUBLISHED, 86_400_000);
    const { revisedDecisionId } = await upholdObjection(
      db(),
      staff,
      { objectionId: filed.id, version: 2, handlingNote: '经核查，代表作署名与公开版本不一致，异议成立。' },
      now,
    );
    expect((await db().decision.findUniqueOrThrow({ where: { id: before.id } })).status).toBe('REVISED');
    expect((await db().noticeItem.findUniqueOrThrow({ where: { id: batch.item.id } })).withdrawnAt).toEqual(now);
    const redo = await db().decision.findUniqueOrThrow({ where: { id: revisedDecisionId } });
    expect(redo).toMatchObject({
      status: 'DRAFT',
      supersedesId: before.id,
      applicationId: batch.funded.id,
      outcome: 'FUND',
    });
    expect(await db().objection.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({
      status: 'UPHELD',
      revisedDecisionId,
      handledById: staff.userId,
      decidedAt: now,
    });
    expect(await auditActions(filed.id)).toEqual(['objection.file', 'objection.start_review', 'objection.uphold']);
    expect(await auditActions(before.id)).toEqual(['decision.create', 'decision.publish', 'decision.revise']);
    expect(await auditActions(revisedDecisionId)).toEqual(['decision.create']);

    // Staff re-decide (less money) and release it: a notice of its own, with just that item.
    await decide(batch.funded.id, 'FUND', redo.version);
    const second = await publishDecisions(
      db(),
      staff,
      ZPublishDecisions.parse({ callId: batch.call.id, title: '立项公示（更正）', workingDays: 5 }),
      now,
    );
    expect(second).toMatchObject({ published: 1, items: 1 });

    // The withdrawn item takes no more objections.
    const late = await expectDomainError(
      fileObjection(db(), null, objection(batch.item.id, { filerName: '王五' }), { now }),
      'CONFLICT',
    );
    expect(late.messageKey).toBe('noticeItemWithdrawn');
  });

  it('dismisses with a reason; the staff page shows the filer, the public page does not', async () => {
    const { item, noticeId, funded, decisionOf } = await releasedBatch();
    const filed = await fileObjection(db(), null, objection(item.id), { now: PUBLISHED });
    await startObjectionReview(db(), staff, { objectionId: filed.id, version: 1 });
    const result = await dismissObjection(db(), staff, {
      objectionId: filed.id,
      version: 2,
      handlingNote: '经核查，代表作署名符合规定，异议不成立。',
    });
    expect(result).toEqual({ status: 'DISMISSED', finalised: false });
    expect(await db().objection.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({
      status: 'DISMISSED',
      handlingNote: '经核查，代表作署名符合规定，异议不成立。',
    });
    expect((await decisionOf(funded.id)).status).toBe('IN_NOTICE');
    expect(await auditActions(filed.id)).toEqual(['objection.file', 'objection.start_review', 'objection.dismiss']);
    const page = await getNoticeForStaff(db(), staff, noticeId);
    expect(page.items[0]?.objections[0]).toMatchObject({ filerPhone: '13800138000', status: 'DISMISSED' });
    const list = await listNoticesForStaff(db(), staff);
    expect(list.find((n) => n.id === noticeId)).toMatchObject({ objectionsOpen: 0, objectionsTotal: 1 });
    await expectDomainError(getNoticeForStaff(db(), staff, '0190a0a0-0000-7000-8000-000000000000'), 'NOT_FOUND');
    await expectDomainError(
      dismissObjection(db(), staff, { objectionId: filed.id, version: 3, handlingNote: '再次驳回此项异议。' }),
      'CONFLICT',
    );
  });
});

describe('closing the notice', () => {
  it('waits for 24:00 Beijing of the last working day, then makes the batch final once', async () => {
    const { call, noticeId, funded, rejected, decisionOf } = await releasedBatch();
    await closeDueNotices(db(), ms(CLOSES, -1));
    expect((await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).status).toBe('OPEN');

    const first = await runNoticeSweep(db(), staff, CLOSES);
    expect(first.closed).toBeGreaterThanOrEqual(1);
    expect(first.failed).toEqual([]);
    expect(await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).toMatchObject({
      status: 'CLOSED',
      closedAt: CLOSES,
    });
    const fund = await decisionOf(funded.id);
    const reject = await decisionOf(rejected.id);
    expect(fund).toMatchObject({ status: 'FINAL', finalAt: CLOSES });
    expect(reject).toMatchObject({ status: 'FINAL', finalAt: CLOSES });
    for (const app of [funded, rejected])
      expect((await db().application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('DECIDED');
    expect(await db().project.count({ where: { decisionId: fund.id } })).toBe(1);
    expect(await db().project.count({ where: { decisionId: reject.id } })).toBe(0);
    expect(await auditActions(fund.id)).toEqual(['decision.create', 'decision.publish', 'decision.finalise']);
    expect(await auditActions(funded.id)).toEqual(['application.decide']);
    expect(await auditActions(noticeId)).toEqual(['notice.publish', 'notice.close']);
    // The batch was the whole call: its last final decision decides the call.
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('DECIDED');
    expect(await auditActions(call.id)).toEqual(['call.decide']);

    // Running it again changes nothing.
    const second = await closeDueNotices(db(), ms(CLOSES, 60_000));
    expect(second).toEqual({ closed: 0, finalised: 0, held: 0, failed: [] });
    expect(await auditActions(noticeId)).toEqual(['notice.publish', 'notice.close']);
    expect(await auditActions(call.id)).toEqual(['call.decide']);
  });

  it('is safe when two sweeps run at once', async () => {
    const publishedAt = new Date('2026-11-02T02:00:00Z'); // Monday: Mon–Fri, ends Friday 6 November
    const { noticeId, funded, decisionOf } = await releasedBatch(publishedAt);
    const closes = new Date('2026-11-06T16:00:00Z');
    const runs = await Promise.all([closeDueNotices(db(), closes), closeDueNotices(db(), closes)]);
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
    const fund = await decisionOf(funded.id);
    expect(fund.status).toBe('FINAL');
    expect(await db().project.count({ where: { decisionId: fund.id } })).toBe(1);
    expect(await auditActions(noticeId)).toEqual(['notice.publish', 'notice.close']);
    expect(await auditActions(fund.id)).toEqual(['decision.create', 'decision.publish', 'decision.finalise']);
  });

  it('holds a decision with an open objection, and finalises it when the objection is dismissed after the period', async () => {
    const { call, noticeId, item, funded, rejected, decisionOf } = await releasedBatch();
    const filed = await fileObjection(db(), null, objection(item.id), { now: ms(CLOSES, -5000) });
    await closeDueNotices(db(), CLOSES);
    // One decision is held: the call is not decided yet.
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('REVIEWING');
    expect((await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).status).toBe('CLOSED');
    expect((await decisionOf(funded.id)).status).toBe('IN_NOTICE');
    expect((await decisionOf(rejected.id)).status).toBe('FINAL');
    expect((await db().application.findUniqueOrThrow({ where: { id: funded.id } })).status).toBe('UNDER_REVIEW');

    await startObjectionReview(db(), staff, { objectionId: filed.id, version: 1 });
    const later = ms(CLOSES, 3 * 86_400_000);
    const result = await dismissObjection(
      db(),
      staff,
      { objectionId: filed.id, version: 2, handlingNote: '经核查，异议不成立，维持原决定。' },
      later,
    );
    expect(result).toEqual({ status: 'DISMISSED', finalised: true });
    const fund = await decisionOf(funded.id);
    expect(fund).toMatchObject({ status: 'FINAL', finalAt: later });
    expect((await db().application.findUniqueOrThrow({ where: { id: funded.id } })).status).toBe('DECIDED');
    expect(await db().project.count({ where: { decisionId: fund.id } })).toBe(1);
    // The dismissal made the call's last decision final, so it decided the call — audited as the staff member's act.
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('DECIDED');
    const decided = await db().auditEvent.findFirstOrThrow({ where: { entityId: call.id, action: 'call.decide' } });
    expect(decided.actorId).toBe(staff.userId);
  });
});

describe('when all of a call’s decisions are final', () => {
  it('decides the call and settles its challenges: awarded with a funded team, unawarded without', async () => {
    const call = await callOf('KEY');
    const raced = await horseRaceChallenge(call.id, 2);
    const unmet = await horseRaceChallenge(call.id, 2);
    const teamA = await applicationAt(call, { status: 'PANEL', challengeId: raced.id });
    const teamB = await applicationAt(call, {
      status: 'PANEL',
      challengeId: raced.id,
      piEmail: 'lin.tao@demo.jingyan.cn',
    });
    const loser = await applicationAt(call, { status: 'PANEL', challengeId: unmet.id, piEmail: DEMO.young });
    await decide(teamA.id, 'FUND');
    await decide(teamB.id, 'FUND');
    await decide(loser.id, 'REJECT');
    const { noticeId } = await publishDecisions(
      db(),
      staff,
      ZPublishDecisions.parse({ callId: call.id, title: '揭榜挂帅立项公示', body: '', workingDays: 5 }),
      PUBLISHED,
    );
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('REVIEWING');

    await closeDueNotices(db(), CLOSES);
    expect((await db().notice.findUniqueOrThrow({ where: { id: noticeId } })).status).toBe('CLOSED');
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('DECIDED');
    expect((await db().challenge.findUniqueOrThrow({ where: { id: raced.id } })).status).toBe('AWARDED');
    expect((await db().challenge.findUniqueOrThrow({ where: { id: unmet.id } })).status).toBe('UNAWARDED');
    expect(await auditActions(raced.id)).toEqual(['challenge.award']);
    expect(await auditActions(unmet.id)).toEqual(['challenge.leave_unawarded']);
    expect(await db().project.count({ where: { challengeId: raced.id } })).toBe(2);
  });

  it('stays REVIEWING while a revised decision waits for its re-release; staff cannot decide it by hand', async () => {
    const { call, item, funded, rejected, decisionOf } = await releasedBatch();
    const filed = await fileObjection(db(), null, objection(item.id), { now: ms(CLOSES, -5000) });
    await startObjectionReview(db(), staff, { objectionId: filed.id, version: 1 });
    const { revisedDecisionId } = await upholdObjection(
      db(),
      staff,
      { objectionId: filed.id, version: 2, handlingNote: '经核查异议成立，经费调整后重新公示。' },
      ms(CLOSES, -4000),
    );
    await closeDueNotices(db(), CLOSES);
    expect((await decisionOf(rejected.id)).status).toBe('FINAL');
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('REVIEWING');

    const refused = await expectDomainError(
      transitionCall(db(), staff, { id: call.id, version: 1, transition: 'decide' }),
      'CONFLICT',
    );
    expect(refused.messageKey).toBe('decisionsPending');
    expect(refused.params).toEqual({ count: 1 });
    expect(await auditActions(call.id)).toEqual([]);

    // The revised decision goes out in a second release; when its notice closes, the call is decided.
    const again = new Date('2026-11-02T02:00:00Z');
    await publishDecisions(
      db(),
      staff,
      ZPublishDecisions.parse({ callId: call.id, title: '立项公示（更正）', body: '', workingDays: 5 }),
      again,
    );
    await closeDueNotices(db(), new Date('2026-11-06T16:00:00Z'));
    expect((await db().decision.findUniqueOrThrow({ where: { id: revisedDecisionId } })).status).toBe('FINAL');
    expect((await db().application.findUniqueOrThrow({ where: { id: funded.id } })).status).toBe('DECIDED');
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('DECIDED');
    expect(await auditActions(call.id)).toEqual(['call.decide']);
  });

  it('lets staff decide an empty call by hand, settling a challenge nobody answered', async () => {
    const call = await callOf('KEY');
    const lonely = await horseRaceChallenge(call.id, 2);
    await transitionCall(db(), staff, { id: call.id, version: 1, transition: 'decide' });
    expect((await db().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('DECIDED');
    expect((await db().challenge.findUniqueOrThrow({ where: { id: lonely.id } })).status).toBe('UNAWARDED');
    const settled = await db().auditEvent.findFirstOrThrow({ where: { entityId: lonely.id } });
    expect(settled).toMatchObject({ action: 'challenge.leave_unawarded', actorId: staff.userId });
  });
});
