// npm run restore -- <dir> [--force] — restores a backup (npm run backup) into the configured database (DATABASE_URL,
// else the embedded one) and FILE_STORAGE_DIR, then proves it: every table's rows and checksum and every file's hash
// as the manifest says, and the audit log's hash chain unbroken (as npm run audit:verify). Exit 1 on any difference.
// The database must be empty unless --force (which drops its schemas first).
import path from 'node:path';
import { verifyAuditChain } from '../src/server/audit/verify-audit-chain';
import { restore } from './lib/backup';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { scriptClient } from './lib/prisma';
import { projectRoot } from './lib/schema-engine';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('Usage: npm run restore -- <backup directory> [--force]');
  process.exit(2);
}
const server = await ensureDatabaseServer(() => {});
let code = 0;
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  const filesDir = path.resolve(projectRoot, process.env.FILE_STORAGE_DIR ?? '.data/files');
  const report = await restore(path.resolve(dir), url, filesDir, { force: args.includes('--force') });
  const client = scriptClient(url, 2);
  const chain = await verifyAuditChain(client).finally(() => client.$disconnect());
  console.log(`Restored ${report.tables} tables (${report.rows} rows) and ${report.files} files.`);
  for (const m of report.mismatches) console.error(`MISMATCH ${m}`);
  if (chain.firstBreak)
    console.error(`Audit chain BROKEN at event #${chain.firstBreak.id}: ${chain.firstBreak.problem}`);
  else console.log(`Audit chain OK: ${chain.events} events, head hash ${chain.headHash}`);
  if (report.mismatches.length || chain.firstBreak) code = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code = 1;
} finally {
  await server.stop();
}
process.exit(code);
