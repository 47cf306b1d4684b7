// Once per integration run: a database server (the one scripts/test.ts hands over, DATABASE_URL's, or an embedded
// one) and a template database at the committed schema, with the reference data every database carries. Each test file copies the template (setup-database.ts).
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import {
  createDatabase,
  dropDatabase,
  ensureDatabaseServer,
  type DatabaseServer,
} from '../../scripts/lib/database-server';
import { migrateAndLoadReference } from '../../scripts/lib/prepare-database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

let server: DatabaseServer;
let template: string;

export async function setup(project: TestProject) {
  server = await ensureDatabaseServer(() => {});
  template = `jingyan_tpl_${randomBytes(4).toString('hex')}`;
  await createDatabase(server, template);
  await migrateAndLoadReference(server.urlFor(template), () => {});
  project.provide('adminUrl', server.urlFor('postgres'));
  project.provide('templateDatabase', template);
}

export async function teardown() {
  await dropDatabase(server, template);
  await server.stop();
}
