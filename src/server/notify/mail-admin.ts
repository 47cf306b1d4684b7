import 'server-only';
import { canResendMail } from '@/domain/notify/notifications';
import { DomainError, notFound } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { enqueueMail } from './notify';

// Mail delivery status for staff (邮件投递): what was sent to whom, what failed and why; failed or bounced mail can be
// sent again (to the person's current address, in case it was corrected).

export const MAIL_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'FAILED', 'BOUNCED'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export async function listMail(client: Db, actor: Actor, filter: { status?: MailStatus; q?: string; take?: number }) {
  assertCan(actor, 'read:mail:all');
  const q = filter.q?.trim();
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(q ? { OR: [{ toAddress: { contains: q, mode: 'insensitive' as const } }, { subject: { contains: q } }] } : {}),
  };
  const [rows, grouped] = await Promise.all([
    client.emailOutbox.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.take ?? 200,
      select: {
        id: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        recipient: { select: { name: true } },
      },
    }),
    client.emailOutbox.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  return { rows, counts };
}

export async function resendMail(client: Db, actor: Actor, id: string) {
  assertCan(actor, 'resend:mail:all');
  return client.$transaction(async (tx) => {
    const mail = await tx.emailOutbox.findUnique({
      where: { id },
      select: { id: true, status: true, toAddress: true, recipient: { select: { email: true, status: true } } },
    });
    if (!mail) throw notFound();
    if (!canResendMail(mail.status)) throw new DomainError('CONFLICT', 'wrongState');
    if (mail.recipient.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'mailRecipientInactive');
    const moved = await tx.emailOutbox.updateMany({
      where: { id: mail.id, status: mail.status },
      data: { status: 'QUEUED', toAddress: mail.recipient.email, lastError: null },
    });
    if (moved.count === 0) throw new DomainError('STALE');
    await enqueueMail(tx, mail.id);
    await recordAudit(tx, {
      actor,
      action: 'mail.resend',
      entityType: 'EmailOutbox',
      entityId: mail.id,
      summary: { from: mail.status, to: 'QUEUED', toAddress: mail.recipient.email },
    });
    return { id: mail.id };
  });
}
