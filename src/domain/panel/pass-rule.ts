// 会议评审的表决规则 (issue 6): whether an application passes a panel's vote. The program's rules give the share
// (`rules.panel.passRuleBp`: 6667 = two thirds, 5001 = a simple majority); this module says of what.
//
// OF WHAT. The share is taken of the members **entitled to vote on the item and present** (到会且无需回避的委员):
// a conflicted member is excluded from the item before the vote (DATA-MODEL §2.9) and counts nowhere; an absent
// member counts nowhere. Abstaining (弃权) and not voting count against — the rule is "同意票达到到会委员的三分之二",
// not "two thirds of the votes cast", so that abstentions cannot carry an application.
//
// QUORUM. A vote is valid only when at least half of the item's entitled members (present or not) are present
// (QUORUM_BP); otherwise the result is NO_QUORUM and the item must be voted again, never recorded as failed.
//
// PRECISION. The program states the share in basis points, and two thirds can only be written 6667 bp; 2 of 3 is
// 6666.7 bp. So the FOR share is rounded half up to whole basis points before the comparison (`shareBp`): 2 of 3 and
// 6 of 9 pass a two-thirds rule, 5 of 8 (6250 bp) does not. Rounding cannot carry a share that is really below the rule
// on any panel under 1000 members (two different fractions with such denominators differ by more than 1 bp).

export const PANEL_VOTES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type PanelVote = (typeof PANEL_VOTES)[number];

/** Half of the entitled members must be present for the item's vote to count. */
export const QUORUM_BP = 5_000;

export interface PanelMemberOnItem {
  userId: string;
  attended: boolean;
  /** Excluded from this item for a conflict of interest (回避): neither counted nor allowed to vote. */
  conflicted: boolean;
}

export interface CastVote {
  memberUserId: string;
  vote: PanelVote;
}

export type PanelResult =
  | { result: 'PASSED' | 'FAILED'; tally: PanelTally }
  | { result: 'NO_QUORUM'; tally: PanelTally }
  | { result: 'INVALID'; reason: 'voteFromIneligibleMember' | 'duplicateVote'; memberUserId: string };

export interface PanelTally {
  /** Members entitled to vote on the item (not conflicted), present or not. */
  entitled: number;
  /** Of those, present: the base of the share. */
  present: number;
  for: number;
  against: number;
  abstain: number;
  /** Present members who cast no vote (they count against, like an abstention). */
  notVoted: number;
  /** FOR votes needed to pass: the fewest whose share of those present reaches the rule. */
  needed: number;
}

/**
 * The result of one agenda item's vote. `passRuleBp` comes from the call's frozen rules (5001–10000). A vote from a
 * member who is absent, conflicted or not on the panel — or two votes from one member — makes the whole tally INVALID:
 * the server refuses such a vote before it is stored, so meeting one here means the data is wrong, not the vote.
 */
export function panelResult(
  members: readonly PanelMemberOnItem[],
  votes: readonly CastVote[],
  passRuleBp: number,
): PanelResult {
  if (!Number.isInteger(passRuleBp) || passRuleBp < 5_001 || passRuleBp > 10_000) {
    throw new RangeError(`passRuleBp must be an integer in 5001–10000, got ${passRuleBp}`);
  }
  const entitled = members.filter((m) => !m.conflicted);
  const present = new Set(entitled.filter((m) => m.attended).map((m) => m.userId));
  const seen = new Set<string>();
  const count = { FOR: 0, AGAINST: 0, ABSTAIN: 0 };
  for (const v of votes) {
    if (!present.has(v.memberUserId)) {
      return { result: 'INVALID', reason: 'voteFromIneligibleMember', memberUserId: v.memberUserId };
    }
    if (seen.has(v.memberUserId)) return { result: 'INVALID', reason: 'duplicateVote', memberUserId: v.memberUserId };
    seen.add(v.memberUserId);
    count[v.vote] += 1;
  }
  let needed = 0;
  while (needed < present.size && shareBp(needed, present.size) < passRuleBp) needed += 1;
  const tally: PanelTally = {
    entitled: entitled.length,
    present: present.size,
    for: count.FOR,
    against: count.AGAINST,
    abstain: count.ABSTAIN,
    notVoted: present.size - seen.size,
    needed,
  };
  if (present.size === 0 || present.size * 10_000 < entitled.length * QUORUM_BP) return { result: 'NO_QUORUM', tally };
  return { result: shareBp(count.FOR, present.size) >= passRuleBp ? 'PASSED' : 'FAILED', tally };
}

/** part / whole in basis points, rounded half up, in integers. */
export function shareBp(part: number, whole: number): number {
  return Math.floor((part * 20_000 + whole) / (2 * whole));
}
