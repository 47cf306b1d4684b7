// Badge tones of the panel enums; the words come from messages (enums.*), the tone only repeats them.

export const MEETING_TONE = { PLANNED: 'slate', IN_SESSION: 'blue', CLOSED: 'green' } as const;
export const ITEM_TONE = { PENDING: 'slate', IN_PROGRESS: 'amber', VOTED: 'blue', SKIPPED: 'slate' } as const;
export const RESULT_TONE = { PASSED: 'green', FAILED: 'red' } as const;

/** The pass rule as a percentage with two decimals (6667 bp → 66.67). */
export const ruleShare = (bp: number) => (bp / 100).toFixed(2);
