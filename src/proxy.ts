import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isCrossSite } from '@/domain/security/http-policy';

// Not an authorization layer (every page, action and route handler checks for itself). It does three things before
// Next.js sees a request:
//   - gives the response its Content-Security-Policy with a fresh nonce (Next.js reads the nonce from the request's
//     own CSP header and puts it on every script it renders), so no inline script runs without it;
//   - refuses a state-changing request another site's page sent (CSRF: its Origin is not this host), with a clear 403;
//   - turns a server-action call whose body is not the JSON array React sends (scripts and scanners, never our forms)
//     into a clear 400 instead of Next's 500.

const BAD_REQUEST = {
  ok: false,
  code: 'VALIDATION',
  message: '请求格式不正确，请刷新页面后重试。(Malformed request: reload the page and try again.)',
};

const CROSS_SITE = {
  ok: false,
  code: 'FORBIDDEN',
  message: '请求来自其他网站，已拒绝。请在本系统页面中操作。(Cross-site request refused: use the portal’s own pages.)',
};

export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD' && isCrossSite(request.headers)) {
    return NextResponse.json(CROSS_SITE, { status: 403 });
  }
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const type = request.headers.get('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      let valid = false;
      try {
        valid = Array.isArray(JSON.parse(await request.clone().text()));
      } catch {
        valid = false;
      }
      if (!valid) return NextResponse.json(BAD_REQUEST, { status: 400 });
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // /api/files is left out: the proxy would buffer (and cut at 10 MB) every upload's body for nothing. Its upload
  // checks the Origin itself, and its downloads carry DOWNLOAD_CSP (next.config.ts).
  matcher: ['/((?!_next/static|_next/image|icon.svg|api/files).*)'],
};
