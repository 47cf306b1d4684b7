// 平台申报 (issue 7, DATA-MODEL §2.13): an institution applies for a platform — 北京实验室, 高精尖创新中心, 北京研究中心 …
// — with its director as the applicant. The content schema of the platform's own sections, and every rule the
// office's submission must pass, live here (pure; the server module loads the facts and calls these functions).
import { z } from 'zod';
import type { Issue } from '../application/eligibility';
import { submissionDeadline, type ApplicationStatus } from '../application/transitions';
import { fenToWan } from '../money';
import { meetsMinimumTitle, type TitleLevel } from '../people/title';
import { isAcceptingSubmissions, type CallStatus } from '../program/call';
import type { ProgramKind, ProgramRules } from '../program/rules';

export const PLATFORM_PARTNER_ROLES = ['CO_BUILDER', 'ENTERPRISE_PARTNER', 'CO_FUNDER'] as const;
export type PlatformPartnerRole = (typeof PLATFORM_PARTNER_ROLES)[number];
export const FUNDING_SOURCES = ['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const MAX_DIRECTIONS = 10;
export const MAX_PARTNERS = 20;

/** Minimum lengths in characters: enough to be an answer a reviewer can judge, not a placeholder. */
export const PLATFORM_MIN_CHARS = {
  abstract: 100,
  goals: 100,
  buildingPlan: 200,
  openness: 100,
  directionDescription: 50,
} as const;

const text = (max: number) =>
  z
    .string({ error: 'invalid' })
    .max(max, { error: `tooLong?max=${max}` })
    .default('');

/** One research direction (研究方向) as written on the application; carried to the platform when it is funded. */
export const ZPlatformDirection = z.object({
  title: text(100),
  titleEn: text(200),
  description: text(3000),
  /** The direction's lead as written (a name; the team lists the registered people). */
  leadName: text(50),
});

/**
 * `Application.content` of a PLATFORM application: goals (建设目标), the building plan (建设方案), the openness and
 * sharing plan (开放共享) and the research directions. Drafts may be incomplete; completeness is
 * validatePlatformApplication's job, but what is there must be well-formed.
 */
export const ZPlatformContent = z.object({
  goals: text(8000),
  buildingPlan: text(20_000),
  openness: text(8000),
  directions: z.array(ZPlatformDirection).max(MAX_DIRECTIONS, { error: `tooMany?max=${MAX_DIRECTIONS}` }),
});
export type PlatformContent = z.output<typeof ZPlatformContent>;

/** Stored content read back; a platform draft just started (content `{}`) reads as empty sections. */
export function platformContentOf(json: unknown): PlatformContent {
  const parsed = ZPlatformContent.safeParse({ directions: [], ...(json && typeof json === 'object' ? json : {}) });
  return parsed.success ? parsed.data : { goals: '', buildingPlan: '', openness: '', directions: [] };
}

/** 北京研究中心 are led by strategic scientists (战略科学家领衔): the director must hold a senior title (正高级). */
export function requiresStrategicScientist(kind: ProgramKind): boolean {
  return kind === 'RESEARCH_CENTER';
}

/** "三城一区" platforms are joint platforms with enterprises: at least one enterprise partner. */
export function requiresEnterprisePartner(kind: ProgramKind): boolean {
  return kind === 'THREE_CITIES_PLATFORM';
}

export interface DirectorFacts {
  /** Holds RESEARCHER, active, with a talent record (ResearcherProfile). */
  isResearcher: boolean;
  /** The institution of the talent record. */
  institutionId: string | null;
  title: TitleLevel | null;
  /** A credit sanction barring applications in force today (its end date, or '—' if indefinite). */
  sanctionedUntil: string | null;
  /** Other applications in play the person leads in this program (限项 as PI). */
  otherAsPi: number;
}

/** Whether the named director may lead this platform application; every problem on the director field. */
export function checkPlatformDirector(
  kind: ProgramKind,
  director: DirectorFacts | null,
  hostInstitutionId: string,
  rules: Pick<ProgramRules, 'limits'>,
): Issue[] {
  const field = 'directorEmail';
  if (!director || !director.isResearcher) return [{ field, code: 'directorNotResearcher' }];
  const issues: Issue[] = [];
  if (director.institutionId !== hostInstitutionId) issues.push({ field, code: 'directorNotAtInstitution' });
  if (requiresStrategicScientist(kind) && !meetsMinimumTitle(director.title, 'SENIOR'))
    issues.push({ field, code: 'directorNotStrategicScientist' });
  if (director.sanctionedUntil !== null)
    issues.push({ field, code: 'directorCreditSanctioned', params: { until: director.sanctionedUntil } });
  if (director.otherAsPi + 1 > rules.limits.maxAsPi)
    issues.push({ field, code: 'limitAsPi', params: { max: rules.limits.maxAsPi } });
  return issues;
}

/** The calendar years of the platform period: from the call's year, as many as the duration covers. */
export function platformYears(startYear: number, durationMonths: number | null): number[] {
  if (!durationMonths || durationMonths < 1) return [];
  return Array.from({ length: Math.ceil(durationMonths / 12) }, (_, i) => startYear + i);
}

export interface YearBudgetRow {
  year: number;
  source: FundingSource;
  amountFen: bigint;
}

/** Totals per source and overall: what ApplicationFunding holds (recomputed on every save). */
export function sumYearBudget(rows: readonly YearBudgetRow[]) {
  const bySource: Record<FundingSource, bigint> = { FISCAL: 0n, ENTERPRISE: 0n, INSTITUTION: 0n };
  for (const r of rows) bySource[r.source] += r.amountFen;
  return { bySource, totalFen: bySource.FISCAL + bySource.ENTERPRISE + bySource.INSTITUTION };
}

/** The funding rows the totals make: one per source with money in it. */
export function fundingTotals(rows: readonly YearBudgetRow[]): { source: FundingSource; amountFen: bigint }[] {
  const { bySource } = sumYearBudget(rows);
  return FUNDING_SOURCES.filter((s) => bySource[s] > 0n).map((source) => ({ source, amountFen: bySource[source] }));
}

export interface PlatformCheckInput {
  kind: ProgramKind;
  rules: ProgramRules;
  hostInstitutionId: string;
  /** The call's year: the first year of the platform period. */
  startYear: number;
  application: {
    title: string;
    abstract: string;
    disciplineCode: string | null;
    durationMonths: number | null;
  };
  content: PlatformContent;
  directorUserId: string;
  director: DirectorFacts | null;
  partners: { institutionId: string; institutionKind: string; role: PlatformPartnerRole }[];
  members: {
    userId: string;
    name: string;
    institutionId: string | null;
    confirmation: 'PENDING' | 'CONFIRMED' | 'DECLINED';
    /** Other applications in play the person is a confirmed member of in this program (限项 as member). */
    otherAsMember: number;
  }[];
  yearBudget: readonly YearBudgetRow[];
  attachmentKeys: readonly string[];
}

/**
 * Everything the office's submission must satisfy, as field errors (the form links each to its field), and what it
 * should know (warnings). The same function runs live in the editor and inside the submitting transaction.
 */
export function validatePlatformApplication(input: PlatformCheckInput): { errors: Issue[]; warnings: Issue[] } {
  const { rules, application: a, content: c } = input;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const tooShort = (field: string, value: string, min: number) => {
    if ([...value.trim()].length < min) errors.push({ field, code: 'sectionTooShort', params: { min } });
  };

  if (!a.title.trim()) errors.push({ field: 'title', code: 'required' });
  if (!a.disciplineCode) errors.push({ field: 'disciplineCode', code: 'required' });
  tooShort('abstract', a.abstract, PLATFORM_MIN_CHARS.abstract);
  tooShort('content.goals', c.goals, PLATFORM_MIN_CHARS.goals);
  tooShort('content.buildingPlan', c.buildingPlan, PLATFORM_MIN_CHARS.buildingPlan);
  tooShort('content.openness', c.openness, PLATFORM_MIN_CHARS.openness);
  const { min, max } = rules.budget.durationMonths;
  if (a.durationMonths === null || a.durationMonths < min || a.durationMonths > max)
    errors.push({ field: 'durationMonths', code: 'durationOutOfRange', params: { min, max } });

  if (c.directions.length === 0) errors.push({ field: 'content.directions', code: 'directionsRequired' });
  c.directions.forEach((d, i) => {
    if (!d.title.trim()) errors.push({ field: `content.directions.${i}.title`, code: 'required' });
    if (!d.leadName.trim()) errors.push({ field: `content.directions.${i}.leadName`, code: 'required' });
    tooShort(`content.directions.${i}.description`, d.description, PLATFORM_MIN_CHARS.directionDescription);
  });

  errors.push(...checkPlatformDirector(input.kind, input.director, input.hostInstitutionId, rules));

  const partnerIds = new Set<string>();
  input.partners.forEach((p, i) => {
    const field = `partners.${i}.institutionId`;
    if (p.institutionId === input.hostInstitutionId) errors.push({ field, code: 'partnerIsHost' });
    else if (partnerIds.has(p.institutionId)) errors.push({ field, code: 'partnerDuplicate' });
    if (p.role === 'ENTERPRISE_PARTNER' && p.institutionKind !== 'ENTERPRISE')
      errors.push({ field: `partners.${i}.role`, code: 'partnerNotEnterprise' });
    partnerIds.add(p.institutionId);
  });
  if (requiresEnterprisePartner(input.kind) && !input.partners.some((p) => p.role === 'ENTERPRISE_PARTNER'))
    errors.push({ field: 'partners', code: 'enterprisePartnerRequired' });

  // The team: registered researchers of the host or a partner institution, each confirmed in their own account.
  input.members.forEach((m, i) => {
    const field = `members.${i}`;
    if (m.userId === input.directorUserId) errors.push({ field, code: 'memberIsDirector' });
    if (m.confirmation === 'PENDING') errors.push({ field, code: 'memberNotConfirmed', params: { name: m.name } });
    if (m.confirmation === 'DECLINED') errors.push({ field, code: 'memberDeclined', params: { name: m.name } });
    if (m.institutionId === null || (m.institutionId !== input.hostInstitutionId && !partnerIds.has(m.institutionId)))
      errors.push({ field, code: 'memberInstitutionNotPartner', params: { name: m.name } });
    if (m.otherAsMember + 1 > rules.limits.maxAsMember)
      errors.push({ field, code: 'limitAsMember', params: { max: rules.limits.maxAsMember } });
  });
  if (input.members.length === 0) warnings.push({ field: 'members', code: 'platformNoMembers' });

  // The multi-year budget by source: years within the platform period, the fiscal total within the program's range.
  const years = platformYears(input.startYear, a.durationMonths);
  if (input.yearBudget.length === 0) errors.push({ field: 'yearBudget', code: 'yearBudgetRequired' });
  input.yearBudget.forEach((r, i) => {
    if (!years.includes(r.year))
      errors.push({ field: `yearBudget.${i}.year`, code: 'budgetYearOutOfPeriod', params: { year: r.year } });
    if (r.amountFen < 0n) errors.push({ field: `yearBudget.${i}.amount`, code: 'moneyPositive' });
  });
  const { bySource } = sumYearBudget(input.yearBudget);
  const minFen = BigInt(rules.budget.minFen);
  const maxFen = BigInt(rules.budget.maxFen);
  if (input.yearBudget.length > 0 && (bySource.FISCAL < minFen || bySource.FISCAL > maxFen))
    errors.push({
      field: 'yearBudget',
      code: 'fiscalOutOfRange',
      params: { min: fenToWan(minFen), max: fenToWan(maxFen) },
    });
  if (bySource.ENTERPRISE + bySource.INSTITUTION === 0n && input.yearBudget.length > 0)
    warnings.push({ field: 'yearBudget', code: 'platformNoCoFunding' });

  for (const slot of rules.requiredAttachments) {
    if (slot.required && !input.attachmentKeys.includes(slot.key))
      errors.push({
        field: `attachments.${slot.key}`,
        code: 'attachmentMissing',
        params: { label: slot.label, labelEn: slot.labelEn },
      });
  }
  return { errors, warnings };
}

/**
 * Whether the office may submit now: the call accepts to the second (a first submission until it closes; one
 * returned by the commission until the institutions' deadline).
 */
export function platformSubmissionOpen(
  call: { status: CallStatus; opensAt: Date; closesAt: Date; institutionReviewClosesAt: Date | null },
  status: ApplicationStatus,
  now: Date,
): boolean {
  return isAcceptingSubmissions({ ...call, closesAt: submissionDeadline(call, status) }, now);
}

/**
 * 限额: the institution's platform applications to this call past the draft (withdrawn ones free their place), plus
 * the one being submitted, may not exceed its quota for the call.
 */
export function checkPlatformQuota(state: { quota: number; used: number }): Issue | null {
  return state.used + 1 > state.quota
    ? { field: 'call', code: 'platformQuotaFull', params: { quota: state.quota } }
    : null;
}

/** The platform's own part of the frozen snapshot (ApplicationVersion.snapshot.platform). */
export interface PlatformSnapshot {
  kind: ProgramKind;
  goals: string;
  buildingPlan: string;
  openness: string;
  directions: { title: string; titleEn: string; description: string; leadName: string }[];
  partners: {
    institutionId: string;
    institution: string;
    institutionEn: string | null;
    role: PlatformPartnerRole;
    contribution: string;
  }[];
  /** Money as fen strings (JSON has no BigInt). */
  yearBudget: { year: number; source: FundingSource; amountFen: string }[];
}
