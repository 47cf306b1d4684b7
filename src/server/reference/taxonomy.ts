import 'server-only';
import type { DbOrTx } from '../db';

// The current editions of the reference tables (public standards, not personal data: no permission needed).

export function currentDisciplines(client: DbOrTx) {
  return client.discipline.findMany({
    where: { edition: { current: true } },
    orderBy: { code: 'asc' },
    select: { code: true, name: true, nameEn: true, level: true },
  });
}

/** The current edition's names of just these codes: what a list page needs to label its rows (the edition has ~800). */
export function disciplinesNamed(client: DbOrTx, codes: readonly (string | null)[]) {
  const wanted = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  return client.discipline.findMany({
    where: { edition: { current: true }, code: { in: wanted } },
    select: { code: true, name: true, nameEn: true },
  });
}

export function currentExpenditureCategories(client: DbOrTx) {
  return client.expenditureCategory.findMany({
    where: { edition: { current: true } },
    orderBy: { ordinal: 'asc' },
    select: { code: true, name: true, nameEn: true, isIndirect: true },
  });
}
