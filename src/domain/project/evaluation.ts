// 绩效评价 and 长周期评价 (issue 6). Evaluation is by category (分类评价): basic research is judged on originality and
// scientific value, applied research on the technology delivered and its use, the humanities and social sciences on
// their scholarly and social value, platforms on what they build and serve. The category follows the program's kind:
// a 北京实验室 is judged by the kind of research it does, a humanities centre as humanities, the other centres and
// platforms as platforms.
//
// LONG CYCLE. A project that passes acceptance is reviewed again years later, when its outcomes can be seen: by default
// LONG_CYCLE_YEARS after closing for its category (staff may choose another span, 1–10 years); basic research is
// reviewed by international peers by default (the flag can be changed).

import type { ProgramKind } from '../program/rules';
import { addMonths } from '../time';

export type { ProgramKind };
export { addMonths };
export type EvaluationCategory = 'BASIC' | 'APPLIED' | 'HUMANITIES' | 'PLATFORM';
export const EVALUATION_GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

const CATEGORY: Record<ProgramKind, EvaluationCategory> = {
  GENERAL: 'BASIC',
  EXCELLENT_YOUNG: 'BASIC',
  LAB_BASIC: 'BASIC',
  KEY_CHALLENGE: 'APPLIED',
  LAB_APPLIED: 'APPLIED',
  LAB_HUMANITIES: 'HUMANITIES',
  HUMANITIES_SOCIAL_CENTER: 'HUMANITIES',
  PHILOSOPHY_SOCIAL_INNOVATION_CENTER: 'HUMANITIES',
  ADVANCED_INNOVATION_CENTER: 'PLATFORM',
  RESEARCH_CENTER: 'PLATFORM',
  THREE_CITIES_PLATFORM: 'PLATFORM',
};

export function evaluationCategoryOf(kind: ProgramKind): EvaluationCategory {
  return CATEGORY[kind];
}

/** Years after closing at which the long-cycle review falls due, per category. */
export const LONG_CYCLE_YEARS: Record<EvaluationCategory, number> = {
  BASIC: 3,
  APPLIED: 3,
  HUMANITIES: 3,
  PLATFORM: 5,
};
export const LONG_CYCLE_MAX_YEARS = 10;

/** `closedOn` is YYYY-MM-DD (Beijing). 29 February falls on 28 February in a year without it. */
export function scheduleLongCycle(
  closedOn: string,
  category: EvaluationCategory,
  options: { years?: number; international?: boolean } = {},
): { scheduledFor: string; international: boolean } {
  const years = options.years ?? LONG_CYCLE_YEARS[category];
  if (!Number.isInteger(years) || years < 1 || years > LONG_CYCLE_MAX_YEARS) {
    throw new RangeError(`a long-cycle review falls 1–${LONG_CYCLE_MAX_YEARS} years after closing, got ${years}`);
  }
  const [y, m, d] = closedOn.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  const scheduledFor = `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return { scheduledFor, international: options.international ?? category === 'BASIC' };
}

/** A long-cycle review may be completed once, with findings and a grade. */
export function canCompleteLongCycle(status: 'SCHEDULED' | 'DONE' | 'CANCELLED'): boolean {
  return status === 'SCHEDULED';
}
