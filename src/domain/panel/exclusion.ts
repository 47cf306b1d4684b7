// 回避 at a panel (issue 6; DATA-MODEL §2.9 PanelAgendaItem.excludedUserIds): which members of a meeting may not vote
// on an agenda item. Pure: the server loads each member's institutions and the application's people and conflicts,
// calls `panelExclusions`, and stores the excluded user ids on the item when the agenda is built or a member added.
//
// WHAT EXCLUDES (issue 6), each one enough on its own:
// - CONFLICT: a DetectedConflict of mail review (conflicts.ts) for this application and this person, not dismissed by
//   staff. The panel reuses mail review's findings rather than re-running detection: those were checked by staff,
//   and a dismissed one was judged a namesake.
// - TEAM: the member is the applicant or on the application's team (ApplicationMember).
// - INSTITUTION: an institution the member is at now — their expert profile's, or one a role of theirs is scoped to
//   (an expert who is also a researcher somewhere) — is the application's host institution. Compared with
//   `sameInstitution` (ids decide when both sides have one; otherwise names and aliases), so an expert profile that
//   names 北京工业大学 without linking the row still counts.
// A committee member is treated exactly like an expert: the rule is about the person, not the role.
import { sameInstitution, type InstitutionRef } from '../review/conflicts';

export const PANEL_EXCLUSION_REASONS = ['CONFLICT', 'TEAM', 'INSTITUTION'] as const;
export type PanelExclusionReason = (typeof PANEL_EXCLUSION_REASONS)[number];

export interface PanelItemFacts {
  applicantId: string;
  /** ApplicationMember user ids (the PI's own row may be among them). */
  teamUserIds: readonly string[];
  /** The host institution (依托单位). */
  institution: InstitutionRef;
  /** Users with an undismissed DetectedConflict on this application. */
  conflictedUserIds: readonly string[];
}

export interface PanelMemberFacts {
  userId: string;
  /** Where the member is now: the expert profile's institution and every institution a role of theirs is scoped to. */
  institutions: readonly InstitutionRef[];
}

/** Why each member is excluded from one item; members not listed may vote. */
export function exclusionReasons(
  item: PanelItemFacts,
  members: readonly PanelMemberFacts[],
): Map<string, PanelExclusionReason[]> {
  const conflicted = new Set(item.conflictedUserIds);
  const team = new Set([item.applicantId, ...item.teamUserIds]);
  const out = new Map<string, PanelExclusionReason[]>();
  for (const m of members) {
    const reasons: PanelExclusionReason[] = [];
    if (conflicted.has(m.userId)) reasons.push('CONFLICT');
    if (team.has(m.userId)) reasons.push('TEAM');
    if (m.institutions.some((inst) => sameInstitution(inst, item.institution) !== null)) reasons.push('INSTITUTION');
    if (reasons.length > 0) out.set(m.userId, reasons);
  }
  return out;
}

/** The item's `excludedUserIds`: the excluded members' user ids, sorted so that rebuilding gives the same array. */
export function panelExclusions(item: PanelItemFacts, members: readonly PanelMemberFacts[]): string[] {
  return [...exclusionReasons(item, members).keys()].sort();
}
