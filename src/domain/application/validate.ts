// The check before submission (like NIH ASSIST): errors block, warnings inform, each names the field it is about
// so the form can link to it. The server runs the same function on submit; the browser shows its result live.
import { charCount } from '../text';
import type { ProgramRules } from '../program/rules';
import type { BudgetSummary } from './budget';
import type { Issue } from './eligibility';

export const CONTENT_SECTIONS = ['researchContent', 'innovation', 'plan', 'outcomes'] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

/** Minimum lengths of the text sections, in characters: enough to be a real answer, not a placeholder. */
export const SECTION_MIN_CHARS: Record<ContentSection | 'abstract', number> = {
  abstract: 100,
  researchContent: 200,
  innovation: 100,
  plan: 100,
  outcomes: 50,
};

export interface SubmitCheckInput {
  rules: ProgramRules;
  /** Issues from checkApplicantEligibility (the PI) — already computed against the database. */
  eligibility: Issue[];
  application: {
    title: string;
    abstract: string;
    abstractEn: string;
    keywords: readonly string[];
    disciplineCode: string | null;
    durationMonths: number | null;
    content: Partial<Record<ContentSection, string>>;
    budgetMode: 'LINE_ITEM' | 'LUMP_SUM';
    lumpSumPlan: string;
  };
  members: { name: string; confirmation: 'PENDING' | 'CONFIRMED' | 'DECLINED'; limitIssues: Issue[] }[];
  budget: BudgetSummary;
  worksChosen: number;
  attachmentKeys: readonly string[];
}

export interface SubmitCheck {
  errors: Issue[];
  warnings: Issue[];
}

export function validateForSubmit(input: SubmitCheckInput): SubmitCheck {
  const { rules, application: a } = input;
  const errors: Issue[] = [...input.eligibility];
  const warnings: Issue[] = [];

  if (!a.title.trim()) errors.push({ field: 'title', code: 'required' });
  if (!a.disciplineCode) errors.push({ field: 'disciplineCode', code: 'required' });
  if (charCount(a.abstract) < SECTION_MIN_CHARS.abstract) {
    errors.push({ field: 'abstract', code: 'sectionTooShort', params: { min: SECTION_MIN_CHARS.abstract } });
  }
  if (rules.abstractEnRequired && !a.abstractEn.trim())
    errors.push({ field: 'abstractEn', code: 'abstractEnRequired' });
  if (
    !rules.abstractEnRequired &&
    rules.mailReview &&
    rules.mailReview.minInternationalShareBp > 0 &&
    !a.abstractEn.trim()
  ) {
    warnings.push({ field: 'abstractEn', code: 'abstractEnForInternational' });
  }
  for (const section of CONTENT_SECTIONS) {
    if (charCount(a.content[section]) < SECTION_MIN_CHARS[section]) {
      errors.push({
        field: `content.${section}`,
        code: 'sectionTooShort',
        params: { min: SECTION_MIN_CHARS[section] },
      });
    }
  }
  if (a.keywords.length < 3) warnings.push({ field: 'keywords', code: 'fewKeywords' });
  const { min, max } = rules.budget.durationMonths;
  if (a.durationMonths === null || a.durationMonths < min || a.durationMonths > max) {
    errors.push({ field: 'durationMonths', code: 'durationOutOfRange', params: { min, max } });
  }

  input.members.forEach((m, i) => {
    if (m.confirmation === 'PENDING')
      errors.push({ field: `members.${i}`, code: 'memberNotConfirmed', params: { name: m.name } });
    if (m.confirmation === 'DECLINED')
      errors.push({ field: `members.${i}`, code: 'memberDeclined', params: { name: m.name } });
    errors.push(...m.limitIssues);
  });

  errors.push(...input.budget.errors.map((e) => ({ field: e.field, code: e.code, params: e.params })));
  if (a.budgetMode === 'LUMP_SUM' && charCount(a.lumpSumPlan) < 50) {
    errors.push({ field: 'lumpSumPlan', code: 'sectionTooShort', params: { min: 50 } });
  }

  if (input.worksChosen > rules.representativeWorksMax) {
    errors.push({ field: 'works', code: 'tooManyWorks', params: { max: rules.representativeWorksMax } });
  }
  if (input.worksChosen === 0 && rules.representativeWorksMax > 0) warnings.push({ field: 'works', code: 'noWorks' });

  for (const slot of rules.requiredAttachments) {
    if (slot.required && !input.attachmentKeys.includes(slot.key)) {
      errors.push({
        field: `attachments.${slot.key}`,
        code: 'attachmentMissing',
        params: { label: slot.label, labelEn: slot.labelEn },
      });
    }
  }
  return { errors, warnings };
}
