// npm run seed:scale -- [--applications 50000] [--seed S] [--database-url URL]
// Generates a realistic dataset at scale (issue 10) in SQL, deterministically from the seed: ~90 universities, 20 000
// researchers with talent records, 5 000 experts, 50 000 applications over 2022–2026, ~150 000 reviews, projects with
// tranches and their audit events (hash chain intact). Researchers, experts and reviews scale with --applications.
// The database (--database-url, else DATABASE_URL, else the embedded server's `jingyan`) is migrated and given the
// demo seed first. Running it again with the same seed and size does nothing; with others it refuses.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { migrateAndLoadReference, seedDatabase } from './lib/prepare-database';
import { DEFAULT_SCALE_SEED, generateScale } from './lib/scale/generate';

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '50000' },
    seed: { type: 'string', default: DEFAULT_SCALE_SEED },
    'database-url': { type: 'string' },
  },
});
const applications = Number(values.applications);
if (!Number.isInteger(applications) || applications < 100) {
  console.error('--applications must be an integer ≥ 100');
  process.exit(2);
}

const t0 = performance.now();
const explicit = values['database-url'];
const server = explicit ? null : await ensureDatabaseServer();
let exitCode = 0;
try {
  const url = explicit ?? process.env.DATABASE_URL ?? (await createDatabase(server!, 'jingyan'));
  const p0 = performance.now();
  await migrateAndLoadReference(url);
  await seedDatabase(url);
  console.log(`schema and demo seed: ${((performance.now() - p0) / 1000).toFixed(1)} s`);
  console.log(`generating ${applications} applications (seed ${values.seed}):`);
  const report = await generateScale(url, { applications, seed: values.seed, log: (m) => console.log(m) });
  if (report.status === 'already-present') console.log('already present (same seed and size): nothing to do.');
  console.log('rows now in the database:');
  for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table.padEnd(22)} ${String(n).padStart(9)}`);
  console.log(`generation ${report.seconds.toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await server?.stop();
}
process.exit(exitCode);
