// npm run db:migrate — applies the committed migrations (like `prisma migrate deploy`, without Prisma's CDN).
// Uses DATABASE_URL, or the embedded cluster's `jingyan` database when it is unset.
import { applyMigrations } from './lib/schema-engine';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';

const server = await ensureDatabaseServer();
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await server.stop();
}
