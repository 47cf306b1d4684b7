import { expect, test } from '@playwright/test';
import { readActionManifest, type ActionManifestEntry } from '../../scripts/lib/action-manifest';

// Every server action of the build, called with no session (issue 9: the matrix's anonymous column). The list comes
// from the build's own manifest, so a new action is probed without anyone adding it here. Each must refuse: the
// action's answer says the session has ended, or the request is sent to the login page — never a success, never a 500.

const manifest = readActionManifest();

/**
 * Actions meant for callers without a session, each with its reason: for them the probe asks only that an empty call
 * is not a success and not a 500.
 */
const OPEN_TO_ANONYMOUS: Record<string, string> = {
  fileObjectionAction: '实名异议 on a public notice: anyone may file one (validated, limited per address)',
  applyAccountLocaleAction: 'after login, applies the account’s language; without a session it does nothing',
};

/** A page that carries the action, as an address ("app/(portal)/x/[id]/page" → "/x/<uuid>"). */
function pageOf(entry: ActionManifestEntry): string {
  const workers = Object.keys(entry.workers).sort((a, b) => a.split('[').length - b.split('[').length);
  const address = workers[0]!
    .replace(/^app/, '')
    .replace(/\/\([^)]*\)/g, '')
    .replace(/\/page$/, '')
    .replace(/\[\.{0,3}[^\]]+\]/g, '00000000-0000-4000-8000-000000000000');
  return address || '/';
}

test('every server action refuses a caller without a session', async ({ playwright, baseURL }) => {
  test.setTimeout(180_000);
  const request = await playwright.request.newContext({ baseURL });
  const entries = Object.entries(manifest);
  expect(entries.length).toBeGreaterThan(150);
  const wrong: string[] = [];
  for (const [id, entry] of entries) {
    const response = await request.post(pageOf(entry), {
      headers: {
        'Next-Action': id,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: baseURL!,
      },
      data: JSON.stringify([{}]),
      maxRedirects: 0,
    });
    const status = response.status();
    const body = status === 200 ? await response.text() : '';
    const open = OPEN_TO_ANONYMOUS[entry.exportedName ?? ''];
    const refused = open
      ? status === 200 && !body.includes('"ok":true')
      : (status === 200 && body.includes('"code":"UNAUTHENTICATED"') && !body.includes('"ok":true')) ||
        ([303, 307].includes(status) && /\/login/.test(response.headers()['location'] ?? '')) ||
        (status === 200 && /NEXT_REDIRECT;[^;]*;\/login/.test(body));
    if (!refused) wrong.push(`${entry.filename}: ${entry.exportedName} → ${status} ${body.slice(0, 160)}`);
  }
  await request.dispose();
  expect(wrong).toEqual([]);
});
