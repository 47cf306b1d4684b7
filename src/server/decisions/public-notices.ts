import 'server-only';
import { consumeRateLimit } from '../security/rate-limit';
import type { z } from 'zod';
import { beijingDate, canFileObjection, noticeClosesAt } from '@/domain/decision/notice';
import { DomainError, notFound } from '@/lib/errors';
import type { ZFileObjection } from '@/lib/validation/decisions';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { dateValue, isoDate, UUID } from './shared';
import { notify } from '../notify/notify';

// 立项公示 for everyone, no login (DATA-MODEL §2.11): open notices and those closed in the last months, each with its
// public snapshot (project, PI, institution, amount), and the real-name objection (异议). Nothing here reveals a
// filer: objections are never listed publicly.

/** How long a closed notice stays on the public list. */
export const CLOSED_NOTICE_LISTED_DAYS = 90;

const closesAt = (endsOn: Date) => noticeClosesAt(isoDate(endsOn));

export async function listPublicNotices(client: Db, now: Date = new Date()) {
  const since = dateValue(beijingDate(new Date(now.getTime() - CLOSED_NOTICE_LISTED_DAYS * 86_400_000)));
  const notices = await client.notice.findMany({
    where: { OR: [{ status: 'OPEN' }, { status: 'CLOSED', endsOn: { gte: since } }] },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      status: true,
      startsOn: true,
      endsOn: true,
      publishedAt: true,
      call: { select: { title: true, titleEn: true } },
      _count: { select: { items: { where: { withdrawnAt: null } } } },
    },
  });
  return notices.map((n) => ({
    ...n,
    items: n._count.items,
    closesAt: n.endsOn ? closesAt(n.endsOn) : null,
    accepting: n.status === 'OPEN' && n.endsOn !== null && now.getTime() < closesAt(n.endsOn).getTime(),
  }));
}

/** One public notice; NOT_FOUND for an id that is not published. */
export async function getPublicNotice(client: Db, noticeId: string, now: Date = new Date()) {
  if (!UUID.test(noticeId)) throw notFound();
  const notice = await client.notice.findFirst({
    where: { id: noticeId, status: { in: ['OPEN', 'CLOSED'] } },
    select: {
      id: true,
      title: true,
      body: true,
      status: true,
      workingDays: true,
      startsOn: true,
      endsOn: true,
      publishedAt: true,
      call: { select: { title: true, titleEn: true } },
      items: {
        orderBy: { applicationCode: 'asc' },
        select: {
          id: true,
          applicationCode: true,
          projectTitle: true,
          piName: true,
          institutionName: true,
          amountFen: true,
          withdrawnAt: true,
        },
      },
    },
  });
  if (!notice || !notice.endsOn) throw notFound();
  const end = closesAt(notice.endsOn);
  return {
    ...notice,
    closesAt: end,
    accepting: notice.status === 'OPEN' && now.getTime() < end.getTime(),
  };
}

/**
 * 实名异议: anyone may object to an item while its notice is open, to the second (canFileObjection). Signed-in filers
 * are recorded; the audit event has no actor (a filer is a member of the public, whatever roles they hold).
 * A second identical submission — the same person, contact and text on the same item — returns the first objection
 * instead of filing another: a double click, a retry after a lost answer, or a reload and resend all file once.
 */
export async function fileObjection(
  client: Db,
  actor: Actor | null,
  input: z.output<typeof ZFileObjection>,
  options: { now?: Date; ip?: string | null } = {},
) {
  const now = options.now ?? new Date();
  // No login needed, so the form is limited per address (a signed-in filer per person).
  await consumeRateLimit(client, 'public_form', actor?.userId ?? options.ip ?? 'unknown', now);
  return client.$transaction(async (tx) => {
    const item = await tx.noticeItem.findUnique({
      where: { id: input.noticeItemId },
      select: {
        id: true,
        noticeId: true,
        withdrawnAt: true,
        applicationCode: true,
        notice: { select: { title: true } },
      },
    });
    if (!item) throw notFound();
    // Read the notice under a share lock: the closing sweep must update this row, so it either waits for this filing
    // to commit (and then sees the objection) or has closed it already (and this filing sees CLOSED).
    const [notice] = await tx.$queryRaw<{ status: 'DRAFT' | 'OPEN' | 'CLOSED'; endsOn: string | null }[]>`
      select status::text as status, "endsOn"::text as "endsOn" from "Notice" where id = ${item.noticeId}::uuid for share`;
    if (!notice || notice.status === 'DRAFT' || !notice.endsOn) throw notFound();
    const verdict = canFileObjection(
      { status: notice.status, endsOn: notice.endsOn },
      { name: input.filerName, phone: input.filerPhone, email: input.filerEmail },
      now,
    );
    if (!verdict.ok) {
      if (verdict.code === 'contactRequired')
        throw new DomainError('VALIDATION', 'checkFields', { filerPhone: 'contactRequired' });
      throw new DomainError('DEADLINE_PASSED', verdict.code);
    }
    if (item.withdrawnAt) throw new DomainError('CONFLICT', 'noticeItemWithdrawn');
    // Serialise filings on one item so two identical submissions cannot both miss each other.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`objection:${item.id}`}))`;
    const same = {
      noticeItemId: item.id,
      filerName: input.filerName,
      filerPhone: input.filerPhone ?? '',
      filerEmail: input.filerEmail ?? '',
      content: input.content,
    };
    const existing = await tx.objection.findFirst({ where: same, select: { id: true, filedAt: true } });
    if (existing) return { id: existing.id, filedAt: existing.filedAt, duplicate: true };
    const objection = await tx.objection.create({
      data: { ...same, filerUserId: actor?.userId ?? null, status: 'FILED', filedAt: now },
      select: { id: true, filedAt: true },
    });
    await recordAudit(tx, {
      actor: null,
      ip: options.ip ?? null,
      action: 'objection.file',
      entityType: 'Objection',
      entityId: objection.id,
      summary: { noticeItemId: item.id, to: 'FILED', signedIn: actor !== null },
    });
    // Commission staff handle objections: every active staff account is told.
    const staff = await tx.roleAssignment.findMany({
      where: { role: 'COMMISSION_STAFF', user: { status: 'ACTIVE' } },
      select: { userId: true },
    });
    await notify(
      tx,
      staff.map((s) => ({
        recipientId: s.userId,
        kind: 'OBJECTION_FILED' as const,
        params: { noticeTitle: item.notice.title, code: item.applicationCode },
        link: `/commission/notices/${item.noticeId}`,
        entityType: 'Objection',
        entityId: objection.id,
      })),
    );
    return { id: objection.id, filedAt: objection.filedAt, duplicate: false };
  });
}
