import { expect, test } from '@playwright/test';
import { expectAccessible, freshPage, login } from './support';

test('an enterprise drafts a challenge, staff publish it, and a visitor finds it on the board in English', async ({
  page,
  browser,
}) => {
  // A whole journey through three or four roles' pages: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const title = `高通量材料计算的可信加速方法 ${Date.now()}`;
  const titleEn = `Trustworthy acceleration of high-throughput materials computing ${Date.now()}`;
  await login(page, 'enterprise@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的榜单' }).click();
  await page.getByRole('link', { name: '新建榜单' }).click();
  const form = page.getByRole('form', { name: '榜单内容' });
  await form.getByLabel('领域').selectOption({ label: '人工智能' });
  await form.getByLabel('榜单名称').fill(title);
  await form.getByLabel('英文名称').first().fill(titleEn);
  await form.getByLabel('问题描述', { exact: true }).fill('材料高通量计算耗时长，需研究可信的加速方法。');
  await form
    .getByLabel('英文问题描述')
    .fill('High-throughput materials computing is slow; trustworthy acceleration is needed.');
  await form.getByLabel('财政资金（万元）').fill('abc');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(form.getByText('请输入金额数字，例如 120 或 35.5。')).toBeVisible();
  await form.getByLabel('财政资金（万元）').fill('300');
  await form.getByLabel('发榜方配套资金（万元）').fill('150');
  await form.getByLabel('成果 1').fill('加速计算平台');
  // The first target is left empty: the draft is saved, the proposal is refused and says why.
  await form.getByRole('button', { name: '移除' }).first().click();
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('至少填写一项可衡量的指标');

  const edit = page.getByRole('form', { name: '榜单内容' });
  await edit.getByRole('button', { name: '添加指标' }).click();
  await edit.getByLabel('指标 1').fill('计算加速比');
  await edit.getByLabel('目标值').fill('10');
  await edit.getByLabel('单位').fill('倍');
  await edit.getByLabel('验收方式', { exact: true }).fill('第三方基准测试');
  await edit.getByLabel('首席科学家要求', { exact: true }).fill('正高级职称');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit.getByRole('status')).toHaveText('榜单已保存。');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expectAccessible(page);

  const staff = await freshPage(browser);
  await login(staff, 'staff@demo.jingyan.cn');
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '榜单管理' }).click();
  await staff.getByRole('link', { name: '待审核' }).click();
  await staff.getByRole('link', { name: title }).click();
  await staff.getByRole('button', { name: '开始审核' }).click();
  await expect(staff.getByText('审核中').first()).toBeVisible();
  await staff.getByLabel('发布到申报').selectOption({ index: 0 });
  await staff.getByRole('button', { name: '发布', exact: true }).click();
  await expect(staff.getByText('该榜单已发布。')).toBeVisible();
  await staff.close();

  // A visitor, no login: field + keyword in a shareable URL, then the English page.
  const visitor = await freshPage(browser);
  await visitor.goto('/challenges');
  await visitor.getByLabel('领域').selectOption({ label: '人工智能' });
  await visitor.getByLabel('关键词').fill('可信的加速');
  await visitor.getByRole('button', { name: '搜索' }).click();
  await expect(visitor).toHaveURL(/field=AI/);
  await expect(visitor).toHaveURL(/q=/);
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText('450 万元')).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByRole('button', { name: 'English' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: titleEn })).toBeVisible();
  await expect(visitor.getByText('CNY 4,500,000')).toBeVisible();
  await expect(visitor.getByRole('cell', { name: '10 倍' })).toBeVisible();
  await visitor.close();
});

test('the board filters by funding and sorts, all in the URL; it works on a phone', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto('/challenges?minWan=1000&sort=funding');
  const funding = await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2 }) })
    .allTextContents();
  expect(funding.length).toBeGreaterThan(0);
  await expect(page.getByText(/共 \d+ 个榜单/)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await phone.close();
});

test("another role cannot reach an enterprise's challenge pages", async ({ page }) => {
  await login(page, 'researcher@demo.jingyan.cn');
  const response = await page.goto('/enterprise/challenges');
  expect(response?.status()).toBe(404);
});

test('after the deadline the issuer sees the teams that applied to its challenge', async ({ page }) => {
  await login(page, 'enterprise@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的榜单' }).click();
  await page.getByRole('link', { name: '面向智能终端的存算一体芯片关键技术（赛马制，演示）' }).click();
  const teams = page.getByRole('table', { name: '揭榜团队' });
  // The demo round's two teams (prisma/seed-horse-race.ts), with their host institutions and team sizes.
  await expect(teams.getByRole('row', { name: /基于阻变存储器的存算一体阵列与片上学习/ })).toBeVisible();
  await expect(teams.getByRole('row', { name: /面向端侧大模型推理的SRAM存内计算宏单元/ })).toBeVisible();
  await expect(page.getByText('共 2 个团队揭榜。')).toBeVisible();
  await expectAccessible(page);
});
