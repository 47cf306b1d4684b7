// 选题 (issue 7, DATA-MODEL §2.14 and §3.9): topics come top-down from the commission and bottom-up from researchers,
// institutions and enterprises; the committee's members score them; staff select or reject them once enough scores
// are in, and turn a selected one into a call or a challenge list with one action.

export const TOPIC_STATUSES = ['SUBMITTED', 'SCORING', 'SELECTED', 'REJECTED', 'CONVERTED', 'WITHDRAWN'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
type Who = 'STAFF' | 'PROPOSER';

export const TOPIC_TRANSITIONS = {
  open_scoring: { from: ['SUBMITTED'], to: 'SCORING', by: ['STAFF'] },
  select: { from: ['SCORING'], to: 'SELECTED', by: ['STAFF'] },
  reject: { from: ['SCORING'], to: 'REJECTED', by: ['STAFF'] },
  convert: { from: ['SELECTED'], to: 'CONVERTED', by: ['STAFF'] },
  withdraw: { from: ['SUBMITTED'], to: 'WITHDRAWN', by: ['PROPOSER'] },
} as const satisfies Record<string, { from: readonly TopicStatus[]; to: TopicStatus; by: readonly Who[] }>;
export type TopicTransition = keyof typeof TOPIC_TRANSITIONS;

export function canTransitionTopic(status: TopicStatus, transition: TopicTransition, by: Who): boolean {
  const rule = TOPIC_TRANSITIONS[transition];
  return (rule.from as readonly TopicStatus[]).includes(status) && (rule.by as readonly Who[]).includes(by);
}

/** Selecting or rejecting needs at least the term's minimum of submitted scores: the committee must have spoken. */
export function enoughScores(submitted: number, minScoresToDecide: number): boolean {
  return submitted >= Math.max(1, minScoresToDecide);
}

/** A score on the term's scale: a whole number from 1 to `max`. Null when valid, else the problem's message code. */
export function checkTopicScore(score: number, max: number): string | null {
  if (!Number.isInteger(score)) return 'integer';
  if (score < 1 || score > max) return `between?min=1&max=${max}`;
  return null;
}

/** The mean of the submitted scores × 100, rounded half up (integer arithmetic); null without scores. */
export function meanScoreCenti(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const total = scores.reduce((a, b) => a + b, 0) * 100;
  return Math.floor((2 * total + scores.length) / (2 * scores.length));
}

/**
 * A member sees the other members' scores on a topic only after submitting their own, so nobody anchors on the
 * others; staff always see them all.
 */
export function seesOtherScores(viewer: 'STAFF' | 'MEMBER', ownSubmitted: boolean): boolean {
  return viewer === 'STAFF' || ownSubmitted;
}
