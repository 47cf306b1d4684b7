import 'server-only';
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';
import { env } from './env';

/** The generated input types (JSON values, create-many rows), re-exported so this stays the one importer. */
export type { Prisma } from '@/generated/prisma/client';

// The one Prisma client of the app, and the only importer of the generated client's runtime class (STYLE.md).
// Created lazily: importing this module must not need a database (builds, unit tests).

export type Db = InstanceType<typeof PrismaClient>;
/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** Code that may run inside or outside a transaction takes either. */
/**
 * Either the client or a transaction. Spelled as the transaction type (the client has every member it has): the
 * union `Db | Tx` grew too deep for TypeScript to compare once the schema passed ~90 models ("excessive stack depth").
 */
export type DbOrTx = Tx;

const globalForPrisma = globalThis as unknown as {
  jingyanPrisma?: { url: string; client: Db };
  jingyanQueries?: { total: number };
};

// Round trips to PostgreSQL, counted where they leave: every statement a pooled connection sends (a transaction's
// BEGIN and COMMIT included). `countQueries` counts those made inside one call, which is how the tests prove that a
// list page issues the same number of queries whatever its length (no N+1); `queriesSoFar` is the process total,
// which `npm run bench` reads through /api/health around one request (docs/PERFORMANCE.md).
const queryScope = new AsyncLocalStorage<{ n: number }>();
const totals = (globalForPrisma.jingyanQueries ??= { total: 0 });

function countingPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: env().DB_POOL_MAX });
  // A query that waits for a free connection is handed one from inside the query that freed it; binding the
  // callback keeps it in the context that asked, so its statements count where they belong.
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => unknown;
  (pool as unknown as { connect: unknown }).connect = (callback?: (...args: unknown[]) => void) =>
    callback ? connect(AsyncResource.bind(callback)) : connect();
  pool.on('connect', (connection) => {
    const send = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      totals.total++;
      const scope = queryScope.getStore();
      if (scope) scope.n++;
      return send(...args);
    };
  });
  return pool;
}

/** Runs `fn` and says how many statements it sent to the database. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const scope = { n: 0 };
  // Awaited inside the scope: a Prisma query is lazy and would otherwise run, uncounted, at the outer await.
  const result = await queryScope.run(scope, async () => await fn());
  return { result, queries: scope.n };
}

/** Statements this process has sent to the database since it started. */
export function queriesSoFar(): number {
  return totals.total;
}

function create(url: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg(countingPool(url), { disposeExternalPool: true }),
    // Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) turned a deadline rush into
    // failed submissions: with 50 people submitting at once on a pool of 10, some waited over 2 s for a connection
    // and got "unexpected error" (npm run load:deadline, docs/RELIABILITY.md). Waiting longer is what they want; the
    // bounds still end a stuck transaction and free its locks.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

/** The client for the current DATABASE_URL (kept across hot reloads in development). */
export function db(): Db {
  const url = env().DATABASE_URL;
  const existing = globalForPrisma.jingyanPrisma;
  if (existing && existing.url === url) return existing.client;
  const client = create(url);
  globalForPrisma.jingyanPrisma = { url, client };
  return client;
}

/** A unique constraint refused the write (two people creating the same thing at once). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
