import 'server-only';
import type { BlindOptions } from '@/domain/review/blind';
import type { DbOrTx } from '../db';

// What blind review hides besides the snapshot's own strings (src/domain/review/blind.ts `alsoHide`): the English
// names and aliases (曾用名、简称) the institution table holds for the host institution and the team members'
// institutions. The snapshot carries only the Chinese names, so without these an applicant who writes "Beijing
// University of Technology" in the English abstract would name the host to every blind reviewer.

interface InstitutionNames {
  nameEn: string | null;
  aliases: string[];
}

/** The application's fields `blindAlsoHide` reads: select them with the rest of the reviewer's query. */
export const BLIND_NAMES_SELECT = {
  institutionId: true,
  institution: { select: { nameEn: true, aliases: true } },
  members: {
    select: {
      user: {
        select: {
          researcherProfile: {
            select: { institutionId: true, institution: { select: { nameEn: true, aliases: true } } },
          },
        },
      },
    },
  },
} as const;

const namesOf = (i: InstitutionNames) => [i.nameEn ?? '', ...i.aliases].filter((n) => n.trim() !== '');

export function blindAlsoHide(app: {
  institutionId: string;
  institution: InstitutionNames;
  members: { user: { researcherProfile: { institutionId: string; institution: InstitutionNames } | null } }[];
}): NonNullable<BlindOptions['alsoHide']> {
  return {
    hostInstitutionNames: namesOf(app.institution),
    otherInstitutionNames: app.members.flatMap(({ user: { researcherProfile: p } }) =>
      p && p.institutionId !== app.institutionId ? namesOf(p.institution) : [],
    ),
  };
}

/** The same, read for one application (where the caller's query did not select it). */
export async function blindAlsoHideFor(client: DbOrTx, applicationId: string) {
  return blindAlsoHide(
    await client.application.findUniqueOrThrow({ where: { id: applicationId }, select: BLIND_NAMES_SELECT }),
  );
}
