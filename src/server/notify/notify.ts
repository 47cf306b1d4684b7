import 'server-only';
import { dedupeKeyFor, MAIL_RETRY, type NotificationKind } from '@/domain/notify/notifications';
import type { Tx } from '../db';
import { env } from '../env';
import { enqueueInTx, QUEUE } from '../jobs/queues';
import { renderMail, type NotificationParams } from './render';

// Tells a person about an event, in the transaction of the event itself: the inbox item, and (for an active account)
// the e-mail in the outbox with its sending job. If the action rolls back, nobody is told; if it commits, the mail
// will go out even if this instance dies the next moment. The same event never reaches the same person twice
// (dedupe key: kind, record, recipient and the optional round), whoever calls this how often.

export interface NotifyInput {
  recipientId: string;
  kind: NotificationKind;
  params: NotificationParams;
  /** The app path where the person acts on it, e.g. /reviewer/assignments/<id>. */
  link: string;
  entityType: string;
  entityId: string;
  /** For events that repeat on purpose (the second reminder of the same review). */
  round?: string | number;
}

/** The absolute address of an app path, for e-mails (PUBLIC_URL / NEXTAUTH_URL; localhost in development). */
export function absoluteUrl(link: string): string {
  return new URL(link, env().PUBLIC_URL ?? 'http://localhost:3000').toString();
}

export async function notify(tx: Tx, inputs: NotifyInput | NotifyInput[]): Promise<number> {
  const list = (Array.isArray(inputs) ? inputs : [inputs]).map((i) => ({
    ...i,
    dedupeKey: dedupeKeyFor(i.kind, i.entityId, i.recipientId, i.round),
  }));
  if (list.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: list.map((i) => ({
      recipientId: i.recipientId,
      kind: i.kind,
      params: i.params,
      link: i.link,
      entityType: i.entityType,
      entityId: i.entityId,
      dedupeKey: i.dedupeKey,
    })),
    skipDuplicates: true,
    select: { id: true, recipientId: true, kind: true, params: true, link: true, dedupeKey: true },
  });
  if (created.length === 0) return 0;
  const people = await tx.user.findMany({
    where: { id: { in: [...new Set(created.map((c) => c.recipientId))] }, status: 'ACTIVE' },
    select: { id: true, email: true, locale: true },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const n of created) {
    const person = byId.get(n.recipientId);
    if (!person) continue; // a disabled account keeps its inbox but gets no mail
    const mail = renderMail(n.kind, n.params as NotificationParams, person.locale, absoluteUrl(n.link));
    const outbox = await tx.emailOutbox.create({
      data: {
        notificationId: n.id,
        recipientId: person.id,
        toAddress: person.email,
        locale: person.locale,
        subject: mail.subject,
        textBody: mail.text,
        dedupeKey: n.dedupeKey,
      },
      select: { id: true },
    });
    await enqueueMail(tx, outbox.id);
  }
  return created.length;
}

/** The sending job of one outbox row, in the caller's transaction, with the retry policy (MAIL_RETRY). */
export async function enqueueMail(tx: Tx, outboxId: string): Promise<void> {
  await enqueueInTx(
    tx,
    QUEUE.mail,
    { outboxId },
    {
      retryLimit: MAIL_RETRY.retryLimit,
      retryDelay: env().MAIL_RETRY_DELAY_SECONDS,
      retryBackoff: MAIL_RETRY.retryBackoff,
    },
  );
}
