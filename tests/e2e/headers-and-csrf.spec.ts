import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { login, serverActionId, sql } from './support';

// The headers every page carries, the nonce-based CSP in force in a real browser, and CSRF: a request another site's
// page sends is refused before it reaches an action (issue 9; the rules: src/domain/security/http-policy.ts).

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

test('a page carries a fresh nonce CSP, HSTS and the framing and sniffing headers; its scripts carry the nonce', async ({
  request,
}) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/login');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = directives(headers['content-security-policy']!);
    const nonce = csp['script-src']!.find((v) => v.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    nonces.push(nonce);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
    // Every script Next.js rendered carries this response's nonce.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`))).toEqual([]);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('under the CSP the portal works, and a script injected into the page does not run', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await login(page, 'researcher@demo.jingyan.cn');
  await page.getByRole('link', { name: '我的申报' }).first().click();
  await expect(page).toHaveURL(/\/researcher\/applications/);
  expect(violations).toEqual([]);
  // What stored markup would do if it ever escaped React's escaping: an inline event handler does not run.
  const ran = await page.evaluate(async () => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true">';
    document.body.appendChild(div);
    await new Promise((r) => setTimeout(r, 500));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});

test('an inline script the server did not put its nonce on is blocked by the browser', async ({ page }) => {
  // The page as the server sent it, with one script slipped in (what a stored XSS would be): the CSP of that same
  // response stops it, and the page itself still works.
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<body', '<script>window.__injected = true;</script><body');
    await route.fulfill({ response, body: html });
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  expect(violations.join('\n')).toMatch(/script/i);
});

test('a downloaded file is served under a policy where nothing runs', async ({ page }) => {
  await login(page, 'staff@demo.jingyan.cn');
  const [row] = await sql<{ id: string }>(
    `select f."fileId" as id from "ApplicationAttachment" f join "Application" a on a.id = f."applicationId"
     where a.status = 'UNDER_REVIEW' limit 1`,
  );
  const response = await page.request.get(`/api/files/${row!.id}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers()['content-disposition']).toMatch(/^attachment/);
});

test('CSRF: an action or upload sent from another site is refused and nothing is stored; the same from the portal works', async ({
  page,
  baseURL,
}) => {
  await login(page, 'staff@demo.jingyan.cn');
  const id = serverActionId('src/app/(portal)/commission/announcements/actions.ts', 'createAnnouncementAction');
  const title = `跨站公告 ${Date.now()}`;
  const send = (origin: string) =>
    page.request.post('/commission/announcements', {
      headers: {
        'Next-Action': id,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: origin,
      },
      data: JSON.stringify([{ title, body: '跨站请求', publish: false }]),
    });
  for (const origin of ['https://evil.example', 'null', `${baseURL}.evil.example`]) {
    const refused = await send(origin);
    expect(refused.status(), origin).toBe(403);
    expect(await refused.json()).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('其他网站'),
    });
  }
  expect(await sql('select 1 from "Announcement" where title = $1', [title])).toHaveLength(0);

  const upload = await page.request.post('/api/files', {
    headers: { Origin: 'https://evil.example' },
    multipart: {
      file: {
        name: 'sample.pdf',
        mimeType: 'application/pdf',
        buffer: readFileSync(path.join(process.cwd(), 'tests/fixtures/sample.pdf')),
      },
      purpose: 'APPLICATION_ATTACHMENT',
    },
  });
  expect(upload.status()).toBe(403);
  expect((await upload.json()).message).toContain('其他网站');

  const accepted = await send(baseURL!);
  expect(await accepted.text()).toContain('"ok":true');
  expect(await sql('select 1 from "Announcement" where title = $1', [title])).toHaveLength(1);
});

test('the health check answers ok to anyone, uncached, and says nothing else', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  // The statement count is for `npm run bench` only (JINGYAN_EXPOSE_QUERY_COUNT); a deployment never shows it.
  expect(await response.json()).toEqual({ status: 'ok' });
});
