// npm run dev — the whole portal on one command (ADR 0003):
// a PostgreSQL (DATABASE_URL, or an embedded one under .data/), migrations, demo data, then `next dev`.
// Ctrl-C stops Next.js and then the embedded database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { localAuthSecret } from './lib/local-secrets';
import { prepareDatabase } from './lib/prepare-database';
import { projectRoot } from './lib/schema-engine';

const port = process.env.PORT ?? '3000';
const server = await ensureDatabaseServer();
let shuttingDown = false;
const shutdown = async (code: number) => {
  if (shuttingDown) return;
  shuttingDown = true;
  await server.stop();
  process.exit(code);
};

try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  await prepareDatabase(url, { seed: process.env.JINGYAN_SEED !== '0' });
  const next = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'dev', '-p', port], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: localAuthSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  console.log(`\n  京研 Jingyan → http://localhost:${port}   (demo accounts: README.md)\n`);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      next.kill(signal);
    });
  }
  next.on('exit', (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
