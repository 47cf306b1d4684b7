import { expect, test } from '@playwright/test';
import { createAccount, login, sql } from './support';

test('a researcher completes the talent record; wrong input is named on its field and nothing is lost', async ({
  page,
}) => {
  const email = `profile.${Date.now()}@e2e.jingyan.test`;
  const userId = await createAccount(email, 'RESEARCHER', '档案测试');
  const [bjut] = await sql<{ id: string }>(`select id from "Institution" where name = '北京工业大学'`);
  await sql(`update "RoleAssignment" set "institutionId" = $1 where "userId" = $2`, [bjut!.id, userId]);
  await sql(`insert into "ResearcherProfile" ("userId", "institutionId", "updatedAt") values ($1, $2, now())`, [
    userId,
    bjut!.id,
  ]);

  await login(page, email);
  await expect(page.getByText(/人才档案还缺 7 项/)).toBeVisible();
  await page.getByRole('link', { name: '完善人才档案' }).click();

  await page.getByLabel('院系 / 部门').fill('材料与制造学部');
  await page.getByLabel('性别').selectOption({ label: '女' });
  await page.getByLabel('出生日期').fill('1992-02-29');
  await page.getByLabel('职称').selectOption({ label: '副高级' });
  await page.getByLabel('最高学位').selectOption({ label: '博士' });
  await page.getByLabel('学科代码').fill('430, 43');
  await page.getByLabel('研究关键词').fill('先进功能材料，界面工程');
  await page.getByLabel('ORCID').fill('0000-0002-1825-0098');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('ORCID 格式或校验位不正确。')).toBeVisible();
  await expect(page.getByText('学科代码应为 3 位或 5 位数字。')).toBeVisible();
  await expect(page.getByLabel('院系 / 部门')).toHaveValue('材料与制造学部');

  await page.getByLabel('ORCID').fill('0000-0002-1825-0097');
  await page.getByLabel('学科代码').fill('430');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('人才档案已保存。');

  await page.reload();
  await expect(page.getByLabel('出生日期')).toHaveValue('1992-02-29');
  await expect(page.getByLabel('研究关键词')).toHaveValue('先进功能材料, 界面工程');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await expect(page.getByText('人才档案基本信息已完整。')).toBeVisible();
});

test('two tabs editing the same record: the later save is told, and keeps its input', async ({ browser }) => {
  const email = `stale.${Date.now()}@e2e.jingyan.test`;
  const userId = await createAccount(email, 'RESEARCHER', '并发测试');
  const [cnu] = await sql<{ id: string }>(`select id from "Institution" where name = '首都师范大学'`);
  await sql(`update "RoleAssignment" set "institutionId" = $1 where "userId" = $2`, [cnu!.id, userId]);
  await sql(`insert into "ResearcherProfile" ("userId", "institutionId", "updatedAt") values ($1, $2, now())`, [
    userId,
    cnu!.id,
  ]);
  const context = await browser.newContext();
  const first = await context.newPage();
  await login(first, email);
  await first.goto('/researcher/profile');
  const second = await context.newPage();
  await second.goto('/researcher/profile');

  await first.getByLabel('院系 / 部门').fill('第一个标签页');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(first.getByRole('main').getByRole('status')).toHaveText('人才档案已保存。');

  await second.getByLabel('院系 / 部门').fill('第二个标签页');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(second.getByRole('main').getByRole('alert')).toContainText('此记录已被他人修改');
  await expect(second.getByLabel('院系 / 部门')).toHaveValue('第二个标签页');
  await context.close();
});
