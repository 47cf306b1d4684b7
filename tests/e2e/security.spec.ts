import { expect, test } from '@playwright/test';
import { createAccount, expectAccessible, login, PASSWORD, serverActionId, sql } from './support';

test('five wrong passwords lock the account; the right one is then refused too', async ({ page }) => {
  const email = `lockout.${Date.now()}@e2e.jingyan.test`;
  await createAccount(email, 'EXPERT');
  await page.goto('/login');
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('邮箱或密码错误。');
  }
  await page.getByLabel('密码').fill('wrong-5');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('账户已锁定，请在 15 分钟后重试');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('账户已锁定');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown e-mail gets the same answer as a wrong password', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill('nobody@nowhere.cn');
  await page.getByLabel('密码').fill('whatever');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('邮箱或密码错误。');
});

test('malformed input is answered in Chinese on the field, and nothing is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill('not-an-email');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入有效的电子邮箱地址。')).toBeVisible();
  await expect(page.getByText('此项为必填项。')).toBeVisible();
  await expect(page.getByLabel('电子邮箱')).toHaveValue('not-an-email');
});

test('a researcher cannot open commission pages', async ({ page }) => {
  await login(page, 'researcher@demo.jingyan.cn');
  for (const path of ['/commission', '/commission/announcements', '/admin/users', '/admin/audit']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  }
});

test('a researcher calling a commission action directly is refused and nothing is stored', async ({
  page,
  baseURL,
}) => {
  await login(page, 'researcher@demo.jingyan.cn');
  const title = `伪造公告 ${Date.now()}`;
  const id = serverActionId('src/app/(portal)/commission/announcements/actions.ts', 'createAnnouncementAction');
  const response = await page.request.post('/commission/announcements', {
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL!,
    },
    data: JSON.stringify([{ title, body: '试图绕过界面', publish: true }]),
  });
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(body).toContain('"code":"FORBIDDEN"');
  expect(await sql('select 1 from "Announcement" where title = $1', [title])).toHaveLength(0);

  // The same call with a staff session works — the refusal above came from the permission, not the plumbing.
  const staffPage = await page.context().browser()!.newPage();
  await login(staffPage, 'staff@demo.jingyan.cn');
  const ok = await staffPage.request.post('/commission/announcements', {
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL!,
    },
    data: JSON.stringify([{ title, body: '正常发布', publish: false }]),
  });
  expect(await ok.text()).toContain('"ok":true');
  expect(await sql('select 1 from "Announcement" where title = $1', [title])).toHaveLength(1);
  await staffPage.close();
});

test('a forged role in a request does not change the role', async ({ page, baseURL }) => {
  await login(page, 'researcher@demo.jingyan.cn');
  const id = serverActionId('src/app/actions/session.ts', 'switchRoleAction');
  const response = await page.request.post('/researcher', {
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL!,
    },
    data: JSON.stringify([{ role: 'COMMISSION_STAFF' }]),
  });
  expect(await response.text()).toContain('"code":"FORBIDDEN"');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/researcher$/);
  await expect(page.getByTestId('active-role')).toHaveText('科研人员');
});

test('an idle session ends: the next page asks to log in again and says why', async ({ page }) => {
  await login(page, 'young@demo.jingyan.cn');
  await sql(
    `update "Session" set "lastSeenAt" = now() - interval '31 minutes'
      where "userId" = (select id from "User" where email = $1) and "revokedAt" is null`,
    ['young@demo.jingyan.cn'],
  );
  await page.goto('/researcher');
  await expect(page).toHaveURL(/\/login\?reason=idle/);
  await expect(page.getByRole('main').getByRole('status')).toContainText('长时间未操作');
});

test('a form sent after the session expired keeps what was typed and says what to do', async ({ page }) => {
  const email = `expiry.${Date.now()}@e2e.jingyan.test`;
  const userId = await createAccount(email, 'COMMISSION_STAFF', '过期测试');
  await login(page, email);
  await page.goto('/commission/announcements');
  await page.getByLabel('标题').fill('会话过期时输入的标题');
  await page.getByLabel('正文').fill('这段正文不能丢。');
  await sql(`update "Session" set "revokedAt" = now(), "revokeReason" = 'TEST' where "userId" = $1`, [userId]);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('登录已失效');
  await expect(page.getByLabel('标题')).toHaveValue('会话过期时输入的标题');
  await expect(page.getByLabel('正文')).toHaveValue('这段正文不能丢。');
  expect(await sql('select 1 from "Announcement" where title = $1', ['会话过期时输入的标题'])).toHaveLength(0);
});

test('a double click submits once', async ({ page }) => {
  const email = `double.${Date.now()}@e2e.jingyan.test`;
  await createAccount(email, 'COMMISSION_STAFF', '双击测试');
  await login(page, email);
  await page.goto('/commission/announcements');
  const title = `双击公告 ${Date.now()}`;
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('正文').fill('正文');
  await page.getByRole('button', { name: '保存草稿' }).dblclick();
  await expect(page.getByRole('main').getByRole('status')).toContainText('公告已保存');
  await expect(page.getByRole('cell', { name: title, exact: true })).toHaveCount(1);
  expect(await sql('select 1 from "Announcement" where title = $1', [title])).toHaveLength(1);
});

test('a malformed action request gets a clear 400, not a 500', async ({ page, baseURL }) => {
  await login(page, 'staff@demo.jingyan.cn');
  const id = serverActionId('src/app/(portal)/commission/announcements/actions.ts', 'createAnnouncementAction');
  for (const data of ['not json', '[', '{"title":"x"}', '']) {
    const response = await page.request.post('/commission/announcements', {
      headers: {
        'Next-Action': id,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: baseURL!,
      },
      data,
    });
    expect(response.status(), data).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining('请求格式不正确'),
    });
  }
  // Well-formed but wrong: the action's own validation names the field.
  const response = await page.request.post('/commission/announcements', {
    headers: {
      'Next-Action': id,
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      Origin: baseURL!,
    },
    data: JSON.stringify([{ title: '', body: 42 }]),
  });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain('"code":"VALIDATION"');
  expect(text).toContain('"title":"此项为必填项。"');
});

test("a research office opens its own researchers' records; another institution's answers 404", async ({ page }) => {
  await login(page, 'office@demo.jingyan.cn');
  await page.goto('/office/researchers');
  await page.getByRole('link', { name: '王建国' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '王建国' })).toBeVisible();
  await expect(page.getByText('北京工业大学')).toBeVisible();
  await expectAccessible(page);
  const [other] = await sql<{ id: string }>(`select id from "User" where email = 'expert@demo.jingyan.cn'`);
  const response = await page.goto(`/office/researchers/${other!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('刘洋')).toHaveCount(0);
});
