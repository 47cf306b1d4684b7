// npm run audit:verify — walks the audit log's hash chain and names the first broken event (exit 1), or prints
// the number of events and the head hash (keep that somewhere else: it anchors the log's end, see ADR 0006).
import { verifyAuditChain } from '../src/server/audit/verify-audit-chain';
import { createDatabase, ensureDatabaseServer } from './lib/database-server';
import { scriptClient } from './lib/prisma';

const server = await ensureDatabaseServer();
let exitCode = 0;
try {
  const url = process.env.DATABASE_URL ?? (await createDatabase(server, 'jingyan'));
  const client = scriptClient(url, 2);
  try {
    const report = await verifyAuditChain(client);
    if (report.firstBreak) {
      const b = report.firstBreak;
      console.error(`BROKEN at audit event #${b.id}: ${b.problem} (expected ${b.expected}, found ${b.found}).`);
      console.error(`${report.events} events before it verified.`);
      exitCode = 1;
    } else {
      console.log(`OK: ${report.events} events, head hash ${report.headHash}`);
    }
  } finally {
    await client.$disconnect();
  }
} finally {
  await server.stop();
}
process.exit(exitCode);
