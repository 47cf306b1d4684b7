// 限流: how often a person or an address may do an expensive or abusable thing (issue 9; OWASP ASVS 2.2.1, 11.1.4).
// Fixed windows counted in PostgreSQL (src/server/security/rate-limit.ts), so the limits hold across app instances.
// Pure: the limits, and the window arithmetic.

export const RATE_LIMITS = {
  /**
   * Failed logins from one address, across all accounts (password spraying). Each account also locks after the
   * security policy's failures; this stops one address from trying many accounts.
   */
  login_failures_ip: { limit: 30, windowSeconds: 600 },
  /** Exports (streamed or in the background) per person: each reads a whole list. */
  export: { limit: 30, windowSeconds: 60 },
  /** Imports and automatic-assignment runs per person: each writes or computes in bulk. */
  bulk_job: { limit: 10, windowSeconds: 600 },
  /** PDFs rendered per person (applications, review copies, task books): each lays out CJK text on the server. */
  pdf: { limit: 60, windowSeconds: 600 },
  /** Text searches of the public board per address (no login): each is a pattern match over every public challenge. */
  public_search: { limit: 60, windowSeconds: 60 },
  /** Forms anyone may send without logging in (实名异议 on a public notice), per address or signed-in person. */
  public_form: { limit: 10, windowSeconds: 600 },
} as const;
export type RateLimitKind = keyof typeof RATE_LIMITS;

/** The start of the fixed window `now` falls in. */
export function windowStartOf(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Seconds until the window that `now` falls in ends (what a refusal tells the person to wait), at least 1. */
export function secondsUntilNextWindow(now: Date, windowSeconds: number): number {
  const end = windowStartOf(now, windowSeconds).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** Whether the `count`-th use in a window goes over the limit. */
export function overLimit(kind: RateLimitKind, count: number): boolean {
  return count > RATE_LIMITS[kind].limit;
}
