import 'server-only';
import { DomainError } from '@/lib/errors';
import type { ZCreateAnnouncement } from '@/lib/validation/announcements';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 通知公告: DRAFT → PUBLISHED → WITHDRAWN (and a draft may be published at creation).

/** What anyone, signed in or not, may read. */
export async function listPublishedAnnouncements(client: DbOrTx, take = 10) {
  return client.announcement.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: { publishedAt: 'desc' },
    take,
    select: { id: true, title: true, body: true, publishedAt: true },
  });
}

export async function listAnnouncementsForStaff(client: Db, actor: Actor) {
  assertCan(actor, 'manage:announcement:all');
  return client.announcement.findMany({
    orderBy: [{ createdAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      publishedAt: true,
      createdAt: true,
      version: true,
      author: { select: { name: true } },
    },
  });
}

export async function createAnnouncement(client: Db, actor: Actor, input: z.output<typeof ZCreateAnnouncement>) {
  assertCan(actor, 'manage:announcement:all');
  return client.$transaction(async (tx) => {
    const now = new Date();
    const created = await tx.announcement.create({
      data: {
        title: input.title,
        body: input.body,
        authorId: actor.userId,
        status: input.publish ? 'PUBLISHED' : 'DRAFT',
        publishedAt: input.publish ? now : null,
      },
      select: { id: true, status: true },
    });
    await recordAudit(tx, {
      actor,
      action: input.publish ? 'announcement.create_published' : 'announcement.create',
      entityType: 'Announcement',
      entityId: created.id,
      summary: { title: input.title },
    });
    return created;
  });
}

const TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'PUBLISHED' },
  withdraw: { from: ['PUBLISHED'], to: 'WITHDRAWN' },
} as const;

export async function transitionAnnouncement(
  client: Db,
  actor: Actor,
  input: { id: string; version: number },
  transition: keyof typeof TRANSITIONS,
) {
  assertCan(actor, 'manage:announcement:all');
  const { from, to } = TRANSITIONS[transition];
  return client.$transaction(async (tx) => {
    const current = await tx.announcement.findUnique({
      where: { id: input.id },
      select: { status: true, title: true },
    });
    if (!current) throw new DomainError('NOT_FOUND');
    if (!(from as readonly string[]).includes(current.status)) throw new DomainError('CONFLICT', 'wrongState');
    const updated = await tx.announcement.updateMany({
      where: { id: input.id, version: input.version, status: current.status },
      data: { status: to, version: { increment: 1 }, ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}) },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    await recordAudit(tx, {
      actor,
      action: `announcement.${transition}`,
      entityType: 'Announcement',
      entityId: input.id,
      summary: { title: current.title, from: current.status, to },
    });
    return { id: input.id, status: to };
  });
}
