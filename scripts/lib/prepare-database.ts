// Brings a database to the committed schema and, for development, loads the demo data.
import { seedDemo } from '../../prisma/seed';
import { scriptClient } from './prisma';
import { loadReferenceData } from './reference-data';
import { localAuthSecret } from './local-secrets';
import { applyMigrations } from './schema-engine';

/** Migrations and reference data: what every database needs, production included. */
export async function migrateAndLoadReference(url: string, log: (m: string) => void = (m) => console.log(m)) {
  const applied = await applyMigrations(url);
  if (applied.length) log(`[db] applied migrations: ${applied.join(', ')}`);
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
    // The demo's uploads go through the app's own modules, which read the validated environment.
    process.env.AUTH_SECRET ??= localAuthSecret();
    const client = scriptClient(url, 2);
    try {
      const { usersCreated } = await seedDemo(client);
      if (usersCreated) log(`[db] demo data loaded (${usersCreated} accounts, password in README.md)`);
    } finally {
      await client.$disconnect();
    }
  }
}
