// npm test — every test layer, in order, against real parts:
//   0. static       TypeScript, ESLint, Prettier (seconds; a type error should not wait for a browser)
//   1. unit         pure domain code (Vitest)
//   2. integration  server modules against a real PostgreSQL: DATABASE_URL's server, or an embedded one (Vitest)
//   3. e2e          the production build (`next build` + `next start`) in Debian's Chromium (Playwright)
//   4. dev          `npm run dev` as a newcomer runs it (embedded PostgreSQL, seeded): the login page within 2 minutes
// `--only static|unit|integration|e2e|dev` runs one layer. Browser tests never skip silently: without Chromium this installs it
// (as root, with apt-get) or stops with the command that fixes it.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, dropDatabase, ensureDatabaseServer, type DatabaseServer } from './lib/database-server';
import { localAuthSecret } from './lib/local-secrets';
import { prepareDatabase } from './lib/prepare-database';
import { projectRoot } from './lib/schema-engine';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const layers = only ? [only] : ['static', 'unit', 'integration', 'e2e', 'dev'];
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

function step(title: string, command: string, commandArgs: string[], options: SpawnSyncOptions = {}) {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: projectRoot, stdio: 'inherit', ...options });
  console.log(
    `━━ ${title}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (result.status !== 0) throw new Error(`${title} failed`);
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`\n━━ Chromium is missing: installing Debian's chromium package ━━`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
      r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    }
    if (r.status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error(
    `\nThe browser tests need Chromium at ${CHROMIUM} and it is not there.\n` +
      `Install it with:\n\n    sudo apt-get install -y chromium\n\n` +
      `(or set CHROMIUM_PATH to a Chromium binary), then run npm test again.`,
  );
  process.exit(1);
}

let server: DatabaseServer | undefined;
let e2eDatabase: string | undefined;
let failed = false;

try {
  if (layers.includes('e2e')) ensureChromium();

  if (layers.includes('static')) {
    step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
    step('lint', bin('eslint'), ['.']);
    step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  }

  if (layers.includes('unit')) step('unit tests', bin('vitest'), ['run', '--project', 'unit']);

  if (layers.includes('integration') || layers.includes('e2e')) server = await ensureDatabaseServer();

  if (layers.includes('integration')) {
    // Vitest's global setup finds the server through DATABASE_URL (an embedded one is reused: it is running).
    step('integration tests (real PostgreSQL)', bin('vitest'), ['run', '--project', 'integration'], {
      env: { ...process.env, DATABASE_URL: server!.urlFor('postgres') },
    });
  }

  if (layers.includes('e2e')) {
    e2eDatabase = `jingyan_e2e_${process.pid}`;
    await dropDatabase(server!, e2eDatabase);
    const url = await createDatabase(server!, e2eDatabase);
    await prepareDatabase(url, { seed: true });
    const appEnv = {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: localAuthSecret(),
      NEXTAUTH_URL: 'http://localhost:3100',
      CHROMIUM_PATH: CHROMIUM,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    if (process.env.JINGYAN_SKIP_BUILD !== '1' || !existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
      step('production build', bin('next'), ['build'], { env: { ...appEnv, NODE_ENV: 'production' } });
    }
    step('browser tests (Chromium)', bin('playwright'), ['test'], { env: appEnv });
  }

  if (layers.includes('dev')) {
    step('npm run dev on the embedded PostgreSQL', bin('tsx'), ['--conditions=react-server', 'scripts/dev-smoke.ts']);
  }
} catch (error) {
  failed = true;
  console.error(`\n${error instanceof Error ? error.message : error}`);
} finally {
  if (server && e2eDatabase) await dropDatabase(server, e2eDatabase).catch(() => {});
  await server?.stop();
}
process.exit(failed ? 1 : 0);
