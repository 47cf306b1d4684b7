// npm run db:migrate — applies the committed migrations (like `prisma migrate deploy`, without Prisma's CDN) and
// loads the reference data files of prisma/reference/ (idempotent).
// Uses DATABASE_URL, or the embedded cluster's `jingyan` database when it is unset.
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { migrateAndLoadReference } from './lib/prepare-database';

const server = await ensureDatabaseServer();
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  await migrateAndLoadReference(url);
  console.log('The database is up to date.');
} finally {
  await server.stop();
}
