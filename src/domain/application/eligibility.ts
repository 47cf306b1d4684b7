// Who may apply to a call, computed — never declared (issue 4). Every check reads the call's pinned rules and
// facts from the database; the result is a list of blocking errors and informative warnings, each naming a field.
import type { InstitutionKind } from '../auth/roles';
import { ageOn, calendarDateOf } from '../people/age';
import { meetsMinimumTitle, type TitleLevel } from '../people/title';
import { isAcceptingSubmissions, type CallStatus } from '../program/call';
import type { ProgramRules } from '../program/rules';

export type Issue = { field: string; code: string; params?: Record<string, string | number> };

export interface ApplicantFacts {
  birthDate: Date | null;
  title: TitleLevel | null;
  institutionKind: InstitutionKind;
  institutionAffiliation: 'MUNICIPAL' | 'CENTRAL_IN_BEIJING' | 'OTHER';
}

export interface CreditSanction {
  /** Calendar dates (inclusive start, exclusive end; null end = indefinite). */
  startsOn: Date;
  endsOn: Date | null;
  barsApplications: boolean;
}

/** A sanction in force on the Beijing calendar day of `on`. */
export function activeSanction(sanctions: readonly CreditSanction[], on: Date): CreditSanction | undefined {
  const day = new Date(on.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return sanctions.find(
    (s) =>
      s.barsApplications &&
      s.startsOn.toISOString().slice(0, 10) <= day &&
      (s.endsOn === null || day < s.endsOn.toISOString().slice(0, 10)),
  );
}

/** Age on the call's deadline, and the youth track it qualifies for (一般项目 under 35). */
export function ageFacts(birthDate: Date | null, rules: ProgramRules, deadline: Date) {
  if (!birthDate) return { age: null, youthTrack: false };
  const age = ageOn(calendarDateOf(birthDate), deadline);
  return { age, youthTrack: rules.youthTrack !== null && age < rules.youthTrack.maxAgeExclusive };
}

/** The applicant's own eligibility (the team's limits are checked separately). */
export function checkApplicantEligibility(
  facts: ApplicantFacts,
  rules: ProgramRules,
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  sanctions: readonly CreditSanction[],
  now: Date,
): Issue[] {
  const issues: Issue[] = [];
  if (!isAcceptingSubmissions(call, now)) issues.push({ field: 'call', code: 'callNotAccepting' });
  if (rules.applicantKind !== 'PERSON') issues.push({ field: 'call', code: 'institutionProgram' });
  if (
    !rules.institutionKinds.includes(facts.institutionKind) ||
    !rules.affiliations.includes(facts.institutionAffiliation)
  ) {
    issues.push({ field: 'institution', code: 'institutionNotEligible' });
  }
  if ((rules.age || rules.youthTrack) && !facts.birthDate)
    issues.push({ field: 'profile.birthDate', code: 'birthDateMissing' });
  if (rules.age && facts.birthDate) {
    const { age } = ageFacts(facts.birthDate, rules, call.closesAt);
    if (age !== null && age >= rules.age.maxExclusive) {
      issues.push({ field: 'profile.birthDate', code: 'overAgeLimit', params: { age, limit: rules.age.maxExclusive } });
    }
  }
  if (!meetsMinimumTitle(facts.title, rules.minTitle))
    issues.push({ field: 'profile.title', code: 'titleBelowMinimum' });
  const sanction = activeSanction(sanctions, now);
  if (sanction)
    issues.push({
      field: 'profile',
      code: 'creditSanctioned',
      params: { until: sanction.endsOn?.toISOString().slice(0, 10) ?? '—' },
    });
  return issues;
}

export interface LimitCount {
  /** Applications this person leads (or joins) that count against 限项: submitted or later, not withdrawn/rejected. */
  asPi: number;
  asMember: number;
  hasCurrentProject: boolean;
}

/** 限项 for one person, counting the application being checked as one more. */
export function checkLimits(count: LimitCount, rules: ProgramRules, role: 'PI' | 'MEMBER', field: string): Issue[] {
  const issues: Issue[] = [];
  if (role === 'PI' && count.asPi + 1 > rules.limits.maxAsPi) {
    issues.push({ field, code: 'limitAsPi', params: { max: rules.limits.maxAsPi } });
  }
  if (role === 'MEMBER' && count.asMember + 1 > rules.limits.maxAsMember) {
    issues.push({ field, code: 'limitAsMember', params: { max: rules.limits.maxAsMember } });
  }
  if (role === 'PI' && rules.limits.noCurrentProject && count.hasCurrentProject)
    issues.push({ field, code: 'hasCurrentProject' });
  return issues;
}
