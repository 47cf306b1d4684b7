// 项目变更 (issue 6, DATA-MODEL §3.7): the PI asks, the institution approves, then the commission; either may refuse
// with a reason, and the PI may withdraw before the commission decides. Approval applies the change in the same
// transaction (server). What may be asked is limited here, per kind:
//
// EXTENSION (延期): at most EXTENSION_MAX_MONTHS in all over the project's life (the months of earlier approved
//   extensions count), asked before the project's end date.
// PI_CHANGE (负责人变更): the new PI is on the current team and not under a sanction barring applications.
// MEMBER_CHANGE: someone joins or leaves; the PI cannot be removed this way.
// BUDGET_REALLOCATION (预算调剂, line-item projects only; 包干制 has no categories to move between): moves between
//   direct-cost categories, each positive, none into indirect costs (间接费用 are fixed by the award), none taking a
//   category below what it has already spent.

import { activeSanction } from '../application/eligibility';

export const EXTENSION_MAX_MONTHS = 12;
export const INDIRECT_CATEGORY = 'INDIRECT';

export type ChangeStatus = 'REQUESTED' | 'INSTITUTION_APPROVED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
type Who = 'PI' | 'OFFICE' | 'STAFF';

export const CHANGE_TRANSITIONS = {
  institution_approve: { from: ['REQUESTED'], to: 'INSTITUTION_APPROVED', by: ['OFFICE'] },
  approve: { from: ['INSTITUTION_APPROVED'], to: 'APPROVED', by: ['STAFF'] },
  reject: { from: ['REQUESTED', 'INSTITUTION_APPROVED'], to: 'REJECTED', by: ['OFFICE', 'STAFF'] },
  withdraw: { from: ['REQUESTED', 'INSTITUTION_APPROVED'], to: 'WITHDRAWN', by: ['PI'] },
} as const satisfies Record<string, { from: readonly ChangeStatus[]; to: ChangeStatus; by: readonly Who[] }>;
export type ChangeTransition = keyof typeof CHANGE_TRANSITIONS;

export function canTransitionChange(status: ChangeStatus, transition: ChangeTransition, by: Who): boolean {
  const rule = CHANGE_TRANSITIONS[transition];
  return (rule.from as readonly ChangeStatus[]).includes(status) && (rule.by as readonly Who[]).includes(by);
}

export type ChangePayload =
  | { kind: 'EXTENSION'; months: number }
  | { kind: 'PI_CHANGE'; newPiUserId: string }
  | { kind: 'MEMBER_CHANGE'; add: readonly string[]; remove: readonly string[] }
  | { kind: 'BUDGET_REALLOCATION'; moves: readonly { from: string; to: string; amountFen: bigint }[] };

export interface ChangeFacts {
  now: Date;
  /** The project's end date (YYYY-MM-DD, Beijing). */
  endDate: string;
  budgetMode: 'LINE_ITEM' | 'LUMP_SUM';
  piUserId: string;
  memberUserIds: readonly string[];
  /** Months of extensions approved before. */
  extendedMonths: number;
  /** Budget and spending so far per category (line-item), fen. */
  budgetByCategory: ReadonlyMap<string, bigint>;
  spentByCategory: ReadonlyMap<string, bigint>;
  /** Credit records of the person proposed as PI (PI_CHANGE). */
  newPiCreditRecords?: readonly { startsOn: Date; endsOn: Date | null; barsApplications: boolean }[];
}

export type ChangeIssue = { field: string; code: string; params?: Record<string, string | number> };

/** What is wrong with the request under the rules above; [] when it may go to the institution. */
export function checkChangeRequest(payload: ChangePayload, facts: ChangeFacts): ChangeIssue[] {
  const issues: ChangeIssue[] = [];
  switch (payload.kind) {
    case 'EXTENSION': {
      const left = EXTENSION_MAX_MONTHS - facts.extendedMonths;
      if (!Number.isInteger(payload.months) || payload.months < 1 || payload.months > left) {
        issues.push({ field: 'months', code: 'extensionTooLong', params: { max: Math.max(0, left) } });
      }
      const today = new Date(facts.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      if (today > facts.endDate) issues.push({ field: 'months', code: 'projectAlreadyEnded' });
      break;
    }
    case 'PI_CHANGE': {
      if (payload.newPiUserId === facts.piUserId) issues.push({ field: 'newPiUserId', code: 'alreadyPi' });
      else if (!facts.memberUserIds.includes(payload.newPiUserId)) {
        issues.push({ field: 'newPiUserId', code: 'newPiNotOnTeam' });
      }
      if (activeSanction(facts.newPiCreditRecords ?? [], facts.now)) {
        issues.push({ field: 'newPiUserId', code: 'applicantSanctioned' });
      }
      break;
    }
    case 'MEMBER_CHANGE': {
      if (payload.add.length + payload.remove.length === 0) issues.push({ field: 'add', code: 'nothingToChange' });
      if (payload.remove.includes(facts.piUserId)) issues.push({ field: 'remove', code: 'cannotRemovePi' });
      if (payload.add.some((id) => facts.memberUserIds.includes(id)))
        issues.push({ field: 'add', code: 'alreadyMember' });
      if (payload.remove.some((id) => !facts.memberUserIds.includes(id)))
        issues.push({ field: 'remove', code: 'notAMember' });
      break;
    }
    case 'BUDGET_REALLOCATION': {
      if (facts.budgetMode === 'LUMP_SUM') {
        issues.push({ field: 'moves', code: 'lumpSumHasNoCategories' });
        break;
      }
      if (payload.moves.length === 0) issues.push({ field: 'moves', code: 'nothingToChange' });
      const after = new Map(facts.budgetByCategory);
      payload.moves.forEach((m, i) => {
        if (m.amountFen <= 0n) issues.push({ field: `moves.${i}.amountFen`, code: 'mustBePositive' });
        if (m.from === m.to) issues.push({ field: `moves.${i}.to`, code: 'sameCategory' });
        if (m.to === INDIRECT_CATEGORY) issues.push({ field: `moves.${i}.to`, code: 'indirectIsFixed' });
        if (!facts.budgetByCategory.has(m.from)) issues.push({ field: `moves.${i}.from`, code: 'categoryNotInBudget' });
        after.set(m.from, (after.get(m.from) ?? 0n) - m.amountFen);
        after.set(m.to, (after.get(m.to) ?? 0n) + m.amountFen);
      });
      payload.moves.forEach((m, i) => {
        const left = after.get(m.from) ?? 0n;
        if (left < (facts.spentByCategory.get(m.from) ?? 0n)) {
          issues.push({ field: `moves.${i}.amountFen`, code: 'belowSpent' });
        }
      });
      break;
    }
  }
  return issues;
}
