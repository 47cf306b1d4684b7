import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROBE_ACCOUNTS, ROUTE_PROBES, type RouteProbe } from './route-probes';
import { login, sql } from './support';

// Every route handler × every role (and the owner of the record, and anonymous), over real HTTP: 200 exactly for
// the accounts the table allows, the refusal status for everyone else. The table is tests/e2e/route-probes.ts; a
// route file without a probe fails tests/unit/authorization-coverage.test.ts.

test.describe.configure({ mode: 'serial' });

const sessions = new Map<string, { context?: BrowserContext; request: APIRequestContext }>();
const pdf = readFileSync(path.join(process.cwd(), 'tests/fixtures/sample.pdf'));

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await page.close();
  return { context, request: context.request };
}

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  for (const [key, email] of Object.entries(PROBE_ACCOUNTS)) sessions.set(key, await signedIn(browser, email));
  sessions.set('anonymous', { request: await playwright.request.newContext({ baseURL }) });
});

test.afterAll(async () => {
  for (const s of sessions.values()) {
    if (s.context) await s.context.close();
    else await s.request.dispose();
  }
});

async function probe(p: RouteProbe, request: APIRequestContext, address: string) {
  const response =
    p.method === 'POST'
      ? await request.post(address, {
          multipart: {
            file: { name: 'sample.pdf', mimeType: 'application/pdf', buffer: pdf },
            purpose: 'APPLICATION_ATTACHMENT',
          },
        })
      : await request.get(address, { maxRedirects: 0 }).catch((error: unknown) => {
          // A kept-alive socket the server closed while idle (Node closes them after 5 s; these contexts wait while
          // others sign in): the GET never reached the app, so it is sent once more on a fresh connection.
          if (!String(error).includes('ECONNRESET')) throw error;
          return request.get(address, { maxRedirects: 0, headers: { connection: 'close' } });
        });
  return response.status();
}

for (const p of ROUTE_PROBES) {
  test(`${p.name}: ${p.method} ${p.route.replace('src/app', '')}`, async ({ browser }) => {
    test.setTimeout(90_000);
    const [row] = await sql<{ path: string; owner?: string }>(p.target);
    expect(row?.path, `the demo data holds a target for ${p.name}`).toBeTruthy();
    const callers = new Map(sessions);
    if (p.allowed.includes('owner')) {
      expect(row!.owner, `the target of ${p.name} names its owner`).toBeTruthy();
      callers.set('owner', await signedIn(browser, row!.owner!));
    }
    const seen: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [who, s] of callers) {
      seen[who] = await probe(p, s.request, row!.path);
      expected[who] =
        who === 'anonymous' ? p.anonymousStatus : (p.allowed as string[]).includes(who) ? 200 : p.deniedStatus;
    }
    if (callers.get('owner')?.context) await callers.get('owner')!.context!.close();
    expect(seen).toEqual(expected);
  });
}
