// Notifications (站内消息与邮件): which events reach a person, once, and how sending is retried.
// Pure: the server writes the rows in the business transaction and a durable job sends the mail (ADR 0013).

/** Every event that needs a person. Text is rendered from messages/*.json (`notifications.<kind>`) in the reader's language. */
export const NOTIFICATION_KINDS = [
  'REVIEW_INVITATION',
  'REVIEW_REMINDER',
  'REVIEW_OVERDUE',
  'APPLICATION_RETURNED',
  'DECISION_PUBLISHED',
  'TRANCHE_PAID',
  'DEADLINE_7D',
  'DEADLINE_1D',
  'OBJECTION_FILED',
  'MEETING_INVITATION',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The key that makes an event reach a person once, whatever retries, double clicks or job re-runs happen: the same
 * kind, record and recipient never make a second notification or a second e-mail. `round` separates events that do
 * repeat on purpose (a second reminder a staff member sends by hand, a decision revised and published again).
 */
export function dedupeKeyFor(
  kind: NotificationKind,
  entityId: string,
  recipientId: string,
  round?: string | number,
): string {
  return [kind.toLowerCase(), entityId, recipientId, ...(round === undefined ? [] : [String(round)])].join(':');
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Which deadline reminder is due for a call closing at `closesAt`, seen at `now`: one day or less left → DEADLINE_1D;
 * seven days or less → DEADLINE_7D; otherwise (or once closed) none. The sweep runs every quarter hour; the dedupe key
 * keeps each reminder to one per person and call, so a call opened with three days left still gets its 7-day one
 * (saying how long is left), and a sweep that missed the 7-day window sends only the 1-day one.
 */
export function deadlineReminderDue(closesAt: Date, now: Date): 'DEADLINE_7D' | 'DEADLINE_1D' | null {
  const left = closesAt.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= DAY_MS) return 'DEADLINE_1D';
  if (left <= 7 * DAY_MS) return 'DEADLINE_7D';
  return null;
}

/** Whole hours left before `closesAt` (at least 1 while still open), for the reminder's text. */
export function hoursLeft(closesAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((closesAt.getTime() - now.getTime()) / HOUR_MS));
}

/** Sending policy: attempts and backoff of the mail job (pg-boss doubles the delay each retry). */
export const MAIL_RETRY = { retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true } as const;

/** The delays before each retry under MAIL_RETRY, in seconds: 30, 60, 120, 240, 480 (about 15 minutes in all). */
export function retryDelays(policy: { retryLimit: number; retryDelaySeconds: number } = MAIL_RETRY): number[] {
  return Array.from({ length: policy.retryLimit }, (_, i) => policy.retryDelaySeconds * 2 ** i);
}

/**
 * What one failed SMTP attempt means. A 5xx reply to the recipient or the message is permanent (the address does not
 * exist, the message is refused): BOUNCED, not retried. A 4xx reply, a timeout or a refused connection is transient:
 * retried with backoff, FAILED once the retries are spent.
 */
export function smtpFailure(error: { responseCode?: number; code?: string }): 'BOUNCED' | 'RETRY' {
  const reply = error.responseCode;
  if (typeof reply === 'number' && reply >= 500 && reply < 600) return 'BOUNCED';
  return 'RETRY';
}

/**
 * Which mails staff may send again: FAILED (retries spent) and BOUNCED (say, after the address was corrected: a resend
 * goes to the person's current address). SENT is final; QUEUED and SENDING are still in the queue's hands.
 */
export function canResendMail(status: 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | 'BOUNCED'): boolean {
  return status === 'FAILED' || status === 'BOUNCED';
}
