// Loads every taxonomy file in prisma/reference/ (idempotent; see src/server/reference/import-taxonomy.ts) and the
// official working calendar's exceptions in prisma/reference/calendar/ (src/server/reference/calendar.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importTaxonomy, type TaxonomyFile } from '../../src/server/reference/import-taxonomy';
import { importCalendar, type CalendarFile } from '../../src/server/reference/calendar';
import type { Db } from '../../src/server/db';
import { projectRoot } from './schema-engine';

export async function loadReferenceData(client: Db): Promise<string[]> {
  const dir = path.join(projectRoot, 'prisma', 'reference');
  const loaded: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as TaxonomyFile;
    const { created } = await client.$transaction((tx) => importTaxonomy(tx, file));
    if (created) loaded.push(`${file.taxonomy} ${file.edition}`);
  }
  const calendarDir = path.join(dir, 'calendar');
  for (const name of readdirSync(calendarDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = JSON.parse(readFileSync(path.join(calendarDir, name), 'utf8')) as CalendarFile;
    const { created } = await importCalendar(client, file);
    if (created) loaded.push(`CALENDAR ${file.year}`);
  }
  return loaded;
}
