// The browser-facing security rules of every response and request (issue 9; docs/SECURITY.md). Pure, so the exact
// policy is unit-tested; src/proxy.ts applies it.

/**
 * The Content-Security-Policy of a page: scripts only from this origin and only with this response's nonce (Next.js
 * puts it on its own scripts; 'strict-dynamic' lets those load the chunks they import). No inline script without the
 * nonce, no plugins, no framing by anyone (clickjacking), forms and links only to this origin. Styles keep
 * 'unsafe-inline': React and the component library set style attributes, which cannot carry a nonce. Development adds
 * 'unsafe-eval' (React's dev tooling evaluates source maps); production never does.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Downloads (files, PDFs, exports) are never rendered as a page: nothing may run, load or frame them. */
export const DOWNLOAD_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * A state-changing request sent by a page of another site (CSRF): the browser names that page's origin, and it is not
 * this host. A request without an Origin header is not a browser's cross-site request (browsers always send it on
 * POST), so it is left to the session and the action's own checks. Behind a reverse proxy the host the browser used
 * is in X-Forwarded-Host.
 */
export function isCrossSiteRequest(origin: string | null, host: string | null): boolean {
  if (origin === null) return false;
  if (!host) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed or file: page) or garbage: never this site
  }
  return originHost.toLowerCase() !== host.toLowerCase();
}

/** isCrossSiteRequest for a request's headers: its Origin against the host the browser used. */
export function isCrossSite(headers: { get(name: string): string | null }): boolean {
  return isCrossSiteRequest(headers.get('origin'), headers.get('x-forwarded-host') ?? headers.get('host'));
}
