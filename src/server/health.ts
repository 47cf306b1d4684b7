import 'server-only';
import { db, queriesSoFar } from './db';

// Liveness and readiness of one app instance: it answers, and it reaches PostgreSQL with one trivial query. What a
// load balancer or docker-compose's healthcheck polls, and the "bare route" `npm run bench` compares every page with
// (the practical ceiling of one request through this app on this machine: proxy, route, one round trip).

export interface Health {
  status: 'ok' | 'unavailable';
  /** The process's statement count, only when JINGYAN_EXPOSE_QUERY_COUNT=1 (set by `npm run bench`, never in production). */
  queries?: number;
}

export async function checkHealth(): Promise<Health> {
  try {
    await db().$queryRaw`select 1`;
  } catch {
    return { status: 'unavailable' };
  }
  return process.env.JINGYAN_EXPOSE_QUERY_COUNT === '1' ? { status: 'ok', queries: queriesSoFar() } : { status: 'ok' };
}
