import 'server-only';
import type { DecisionIssue } from '@/domain/decision/decision';
import type { ApplicationStatus } from '@/domain/application/transitions';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { msg } from '@/lib/validation/messages';

export const UUID = /^[0-9a-f-]{36}$/i;

/** Where an application waits for its decision: after the panel when the call's rules have one, else after review. */
export const awaitingStatus = (hasPanel: boolean): ApplicationStatus => (hasPanel ? 'PANEL' : 'UNDER_REVIEW');

/** Decisions that count: every one except those an upheld objection replaced. */
export const LIVE = { not: 'REVISED' } as const;

/**
 * The pure rules' issues as one VALIDATION error. Issues on a field the form has land on that field (renamed by
 * `fields`, e.g. the rule's `awardedFiscalFen` is the form's `awardedWan`); an issue about something the form does
 * not show (the approver, the applicant's record, the batch) becomes the message above the form.
 */
export function issuesError(issues: readonly DecisionIssue[], fields: Record<string, string> = {}): DomainError {
  const fieldErrors: FieldErrors = {};
  let general: DecisionIssue | undefined;
  for (const issue of issues) {
    const field = fields[issue.field];
    if (field) fieldErrors[field] ??= msg(issue.code, issue.params);
    else general ??= issue;
  }
  return new DomainError(
    'VALIDATION',
    general?.code ?? 'checkFields',
    Object.keys(fieldErrors).length ? fieldErrors : undefined,
    general?.params,
  );
}

/** A Beijing calendar date (YYYY-MM-DD) as the @db.Date value Prisma stores. */
export const dateValue = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
