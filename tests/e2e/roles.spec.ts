import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, login } from './support';

// Every demo role logs in through the real form, lands on its own dashboard, sees its active role in the header,
// and every page of its navigation opens and passes axe.
for (const [key, account] of Object.entries(ACCOUNTS)) {
  test(`${key} logs in and sees the dashboard`, async ({ page }) => {
    await login(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    await expect(page.getByTestId('active-role')).toHaveText(account.role);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);

    const nav = page.getByRole('navigation', { name: /主导航|Main navigation/ }).first();
    const links = await nav.getByRole('link').all();
    const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
    // Staff have a dozen pages, each checked by axe: the budget grows with the navigation, not a fixed minute.
    test.setTimeout(60_000 + 15_000 * hrefs.length);
    for (const href of hrefs) {
      await page.goto(href!);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test('public pages pass axe and show the announcements', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '北京高校基础研究资助平台' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /预通知/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /预通知/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/login');
  await expectAccessible(page);
});

test('a person with two roles switches role in the header', async ({ page }) => {
  await login(page, 'expert@demo.jingyan.cn');
  await expect(page.getByTestId('active-role')).toHaveText('科研人员');
  await page.getByRole('button', { name: /切换角色/ }).click();
  await page.getByRole('menuitem', { name: /评审专家/ }).click();
  await expect(page).toHaveURL(/\/reviewer$/);
  await expect(page.getByTestId('active-role')).toHaveText('评审专家');
  await expect(page.getByText('暂无评审邀请', { exact: false })).toBeVisible();
  // The researcher pages now offer the switch back instead of opening.
  await page.goto('/researcher/profile');
  await expect(page.getByRole('heading', { name: '此页面属于「科研人员」角色' })).toBeVisible();
  await page.getByRole('button', { name: '切换为「科研人员」' }).click();
  await expect(page.getByTestId('active-role')).toHaveText('科研人员');
});

test('the whole login works from the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
  await page.getByLabel('电子邮箱').focus();
  await page.keyboard.type(ACCOUNTS.office.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('密码')).toBeFocused();
  await page.keyboard.type('Jingyan@2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/office$/);
});

test('the role switch works from the keyboard alone', async ({ page }) => {
  await login(page, 'expert@demo.jingyan.cn');
  await expect(page.getByTestId('active-role')).toHaveText('科研人员');
  await page.getByRole('button', { name: /切换角色/ }).focus();
  await page.keyboard.press('Enter');
  const target = page.getByRole('menuitem', { name: /评审专家/ });
  await expect(target).toBeVisible();
  await expectAccessible(page);
  for (let i = 0; i < 5 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/reviewer$/);
  await expect(page.getByTestId('active-role')).toHaveText('评审专家');
});

test('a page that does not exist answers 404 with an accessible page', async ({ page }) => {
  await login(page, 'researcher@demo.jingyan.cn');
  const response = await page.goto('/researcher/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the navigation folds behind a menu button and still reaches every page', async ({ page }) => {
    await login(page, 'researcher@demo.jingyan.cn');
    await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '人才档案' }).click();
    await expect(page).toHaveURL(/\/researcher\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: '人才档案' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
