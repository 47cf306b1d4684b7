import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/server/db';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { uploadFile } from '@/server/files/files';
import { backup, restore, tableDigests, type Manifest } from '../../scripts/lib/backup';
import { scriptClient } from '../../scripts/lib/prisma';
import { withDatabase } from '../../scripts/lib/database-server';
import { seedDemo } from '../../prisma/seed';
import { actorFor, DEMO } from './helpers';

// Backup and restore round trip (issue 9, 等保 data backup): the seeded portal with a stored file is backed up with
// pg_dump and a copy of the files, restored into a new empty database and file directory, and proved equal — every
// table's row count and content checksum, every file's hash — with the audit chain still unbroken. The npm scripts
// themselves run too.

const adminUrl = inject('adminUrl');
const target = `jingyan_restore_${randomBytes(4).toString('hex')}`;
const targetUrl = withDatabase(adminUrl, target);
const work = mkdtempSync(path.join(os.tmpdir(), 'jingyan-backup-'));
const dir = path.join(work, 'backup');
const restoredFiles = path.join(work, 'files');

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function npmScript(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', `scripts/${script}.ts`, ...args],
      { env: { ...process.env, ...env }, cwd: process.cwd() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  await seedDemo(db());
  const researcher = await actorFor(DEMO.researcher);
  const pdf = readFileSync(path.join(process.cwd(), 'tests/fixtures/sample.pdf'));
  await uploadFile(db(), researcher, { name: '代表作.pdf', bytes: pdf, purpose: 'WORK_EVIDENCE' });
  await admin(`create database ${target} template template0`);
});

afterAll(async () => {
  await admin(`drop database if exists ${target} with (force)`);
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the database and the files exactly, and the audit chain verifies after restore', async () => {
    const manifest: Manifest = await backup(process.env.DATABASE_URL!, dir, process.env.FILE_STORAGE_DIR!);
    expect(manifest.tables.User!.rows).toBeGreaterThan(10);
    expect(manifest.tables.AuditEvent!.rows).toBeGreaterThan(10);
    // The seed's stored files and the one uploaded above.
    expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(1);

    const report = await restore(dir, targetUrl, restoredFiles);
    expect(report.mismatches).toEqual([]);
    expect(report.files).toBe(Object.keys(manifest.files).length);
    expect(report.rows).toBe(Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0));
    // The same tables with the same content, counted afresh on both sides.
    expect(await tableDigests(targetUrl)).toEqual(await tableDigests(process.env.DATABASE_URL!));

    const restored = scriptClient(targetUrl, 2);
    try {
      const chain = await verifyAuditChain(restored);
      expect(chain.firstBreak).toBeNull();
      expect(chain.events).toBe(manifest.tables.AuditEvent!.rows);
      // The job queue's schema came along: a restored portal can enqueue at once.
      const [queues] = await restored.$queryRaw<{ n: bigint }[]>`select count(*) as n from pgboss.queue`;
      expect(Number(queues!.n)).toBeGreaterThan(0);
    } finally {
      await restored.$disconnect();
    }
  });

  it('refuses to restore over a database that holds data, unless told to, and then names any difference', async () => {
    await expect(restore(dir, targetUrl, restoredFiles)).rejects.toThrow(/not empty/);
    // A row changed after the backup: a forced restore puts the saved state back.
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    await client.query(`update "User" set name = '篡改' where email = $1`, [DEMO.staff]);
    await client.end();
    expect((await tableDigests(targetUrl)).User!.md5).not.toBe(
      (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest).tables.User!.md5,
    );
    const again = await restore(dir, targetUrl, restoredFiles, { force: true });
    expect(again.mismatches).toEqual([]);
  });

  it('npm run backup and npm run restore do the same from the command line', async () => {
    const cliDir = path.join(work, 'cli');
    const out = await npmScript('backup', [cliDir], {});
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^Backed up \d+ tables \(\d+ rows\) and \d+ files to /);
    const restoredByCli = await npmScript('restore', [cliDir, '--force'], {
      DATABASE_URL: targetUrl,
      FILE_STORAGE_DIR: path.join(work, 'cli-files'),
    });
    expect(restoredByCli.code, restoredByCli.stderr).toBe(0);
    expect(restoredByCli.stdout).toContain('Audit chain OK');
  });
});
