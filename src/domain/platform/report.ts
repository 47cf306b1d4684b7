// 年度报告 of a platform (issue 7, DATA-MODEL §2.13 PlatformAnnualReport): the director (or the host office) drafts
// the year's report, submits it; commission staff accept it or return it with a reason; a returned report is edited
// and submitted again. One report per platform and year. ACCEPTED is final.
import { z } from 'zod';

export const PLATFORM_REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type PlatformReportStatus = (typeof PLATFORM_REPORT_STATUSES)[number];

export const PLATFORM_REPORT_TRANSITIONS = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  accept: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  return: { from: ['SUBMITTED'], to: 'RETURNED' },
} as const satisfies Record<string, { from: readonly PlatformReportStatus[]; to: PlatformReportStatus }>;
export type PlatformReportTransition = keyof typeof PLATFORM_REPORT_TRANSITIONS;

export function canTransitionPlatformReport(status: PlatformReportStatus, transition: PlatformReportTransition) {
  return (PLATFORM_REPORT_TRANSITIONS[transition].from as readonly PlatformReportStatus[]).includes(status);
}

/** The authors edit a report while it is a draft or after it came back; a submitted one waits for staff. */
export function canEditPlatformReport(status: PlatformReportStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}

export const REPORT_SECTION_MAX_CHARS = 5000;
export const REPORT_SECTIONS = ['summary', 'outputs', 'talent', 'openness', 'fundingNote'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
/** What a report must say before it is submitted; the funding note is optional. */
export const REQUIRED_REPORT_SECTIONS = ['summary', 'outputs', 'talent', 'openness'] as const satisfies ReportSection[];

const section = z
  .string({ error: 'invalid' })
  .trim()
  .max(REPORT_SECTION_MAX_CHARS, { error: `tooLong?max=${REPORT_SECTION_MAX_CHARS}` })
  .default('');

/** `PlatformAnnualReport.content`: summary, outputs (成果), talent (人才队伍), openness (开放共享), funding note. */
export const platformReportSchema = z.object({
  summary: section,
  outputs: section,
  talent: section,
  openness: section,
  fundingNote: section,
});
export type PlatformReportContent = z.output<typeof platformReportSchema>;

/** The stored content, tolerant of older or partial JSON: what cannot be read is empty. */
export function readPlatformReport(content: unknown): PlatformReportContent {
  const parsed = platformReportSchema.safeParse(content ?? {});
  return parsed.success ? parsed.data : { summary: '', outputs: '', talent: '', openness: '', fundingNote: '' };
}

/** Every required section left empty, on its field — [] when the report may be submitted. */
export function checkReportForSubmit(content: PlatformReportContent): { field: string; code: 'required' }[] {
  return REQUIRED_REPORT_SECTIONS.filter((s) => content[s].trim().length === 0).map((s) => ({
    field: `content.${s}`,
    code: 'required' as const,
  }));
}

/** A report covers a year from the platform's establishment to the current one (Beijing calendar). */
export function checkReportYear(
  year: number,
  establishedOn: string,
  today: string,
): null | 'reportYearBeforeEstablished' | 'reportYearInFuture' {
  if (year < Number(establishedOn.slice(0, 4))) return 'reportYearBeforeEstablished';
  if (year > Number(today.slice(0, 4))) return 'reportYearInFuture';
  return null;
}

/** Staff return a report with the reason, so the authors know what to correct. */
export const RETURN_REASON_MIN_CHARS = 5;
