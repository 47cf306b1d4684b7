// Before each test file: a fresh database copied from the migrated template, named by DATABASE_URL, so the app's
// own db() singleton talks to it. Dropped after the file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import pg from 'pg';
import { withDatabase } from '../../scripts/lib/database-server';

const adminUrl = inject('adminUrl');
const name = `jingyan_t_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(adminUrl, name);
// Uploaded files go to a real directory of this test file's own.
process.env.FILE_STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), 'jingyan-files-'));
process.env.AUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef';

afterAll(async () => {
  const { db } = await import('@/server/db');
  await db().$disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
  rmSync(process.env.FILE_STORAGE_DIR!, { recursive: true, force: true });
});
