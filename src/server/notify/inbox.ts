import 'server-only';
import type { NotificationKind } from '@/domain/notify/notifications';
import { notFound } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import type { Db } from '../db';
import { renderNotification, type NotificationParams } from './render';

// The inbox (站内消息): a person's own notifications, rendered in the language they read in. Every query is scoped to
// the actor's user id; another person's notification is "not found".

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export async function unreadCount(client: Db, actor: Actor): Promise<number> {
  assertCan(actor, 'read:notification:own');
  return client.notification.count({ where: { recipientId: actor.userId, readAt: null } });
}

export async function listInbox(
  client: Db,
  actor: Actor,
  options: { unreadOnly?: boolean; locale: string; take?: number },
): Promise<{ items: InboxItem[]; unread: number }> {
  assertCan(actor, 'read:notification:own');
  const [rows, unread] = await Promise.all([
    client.notification.findMany({
      where: { recipientId: actor.userId, ...(options.unreadOnly ? { readAt: null } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.take ?? 100,
      select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
    }),
    client.notification.count({ where: { recipientId: actor.userId, readAt: null } }),
  ]);
  return {
    unread,
    items: rows.map((r) => ({
      ...renderNotification(r.kind, r.params as NotificationParams, options.locale),
      id: r.id,
      kind: r.kind,
      link: r.link,
      createdAt: r.createdAt,
      readAt: r.readAt,
    })),
  };
}

/** Marks one of the actor's notifications read and returns where it leads. */
export async function markRead(client: Db, actor: Actor, id: string, now = new Date()): Promise<{ link: string }> {
  assertCan(actor, 'read:notification:own');
  const n = await client.notification.findFirst({
    where: { id, recipientId: actor.userId },
    select: { id: true, link: true, readAt: true },
  });
  if (!n) throw notFound();
  if (!n.readAt) await client.notification.update({ where: { id: n.id }, data: { readAt: now } });
  return { link: n.link };
}

export async function markAllRead(client: Db, actor: Actor, now = new Date()): Promise<{ marked: number }> {
  assertCan(actor, 'read:notification:own');
  const r = await client.notification.updateMany({
    where: { recipientId: actor.userId, readAt: null },
    data: { readAt: now },
  });
  return { marked: r.count };
}
