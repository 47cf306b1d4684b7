// npm run backup [-- <dir>] — the configured database (DATABASE_URL, else the embedded one under .data/) and the stored
// files (FILE_STORAGE_DIR, default .data/files) into <dir> (default backups/jingyan-<time>): pg_dump's custom format,
// a copy of the files, and a manifest of row counts, table checksums and file hashes that `npm run restore` checks.
import path from 'node:path';
import { backup } from './lib/backup';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { projectRoot } from './lib/schema-engine';

const server = await ensureDatabaseServer(() => {});
let code = 0;
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.resolve(process.argv[2] ?? path.join(projectRoot, 'backups', `jingyan-${stamp}`));
  const filesDir = path.resolve(projectRoot, process.env.FILE_STORAGE_DIR ?? '.data/files');
  const manifest = await backup(url, dir, filesDir);
  const rows = Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0);
  console.log(
    `Backed up ${Object.keys(manifest.tables).length} tables (${rows} rows) and ${Object.keys(manifest.files).length} files to ${dir}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await server.stop();
}
process.exit(code);
