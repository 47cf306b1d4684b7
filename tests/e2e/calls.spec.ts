import { expect, test } from '@playwright/test';
import { expectAccessible, freshPage, login } from './support';

test('commission staff create a program, adjust its rules, open a call with quotas, and the public sees it', async ({
  page,
  browser,
}) => {
  // A whole journey through three or four roles' pages: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const code = `E2E${Date.now().toString(36).toUpperCase()}`.slice(0, 12);
  await login(page, 'staff@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '计划管理' }).click();
  await page.getByRole('button', { name: '新建计划' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('计划代码').fill(code);
  await dialog.getByLabel('计划类型').selectOption({ label: '一般项目' });
  await dialog.getByLabel('计划名称').fill(`测试一般项目 ${code}`);
  await dialog.getByLabel('英文名称').fill(`Test general program ${code}`);
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `测试一般项目 ${code}` })).toBeVisible();
  await expect(page.getByText('现行为第 1 版')).toBeVisible();
  await expectAccessible(page);

  // A rule that contradicts another is named on its field and not saved.
  const rules = page.getByRole('form', { name: '计划规则' });
  await rules.getByLabel('资助上限').fill('5');
  await rules.getByRole('button', { name: '保存为新版本' }).click();
  await expect(rules.getByText('最大值不能小于最小值。')).toBeVisible();
  await rules.getByLabel('资助上限').fill('40');
  await rules.getByLabel('青年项目最低占比').fill('70');
  await rules.getByRole('button', { name: '保存为新版本' }).click();
  await expect(rules.getByRole('status')).toHaveText('规则已保存为新版本。');
  await expect(page.getByText('现行为第 2 版')).toBeVisible();

  await page.getByRole('link', { name: '新建申报' }).click();
  const form = page.getByRole('form', { name: '申报信息' });
  await form.getByLabel('申报名称').fill(`${code} 年度申报`);
  await form.getByLabel('开始时间').fill('2030-03-01T09:00:00');
  await form.getByLabel('截止时间', { exact: true }).fill('2030-02-01T17:00:00');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(form.getByText('截止时间必须晚于开始时间。')).toBeVisible();
  await expect(form.getByLabel('申报名称')).toHaveValue(`${code} 年度申报`);
  await form.getByLabel('截止时间', { exact: true }).fill('2030-04-30T17:00:00');
  await form.getByLabel('申报指南（Markdown）').fill('## 申报说明\n\n请在线填写申报书。<script>alert(1)</script>');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${code} 年度申报` })).toBeVisible();

  // Quotas: an institution outside the program's conditions is refused on its row.
  await page.getByLabel('可推荐项数：北京航空航天大学').fill('3');
  await page.getByRole('button', { name: '保存限额' }).click();
  await expect(page.getByText('该单位不符合本计划的申报单位条件，不能分配限额。')).toBeVisible();
  await page.getByLabel('可推荐项数：北京航空航天大学').fill('0');
  await page.getByLabel('可推荐项数：北京工业大学').fill('5');
  await page.getByRole('button', { name: '保存限额' }).click();
  await expect(page.getByText('限额已保存。')).toBeVisible();
  await expectAccessible(page);

  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '发布申报' }).click();
  await expect(page.getByText('第 2 版（发布时冻结）')).toBeVisible();

  // The research office of 北京工业大学 sees its quota.
  const office = await freshPage(browser);
  await login(office, 'office@demo.jingyan.cn');
  await expect(office.getByText(`${code} 年度申报`)).toBeVisible();
  await office.close();

  const visitor = await freshPage(browser);
  await visitor.goto('/calls');
  await visitor.getByRole('link', { name: `${code} 年度申报` }).click();
  await expect(visitor.getByRole('heading', { level: 2, name: '申报说明' })).toBeVisible();
  await expect(visitor.getByText('<script>alert(1)</script>')).toHaveCount(0);
  await expect(visitor.getByText('申报条件（规则第 2 版）')).toBeVisible();
  await expect(visitor.getByText('即将开始')).toBeVisible();
  await expectAccessible(visitor);
  await visitor.close();
});

test('a call cannot be closed before its deadline; the button says why', async ({ page }) => {
  await login(page, 'staff@demo.jingyan.cn');
  await page.goto('/commission/calls');
  await page.getByRole('link', { name: /一般项目申报指南（演示）/ }).click();
  await expect(page.getByRole('button', { name: '关闭申报' })).toBeDisabled();
  await expect(page.getByText('申报尚未截止，不能关闭。')).toBeVisible();
});
