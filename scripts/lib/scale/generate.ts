// Generates the scale dataset (issue 10) into a migrated database holding the demo seed, stage by stage, on one
// connection. Idempotent by a marker: the last audit event it writes, `dev.seed_scale`, names the seed and size;
// a second run with the same ones does nothing, with other ones it refuses (the data would collide).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { appendAuditEvents, stageAuditEvents } from './audit';
import { hashSnapshots, insertApplications, insertCalls } from './applications';
import { insertInstitutions } from './institutions';
import { insertExperts, insertResearchers } from './people';
import { insertDecisionsAndProjects } from './projects';
import { insertReviews } from './reviews';
import { installHelpers, scaleSize, type ScaleSize } from './sql';

export const SCALE_MARKER_ACTION = 'dev.seed_scale';
/** The seed `npm run seed:scale` and `npm run bench:pages` use unless told otherwise. */
export const DEFAULT_SCALE_SEED = 'jingyan-2026';

export const SCALE_TABLES = [
  'Institution',
  'User',
  'RoleAssignment',
  'ResearcherProfile',
  'CareerEntry',
  'RepresentativeWork',
  'Honour',
  'ExpertProfile',
  'Call',
  'Application',
  'ApplicationVersion',
  'InstitutionReview',
  'FormalCheck',
  'ReviewAssignment',
  'Review',
  'Decision',
  'Project',
  'TaskBook',
  'Tranche',
  'AuditEvent',
] as const;

export interface ScaleReport {
  status: 'generated' | 'already-present';
  size: ScaleSize;
  stages: { name: string; seconds: number }[];
  rows: Record<string, number>;
  seconds: number;
}

export async function countRows(client: pg.Client) {
  const rows: Record<string, number> = {};
  for (const t of SCALE_TABLES) {
    const { rows: r } = await client.query<{ c: string }>(`select count(*) as c from "${t}"`);
    rows[t] = Number(r[0]!.c);
  }
  return rows;
}

export async function generateScale(
  url: string,
  options: { applications: number; seed: string; log?: (m: string) => void },
): Promise<ScaleReport> {
  const log = options.log ?? (() => {});
  const size = scaleSize(options.applications);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  const stages: ScaleReport['stages'] = [];
  try {
    const { rows: markers } = await client.query<{ summary: { seed: string; applications: number } }>(
      `select summary from "AuditEvent" where action = $1 order by id`,
      [SCALE_MARKER_ACTION],
    );
    if (markers.length) {
      const m = markers[0]!.summary;
      if (m.seed === options.seed && m.applications === options.applications) {
        return { status: 'already-present', size, stages, rows: await countRows(client), seconds: 0 };
      }
      throw new Error(
        `this database already holds scale data (seed ${m.seed}, ${m.applications} applications); ` +
          'use a fresh database for another seed or size',
      );
    }
    const { rows: demo } = await client.query(`select 1 from "User" where email = 'researcher@demo.jingyan.cn'`);
    if (!demo.length) throw new Error('the demo seed is not loaded in this database (scale data builds on it)');

    await client.query(`set synchronous_commit = off`);
    await client.query(`set work_mem = '64MB'`);
    // Plans here are simple; JIT compiling them (the row estimates make PostgreSQL try) costs seconds and saves none.
    await client.query(`set jit = off`);
    await installHelpers(client, options.seed);
    const stage = async (name: string, fn: () => Promise<unknown>) => {
      const s = performance.now();
      await fn();
      const seconds = (performance.now() - s) / 1000;
      stages.push({ name, seconds });
      log(`  ${name.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s`);
    };
    await stage('institutions', () => insertInstitutions(client));
    await stage(`researchers (${size.researchers})`, () => insertResearchers(client, size));
    await stage(`experts (${size.experts})`, () => insertExperts(client, size));
    await stage('calls', () => insertCalls(client));
    await stage(`applications (${size.applications})`, () => insertApplications(client, size));
    await stage('snapshot hashes', () => hashSnapshots(client));
    await stage('assignments and reviews', () => insertReviews(client, size));
    await stage('decisions, projects, tranches', () => insertDecisionsAndProjects(client));
    await stage('audit events', async () => {
      await stageAuditEvents(client);
      await appendAuditEvents(client, {
        actorId: null,
        actorRole: null,
        actorName: 'npm run seed:scale',
        action: SCALE_MARKER_ACTION,
        entityType: 'Database',
        entityId: null,
        summary: { seed: options.seed, applications: options.applications },
      });
    });
    // Vacuum as well as analyze: years of data would have been vacuumed by autovacuum long since, and without the
    // visibility map an index-only scan (the analytics dashboard's) still reads the heap.
    await stage('vacuum analyze', () => client.query('vacuum analyze'));
    return {
      status: 'generated',
      size,
      stages,
      rows: await countRows(client),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    await client.end();
  }
}
