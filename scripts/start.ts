// npm start — serves the production build (`npm run build` first).
//  - With DATABASE_URL: plain `next start`, as in production. AUTH_SECRET must be set; migrations are a separate
//    step (`npm run db:migrate`, the `migrate` service in docker-compose.yml).
//  - Without DATABASE_URL: a local preview of the production build on the embedded demo database under .data/
//    (the one `npm run dev` uses), migrated and with the demo accounts. Never a production database.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { localAuthSecret } from './lib/local-secrets';
import { scriptClient } from './lib/prisma';
import { migrateAndLoadReference } from './lib/prepare-database';
import { projectRoot } from './lib/schema-engine';
import { seedDemo } from '../prisma/seed';

const port = process.env.PORT ?? '3000';
if (!existsSync(path.join(projectRoot, process.env.JINGYAN_DIST_DIR || '.next', 'BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
const server = await ensureDatabaseServer();
if (process.env.DATABASE_URL) {
  if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    console.error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` (README → Configuration).');
    process.exit(1);
  }
} else {
  const url = await createDatabase(server, 'jingyan');
  await migrateAndLoadReference(url);
  const client = scriptClient(url, 2);
  await seedDemo(client, { allowInProduction: true }).finally(() => client.$disconnect());
  Object.assign(env, {
    DATABASE_URL: url,
    AUTH_SECRET: localAuthSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  });
  console.log(`\n  京研 Jingyan (production build, embedded demo database) → http://localhost:${port}\n`);
}

const next = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
  cwd: projectRoot,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', async (code) => {
  await server.stop();
  process.exit(code ?? 0);
});
