import { expect, test } from '@playwright/test';
import { login } from './support';

// Two app instances (ports 3100 and 3101, see playwright.config.ts) share one PostgreSQL and nothing else.
const other = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

test('a session opened on one instance works on the other; a logout on one ends it everywhere', async ({
  page,
  context,
}) => {
  await login(page, 'office@demo.jingyan.cn');
  await page.goto(`${other}/office/researchers`);
  await expect(page.getByRole('heading', { level: 1, name: '本单位科研人员' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'researcher@demo.jingyan.cn' })).toBeVisible();

  // Keep the session cookie, as a copied or stolen cookie would be kept, then log out on the second instance.
  const saved = await context.cookies();
  await page.getByRole('button', { name: /账户菜单/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login\?reason=logout/);

  // The first instance refuses the old cookie: the session row is revoked, not just the cookie deleted.
  await context.addCookies(saved);
  await page.goto('/office');
  await expect(page).toHaveURL(/\/login\?reason=revoked/);
});
