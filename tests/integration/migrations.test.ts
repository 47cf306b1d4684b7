import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { withDatabase } from '../../scripts/lib/database-server';
import {
  applyMigrations,
  currentSchemaFiles,
  diffSchemas,
  migrationsDir,
  snapshotSchemaFiles,
} from '../../scripts/lib/schema-engine';

// No drift: the committed migrations, applied to an empty database, give exactly the schema that
// prisma/schema.prisma describes. Compared through the catalog (no pg_dump needed, so any machine can run it).

const adminUrl = inject('adminUrl');

/**
 * Objects the migrations write in raw SQL because Prisma's schema language cannot say them (DATA-MODEL §1 "Indexes"):
 * partial unique indexes, NULLS NOT DISTINCT keys and CHECK constraints. They are absent from (or differ in) the
 * schema-built database, so the drift comparison sets them aside — and then checks that each one is really there.
 */
const RAW_SQL_OBJECTS: Record<string, RegExp> = {
  Decision_one_live_per_application: /UNIQUE INDEX .* WHERE \(status <> 'REVISED'/,
  TaskBook_one_confirmed_per_project: /UNIQUE INDEX .* WHERE \(status = 'CONFIRMED'/,
  BudgetPlan_year_payer_category_key: /UNIQUE INDEX .* NULLS NOT DISTINCT/,
  Tranche_projectId_source_sourceInstitutionId_ordinal_key: /UNIQUE INDEX .* NULLS NOT DISTINCT/,
  MentorAssignment_one_active_per_project: /UNIQUE INDEX .* WHERE \(status = 'ACTIVE'/,
  Tranche_amount_positive: /CHECK/,
  BudgetPlan_amount_nonnegative: /CHECK/,
  Decision_award_nonnegative: /CHECK/,
  ProjectManager_one_open_per_person: /UNIQUE INDEX .* WHERE \("endedOn" IS NULL/,
  PlatformEvaluation_one_draft_per_platform: /UNIQUE INDEX .* WHERE \(status = 'DRAFT'/,
  ApplicationYearBudget_amount_nonnegative: /CHECK/,
  PlatformProject_budget_nonnegative: /CHECK/,
  Platform_support_nonnegative: /CHECK/,
  Resolution_votes_nonnegative: /CHECK/,
};
const rawName = (line: string) => Object.keys(RAW_SQL_OBJECTS).find((name) => line.includes(name));
const created: string[] = [];

async function freshDatabase(tag: string): Promise<string> {
  const name = `jingyan_drift_${tag}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  created.push(name);
  return withDatabase(adminUrl, name);
}

async function run(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Every column, enum, index, constraint and sequence of the public schema, as sorted text lines. */
async function catalog(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const queries = [
      `select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(udt_name,'') || ' ' ||
              is_nullable || ' ' || coalesce(column_default,'') || ' ' || coalesce(character_maximum_length::text,'') ||
              ' ' || coalesce(datetime_precision::text,'') as line
         from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
      `select 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
         from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' group by t.typname`,
      `select 'index ' || indexdef as line from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'`,
      `select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
         from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations'`,
      `select 'sequence ' || sequence_name as line from information_schema.sequences where sequence_schema = 'public'`,
    ];
    const lines: string[] = [];
    for (const q of queries) lines.push(...(await c.query<{ line: string }>(q)).rows.map((r) => r.line));
    return lines.sort();
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});

describe('migrations', () => {
  it('produce exactly the schema in prisma/schema.prisma (no drift)', async () => {
    const fromMigrations = await freshDatabase('m');
    const applied = await applyMigrations(fromMigrations);
    const dirs = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(applied).toEqual(dirs);

    const fromSchema = await freshDatabase('s');
    await run(fromSchema, await diffSchemas(adminUrl, null, await currentSchemaFiles()));

    const expected = await catalog(fromSchema);
    expect(expected.length).toBeGreaterThan(50);
    const migrated = await catalog(fromMigrations);
    expect(migrated.filter((l) => !rawName(l))).toEqual(expected.filter((l) => !rawName(l)));
    for (const [name, shape] of Object.entries(RAW_SQL_OBJECTS)) {
      const line = migrated.find((l) => rawName(l) === name);
      expect(line, `raw SQL object ${name}`).toMatch(shape);
    }

    // The comparison is sharp enough to see a one-column difference.
    await run(fromSchema, 'alter table "User" add column "drift" int');
    expect(await catalog(fromMigrations)).not.toEqual(await catalog(fromSchema));
  });

  it('keep the schema snapshot in step with the last migration', async () => {
    // If schema.prisma changed without `npm run db:diff`, this diff is non-empty.
    const pending = await diffSchemas(adminUrl, await snapshotSchemaFiles(), await currentSchemaFiles());
    expect(pending.replace(/^--.*$/gm, '').trim()).toBe('');
  });

  it("apply idempotently and record themselves in Prisma's _prisma_migrations table", async () => {
    const url = await freshDatabase('i');
    await applyMigrations(url);
    expect(await applyMigrations(url)).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const rows = await c.query(
      'select migration_name, finished_at is not null as done from _prisma_migrations order by migration_name',
    );
    await c.end();
    expect(rows.rows.every((r) => r.done)).toBe(true);
    expect(rows.rows.map((r) => r.migration_name)).toEqual(
      readdirSync(path.join(migrationsDir), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort(),
    );
  });
});
