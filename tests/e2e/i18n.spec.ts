import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support';

test('the language switch turns the portal into English and back', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByLabel('Email').fill('staff@demo.jingyan.cn');
  await page.getByLabel('Password').fill('Jingyan@2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/commission$/);
  await expect(page.getByTestId('active-role')).toHaveText('Commission staff');
  await expectAccessible(page);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('active-role')).toHaveText('市教委工作人员');
});

test('an international expert gets English from their account, with errors in English', async ({ page }) => {
  await login(page, 'intl.expert@demo.jingyan.cn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Anna Schmidt');
  await page.goto('/account/password');
  await page.getByLabel('Current password').fill('wrong-password');
  await page.getByLabel('New password', { exact: true }).fill('Another@2026');
  await page.getByLabel('Confirm new password').fill('Another@2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The current password is incorrect.')).toBeVisible();
});
