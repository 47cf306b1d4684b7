import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, DOWNLOAD_CSP, isCrossSite, isCrossSiteRequest } from '@/domain/security/http-policy';

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe('the content security policy', () => {
  it('lets scripts run only from this origin with the response nonce: no inline script, no eval in production', () => {
    const csp = directives(contentSecurityPolicy('abc123==', { development: false }));
    expect(csp['script-src']).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(directives(contentSecurityPolicy('n', { development: true }))['script-src']).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', { development: false })).not.toContain('unsafe-eval');
  });

  it('lets nothing run in a download', () => {
    expect(directives(DOWNLOAD_CSP)).toMatchObject({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
    expect(DOWNLOAD_CSP).toContain('sandbox');
  });
});

describe('cross-site requests (CSRF)', () => {
  it.each([
    ['https://evil.example', 'portal.example.cn', true],
    ['http://localhost:3000', 'localhost:3000', false],
    ['http://LOCALHOST:3000', 'localhost:3000', false],
    ['http://localhost:3001', 'localhost:3000', true],
    ['https://portal.example.cn.evil.example', 'portal.example.cn', true],
    ['null', 'portal.example.cn', true],
    ['not a url', 'portal.example.cn', true],
    ['https://portal.example.cn', null, true],
    [null, 'portal.example.cn', false],
  ])('Origin %s to host %s: cross-site %s', (origin, host, expected) => {
    expect(isCrossSiteRequest(origin, host)).toBe(expected);
  });

  it('reads the host the browser used from X-Forwarded-Host behind a proxy, else Host', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(
      isCrossSite(
        h({ origin: 'https://portal.example.cn', host: 'app:3000', 'x-forwarded-host': 'portal.example.cn' }),
      ),
    ).toBe(false);
    expect(isCrossSite(h({ origin: 'https://portal.example.cn', host: 'app:3000' }))).toBe(true);
    expect(isCrossSite(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(false);
    expect(isCrossSite(h({ host: 'localhost:3000' }))).toBe(false);
  });
});
