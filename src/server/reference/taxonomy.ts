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

export function currentExpenditureCategories(client: DbOrTx) {
  return client.expenditureCategory.findMany({
    where: { edition: { current: true } },
    orderBy: { ordinal: 'asc' },
    select: { code: true, name: true, nameEn: true, isIndirect: true },
  });
}
