import 'server-only';
import PgBoss from 'pg-boss';
import { env } from '../env';
import { deliverMail } from '../notify/mail';
import { runReminderSweep } from '../notify/reminders';
import { db } from '../db';
import { JOB_HANDLERS } from './handlers';
import { runJob } from './job-runs';
import { JOB_SCHEMA, QUEUE } from './queues';

// The job workers of one app instance. Every instance runs them (JOBS=off opts out): pg-boss hands each job to one
// worker across all instances, retries failures with backoff, and lets one instance a minute evaluate the schedules.

const globalForWorker = globalThis as unknown as { jingyanWorker?: Promise<PgBoss> };

export function startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  globalForWorker.jingyanWorker ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: JOB_SCHEMA, max: 3 });
    boss.on('error', (e) => console.error('[jobs]', e));
    await boss.start();
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    // One mail per job, so that one failure retries that mail alone.
    await boss.work<{ outboxId: string }>(QUEUE.mail, { ...polling, batchSize: 1 }, async ([job]) => {
      if (job) await deliverMail(job.data.outboxId);
    });
    await boss.work(QUEUE.reminders, { ...polling, batchSize: 1 }, async () => {
      await runReminderSweep();
    });
    // Imports and background exports: one at a time per instance, so a long one does not starve the mail.
    await boss.work<{ jobRunId: string }>(QUEUE.longWork, { ...polling, batchSize: 1 }, async ([job]) => {
      if (job) await runJob(db(), job.data.jobRunId, JOB_HANDLERS);
    });
    return boss;
  })();
  return globalForWorker.jingyanWorker;
}

export async function stopWorkers(): Promise<void> {
  const running = globalForWorker.jingyanWorker;
  globalForWorker.jingyanWorker = undefined;
  if (running) await (await running).stop({ graceful: true, timeout: 10_000 });
}
