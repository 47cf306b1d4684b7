import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../support/smtp-sink';

// Notifications end to end against real parts: PostgreSQL (the outbox and pg-boss's job tables), the app's own job
// workers, and a real SMTP server in its own process (tests/support/smtp-sink-server.mjs) that reads what arrives.
// The sink's addresses provoke the outcomes: flaky…@ answers 451 once (retried), bounce…@ answers 550 (bounced).

const sink = await startSmtpSink();
process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
process.env.MAIL_RETRY_DELAY_SECONDS = '1';
process.env.PUBLIC_URL = 'https://jingyan.example.cn';

const { db } = await import('@/server/db');
const { notify } = await import('@/server/notify/notify');
const { deliverMail } = await import('@/server/notify/mail');
const { listInbox, markAllRead, markRead, unreadCount } = await import('@/server/notify/inbox');
const { listMail, resendMail } = await import('@/server/notify/mail-admin');
const { runReminderSweep } = await import('@/server/notify/reminders');
const { startWorkers, stopWorkers } = await import('@/server/jobs/worker');
const { manualAssign, remindAssignment } = await import('@/server/review/staff-review');
const { returnApplication } = await import('@/server/applications/review-side');
const { actorFor, DEMO, eventually, expectDomainError, seed } = await import('./helpers');
const { applicationAt, callOf, userId } = await import('./decision-fixtures');

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor;
let expert: Actor;
let intl: Actor;
let researcher: Actor;

const mailOf = (dedupeKey: string) => db().emailOutbox.findUniqueOrThrow({ where: { dedupeKey } });
const received = (address: string) => sink.messages.filter((m) => m.to.includes(address));

/** One event for one person, committed on its own. */
async function tell(recipientId: string, entityId = randomUUID(), kind: 'REVIEW_INVITATION' = 'REVIEW_INVITATION') {
  await db().$transaction((tx) =>
    notify(tx, {
      recipientId,
      kind,
      params: { callTitle: '2027 年度一般项目', code: 'JY2027-GEN-0001', dueAt: '2027-05-01 17:00:00' },
      link: `/reviewer/assignments/${entityId}`,
      entityType: 'ReviewAssignment',
      entityId,
    }),
  );
  return `review_invitation:${entityId}:${recipientId}`;
}

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff);
  expert = await actorFor(DEMO.expert);
  intl = await actorFor(DEMO.intlExpert);
  researcher = await actorFor(DEMO.researcher);
  await startWorkers({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopWorkers();
  await sink.stop();
});

describe('mail through the queue and a real SMTP server', () => {
  it('reaches each person once, in their own language, with the link to act on', async () => {
    const entity = randomUUID();
    const zhKey = await tell(expert.userId, entity);
    const enKey = await tell(intl.userId, entity);
    await eventually(
      async () => [await mailOf(zhKey), await mailOf(enKey)],
      (rows) => rows.every((r) => r.status === 'SENT'),
    );
    const [zh] = received(DEMO.expert);
    const [en] = received(DEMO.intlExpert);
    expect(zh!.subject).toBe('[京研] 评审邀请：JY2027-GEN-0001');
    expect(zh!.text).toContain('于 2027-05-01 17:00:00（北京时间）前提交评审意见');
    expect(zh!.text).toContain(`https://jingyan.example.cn/reviewer/assignments/${entity}`);
    expect(en!.subject).toBe('[Jingyan] Invitation to review: JY2027-GEN-0001');
    expect(en!.text).toContain('submit your review by 2027-05-01 17:00:00 (Beijing time)');
    // The Message-ID is the outbox row's: a receiving server can tell a resend of the same mail.
    expect(zh!.messageId).toBe(`<${(await mailOf(zhKey)).id}@jingyan>`);
  });

  it('never sends the same event twice: not when notified again, not when the job runs again or twice at once', async () => {
    const entity = randomUUID();
    const key = await tell(expert.userId, entity);
    await tell(expert.userId, entity);
    expect(await db().notification.count({ where: { dedupeKey: key } })).toBe(1);
    expect(await db().emailOutbox.count({ where: { dedupeKey: key } })).toBe(1);
    const row = await eventually(
      () => mailOf(key),
      (r) => r.status === 'SENT',
    );
    const before = sink.messages.length;
    expect(await Promise.all([deliverMail(row.id), deliverMail(row.id)])).toEqual(['SKIPPED', 'SKIPPED']);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages.length).toBe(before);
    expect(sink.messages.filter((m) => m.messageId === `<${row.id}@jingyan>`)).toHaveLength(1);
    expect((await mailOf(key)).attempts).toBe(1);
  });

  it('two senders racing for one queued mail: exactly one sends it', async () => {
    await stopWorkers();
    try {
      const key = await tell(expert.userId);
      const row = await mailOf(key);
      const outcomes = await Promise.all([deliverMail(row.id), deliverMail(row.id), deliverMail(row.id)]);
      expect(outcomes.filter((o) => o === 'SENT')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'SKIPPED')).toHaveLength(2);
      expect(sink.messages.filter((m) => m.messageId === `<${row.id}@jingyan>`)).toHaveLength(1);
    } finally {
      await startWorkers({ pollingIntervalSeconds: 0.5 });
    }
  });

  it('retries a transient refusal with backoff and then delivers once', async () => {
    await db().user.update({ where: { id: expert.userId }, data: { email: 'flaky-expert@demo.jingyan.cn' } });
    try {
      const key = await tell(expert.userId);
      const sent = await eventually(
        () => mailOf(key),
        (r) => r.status === 'SENT',
      );
      expect(sent.attempts).toBe(2);
      expect(received('flaky-expert@demo.jingyan.cn')).toHaveLength(1);
    } finally {
      await db().user.update({ where: { id: expert.userId }, data: { email: DEMO.expert } });
    }
  });

  it('a permanent refusal is a bounce: not retried, shown to staff, and sent again once the address is corrected', async () => {
    await db().user.update({ where: { id: expert.userId }, data: { email: 'bounce-expert@demo.jingyan.cn' } });
    const key = await tell(expert.userId);
    const bounced = await eventually(
      () => mailOf(key),
      (r) => r.status === 'BOUNCED',
    );
    expect(bounced.lastError).toMatch(/550/);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await mailOf(key)).attempts).toBe(1);
    const { rows, counts } = await listMail(db(), staff, { status: 'BOUNCED' });
    expect(rows.map((r) => r.id)).toContain(bounced.id);
    expect(counts.BOUNCED).toBeGreaterThanOrEqual(1);

    await expectDomainError(resendMail(db(), researcher, bounced.id), 'FORBIDDEN');
    await db().user.update({ where: { id: expert.userId }, data: { email: DEMO.expert } });
    await resendMail(db(), staff, bounced.id);
    await expectDomainError(resendMail(db(), staff, bounced.id), 'CONFLICT'); // queued again: not twice
    const resent = await eventually(
      () => mailOf(key),
      (r) => r.status === 'SENT',
    );
    expect(resent.toAddress).toBe(DEMO.expert);
    expect(sink.messages.filter((m) => m.messageId === `<${bounced.id}@jingyan>`)).toHaveLength(1);
    const audit = await db().auditEvent.findFirst({ where: { entityId: bounced.id, action: 'mail.resend' } });
    expect(audit?.actorId).toBe(staff.userId);
  });

  it('survives a restart: mail queued while no worker runs goes out when one starts', async () => {
    await stopWorkers();
    const key = await tell(intl.userId);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await mailOf(key)).status).toBe('QUEUED');
    await startWorkers({ pollingIntervalSeconds: 0.5 });
    await eventually(
      () => mailOf(key),
      (r) => r.status === 'SENT',
    );
  });

  it('a rolled-back action tells nobody: no inbox item, no mail, no job', async () => {
    const entity = randomUUID();
    await expect(
      db().$transaction(async (tx) => {
        await notify(tx, {
          recipientId: expert.userId,
          kind: 'REVIEW_INVITATION',
          params: { callTitle: 'x', code: 'y', dueAt: 'z' },
          link: '/reviewer',
          entityType: 'ReviewAssignment',
          entityId: entity,
        });
        throw new Error('the action failed after notifying');
      }),
    ).rejects.toThrow('the action failed');
    expect(await db().notification.count({ where: { entityId: entity } })).toBe(0);
    expect(await db().emailOutbox.count({ where: { dedupeKey: { contains: entity } } })).toBe(0);
  });
});

describe('events that tell a person', () => {
  it('inviting and reminding an expert', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call, { status: 'FORMAL_CHECK_PASSED' });
    const invited = await manualAssign(db(), staff, {
      applicationId: app.id,
      expertUserId: intl.userId,
      dueAt: new Date(Date.now() + 14 * 86_400_000),
    });
    await remindAssignment(db(), staff, { assignmentId: invited.id });
    await remindAssignment(db(), staff, { assignmentId: invited.id });
    const kinds = await db().notification.findMany({
      where: { entityId: invited.id },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, recipientId: true, link: true },
    });
    expect(kinds.map((k) => k.kind)).toEqual(['REVIEW_INVITATION', 'REVIEW_REMINDER', 'REVIEW_REMINDER']);
    expect(new Set(kinds.map((k) => k.recipientId))).toEqual(new Set([intl.userId]));
    expect(kinds[0]!.link).toBe(`/reviewer/assignments/${invited.id}`);
    // Blind review: the invitation names the call and the code, never the applicant.
    const { items } = await listInbox(db(), intl, { locale: 'en' });
    const invitation = items.find((i) => i.kind === 'REVIEW_INVITATION' && i.link.endsWith(invited.id))!;
    expect(invitation.title).toBe(`Invitation to review: ${app.code}`);
    expect(invitation.body).not.toContain('王建国');
  });

  it('an overdue review is marked by the sweep and its expert told, once', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call, { status: 'FORMAL_CHECK_PASSED' });
    const a = await manualAssign(db(), staff, {
      applicationId: app.id,
      expertUserId: expert.userId,
      dueAt: new Date(Date.now() + 86_400_000),
    });
    await db().reviewAssignment.update({ where: { id: a.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const first = await runReminderSweep();
    expect(first.overdueMarked).toBeGreaterThanOrEqual(1);
    await runReminderSweep();
    expect(await db().notification.count({ where: { entityId: a.id, kind: 'REVIEW_OVERDUE' } })).toBe(1);
    expect((await db().reviewAssignment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('OVERDUE');
  });

  it('deadline reminders go to holders of unsubmitted applications and unconfirmed members, 7 days and 1 day before, once each', async () => {
    const call = await callOf('GEN');
    const now = new Date();
    await db().call.update({
      where: { id: call.id },
      data: { status: 'OPEN', closesAt: new Date(now.getTime() + 3 * 86_400_000) },
    });
    const draft = await applicationAt(call, { status: 'FORMAL_CHECK_PASSED' });
    await db().application.update({ where: { id: draft.id }, data: { status: 'DRAFT', code: null } });
    const [pending, confirmed] = await Promise.all([userId(DEMO.expert), userId(DEMO.office)]);
    await db().applicationMember.createMany({
      data: [
        { applicationId: draft.id, userId: pending, ordinal: 1, confirmation: 'PENDING' },
        { applicationId: draft.id, userId: confirmed, ordinal: 2, confirmation: 'CONFIRMED' },
      ],
    });
    const submitted = await applicationAt(call, { status: 'FORMAL_CHECK_PASSED', piEmail: DEMO.young });
    await db().application.update({ where: { id: submitted.id }, data: { status: 'SUBMITTED' } });

    await runReminderSweep(now);
    await runReminderSweep(now);
    const sevenDay = await db().notification.findMany({
      where: { entityId: call.id, kind: 'DEADLINE_7D' },
      orderBy: { createdAt: 'asc' },
    });
    // The PI, and the team member who has not confirmed yet (the confirmed one needs no reminder).
    expect(sevenDay.map((n) => n.recipientId).sort()).toEqual([draft.applicantId, pending].sort());
    expect(sevenDay.every((n) => n.link === `/researcher/applications/${draft.id}`)).toBe(true);
    expect(sevenDay.find((n) => n.recipientId === pending)!.params).toMatchObject({ role: 'member' });

    await runReminderSweep(new Date(now.getTime() + 2.5 * 86_400_000));
    expect(await db().notification.count({ where: { entityId: call.id, kind: 'DEADLINE_1D' } })).toBe(2);
    // Closed: nothing more.
    await runReminderSweep(new Date(now.getTime() + 4 * 86_400_000));
    expect(await db().notification.count({ where: { entityId: call.id } })).toBe(4);
  });

  it('a returned application tells its PI, with the office’s comment', async () => {
    const office = await actorFor(DEMO.office);
    const call = await callOf('GEN');
    await db().call.update({ where: { id: call.id }, data: { institutionReviewClosesAt: null } });
    const app = await applicationAt(call, { status: 'FORMAL_CHECK_PASSED' });
    await db().application.update({ where: { id: app.id }, data: { status: 'SUBMITTED' } });
    await returnApplication(db(), office, { id: app.id, comment: '预算说明不充分' });
    const [n] = await db().notification.findMany({ where: { entityId: app.id, kind: 'APPLICATION_RETURNED' } });
    expect(n!.recipientId).toBe(app.applicantId);
    const { items } = await listInbox(db(), researcher, { locale: 'zh-CN' });
    expect(items.find((i) => i.link === `/researcher/applications/${app.id}`)!.body).toContain('预算说明不充分');
  });
});

describe('the inbox', () => {
  it('is one’s own: counts, marks read, and refuses another person’s item', async () => {
    const key = await tell(expert.userId);
    const mine = await db().notification.findUniqueOrThrow({ where: { dedupeKey: key } });
    const unread = await unreadCount(db(), expert);
    expect(unread).toBeGreaterThanOrEqual(1);
    await expectDomainError(markRead(db(), intl, mine.id), 'NOT_FOUND');
    expect(await markRead(db(), expert, mine.id)).toEqual({ link: mine.link });
    expect(await unreadCount(db(), expert)).toBe(unread - 1);
    const { items } = await listInbox(db(), expert, { locale: 'zh-CN', unreadOnly: true });
    expect(items.map((i) => i.id)).not.toContain(mine.id);
    await markAllRead(db(), expert);
    expect(await unreadCount(db(), expert)).toBe(0);
    expect((await listInbox(db(), intl, { locale: 'en' })).items.map((i) => i.id)).not.toContain(mine.id);
  });
});
