// Conflicts of interest (回避, issue 5; DATA-MODEL §2.8 DetectedConflict): which experts may not review an
// application, and why, in words staff can check. Pure: the server module loads the application's snapshot facts,
// the expert's profile, affiliation history and declarations, calls `detectConflicts`, and upserts one
// DetectedConflict row per (application, expert, reason) with the returned `detail` as its JSON.
//
// WHAT COUNTS (issue 5):
// - SAME_INSTITUTION: the expert works, or is about to work, where the applicant's host institution (依托单位) or a
//   team member's institution is, or (issue 7) one of a platform application's partner institutions and enterprises.
// - FORMER_INSTITUTION: the expert worked there within the last N years (`formerInstitutionYears`).
// - TEAM_MEMBER: the expert is the applicant or on the team.
// - CO_AUTHOR: the expert is an author of one of the application's representative works published within the last
//   M years (`coAuthorshipYears`).
// - APPLICANT_AVOIDANCE: the applicant asked that this expert not review (≤ 3 requests, each with a reason).
// - EXPERT_DECLARED: the expert declared a conflict for this application (on accepting or on submitting).
// - STAFF_MARKED: staff marked the pair by hand.
//
// THE WINDOWS. Neither DOMAIN.md nor the policy text names a number. We default both to 3 years, between NSF's 12
// months for a former employer and its 48 months for collaborators (nsf.gov, panelist COI guidance): stricter than
// NSF on employers because a pool drawn mostly from Beijing's universities changes employers rarely and people who
// left within three years still know their former colleagues' work. Both are parameters (a program's rules can set
// its own); the server passes them, this module only defaults them.
// Boundaries, on the Beijing calendar day of `referenceDate`:
// - An affiliation counts as former iff it ended on or after the same calendar day N years earlier (inclusive: left
//   on 2024-03-01, reference 2027-03-01, N = 3 → conflict; left on 2024-02-29 → none). 29 February minus N years is
//   28 February, which makes the window one day longer, never shorter. `toDate` is the last day worked.
// - A work counts iff its year ≥ (reference year − M): with M = 3 in 2027, works of 2024–2027 (and later years,
//   in press) count, works of 2023 do not. Works carry a year only, so the window is whole calendar years.
//
// INSTITUTIONS are compared by id when both sides have one (ids decide: two rows are two institutions), otherwise by
// normalised name against the other's name and listed aliases (曾用名/简称). Normalising removes only differences of
// writing (full-/half-width, spaces, case); it never equates 北京大学 with 北大 or drops a 大学 suffix — that takes an
// alias on the institution.
//
// NAMES are matched by `bestNameMatch` (name-match.ts). A person with a user id on both sides is identified by id,
// never by name: two registered users with the same name are two people.
import type { Issue } from '../application/eligibility';
import { atLeast, bestNameMatch, namesMatch, splitAuthors, type MatchStrength, type NameMatch } from './name-match';

export const CONFLICT_REASONS = [
  'SAME_INSTITUTION',
  'FORMER_INSTITUTION',
  'TEAM_MEMBER',
  'CO_AUTHOR',
  'APPLICANT_AVOIDANCE',
  'EXPERT_DECLARED',
  'STAFF_MARKED',
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export const DEFAULT_FORMER_INSTITUTION_YEARS = 3;
export const DEFAULT_CO_AUTHORSHIP_YEARS = 3;
/** Experts an applicant may ask to avoid (issue 5). */
export const MAX_AVOIDANCE_REQUESTS = 3;

// ---------------------------------------------------------------------------------------------------------------------
// Inputs.

/** An institution as a table row (id, name, aliases) or as free text (id null: a foreign university, say). */
export interface InstitutionRef {
  id: string | null;
  name: string;
  /** Former names and abbreviations (Institution.aliases). */
  aliases?: readonly string[];
}

export interface ConflictPerson {
  /** Registered researchers have one; unregistered collaborators do not and are matched by name. */
  userId: string | null;
  name: string;
  nameVariants?: readonly string[];
  institution: InstitutionRef | null;
}

export interface ConflictWork {
  id: string;
  title: string;
  year: number;
  /** The author line as written, or already split. */
  authors: string | readonly string[];
}

/** ApplicantAvoidance (DATA-MODEL §2.7): an expert named by name and/or institution, with the applicant's reason. */
export interface AvoidanceRequest {
  /** 1–3; the position in the form. Defaults to the index + 1. */
  ordinal?: number;
  /** Set when staff (or the form's picker) matched the request to an expert of the pool; then it alone decides. */
  expertUserId?: string | null;
  name: string;
  institutionName: string;
  reason: string;
}

export interface ConflictApplication {
  id: string;
  /** The PI (for KEY_CHALLENGE the chief scientist). */
  applicant: { userId: string; name: string; nameVariants?: readonly string[] };
  /** The host institution (依托单位), fixed on the application. */
  institution: InstitutionRef;
  /** Team members (ApplicationMember), the PI's own row may be among them. */
  members: readonly ConflictPerson[];
  /** Representative works of the applicant and members chosen for this application. */
  works: readonly ConflictWork[];
  avoidanceRequests: readonly AvoidanceRequest[];
  /**
   * A platform application's partner institutions and enterprises (PlatformPartner, issue 7): their staff are
   * conflicted as the host's are (SAME_INSTITUTION, or FORMER_INSTITUTION within the window).
   */
  partners?: readonly { institution: InstitutionRef }[];
}

export interface ExpertAffiliation {
  institution: InstitutionRef;
  /** Calendar dates (`@db.Date`, midnight UTC). `toDate` is the last day there; null = still there. */
  fromDate: Date;
  toDate: Date | null;
}

/** ConflictDeclaration (DATA-MODEL §2.8). */
export interface ExpertDeclaration {
  applicationId: string;
  moment: 'ON_ACCEPT' | 'ON_SUBMIT';
  hasConflict: boolean;
  statement: string | null;
}

export interface ConflictExpert {
  userId: string;
  /** The display name and the profile's `nameVariants` (张伟, Zhang Wei, 張偉 …). */
  names: readonly string[];
  /** ExpertProfile.institutionId/institutionName: where the expert works now. */
  institution: InstitutionRef | null;
  affiliations: readonly ExpertAffiliation[];
  declarations: readonly ExpertDeclaration[];
}

export interface StaffMark {
  markedById: string;
  reason: string;
}

export interface ConflictOptions {
  /** The moment of the check (assignment, invitation, acceptance …); its Beijing calendar day is used. */
  referenceDate: Date;
  /** N for FORMER_INSTITUTION; default DEFAULT_FORMER_INSTITUTION_YEARS. */
  formerInstitutionYears?: number;
  /** M for CO_AUTHOR; default DEFAULT_CO_AUTHORSHIP_YEARS. */
  coAuthorshipYears?: number;
  /**
   * Whether "Zhang W." in an author line (or a team list) may match the expert 张伟. Default true: a possible
   * conflict blocks until staff dismiss it, which is safer than a missed one; CO_AUTHOR findings can be dismissed.
   */
  initialMatches?: boolean;
  /** Hand-made marks by staff for this pair (STAFF_MARKED). */
  staffMarks?: readonly StaffMark[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Output: one finding per reason (the table's key is (application, expert, reason)), listing every match behind it.

export type InstitutionVia = 'ID' | 'NAME' | 'ALIAS';

export interface InstitutionMatch {
  /** Whose institution: the application's host institution (APPLICANT), a team member's, or a platform partner. */
  party: 'APPLICANT' | 'MEMBER' | 'PARTNER';
  personName: string;
  partyInstitution: string;
  expertInstitution: string;
  via: InstitutionVia;
  /** The alias (or name) that made two differently named institutions equal, when `via` is ALIAS. */
  alias: string | null;
}

export interface ConflictDetails {
  SAME_INSTITUTION: {
    matches: (InstitutionMatch & {
      /** PROFILE: the expert's current institution; HISTORY: a current or upcoming affiliation. */
      source: 'PROFILE' | 'HISTORY';
      /** YYYY-MM-DD; set for HISTORY. */
      fromDate: string | null;
      /** The affiliation starts after the reference day (a new post already agreed). */
      upcoming: boolean;
    })[];
  };
  FORMER_INSTITUTION: {
    windowYears: number;
    /** The earliest last day that still counts (YYYY-MM-DD, inclusive). */
    windowStart: string;
    matches: (InstitutionMatch & { fromDate: string; toDate: string })[];
  };
  TEAM_MEMBER: {
    matches: {
      party: 'APPLICANT' | 'MEMBER';
      personName: string;
      via: 'USER_ID' | 'NAME';
      name: NameMatch | null;
    }[];
  };
  CO_AUTHOR: {
    windowYears: number;
    /** Works of this year and later count. */
    sinceYear: number;
    matches: { workId: string; title: string; year: number; author: string; name: NameMatch }[];
  };
  APPLICANT_AVOIDANCE: {
    matches: {
      ordinal: number;
      requestedName: string;
      requestedInstitution: string;
      reason: string;
      via: 'USER_ID' | 'NAME' | 'INSTITUTION';
      name: NameMatch | null;
      /** Whether the named institution is one of the expert's (current or within the window); null if none named. */
      institutionMatched: boolean | null;
    }[];
  };
  EXPERT_DECLARED: { declarations: { moment: 'ON_ACCEPT' | 'ON_SUBMIT'; statement: string | null }[] };
  STAFF_MARKED: { marks: StaffMark[] };
}

export type ConflictFinding = { [R in ConflictReason]: { reason: R; detail: ConflictDetails[R] } }[ConflictReason];

// ---------------------------------------------------------------------------------------------------------------------
// Institutions.

/**
 * The form of an institution name that is compared: NFKC (full-width letters, digits and brackets to half-width),
 * lower case, and no whitespace at all — "北京 大学", "北京大学" and "Peking  University" vs "peking university"
 * differ only in writing. Nothing else is dropped or equated.
 */
export function normaliseInstitutionName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function namesOf(inst: InstitutionRef): { text: string; key: string; isAlias: boolean }[] {
  return [
    { text: inst.name, key: normaliseInstitutionName(inst.name), isAlias: false },
    ...(inst.aliases ?? []).map((a) => ({ text: a, key: normaliseInstitutionName(a), isAlias: true })),
  ].filter((n) => n.key !== '');
}

/** Whether two institutions are the same, and how we know. */
export function sameInstitution(
  a: InstitutionRef,
  b: InstitutionRef,
): { via: InstitutionVia; alias: string | null } | null {
  if (a.id !== null && b.id !== null) return a.id === b.id ? { via: 'ID', alias: null } : null;
  for (const x of namesOf(a)) {
    for (const y of namesOf(b)) {
      if (x.key !== y.key) continue;
      if (!x.isAlias && !y.isAlias) return { via: 'NAME', alias: null };
      return { via: 'ALIAS', alias: x.isAlias ? x.text : y.text };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Calendar days.

/** The Beijing calendar day of an instant, YYYY-MM-DD (China has no daylight saving). */
function beijingDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A `@db.Date` value (midnight UTC of its day) as YYYY-MM-DD. */
function calendarDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The same day `years` earlier; 29 February becomes 28 February (the longer window). */
function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  let md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Detection.

interface Party {
  party: 'APPLICANT' | 'MEMBER' | 'PARTNER';
  personName: string;
  institution: InstitutionRef;
}

function partiesOf(application: ConflictApplication): Party[] {
  const parties: Party[] = [
    { party: 'APPLICANT', personName: application.applicant.name, institution: application.institution },
  ];
  for (const m of application.members) {
    // The PI's own member row repeats the applicant, whose institution is the host institution above.
    if (m.userId !== null && m.userId === application.applicant.userId) continue;
    if (m.institution) parties.push({ party: 'MEMBER', personName: m.name, institution: m.institution });
  }
  // A partner is an institution, not a person: the finding names the institution where a person would stand.
  for (const p of application.partners ?? [])
    parties.push({ party: 'PARTNER', personName: p.institution.name, institution: p.institution });
  return parties;
}

function institutionMatch(party: Party, expertInst: InstitutionRef): InstitutionMatch | null {
  const same = sameInstitution(party.institution, expertInst);
  if (!same) return null;
  return {
    party: party.party,
    personName: party.personName,
    partyInstitution: party.institution.name,
    expertInstitution: expertInst.name,
    via: same.via,
    alias: same.alias,
  };
}

type Period = 'CURRENT' | 'UPCOMING' | 'FORMER' | 'PAST';

function periodOf(a: ExpertAffiliation, today: string, windowStart: string): Period {
  const from = calendarDay(a.fromDate);
  const to = a.toDate ? calendarDay(a.toDate) : null;
  if (from > today) return 'UPCOMING';
  if (to === null || to >= today) return 'CURRENT';
  return to >= windowStart ? 'FORMER' : 'PAST';
}

function institutionConflicts(
  application: ConflictApplication,
  expert: ConflictExpert,
  today: string,
  windowStart: string,
  windowYears: number,
): ConflictFinding[] {
  const parties = partiesOf(application);
  const same: ConflictDetails['SAME_INSTITUTION']['matches'] = [];
  const former: ConflictDetails['FORMER_INSTITUTION']['matches'] = [];
  // One line per party and reason is enough to explain it; the first (profile before history) is kept.
  const seen = new Set<string>();
  const key = (reason: string, p: Party) => `${reason}|${p.party}|${p.personName}|${p.institution.name}`;

  for (const p of parties) {
    if (expert.institution) {
      const m = institutionMatch(p, expert.institution);
      if (m && !seen.has(key('same', p))) {
        seen.add(key('same', p));
        same.push({ ...m, source: 'PROFILE', fromDate: null, upcoming: false });
      }
    }
  }
  for (const a of expert.affiliations) {
    const period = periodOf(a, today, windowStart);
    if (period === 'PAST') continue;
    for (const p of parties) {
      const m = institutionMatch(p, a.institution);
      if (!m) continue;
      if (period === 'FORMER') {
        if (seen.has(key('former', p))) continue;
        seen.add(key('former', p));
        former.push({ ...m, fromDate: calendarDay(a.fromDate), toDate: calendarDay(a.toDate!) });
      } else if (!seen.has(key('same', p))) {
        seen.add(key('same', p));
        same.push({
          ...m,
          source: 'HISTORY',
          fromDate: calendarDay(a.fromDate),
          upcoming: period === 'UPCOMING',
        });
      }
    }
  }
  // A party the expert works with now needs no second, weaker reason for the same institution.
  const formerOnly = former.filter((f) => !seen.has(`same|${f.party}|${f.personName}|${f.partyInstitution}`));

  const findings: ConflictFinding[] = [];
  if (same.length > 0) findings.push({ reason: 'SAME_INSTITUTION', detail: { matches: same } });
  if (formerOnly.length > 0) {
    findings.push({ reason: 'FORMER_INSTITUTION', detail: { windowYears, windowStart, matches: formerOnly } });
  }
  return findings;
}

function teamConflict(
  application: ConflictApplication,
  expert: ConflictExpert,
  minStrength: MatchStrength,
): ConflictFinding | null {
  const matches: ConflictDetails['TEAM_MEMBER']['matches'] = [];
  if (application.applicant.userId === expert.userId) {
    matches.push({ party: 'APPLICANT', personName: application.applicant.name, via: 'USER_ID', name: null });
  }
  for (const m of application.members) {
    if (m.userId !== null) {
      if (m.userId === expert.userId && m.userId !== application.applicant.userId) {
        matches.push({ party: 'MEMBER', personName: m.name, via: 'USER_ID', name: null });
      }
      continue;
    }
    const name = bestNameMatch(expert.names, [m.name, ...(m.nameVariants ?? [])]);
    if (name && atLeast(name.strength, minStrength)) {
      matches.push({ party: 'MEMBER', personName: m.name, via: 'NAME', name });
    }
  }
  return matches.length > 0 ? { reason: 'TEAM_MEMBER', detail: { matches } } : null;
}

/**
 * The expert among a work's authors. Every team person (applicant and members) first claims the author entry that
 * best matches them: the applicant 张伟 is on their own paper, and an expert also called 张伟 (or Zhang W.) is a
 * co-author only if a further entry matches. The claims go strongest match first.
 */
function coAuthorConflict(
  application: ConflictApplication,
  expert: ConflictExpert,
  sinceYear: number,
  windowYears: number,
  minStrength: MatchStrength,
): ConflictFinding | null {
  const team: (readonly string[])[] = [
    [application.applicant.name, ...(application.applicant.nameVariants ?? [])],
    ...application.members.map((m) => [m.name, ...(m.nameVariants ?? [])]),
  ];
  const rank = (s: MatchStrength) => ({ exact: 3, romanised: 2, initial: 1 })[s];
  const matches: ConflictDetails['CO_AUTHOR']['matches'] = [];
  for (const work of application.works) {
    if (work.year < sinceYear) continue;
    const authors = typeof work.authors === 'string' ? splitAuthors(work.authors) : [...work.authors];
    const candidates: { person: number; author: number; strength: MatchStrength }[] = [];
    team.forEach((names, person) =>
      authors.forEach((a, author) => {
        const m = bestNameMatch(names, [a]);
        if (m) candidates.push({ person, author, strength: m.strength });
      }),
    );
    candidates.sort((x, y) => rank(y.strength) - rank(x.strength));
    const claimedAuthors = new Set<number>();
    const claimingPeople = new Set<number>();
    for (const c of candidates) {
      if (claimedAuthors.has(c.author) || claimingPeople.has(c.person)) continue;
      claimedAuthors.add(c.author);
      claimingPeople.add(c.person);
    }
    authors.forEach((author, i) => {
      if (claimedAuthors.has(i)) return;
      const name = bestNameMatch(expert.names, [author]);
      if (name && atLeast(name.strength, minStrength)) {
        matches.push({ workId: work.id, title: work.title, year: work.year, author, name });
      }
    });
  }
  return matches.length > 0 ? { reason: 'CO_AUTHOR', detail: { windowYears, sinceYear, matches } } : null;
}

function avoidanceConflict(
  application: ConflictApplication,
  expert: ConflictExpert,
  today: string,
  windowStart: string,
): ConflictFinding | null {
  // The applicant may name where the expert works now or worked recently; both identify the person.
  const expertInstitutions = [
    ...(expert.institution ? [expert.institution] : []),
    ...expert.affiliations.filter((a) => periodOf(a, today, windowStart) !== 'PAST').map((a) => a.institution),
  ];
  const matches: ConflictDetails['APPLICANT_AVOIDANCE']['matches'] = [];
  application.avoidanceRequests.forEach((r, i) => {
    const base = {
      ordinal: r.ordinal ?? i + 1,
      requestedName: r.name,
      requestedInstitution: r.institutionName,
      reason: r.reason,
    };
    if (r.expertUserId) {
      if (r.expertUserId === expert.userId) {
        matches.push({ ...base, via: 'USER_ID', name: null, institutionMatched: null });
      }
      return;
    }
    const named = r.name.trim() !== '';
    const institutionMatched =
      r.institutionName.trim() === ''
        ? null
        : expertInstitutions.some((inst) => sameInstitution({ id: null, name: r.institutionName }, inst) !== null);
    if (named) {
      const name = bestNameMatch(expert.names, [r.name]);
      // A name that is only initials says too little unless the institution agrees.
      if (!name || (name.strength === 'initial' && institutionMatched !== true)) return;
      matches.push({ ...base, via: 'NAME', name, institutionMatched });
    } else if (institutionMatched) {
      matches.push({ ...base, via: 'INSTITUTION', name: null, institutionMatched });
    }
  });
  return matches.length > 0 ? { reason: 'APPLICANT_AVOIDANCE', detail: { matches } } : null;
}

/**
 * Every conflict between one application and one expert, at most one finding per reason, in the order of
 * CONFLICT_REASONS. An empty list means the expert may be proposed (other checks — load, availability, sanctions —
 * are the assignment's).
 */
export function detectConflicts(
  application: ConflictApplication,
  expert: ConflictExpert,
  options: ConflictOptions,
): ConflictFinding[] {
  const formerYears = options.formerInstitutionYears ?? DEFAULT_FORMER_INSTITUTION_YEARS;
  const coAuthorYears = options.coAuthorshipYears ?? DEFAULT_CO_AUTHORSHIP_YEARS;
  const minStrength: MatchStrength = options.initialMatches === false ? 'romanised' : 'initial';
  const today = beijingDay(options.referenceDate);
  const windowStart = yearsBefore(today, formerYears);
  const sinceYear = Number(today.slice(0, 4)) - coAuthorYears;

  const findings: ConflictFinding[] = [...institutionConflicts(application, expert, today, windowStart, formerYears)];
  const team = teamConflict(application, expert, minStrength);
  if (team) findings.push(team);
  const coAuthor = coAuthorConflict(application, expert, sinceYear, coAuthorYears, minStrength);
  if (coAuthor) findings.push(coAuthor);
  const avoidance = avoidanceConflict(application, expert, today, windowStart);
  if (avoidance) findings.push(avoidance);
  const declarations = expert.declarations
    .filter((d) => d.applicationId === application.id && d.hasConflict)
    .map((d) => ({ moment: d.moment, statement: d.statement }));
  if (declarations.length > 0) findings.push({ reason: 'EXPERT_DECLARED', detail: { declarations } });
  const marks = [...(options.staffMarks ?? [])];
  if (marks.length > 0) findings.push({ reason: 'STAFF_MARKED', detail: { marks } });
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------------
// Dismissal. Whether a standing conflict withdraws or blocks an assignment is decided by the guards in
// assignment-status.ts (hasOpenConflict, mustWithdrawForConflict); this module only says which findings staff may
// dismiss.

/**
 * Staff may dismiss only name-based findings that can be wrong about who someone is: CO_AUTHOR, and
 * APPLICANT_AVOIDANCE unless the applicant's request was matched to this very expert account (DATA-MODEL §2.8).
 */
export function canDismissConflict(finding: ConflictFinding): boolean {
  if (finding.reason === 'CO_AUTHOR') return true;
  if (finding.reason === 'APPLICANT_AVOIDANCE') return finding.detail.matches.every((m) => m.via !== 'USER_ID');
  return false;
}

// ---------------------------------------------------------------------------------------------------------------------
// The applicant's avoidance requests, checked as the form is filled and again on submit.

/**
 * At most MAX_AVOIDANCE_REQUESTS entries, each naming someone (a name or at least an institution) with a reason, and
 * no entry twice: the same matched expert, or names that match exactly or as a romanisation (张伟 / Zhang Wei) at the
 * same institution (or where either leaves it blank). Fields are `avoidances.{i}.name|reason` (i from 0) like
 * `members.{i}` in validateForSubmit; the duplicate points at the earlier entry by its ordinal.
 */
export function checkAvoidanceRequests(
  requests: readonly Pick<AvoidanceRequest, 'expertUserId' | 'name' | 'institutionName' | 'reason'>[],
): Issue[] {
  const issues: Issue[] = [];
  if (requests.length > MAX_AVOIDANCE_REQUESTS) {
    issues.push({ field: 'avoidances', code: 'tooManyAvoidances', params: { max: MAX_AVOIDANCE_REQUESTS } });
  }
  requests.forEach((r, i) => {
    const name = r.name.trim();
    const institution = normaliseInstitutionName(r.institutionName);
    if (!name && !institution && !r.expertUserId) issues.push({ field: `avoidances.${i}.name`, code: 'required' });
    if (!r.reason.trim()) issues.push({ field: `avoidances.${i}.reason`, code: 'required' });
    const earlier = requests.slice(0, i).findIndex((e) => {
      if (r.expertUserId && e.expertUserId) return r.expertUserId === e.expertUserId;
      const otherInstitution = normaliseInstitutionName(e.institutionName);
      const sameOrBlank = !institution || !otherInstitution || institution === otherInstitution;
      if (!name && !e.name.trim()) return institution !== '' && institution === otherInstitution;
      if (!name || !e.name.trim()) return false;
      return sameOrBlank && atLeast(namesMatch(name, e.name)?.strength, 'romanised');
    });
    if (earlier >= 0) {
      issues.push({ field: `avoidances.${i}`, code: 'duplicateAvoidance', params: { ordinal: earlier + 1 } });
    }
  });
  return issues;
}
