// Backup and restore of one portal: its PostgreSQL database (pg_dump's custom format: every schema, the job queue's
// included) and its stored files, with a manifest of row counts and content checksums per table and a SHA-256 per
// file, so a restore proves it brought back exactly what was saved (issue 9; docs/RELIABILITY.md).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface Manifest {
  createdAt: string;
  database: string;
  tables: Record<string, { rows: number; md5: string }>;
  files: Record<string, string>;
}

function tool(name: 'pg_dump' | 'pg_restore', args: string[]) {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${name} is not installed. Install PostgreSQL's client tools: sudo apt-get install -y postgresql-client`,
    );
  }
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr.trim()}`);
}

/** Row count and an order-independent checksum of every table in the public schema. */
export async function tableDigests(url: string): Promise<Manifest['tables']> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const out: Manifest['tables'] = {};
    for (const { name } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ rows: string; md5: string | null }>(
        `select count(*) as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
           from public.${quoted} t`,
      );
      out[name] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 ?? '' };
    }
    return out;
  } finally {
    await client.end();
  }
}

async function fileDigests(root: string, dir = root): Promise<Manifest['files']> {
  const out: Manifest['files'] = {};
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, await fileDigests(root, full));
    else if (e.isFile())
      out[path.relative(root, full)] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
  }
  return out;
}

/** Writes `<dir>/database.dump`, `<dir>/files/` and `<dir>/manifest.json`. */
export async function backup(url: string, dir: string, filesDir: string): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(dir, 'database.dump'), url]);
  const exists = await stat(filesDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (exists) await cp(filesDir, path.join(dir, 'files'), { recursive: true });
  const manifest: Manifest = {
    createdAt: new Date().toISOString(),
    database: new URL(url).pathname.slice(1),
    tables: await tableDigests(url),
    files: await fileDigests(path.join(dir, 'files')),
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  files: number;
  /** Tables or files whose restored content differs from the manifest (empty when the restore is exact). */
  mismatches: string[];
}

/**
 * Restores a backup into an empty database (or, with `force`, one whose schemas are dropped first) and the files into
 * `filesDir`, then compares every table and file with the manifest.
 */
export async function restore(
  dir: string,
  url: string,
  filesDir: string,
  options: { force?: boolean } = {},
): Promise<RestoreReport> {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0]!.n) > 0) {
      if (!options.force)
        throw new Error('The target database is not empty: restore into a new database, or pass --force.');
      await client.query('drop schema if exists pgboss cascade');
      await client.query('drop schema if exists public cascade');
      await client.query('create schema public');
    }
  } finally {
    await client.end();
  }
  tool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--dbname',
    url,
    path.join(dir, 'database.dump'),
  ]);
  const backedUpFiles = path.join(dir, 'files');
  if (Object.keys(manifest.files).length) await cp(backedUpFiles, filesDir, { recursive: true, force: true });

  const mismatches: string[] = [];
  const tables = await tableDigests(url);
  for (const [name, want] of Object.entries(manifest.tables)) {
    const got = tables[name];
    if (!got) mismatches.push(`table ${name}: missing`);
    else if (got.rows !== want.rows) mismatches.push(`table ${name}: ${got.rows} rows, ${want.rows} saved`);
    else if (got.md5 !== want.md5) mismatches.push(`table ${name}: content differs`);
  }
  const files = await fileDigests(filesDir);
  for (const [name, sha] of Object.entries(manifest.files)) {
    if (files[name] !== sha) mismatches.push(`file ${name}: ${files[name] ? 'content differs' : 'missing'}`);
  }
  return {
    tables: Object.keys(manifest.tables).length,
    rows: Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0),
    files: Object.keys(manifest.files).length,
    mismatches,
  };
}
