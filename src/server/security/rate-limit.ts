import 'server-only';
import {
  overLimit,
  RATE_LIMITS,
  secondsUntilNextWindow,
  windowStartOf,
  type RateLimitKind,
} from '@/domain/security/rate-limits';
import { DomainError } from '@/lib/errors';
import type { Db, DbOrTx } from '../db';

// Rate limits counted in PostgreSQL (RateLimitBucket): one atomic upsert per use, so two app instances serving the
// same person count into the same row. A refusal is DomainError('RATE_LIMITED') with the seconds to wait.

const keyOf = (kind: RateLimitKind, subject: string) => `${kind}:${subject}`;

async function count(client: DbOrTx | Db, kind: RateLimitKind, subject: string, now: Date, add: 0 | 1) {
  const windowStart = windowStartOf(now, RATE_LIMITS[kind].windowSeconds);
  const key = keyOf(kind, subject);
  if (add === 0) {
    const row = await client.rateLimitBucket.findUnique({ where: { key } });
    return row && row.windowStart.getTime() === windowStart.getTime() ? row.count : 0;
  }
  const [row] = await client.$queryRaw<{ count: number }[]>`
    insert into "RateLimitBucket" (key, "windowStart", count) values (${key}, ${windowStart}, 1)
    on conflict (key) do update
       set count = case when "RateLimitBucket"."windowStart" = excluded."windowStart"
                        then "RateLimitBucket".count + 1 else 1 end,
           "windowStart" = excluded."windowStart"
    returning count`;
  return row!.count;
}

function refuse(kind: RateLimitKind, now: Date): never {
  throw new DomainError('RATE_LIMITED', 'RATE_LIMITED', undefined, {
    seconds: secondsUntilNextWindow(now, RATE_LIMITS[kind].windowSeconds),
  });
}

/** Counts one use; refuses it when it goes over the limit of its window. */
export async function consumeRateLimit(client: Db, kind: RateLimitKind, subject: string, now = new Date()) {
  if (overLimit(kind, await count(client, kind, subject, now, 1))) refuse(kind, now);
}

/** Refuses when the window's uses have already reached the limit (counting nothing: failures are counted apart). */
export async function assertUnderRateLimit(client: Db, kind: RateLimitKind, subject: string, now = new Date()) {
  if (overLimit(kind, (await count(client, kind, subject, now, 0)) + 1)) refuse(kind, now);
}

/** Counts a use that should count against later attempts (a failed login). */
export async function recordRateLimitHit(client: Db, kind: RateLimitKind, subject: string, now = new Date()) {
  await count(client, kind, subject, now, 1);
}

/** Drops the counters of windows that ended more than a day ago (the reminder sweep calls this). */
export async function sweepRateLimits(client: Db, now = new Date()) {
  const { count: removed } = await client.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return removed;
}
