import { NextResponse, type NextRequest } from 'next/server';

// Not an authorization layer (every page, action and route handler checks for itself). It only turns requests
// that Next.js itself would answer with a 500 into a clear 400: a server-action call whose body is not the JSON
// array React sends. Browsers using our forms never send one; scripts and scanners do.

const BAD_REQUEST = {
  ok: false,
  code: 'VALIDATION',
  message: '请求格式不正确，请刷新页面后重试。(Malformed request: reload the page and try again.)',
};

export async function proxy(request: NextRequest) {
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
  return NextResponse.next();
}

export const config = {
  // /api/files is left out: the proxy would buffer (and cut at 10 MB) every upload's body for nothing.
  matcher: ['/((?!_next/static|_next/image|icon.svg|api/files).*)'],
};
