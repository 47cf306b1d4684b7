// A call's window and life (DATA-MODEL §3.1). Times are instants compared on the server clock to the
// millisecond; what people type and read is Beijing time. Submissions are accepted by time, not by the status
// flag, so a close that runs late can never admit a late submission.

export const CALL_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'REVIEWING', 'DECIDED', 'ARCHIVED'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
  institutionReviewClosesAt?: Date | null;
}

export type ScheduleProblem =
  | { field: 'closesAt'; code: 'closeBeforeOpen' }
  | { field: 'closesAt'; code: 'closesInPast' }
  | { field: 'closesAt'; code: 'windowTooShort' }
  | { field: 'institutionReviewClosesAt'; code: 'reviewDeadlineBeforeClose' };

/** A window shorter than this is a typing error (a call is open for days or weeks). */
export const MIN_WINDOW_MS = 24 * 3600_000;

export function checkCallSchedule(window: CallWindow, now: Date, options: { publishing: boolean }): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const open = window.opensAt.getTime();
  const close = window.closesAt.getTime();
  if (close <= open) problems.push({ field: 'closesAt', code: 'closeBeforeOpen' });
  else if (close - open < MIN_WINDOW_MS) problems.push({ field: 'closesAt', code: 'windowTooShort' });
  if (options.publishing && close <= now.getTime()) problems.push({ field: 'closesAt', code: 'closesInPast' });
  if (window.institutionReviewClosesAt && window.institutionReviewClosesAt.getTime() <= close) {
    problems.push({ field: 'institutionReviewClosesAt', code: 'reviewDeadlineBeforeClose' });
  }
  return problems;
}

export function windowsOverlap(a: CallWindow, b: CallWindow): boolean {
  return a.opensAt.getTime() < b.closesAt.getTime() && b.opensAt.getTime() < a.closesAt.getTime();
}

/** Another published call of the same program whose window overlaps: two open calls would split applicants. */
export function findOverlappingCall<T extends CallWindow & { id: string; status: CallStatus }>(
  call: CallWindow & { id: string },
  others: readonly T[],
): T | undefined {
  return others.find((o) => o.id !== call.id && o.status === 'OPEN' && windowsOverlap(call, o));
}

export function isAcceptingSubmissions(call: { status: CallStatus } & CallWindow, now: Date): boolean {
  const t = now.getTime();
  return call.status === 'OPEN' && call.opensAt.getTime() <= t && t < call.closesAt.getTime();
}

/** What visitors see: an OPEN call before its window is "upcoming", after it "closed", whatever the flag says. */
export type PublicCallPhase = 'UPCOMING' | 'OPEN' | 'CLOSED' | 'REVIEWING' | 'DECIDED' | 'ARCHIVED';

export function publicCallPhase(call: { status: CallStatus } & CallWindow, now: Date): PublicCallPhase | null {
  if (call.status === 'DRAFT') return null;
  if (call.status !== 'OPEN') return call.status;
  if (now.getTime() < call.opensAt.getTime()) return 'UPCOMING';
  return isAcceptingSubmissions(call, now) ? 'OPEN' : 'CLOSED';
}

export const CALL_TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'OPEN' },
  close: { from: ['OPEN'], to: 'CLOSED' },
  start_review: { from: ['CLOSED'], to: 'REVIEWING' },
  decide: { from: ['REVIEWING'], to: 'DECIDED' },
  archive: { from: ['DECIDED'], to: 'ARCHIVED' },
} as const satisfies Record<string, { from: readonly CallStatus[]; to: CallStatus }>;
export type CallTransition = keyof typeof CALL_TRANSITIONS;

export type TransitionProblem = { code: 'wrongState' } | { code: 'callStillOpen' } | { code: 'institutionReviewOpen' };

/**
 * Whether `transition` may happen now. Closing waits for the deadline (a call cannot be cut short once people
 * rely on it; extend it instead); review starts after the institutions' recommendation deadline.
 */
export function checkCallTransition(
  call: { status: CallStatus } & CallWindow,
  transition: CallTransition,
  now: Date,
): TransitionProblem | null {
  const rule = CALL_TRANSITIONS[transition];
  if (!(rule.from as readonly CallStatus[]).includes(call.status)) return { code: 'wrongState' };
  if (transition === 'close' && now.getTime() < call.closesAt.getTime()) return { code: 'callStillOpen' };
  if (
    transition === 'start_review' &&
    call.institutionReviewClosesAt &&
    now.getTime() < call.institutionReviewClosesAt.getTime()
  ) {
    return { code: 'institutionReviewOpen' };
  }
  return null;
}

/** An open call's deadline may move later (announced), never earlier. */
export function checkDeadlineExtension(
  call: { status: CallStatus } & CallWindow,
  newClosesAt: Date,
  now: Date,
): { code: 'wrongState' | 'extensionNotLater' | 'closesInPast' } | null {
  if (call.status !== 'OPEN') return { code: 'wrongState' };
  if (newClosesAt.getTime() <= call.closesAt.getTime()) return { code: 'extensionNotLater' };
  if (newClosesAt.getTime() <= now.getTime()) return { code: 'closesInPast' };
  return null;
}
