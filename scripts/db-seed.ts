// npm run db:seed — loads the demo data (idempotent) into DATABASE_URL or the embedded `jingyan` database.
// Refuses when NODE_ENV=production.
import { seedDemo } from '../prisma/seed';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { localAuthSecret } from './lib/local-secrets';
import { scriptClient } from './lib/prisma';

process.env.AUTH_SECRET ??= localAuthSecret();
const server = await ensureDatabaseServer();
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  const client = scriptClient(url, 2);
  try {
    const { usersCreated } = await seedDemo(client);
    console.log(`Demo data present (${usersCreated} accounts added this time).`);
  } finally {
    await client.$disconnect();
  }
} finally {
  await server.stop();
}
