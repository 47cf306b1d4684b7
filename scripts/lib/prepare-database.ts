// Brings a database to the committed schema and, for development, loads the demo data.
import { seedDemo } from '../../prisma/seed';
import { scriptClient } from './prisma';
import { applyMigrations } from './schema-engine';

export async function prepareDatabase(url: string, options: { seed: boolean; log?: (m: string) => void }) {
  const log = options.log ?? ((m: string) => console.log(m));
  const applied = await applyMigrations(url);
  if (applied.length) log(`[db] applied migrations: ${applied.join(', ')}`);
  if (options.seed) {
    const client = scriptClient(url, 2);
    try {
      const { usersCreated } = await seedDemo(client);
      if (usersCreated) log(`[db] demo data loaded (${usersCreated} accounts, password in README.md)`);
    } finally {
      await client.$disconnect();
    }
  }
}
