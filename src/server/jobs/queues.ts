import 'server-only';
import PgBoss from 'pg-boss';
import type { Tx } from '../db';

// The durable job queue (ADR 0013): pg-boss on the application's own PostgreSQL, in schema `pgboss`. Jobs are rows,
// so they survive restarts, and workers on every app instance take them with FOR UPDATE SKIP LOCKED, so each job runs
// on one instance at a time. Schedules (reminders) are evaluated by whichever instance claims the minute.

export const JOB_SCHEMA = 'pgboss';

export const QUEUE = {
  /** One e-mail of the outbox: data { outboxId }. */
  mail: 'mail-send',
  /** The reminder sweep: deadlines 7 d / 1 d, overdue reviews, mails left in SENDING. */
  reminders: 'notify-reminders',
  /** Long work a person started (an import, a background export): data { jobRunId } (JobRun). */
  longWork: 'long-work',
} as const;

/** Every quarter hour, Beijing time. */
export const REMINDER_CRON = '*/15 * * * *';

/**
 * Installs or upgrades pg-boss's schema, its queues and the schedules: part of migrating a database
 * (scripts/lib/prepare-database.ts, `npm run db:migrate`), so a business transaction can always enqueue.
 */
export async function installJobSchema(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on('error', (e) => console.error('[jobs] install:', e));
  await boss.start();
  try {
    for (const name of Object.values(QUEUE)) await boss.createQueue(name);
    await boss.schedule(QUEUE.reminders, REMINDER_CRON, {}, { tz: 'Asia/Shanghai' });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

// Building a job's INSERT needs no connection: the SQL runs on the caller's transaction.
const globalForJobs = globalThis as unknown as { jingyanJobSql?: PgBoss };
function sqlOnly(): PgBoss {
  globalForJobs.jingyanJobSql ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: {
      executeSql: () => {
        throw new Error('jobs are enqueued on a transaction (enqueueInTx), never on this instance');
      },
    },
  });
  return globalForJobs.jingyanJobSql;
}

/**
 * Enqueues a job in the caller's transaction: it exists exactly when the business change commits (a rolled-back
 * action leaves no job behind, a committed one always has its job).
 */
export async function enqueueInTx(
  tx: Tx,
  queue: (typeof QUEUE)[keyof typeof QUEUE],
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string> {
  const executeSql = async (text: string, values: unknown[] = []) => ({
    rows: await tx.$queryRawUnsafe<{ id: string }[]>(text, ...values),
  });
  const id = await sqlOnly().send(queue, data, { ...options, db: { executeSql } });
  // pg-boss answers null, silently, when the queue does not exist: the database was not migrated with its jobs.
  if (!id) throw new Error(`job queue ${queue} is missing: run npm run db:migrate`);
  return id;
}
