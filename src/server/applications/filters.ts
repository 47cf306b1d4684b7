import type { Prisma } from '../db';

/** The formal-check list's discipline and age filters, shared with its export so the file holds what the page shows. */
export function disciplineAgeWhere(query: { discipline?: string; age?: string }): Prisma.ApplicationWhereInput {
  const discipline = query.discipline && /^\d{3,7}$/.test(query.discipline) ? query.discipline : undefined;
  const age =
    query.age === 'under35'
      ? { ageOnDeadline: { lt: 35 } }
      : query.age === 'under45'
        ? { ageOnDeadline: { lt: 45 } }
        : query.age === 'over45'
          ? { ageOnDeadline: { gte: 45 } }
          : {};
  return { ...(discipline ? { disciplineCode: { startsWith: discipline } } : {}), ...age };
}
