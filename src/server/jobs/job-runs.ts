import 'server-only';
import type { Role } from '@/domain/auth/roles';
import { EXPORT_RESULT_RETENTION_DAYS } from '@/domain/exports';
import { DomainError } from '@/lib/errors';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db, Prisma, Tx } from '../db';
import { fileStore } from '../files/store';
import { enqueueInTx, QUEUE } from './queues';

// 后台任务 (JobRun, DATA-MODEL §2.15): long work a person started — an import, a background export — recorded as a
// row that every app instance reads, done by a pg-boss job on whichever instance takes it. The person can leave the
// page; /jobs shows its progress and outcome, and the result file when there is one.

export type JobKind = 'EXPERT_IMPORT' | 'EXPORT' | 'ASSIGNMENT';

/**
 * Records the job and enqueues its work in the caller's transaction (or a new one): the job exists exactly when the
 * change that asked for it commits. The audit event names what was asked.
 */
export async function startJobInTx(
  tx: Tx,
  actor: Actor,
  input: { kind: JobKind; params: Prisma.InputJsonObject; total?: number },
): Promise<{ id: string }> {
  assertCan(actor, 'read:job:own');
  const job = await tx.jobRun.create({
    data: {
      kind: input.kind,
      requestedById: actor.userId,
      requestedRole: actor.role,
      requestedInstitutionId: actor.institutionId,
      params: input.params,
      progressTotal: input.total ?? 0,
    },
    select: { id: true },
  });
  await enqueueInTx(tx, QUEUE.longWork, { jobRunId: job.id }, { retryLimit: 2, expireInSeconds: 30 * 60 });
  await recordAudit(tx, {
    actor,
    action: 'job.start',
    entityType: 'JobRun',
    entityId: job.id,
    summary: { kind: input.kind, params: input.params },
  });
  return job;
}

const JOB_SELECT = {
  id: true,
  kind: true,
  status: true,
  params: true,
  progressDone: true,
  progressTotal: true,
  resultFileId: true,
  resultSummary: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** One of the person's own jobs (anyone else's answers NOT_FOUND: an export's file is theirs alone). */
export async function getJobRun(client: Db, actor: Actor, id: string) {
  assertCan(actor, 'read:job:own');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('NOT_FOUND');
  const job = await client.jobRun.findFirst({ where: { id, requestedById: actor.userId }, select: JOB_SELECT });
  if (!job) throw new DomainError('NOT_FOUND');
  return job;
}

/** The person's recent jobs, newest first. */
export async function listJobRuns(client: Db, actor: Actor) {
  assertCan(actor, 'read:job:own');
  return client.jobRun.findMany({
    where: { requestedById: actor.userId },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: JOB_SELECT,
  });
}

/** Stops a job that has not finished: a queued one never starts, a running one stops at its next progress step. */
export async function cancelJob(client: Db, actor: Actor, id: string) {
  assertCan(actor, 'read:job:own');
  return client.$transaction(async (tx) => {
    const job = await tx.jobRun.findFirst({ where: { id, requestedById: actor.userId }, select: { status: true } });
    if (!job) throw new DomainError('NOT_FOUND');
    const updated = await tx.jobRun.updateMany({
      where: { id, status: { in: ['QUEUED', 'RUNNING'] } },
      data: { status: 'CANCELLED', finishedAt: new Date() },
    });
    if (updated.count === 0) throw new DomainError('CONFLICT', 'jobFinished');
    await recordAudit(tx, { actor, action: 'job.cancel', entityType: 'JobRun', entityId: id, summary: {} });
    return { id };
  });
}

/** What a job's work gets: who asked (as they were then), its parameters, and a way to report progress. */
export interface JobContext {
  client: Db;
  actor: Actor;
  jobId: string;
  params: Prisma.JsonObject;
  /** Records progress for the page to show; throws JobCancelled when the person has cancelled the job. */
  progress(done: number, total?: number): Promise<void>;
}
export interface JobOutcome {
  /** Shown on the job's page: counts, or an import's rejected rows. */
  summary?: Prisma.InputJsonObject;
  resultFileId?: string;
  /** True when the work ended without doing what was asked (an import with bad rows): the job is FAILED. */
  rejected?: boolean;
}
export type JobHandler = (ctx: JobContext) => Promise<JobOutcome>;

export class JobCancelled extends Error {}

/** The actor a job acts as: the person with the role they started it in, if they still hold it and are active. */
async function actorOfJob(
  client: Db,
  job: { requestedById: string; requestedRole: Role; requestedInstitutionId: string | null },
): Promise<Actor | null> {
  const user = await client.user.findUnique({
    where: { id: job.requestedById },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      status: true,
      mustChangePassword: true,
      roles: { select: { role: true, institutionId: true, institution: { select: { name: true } } } },
    },
  });
  if (!user || user.status !== 'ACTIVE') return null;
  const holds = user.roles.some((r) => r.role === job.requestedRole && r.institutionId === job.requestedInstitutionId);
  if (!holds) return null;
  return {
    userId: user.id,
    sessionId: null,
    name: user.name,
    email: user.email,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
    role: job.requestedRole,
    institutionId: job.requestedInstitutionId,
    roles: user.roles.map((r) => ({
      role: r.role as Role,
      institutionId: r.institutionId,
      institutionName: r.institution?.name ?? null,
    })),
    ip: null,
    mustChangePassword: user.mustChangePassword,
  };
}

const PROGRESS_INTERVAL_MS = 300;

/**
 * Does one job: claims the row (QUEUED, or RUNNING left by an instance that died — pg-boss hands a job to one worker
 * at a time and again only after it expired), runs its handler as the person who asked, and records the outcome.
 * A job that is finished or cancelled is left alone, so a job delivered twice does its work once.
 */
export async function runJob(client: Db, jobRunId: string, handlers: Record<JobKind, JobHandler>): Promise<void> {
  const claimed = await client.jobRun.updateMany({
    where: { id: jobRunId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'RUNNING', startedAt: new Date(), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  const job = await client.jobRun.findUniqueOrThrow({ where: { id: jobRunId } });
  let total = job.progressTotal;
  const finish = async (
    status: 'SUCCEEDED' | 'FAILED',
    data: { error?: string; summary?: Prisma.InputJsonObject; resultFileId?: string },
    actor: Actor | null,
  ) =>
    client.$transaction(async (tx) => {
      const done = await tx.jobRun.updateMany({
        where: { id: jobRunId, status: 'RUNNING' },
        data: {
          status,
          finishedAt: new Date(),
          error: data.error ?? null,
          ...(data.summary ? { resultSummary: data.summary } : {}),
          ...(data.resultFileId ? { resultFileId: data.resultFileId } : {}),
          ...(status === 'SUCCEEDED' ? { progressDone: total, progressTotal: total } : {}),
        },
      });
      if (done.count === 1) {
        await recordAudit(tx, {
          actor: actor ?? { userId: job.requestedById, role: job.requestedRole, name: '', ip: null },
          action: 'job.finish',
          entityType: 'JobRun',
          entityId: jobRunId,
          summary: { kind: job.kind, status, error: data.error ?? null },
        });
      }
    });

  const actor = await actorOfJob(client, job);
  if (!actor) return finish('FAILED', { error: 'FORBIDDEN' }, null);
  const handler = handlers[job.kind];
  let lastWrite = 0;
  const ctx: JobContext = {
    client,
    actor,
    jobId: job.id,
    params: job.params as Prisma.JsonObject,
    async progress(done, newTotal) {
      const now = Date.now();
      if (newTotal !== undefined) total = newTotal;
      if (newTotal === undefined && done < total && now - lastWrite < PROGRESS_INTERVAL_MS) return;
      lastWrite = now;
      const updated = await client.jobRun.updateMany({
        where: { id: job.id, status: 'RUNNING' },
        data: { progressDone: done, progressTotal: total },
      });
      if (updated.count === 0) throw new JobCancelled();
    },
  };
  try {
    const outcome = await handler(ctx);
    await finish(
      outcome.rejected ? 'FAILED' : 'SUCCEEDED',
      {
        summary: outcome.summary,
        resultFileId: outcome.resultFileId,
        error: outcome.rejected ? 'jobRowsRejected' : undefined,
      },
      actor,
    );
  } catch (error) {
    if (error instanceof JobCancelled) return;
    if (error instanceof DomainError) return finish('FAILED', { error: error.messageKey }, actor);
    console.error(`[jobs] ${job.kind} ${job.id} failed:`, error);
    await finish('FAILED', { error: 'jobUnexpected' }, actor);
  }
}

/**
 * Deletes the files of background exports past their retention (EXPORT_RESULT_RETENTION_DAYS): the row is marked
 * deleted and the job remembers when, in one transaction with the audit event; the bytes leave the store after it.
 * Import sheets are kept: they are the evidence of what an import wrote.
 */
export async function sweepExpiredExportResults(client: Db, now = new Date()) {
  const cutoff = new Date(now.getTime() - EXPORT_RESULT_RETENTION_DAYS * 86_400_000);
  const expired = await client.jobRun.findMany({
    where: { kind: 'EXPORT', resultFileId: { not: null }, finishedAt: { lt: cutoff } },
    select: { id: true, resultFileId: true, resultSummary: true },
    take: 500,
  });
  let removed = 0;
  for (const job of expired) {
    const file = await client.$transaction(async (tx) => {
      const stored = await tx.storedFile.update({
        where: { id: job.resultFileId! },
        data: { deletedAt: now },
        select: { id: true, storageKey: true, filename: true },
      });
      await tx.jobRun.update({
        where: { id: job.id },
        data: {
          resultFileId: null,
          resultSummary: { ...((job.resultSummary as object | null) ?? {}), expiredAt: now.toISOString() },
        },
      });
      await recordAudit(tx, {
        actor: null,
        action: 'file.expire',
        entityType: 'StoredFile',
        entityId: stored.id,
        summary: { jobId: job.id, filename: stored.filename, retentionDays: EXPORT_RESULT_RETENTION_DAYS },
      });
      return stored;
    });
    await fileStore()
      .delete(file.storageKey)
      .catch(() => undefined); // already gone: the row says deleted either way
    removed += 1;
  }
  return removed;
}
