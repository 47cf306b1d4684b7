import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import type { Role } from '@/domain/auth/roles';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { listInbox, markAllRead, markRead, unreadCount } from '@/server/notify/inbox';
import { listMail, resendMail } from '@/server/notify/mail-admin';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { seed } from './helpers';

// The inbox and mail delivery × every role. Everyone reads and marks their own inbox (another's item is "not found":
// notifications.test.ts); only commission staff see mail delivery and send mail again.

const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
});

const OPERATIONS: MatrixOperation[] = [
  { name: 'unreadCount', permission: 'read:notification:own', run: (a) => unreadCount(db(), a) },
  { name: 'listInbox', permission: 'read:notification:own', run: (a) => listInbox(db(), a, { locale: 'zh-CN' }) },
  { name: 'markRead', permission: 'read:notification:own', run: (a) => markRead(db(), a, randomUUID()) },
  { name: 'markAllRead', permission: 'read:notification:own', run: (a) => markAllRead(db(), a) },
  { name: 'listMail', permission: 'read:mail:all', run: (a) => listMail(db(), a, {}) },
  { name: 'resendMail', permission: 'resend:mail:all', run: (a) => resendMail(db(), a, randomUUID()) },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });
