// npm run smoke:dev — the newcomer's second command, checked as they would run it: `npm run dev` with no DATABASE_URL
// (the embedded PostgreSQL under .data/, migrations, demo data, next dev) must serve the Chinese login page within two
// minutes, a demo account must be there, and Ctrl-C must stop it all. Part of `npm test` (its last layer).
import { spawn } from 'node:child_process';
import pg from 'pg';
import { ensureDatabaseServer } from './lib/database-server';
import { projectRoot } from './lib/schema-engine';

const PORT = process.env.SMOKE_PORT ?? '3199';
const LIMIT_MS = 120_000;

const env: NodeJS.ProcessEnv = { ...process.env, PORT, NEXT_TELEMETRY_DISABLED: '1' };
delete env.DATABASE_URL;
delete env.AUTH_SECRET;
delete env.NEXTAUTH_URL;

const started = Date.now();
const dev = spawn('npm', ['run', 'dev'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
dev.stdout.on('data', (d: Buffer) => (output += d.toString()));
dev.stderr.on('data', (d: Buffer) => (output += d.toString()));
const exited = new Promise<number | null>((resolve) => dev.on('exit', (code) => resolve(code)));

async function loginPage(): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${PORT}/login`, { signal: AbortSignal.timeout(30_000) });
    return response.status === 200 ? await response.text() : null;
  } catch {
    return null;
  }
}

let failure: string | null = null;
let html: string | null = null;
while (Date.now() - started < LIMIT_MS + 60_000 && html === null) {
  if (dev.exitCode !== null) break;
  html = await loginPage();
  if (html === null) await new Promise((r) => setTimeout(r, 1_000));
}
const seconds = (Date.now() - started) / 1000;
if (html === null) failure = `npm run dev did not serve /login (waited ${seconds.toFixed(0)} s)`;
else if (seconds * 1000 > LIMIT_MS) failure = `npm run dev served /login after ${seconds.toFixed(0)} s (limit 120 s)`;
else if (!html.includes('lang="zh-CN"') || !html.includes('登录')) failure = 'the login page is not the Chinese one';

if (!failure) {
  // The demo data is there: the seeded staff account exists in the embedded database dev chose.
  const server = await ensureDatabaseServer();
  const client = new pg.Client({ connectionString: server.urlFor('jingyan') });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from "User" where email = 'staff@demo.jingyan.cn'`,
  );
  await client.end();
  await server.stop();
  if (rows[0]?.n !== 1) failure = 'the demo accounts are missing';
}

// Ctrl-C, as a person would: Next.js stops, then the database it started.
process.kill(-dev.pid!, 'SIGINT');
const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
if (code === 'hung') {
  process.kill(-dev.pid!, 'SIGKILL');
  failure ??= 'npm run dev did not stop on Ctrl-C within 20 s';
}

if (failure) {
  console.error(`dev smoke FAILED: ${failure}\n--- npm run dev said ---\n${output.slice(-4000)}`);
  process.exit(1);
}
console.log(
  `dev smoke: the Chinese login page in ${seconds.toFixed(1)} s (limit 120 s); demo data present; stopped on Ctrl-C`,
);
