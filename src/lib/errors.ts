// One error vocabulary for the whole app (STYLE.md habit 4). Server modules throw DomainError for expected failures;
// actions turn them into ActionResult values the UI shows. Anything else is unexpected: logged with an id, shown as
// a generic message, never as a stack trace.

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'STALE', // optimistic concurrency: someone saved first
  'LOCKED',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name → message keys (resolved in messages/*.json under "errors"), as react-hook-form expects them. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A message key under "errors" in messages/*.json; the UI translates it. */
    readonly messageKey: string = code,
    readonly fieldErrors?: FieldErrors,
    readonly params?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = 'DomainError';
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      /** Already translated for the actor's language. */
      message: string;
      fieldErrors?: Record<string, string>;
      errorId?: string;
    };

export const notFound = () => new DomainError('NOT_FOUND');
export const forbidden = () => new DomainError('FORBIDDEN');
export const stale = () => new DomainError('STALE');
