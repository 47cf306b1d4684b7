import 'server-only';
import type { DbOrTx } from '../db';

// Reference data (taxonomies) ship as data files under prisma/reference/ that name their source and edition.
// Loading is idempotent: an edition already present is left alone; a new edition becomes current. This is not demo
// data — production needs it — so it runs with the migrations (scripts/lib/prepare-database.ts, npm run db:migrate).

export interface TaxonomyFile {
  taxonomy: 'CHALLENGE_FIELD' | 'EXPENDITURE_CATEGORY' | 'DISCIPLINE_GBT13745';
  source: string;
  edition: string;
  note: string;
  entries: { code: string; name: string; nameEn: string; isIndirect?: boolean; level?: number; parentCode?: string }[];
}

export async function importTaxonomy(client: DbOrTx, file: TaxonomyFile): Promise<{ created: boolean }> {
  const existing = await client.taxonomyEdition.findUnique({
    where: { taxonomy_edition: { taxonomy: file.taxonomy, edition: file.edition } },
    select: { id: true },
  });
  if (existing) return { created: false };
  const codes = new Set(file.entries.map((e) => e.code));
  if (codes.size !== file.entries.length) throw new Error(`${file.taxonomy} ${file.edition}: duplicate codes`);
  await client.taxonomyEdition.updateMany({
    where: { taxonomy: file.taxonomy, current: true },
    data: { current: false },
  });
  const edition = await client.taxonomyEdition.create({
    data: { taxonomy: file.taxonomy, source: file.source, edition: file.edition, note: file.note, current: true },
    select: { id: true },
  });
  if (file.taxonomy === 'CHALLENGE_FIELD') {
    await client.challengeField.createMany({
      data: file.entries.map((e, i) => ({
        editionId: edition.id,
        code: e.code,
        name: e.name,
        nameEn: e.nameEn,
        ordinal: i + 1,
      })),
    });
  } else if (file.taxonomy === 'DISCIPLINE_GBT13745') {
    await client.discipline.createMany({
      data: file.entries.map((e) => ({
        editionId: edition.id,
        code: e.code,
        name: e.name,
        nameEn: e.nameEn,
        level: e.level ?? (e.code.length === 3 ? 1 : 2),
        parentCode: e.parentCode ?? null,
      })),
    });
  } else {
    await client.expenditureCategory.createMany({
      data: file.entries.map((e, i) => ({
        editionId: edition.id,
        code: e.code,
        name: e.name,
        nameEn: e.nameEn,
        isIndirect: e.isIndirect ?? false,
        ordinal: i + 1,
      })),
    });
  }
  return { created: true };
}
