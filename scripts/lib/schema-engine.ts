// Prisma migrations without Prisma's binary CDN (ADR 0002).
//
// Prisma's CLI downloads a native schema engine before doing anything, which fails offline (and behind many
// government-office firewalls). Prisma also publishes the same engine compiled to WebAssembly
// (@prisma/schema-engine-wasm, pinned by @prisma/internals), driven through a driver adapter. We load it here and use
// two of its commands:
//   - applyMigrations: what `prisma migrate deploy` does, recording rows in `_prisma_migrations`, so a machine with
//     the real CLI can take over the same database and folder;
//   - diff: schema → schema, which needs no database (introspection through the pg adapter fails on the catalog type
//     "char", see STACK-NOTES), used by `npm run db:diff` against a snapshot of the schema at the last migration.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');
/** The schema as of the newest migration; `db:diff` diffs from it. Kept beside the migrations, committed. */
export const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');

interface SchemaFile {
  path: string;
  content: string;
}
interface MigrationList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: 'ok'; value: string } | { tag: 'error'; value: string } };
  }[];
}
type DiffTarget = { tag: 'empty' } | { tag: 'schemaDatamodel'; files: SchemaFile[] };
interface WasmSchemaEngine {
  applyMigrations(input: {
    migrationsList: MigrationList;
    filters: Filters;
  }): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: Filters;
  }): Promise<{ exitCode: number; stdout?: string | null }>;
}
interface Filters {
  externalTables: string[];
  externalEnums: string[];
}
const noFilters: Filters = { externalTables: [], externalEnums: [] };

function packageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}

let runtimePromise: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<WasmSchemaEngine> } }> | undefined;

/** Instantiates the WASM engine once per process (the same steps @prisma/internals takes, without its file layout). */
function loadRuntime() {
  runtimePromise ??= (async () => {
    // The engine version @prisma/internals pins is the one that matches our `prisma` and client.
    const wasmDir = packageDir('@prisma/schema-engine-wasm', packageDir('@prisma/internals', projectRoot));
    const runtime = await import(path.join(wasmDir, 'schema_engine_bg.js'));
    const bytes = await readFile(path.join(wasmDir, 'schema_engine_bg.wasm'));
    const compiled = await WebAssembly.compile(bytes);
    const instance = new WebAssembly.Instance(compiled, { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return runtimePromise;
}

async function readSchemaFiles(file = schemaPath): Promise<SchemaFile[]> {
  return [{ path: file, content: await readFile(file, 'utf8') }];
}

/** Runs `work` with an engine bound to a pool we own, so no idle connection keeps the process alive afterwards. */
async function withEngine<T>(
  connectionString: string,
  files: SchemaFile[],
  work: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const runtime = await loadRuntime();
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const debug = () => {};
    const engine = await runtime.SchemaEngine.new(
      { datamodels: files.map((f) => [f.path, f.content]) },
      debug,
      adapter,
    );
    return await work(engine);
  } finally {
    await pool.end();
  }
}

/** The committed migrations, in the shape (and order) Prisma's own CLI builds. */
export async function listMigrations(dir = migrationsDir): Promise<MigrationList> {
  const lockfileContent = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8').catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationList['migrationDirectories'] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await readFile(path.join(dir, entry.name, 'migration.sql'), 'utf8')
      .then((value) => ({ tag: 'ok' as const, value }))
      .catch((error: Error) => ({ tag: 'error' as const, value: error.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: 'migration.sql', content } });
  }
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockfileContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every committed migration not yet applied (like `prisma migrate deploy`); returns the names applied. */
export async function applyMigrations(connectionString: string, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await listMigrations(dir);
  const { appliedMigrationNames } = await withEngine(connectionString, await readSchemaFiles(), (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return appliedMigrationNames;
}

/**
 * SQL that turns a database shaped like `from` into one shaped like `to`; `null` means empty. The engine connects to
 * `connectionString` when it starts (it insists), but a schema-to-schema diff neither reads nor writes it.
 */
export async function diffSchemas(
  connectionString: string,
  from: SchemaFile[] | null,
  to: SchemaFile[],
): Promise<string> {
  const target = (files: SchemaFile[] | null): DiffTarget =>
    files ? { tag: 'schemaDatamodel', files } : { tag: 'empty' };
  const result = await withEngine(connectionString, to, (engine) =>
    engine.diff({ from: target(from), to: target(to), script: true, exitCode: null, filters: noFilters }),
  );
  return result.stdout ?? '';
}

export async function currentSchemaFiles(): Promise<SchemaFile[]> {
  return readSchemaFiles(schemaPath);
}

export async function snapshotSchemaFiles(): Promise<SchemaFile[] | null> {
  if (!existsSync(snapshotPath)) return null;
  // The engine keys files by path; give the snapshot the schema's own path so both sides name the same file.
  return [{ path: schemaPath, content: await readFile(snapshotPath, 'utf8') }];
}
