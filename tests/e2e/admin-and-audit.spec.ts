import { expect, test } from '@playwright/test';
import { expectAccessible, freshPage, login } from './support';

test('the audit admin sees the login events, and only the audit admin', async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Make a login event to look for.
  const other = await freshPage(browser);
  await login(other, 'enterprise@demo.jingyan.cn');
  await other.close();

  await login(page, 'auditor@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
  await page.getByLabel('操作类型').selectOption({ label: '登录与会话' });
  await page.getByLabel('操作人 / 邮箱 / 对象 ID').fill('enterprise@demo.jingyan.cn');
  await page.getByRole('button', { name: '搜索' }).click();
  const row = page.getByRole('row').filter({ hasText: 'enterprise@demo.jingyan.cn' }).first();
  await expect(row).toContainText('auth.login');
  await expect(row).toContainText('孙强');
  // The search reloads the page: a click that lands before React has hydrated it does nothing, so click again until
  // the verdict shows (verification only reads; two runs are harmless). The chain walk itself may take seconds.
  await expect(async () => {
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('哈希链完整', { timeout: 15_000 });
  }).toPass({ timeout: 45_000 });
  await expectAccessible(page);
});

test('the system admin manages users but cannot read the audit log (三员分立)', async ({ page }) => {
  await login(page, 'sysadmin@demo.jingyan.cn');
  const response = await page.goto('/admin/audit');
  expect(response?.status()).toBe(404);
  await page.goto('/admin/security');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});

test('the system admin opens an account; its owner must set a new password first', async ({ page, browser }) => {
  const email = `new.user.${Date.now()}@bjut.edu.cn`;
  await login(page, 'sysadmin@demo.jingyan.cn');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('电子邮箱').fill(email);
  await dialog.getByLabel('姓名').fill('钱新');
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByLabel('科研人员所属单位').selectOption({ label: '北京工业大学' });
  await dialog.getByRole('button', { name: '新建' }).click();
  // The server's policy check names the field, and nothing typed is lost.
  await expect(dialog.getByText('密码至少 8 位。')).toBeVisible();
  await expectAccessible(page);
  await expect(dialog.getByLabel('电子邮箱')).toHaveValue(email);
  await dialog.getByLabel('初始密码').fill('Welcome@2026');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText('待改密');

  const newcomer = await freshPage(browser);
  await login(newcomer, email, 'Welcome@2026');
  await expect(newcomer).toHaveURL(/\/account\/password$/);
  await expect(newcomer.getByText('首次登录或密码被重置后，请先设置新密码。')).toBeVisible();
  await expectAccessible(newcomer);
  await newcomer.getByLabel('当前密码').fill('Welcome@2026');
  await newcomer.getByLabel('新密码', { exact: true }).fill('Mine@20261128');
  await newcomer.getByLabel('确认新密码').fill('Mine@20261128');
  await newcomer.getByRole('button', { name: '保存' }).click();
  await expect(newcomer).toHaveURL(/\/researcher$/);
  await expect(newcomer.getByText('依托单位：北京工业大学')).toBeVisible();
  await newcomer.close();
});

test('the system admin adds an institution; a wrong credit code is caught on its field', async ({ page }) => {
  await login(page, 'sysadmin@demo.jingyan.cn');
  await page.goto('/admin/institutions');
  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog');
  const name = `北京示例学院${Date.now()}`;
  await dialog.getByLabel('单位名称').fill(name);
  await dialog.getByLabel('单位类型').selectOption({ label: '应用型大学' });
  await dialog.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('统一社会信用代码校验位不正确，请核对。')).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('统一社会信用代码').fill('91350100m000100y43');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('91350100M000100Y43');
});

test('the security admin tightens the policy and it applies at once', async ({ page }) => {
  await login(page, 'secadmin@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '安全策略' }).click();
  await page.getByLabel('闲置超时（分钟）').fill('3');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请输入 5 到 240 之间的数。')).toBeVisible();
  await page.getByLabel('闲置超时（分钟）').fill('30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('安全策略已保存');
  await expectAccessible(page);
});
