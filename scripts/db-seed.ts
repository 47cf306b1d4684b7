// npm run db:seed — loads the demo data (idempotent) into DATABASE_URL or the embedded `jingyan` database.
// Refuses when NODE_ENV=production.
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { seedDatabase } from './lib/prepare-database';

const server = await ensureDatabaseServer();
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  const usersCreated = await seedDatabase(url);
  console.log(`Demo data present (${usersCreated} accounts added this time).`);
} finally {
  await server.stop();
}
