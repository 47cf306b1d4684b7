// Brings a database to the committed schema and, for development, loads the demo data.
import { seedDemo } from '../../prisma/seed';
import { scriptClient } from './prisma';
import { loadReferenceData } from './reference-data';
import { localAuthSecret } from './local-secrets';
import { applyMigrations } from './schema-engine';
import { installJobSchema } from '../../src/server/jobs/queues';

/** Migrations, the job queue's schema and reference data: what every database needs, production included. */
export async function migrateAndLoadReference(url: string, log: (m: string) => void = (m) => console.log(m)) {
  const applied = await applyMigrations(url);
  if (applied.length) log(`[db] applied migrations: ${applied.join(', ')}`);
  // The job queue's own tables (pg-boss, schema pgboss), its queues and schedules: enqueuing is part of business
  // transactions, so every migrated database has them.
  await installJobSchema(url);
  const client = scriptClient(url, 2);
  try {
    const loaded = await loadReferenceData(client);
    if (loaded.length) log(`[db] reference data loaded: ${loaded.join(', ')}`);
  } finally {
    await client.$disconnect();
  }
}

export async function prepareDatabase(url: string, options: { seed: boolean; log?: (m: string) => void }) {
  const log = options.log ?? ((m: string) => console.log(m));
  await migrateAndLoadReference(url, log);
  if (options.seed) {
    const usersCreated = await seedDatabase(url);
    if (usersCreated) log(`[db] demo data loaded (${usersCreated} accounts, password in README.md)`);
  }
}

/** Loads the demo data (idempotent); returns how many accounts it added. */
export async function seedDatabase(url: string): Promise<number> {
  // The demo's applications go through the app's own modules, which read the validated environment: it must name
  // the database being seeded (with the embedded server DATABASE_URL is unset) and a secret for encryption.
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= localAuthSecret();
  const client = scriptClient(url, 2);
  try {
    return (await seedDemo(client)).usersCreated;
  } finally {
    await client.$disconnect();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}
