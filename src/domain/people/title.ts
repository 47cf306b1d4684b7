// Professional title levels (职称级别), in order. "Minimum title" rules compare ranks.

export const TITLE_LEVELS = ['NONE', 'JUNIOR', 'INTERMEDIATE', 'ASSOCIATE_SENIOR', 'SENIOR'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

export function titleRank(level: TitleLevel | null | undefined): number {
  return level ? TITLE_LEVELS.indexOf(level) : 0;
}

export function meetsMinimumTitle(level: TitleLevel | null | undefined, minimum: TitleLevel | null): boolean {
  return minimum === null || titleRank(level) >= titleRank(minimum);
}
