// Topical affinity between an expert and an application (匹配度), the quantity the assignment solver maximises.
// Pure; the server module computes it for candidate pairs only (an expert sharing neither a first-level discipline
// nor a keyword with an application is not a candidate at all).
//
// THE SCORE, in [0, 1], is a weighted sum of two parts:
//  - discipline (weight 0.6): the application's GB/T 13745 code against the expert's codes. The same code scores 1;
//    codes under the same first-level discipline (14020 and 140, or 14020 and 14030) score 0.5 — the expert knows the
//    field but not the speciality. The best of the expert's codes counts.
//  - keywords (weight 0.4): the cosine of the two keyword sets (|A ∩ B| / √(|A|·|B|)) after normalising case, width
//    and spaces. Cosine, not Jaccard, so an expert with a long keyword list is not penalised for breadth.
// Discipline weighs more because keywords are free text written by two different people; a code is a shared
// vocabulary. Both parts are rounded to 4 decimals so the solver's integer costs are reproducible across machines.

export const DISCIPLINE_WEIGHT = 0.6;
export const KEYWORD_WEIGHT = 0.4;
const SAME_FIELD_SCORE = 0.5;

export interface AffinityApplication {
  disciplineCode: string | null;
  keywords: readonly string[];
}

export interface AffinityExpert {
  disciplineCodes: readonly string[];
  keywords: readonly string[];
}

export interface Affinity {
  score: number;
  discipline: number;
  keywords: number;
  /** The normalised keywords both sides share, for the explanation shown to staff. */
  sharedKeywords: string[];
}

/** Case, full-width forms and inner spaces do not make two keywords different (“ＡＩ 芯片” = “ai芯片”). */
export function normaliseKeyword(keyword: string): string {
  return keyword.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function disciplineScore(code: string | null, expertCodes: readonly string[]): number {
  if (!code) return 0;
  let best = 0;
  for (const c of expertCodes) {
    if (c === code) return 1;
    if (c.slice(0, 3) === code.slice(0, 3)) best = SAME_FIELD_SCORE;
  }
  return best;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function affinity(application: AffinityApplication, expert: AffinityExpert): Affinity {
  const a = new Set(application.keywords.map(normaliseKeyword).filter(Boolean));
  const e = new Set(expert.keywords.map(normaliseKeyword).filter(Boolean));
  const sharedKeywords = [...a].filter((k) => e.has(k)).sort();
  const keywords = a.size && e.size ? round4(sharedKeywords.length / Math.sqrt(a.size * e.size)) : 0;
  const discipline = disciplineScore(application.disciplineCode, expert.disciplineCodes);
  return {
    score: round4(DISCIPLINE_WEIGHT * discipline + KEYWORD_WEIGHT * keywords),
    discipline,
    keywords,
    sharedKeywords,
  };
}

/**
 * Whether the expert can read the application at all: a Chinese-reading expert reads everything; an expert who reads
 * only English needs the English title and abstract (programs with international review require them).
 */
export function canReadApplication(expertLanguages: readonly string[], hasEnglishVersion: boolean): boolean {
  return expertLanguages.includes('zh') || (hasEnglishVersion && expertLanguages.includes('en'));
}
