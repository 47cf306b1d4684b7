import { expect, test, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { expectAccessible, login, sql } from './support';

// A platform (北京实验室) from application to evaluation, through the real UI: the institution office of 北京工业大学
// applies in the demo call of 北京实验室（基础研究类） for its own institution, naming the director; commission staff
// pass the formal check; after review (mail review and panel are issue 5's machinery, walked through the UI in
// review.spec.ts and project-lifecycle.spec.ts: here the application is moved to the panel's outcome directly) staff
// fund it and publish the notice; when the period ends the decision becomes final and the project and the platform
// record are born; the task book is confirmed and the project starts; the director files the year's annual report
// with its PDF and staff accept it; staff evaluate the platform, and its grade sets the next period's stable support.
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const CALL_TITLE = /北京实验室（基础研究类）申报指南（演示）/;
const NAME = `北京智能感知与计算北京实验室 ${Date.now()}`;
const DIRECTOR = 'researcher@demo.jingyan.cn';
const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures', name);
const repeat = (s: string, n: number) => s.repeat(n);

let applicationId = '';
let platformId = '';
let projectId = '';

/** One logged-in page per account, kept for the whole file, in Chinese whatever the account's saved language. */
const pages = new Map<string, Page>();
async function as(browser: Browser, email: string): Promise<Page> {
  const existing = pages.get(email);
  if (existing) return existing;
  const context = await browser.newContext();
  const { origin } = new URL(test.info().project.use.baseURL!);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: origin }]);
  const page = await context.newPage();
  await login(page, email);
  pages.set(email, page);
  return page;
}

test.afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

test('the institution office applies for a 北京实验室, naming its director, and submits it as its recommendation', async ({
  browser,
}) => {
  const office = await as(browser, 'office@demo.jingyan.cn');
  await office.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '平台申报' }).click();
  await expect(office.getByRole('heading', { level: 1, name: '平台申报' })).toBeVisible();
  await expectAccessible(office);
  await office.getByLabel('申报指南').selectOption({ label: (await callLabel(office)) ?? '' });
  await office.getByLabel('平台主任（登录邮箱）').fill(DIRECTOR);
  await office.getByRole('button', { name: '开始填写' }).click();
  await office.waitForURL(/\/office\/platforms\/apply\/[0-9a-f-]{36}$/);
  applicationId = office.url().split('/').at(-1)!;

  const editor = office.getByRole('form', { name: '平台申报书' });
  await editor.getByLabel('平台名称').fill(NAME);
  await editor.getByLabel('所属学科').selectOption({ index: 1 });
  await editor.getByLabel('建设期（月）').fill('36');
  await editor
    .getByLabel('平台简介')
    .fill(repeat('面向智能感知与计算的前沿基础研究平台，聚焦感知机理、计算架构与应用验证。', 4));
  // Too short a building plan is named on its field when saved, and nothing typed is lost.
  await editor
    .getByLabel('建设目标')
    .fill(repeat('建成国内领先的智能感知与计算基础研究平台，产出原创成果并培养青年人才。', 4));
  await editor.getByLabel('建设方案').fill('太短。');
  await editor
    .getByLabel('开放共享方案')
    .fill(repeat('大型仪器向全市高校开放共享，设立开放课题，每年接收访问学者。', 4));
  // One research direction (the button works once the page is interactive: retried until its group appears).
  const direction = editor.getByRole('group', { name: '研究方向 1' });
  await expect(async () => {
    if ((await direction.count()) === 0) await editor.getByRole('button', { name: '添加研究方向' }).click();
    await expect(direction).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(editor.getByRole('group', { name: '研究方向 2' })).toHaveCount(0);
  await direction.getByLabel('方向名称').fill('多模态感知机理');
  await direction.getByLabel('方向负责人').fill('王建国');
  await direction.getByLabel('方向内容').fill(repeat('研究视觉、触觉与声学多模态信号的生成、耦合与编码机理。', 3));
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(office.getByText('已保存。')).toBeVisible();
  const check = office.getByRole('complementary', { name: '提交前检查' });
  await expect(check.getByRole('button', { name: /^建设方案：.*200/ })).toBeVisible();
  await expect(editor.getByLabel('平台名称')).toHaveValue(NAME);
  await editor
    .getByLabel('建设方案')
    .fill(
      repeat(
        '分三年建设：第一年完成平台条件建设与团队组建，第二年开展重点方向攻关，第三年形成开放共享与成果转化机制。',
        4,
      ),
    );

  // The year-by-source budget follows the saved building period: three years, fiscal money within 500–5000 万元.
  const budget = editor.getByRole('table', { name: /分年度、分来源预算/ });
  await expect(budget.getByRole('rowheader')).toHaveCount(3);
  const years = (await budget.getByRole('rowheader').allTextContents()).map((y) => y.trim());
  for (const [i, fiscal] of ['400', '300', '300'].entries()) {
    await editor.getByLabel(`${years[i]} 年财政经费`).fill(fiscal);
    await editor.getByLabel(`${years[i]} 年依托单位配套`).fill('50');
  }
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  // Saved when the check no longer finds the short building plan (the notice is still there from the first save).
  await expect(check.getByRole('button', { name: /至少 200 字/ })).toHaveCount(0);
  await expect(check.getByRole('button', { name: /预算|财政经费/ })).toHaveCount(0);

  await office.getByLabel('申报书（盖章版）').setInputFiles(fixture('sample.pdf'));
  await expect(office.getByRole('link', { name: 'sample.pdf' })).toHaveCount(1);
  await office.getByLabel('建设方案', { exact: true }).last().setInputFiles(fixture('sample.pdf'));
  await expect(office.getByRole('link', { name: 'sample.pdf' })).toHaveCount(2);

  await expect(check.getByText('检查通过，可以提交。')).toBeVisible();
  await office.getByRole('button', { name: '提交并推荐' }).click();
  const dialog = office.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(office.getByText(/已提交并作为本单位推荐报送市教委/)).toBeVisible();
  const [app] = await sql<{ status: string; kind: string }>(`select status, kind from "Application" where id = $1`, [
    applicationId,
  ]);
  expect(app).toEqual({ status: 'INSTITUTION_APPROVED', kind: 'PLATFORM' });
  await expectAccessible(office);
});

/** The option of the demo platform call in the start form. */
async function callLabel(page: Page): Promise<string | undefined> {
  const labels = await page.getByLabel('申报指南').locator('option').allTextContents();
  return labels.find((l) => CALL_TITLE.test(l));
}

test('staff pass the formal check; after review they fund it and publish the notice', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '形式审查' }).click();
  await staff.getByRole('link', { name: NAME }).click();
  // The platform's own sections are what staff check: directions and the year-by-source budget.
  await expect(staff.getByText('多模态感知机理')).toBeVisible();
  await staff.getByLabel('通过', { exact: true }).check();
  await staff.getByRole('button', { name: '提交审查结论' }).click();
  await expect(staff.getByText(/该申报已完成形式审查/)).toBeVisible();

  // Mail review and the panel defence (issue 5) have run: the application stands at the panel's outcome.
  await sql(`update "Application" set status = 'PANEL' where id = $1 and status = 'FORMAL_CHECK_PASSED'`, [
    applicationId,
  ]);
  const [row] = await sql<{ code: string; callTitle: string }>(
    `select a.code, c.title as "callTitle" from "Application" a join "Call" c on c.id = a."callId" where a.id = $1`,
    [applicationId],
  );
  const { code, callTitle } = row!;
  await staff.goto('/commission/decisions');
  await staff.getByRole('link', { name: callTitle }).click();
  await staff.getByRole('button', { name: new RegExp(`^作出决定：${code}`) }).click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByLabel('决定', { exact: true }).selectOption('FUND');
  await dialog.getByLabel('资助财政经费（万元）').fill('900');
  await dialog.getByLabel('决定理由').fill('会议答辩通过，建设方案可行，按三年建设期资助。');
  await dialog.getByRole('button', { name: '保存决定草稿' }).click();
  await expect(dialog).toBeHidden();
  await staff
    .getByRole('form', { name: '发布立项决定并公示' })
    .getByRole('button', { name: /发布 \d+ 项决定并公示/ })
    .click();
  await staff.waitForURL(/\/commission\/notices\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole('cell', { name: NAME })).toBeVisible();

  // Five working days pass with no objection: the period is moved into the past, as the calendar would have it.
  await sql(
    `update "Notice" set "startsOn" = current_date - 9, "endsOn" = current_date - 2 where "callId" =
       (select "callId" from "Application" where id = $1)`,
    [applicationId],
  );
  await staff.goto('/commission/notices');
  await staff.goto('/commission/platforms');
  await expect(staff.getByRole('link', { name: NAME })).toBeVisible();
  const [born] = await sql<{ platformId: string; projectId: string }>(
    `select p.id as "platformId", p."projectId" from "Platform" p join "Project" j on j.id = p."projectId"
      where j."applicationId" = $1`,
    [applicationId],
  );
  platformId = born!.platformId;
  projectId = born!.projectId;
});

test('the task book is confirmed by director, institution and commission, and the platform starts', async ({
  browser,
}) => {
  const director = await as(browser, DIRECTOR);
  await director.goto(`/researcher/projects/${projectId}`);
  // A platform's task book starts from its goals, directions and building plan; the director adds the measurable
  // targets the commission will check it against.
  const kpis = director.getByRole('form', { name: '考核指标' });
  await kpis.getByRole('button', { name: '增加指标' }).click();
  await kpis.getByLabel('指标名称').fill('开放共享机时');
  await kpis.getByLabel('单位').fill('机时/年');
  await kpis.getByLabel('目标值').fill('300');
  await kpis.getByLabel('验收方式').fill('仪器共享平台记录');
  await kpis.getByRole('button', { name: '保存考核指标' }).click();
  await expect(director.getByText(/已保存/).first()).toBeVisible();
  // The task book's table shows the new target once the page has reloaded its data (and the task book's version).
  await expect(
    director.getByRole('table', { name: '考核指标' }).getByRole('cell', { name: '开放共享机时' }),
  ).toBeVisible();
  await director.getByRole('button', { name: '确认任务书' }).click();
  await expect(director.getByText(/您方已确认/)).toBeVisible();
  const office = await as(browser, 'office@demo.jingyan.cn');
  await office.goto(`/office/projects/${projectId}`);
  await office.getByRole('button', { name: '代表依托单位确认任务书' }).click();
  await expect(office.getByText(/您方已确认/).first()).toBeVisible();
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto(`/commission/projects/${projectId}`);
  await staff.getByRole('button', { name: '代表市教委确认任务书' }).click();
  await staff.getByRole('button', { name: '启动项目' }).click();
  await expect(staff.getByText('执行中').first()).toBeVisible();

  // The director finds the platform among their own, with its directions from the application.
  await director.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的平台' }).click();
  await director.getByRole('link', { name: NAME }).click();
  await expect(
    director.getByRole('form', { name: '编辑研究方向' }).getByRole('group', { name: '方向 1' }).getByLabel('方向名称'),
  ).toHaveValue('多模态感知机理');
  await expectAccessible(director);
});

test('the director files the annual report with its PDF, and staff accept it', async ({ browser }) => {
  const director = await as(browser, DIRECTOR);
  await director.goto(`/researcher/platforms/${platformId}`);
  const form = director.getByRole('form', { name: '年度报告' });
  await form.getByLabel('总体情况').fill('完成平台条件建设，组建三个方向团队。');
  // Submitting without the outputs names the field; what was typed stays.
  await form.getByRole('button', { name: '提交报告' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await expect(form.getByLabel('总体情况')).toHaveValue('完成平台条件建设，组建三个方向团队。');
  await form.getByLabel('主要成果').fill('发表论文 8 篇，授权发明专利 2 项。');
  await form.getByLabel('人才队伍').fill('引进青年人才 2 名，培养博士生 6 名。');
  await form.getByLabel('开放共享').fill('大型仪器开放共享 260 机时。');
  await form.getByLabel('报告全文（PDF）').setInputFiles(fixture('sample.pdf'));
  await expect(form.getByRole('link', { name: 'sample.pdf' })).toBeVisible();
  await form.getByRole('button', { name: '提交报告' }).click();
  await expect(director.getByText('已提交').first()).toBeVisible();

  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto(`/commission/platforms/${platformId}`);
  const report = staff.getByRole('region', { name: /年度报告$/ }).first();
  // The PDF downloads for staff.
  const href = await report.getByRole('link', { name: 'sample.pdf' }).getAttribute('href');
  expect((await staff.request.get(href!)).status()).toBe(200);
  await report.getByRole('button', { name: /^通过/ }).click();
  await expect(report.getByText('已通过')).toBeVisible();
  await expectAccessible(staff);
});

test('staff evaluate the platform: an excellent grade raises the stable support and plans its tranches', async ({
  browser,
}) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto(`/commission/platforms/${platformId}`);
  await staff.getByRole('form', { name: '启动定期评估' }).getByRole('button', { name: '启动定期评估' }).click();
  const record = staff.getByRole('form', { name: '评估结果' });
  await record.getByLabel('评估等级').selectOption({ label: '优秀' });
  await record.getByLabel('评估报告').fill('建设目标全面完成，开放共享成效显著。');
  await record.getByRole('button', { name: '保存评估结果' }).click();
  await expect(staff.getByText('评估结果已保存。')).toBeVisible();
  // The suggestion is computed from the saved grade: once it shows, the page holds the evaluation's new version.
  await expect(staff.getByText(/按等级建议：增加/)).toBeVisible();
  await staff.getByRole('form', { name: '决定稳定支持' }).getByRole('button', { name: '决定稳定支持' }).click();
  await expect(staff.getByText(/等级：优秀；稳定支持：增加/)).toBeVisible();
  // 900 万元 over three years is 300 a year; excellent adds 20%: 360 a year, planned as fiscal tranches.
  const tranches = await sql<{ n: number; fen: string }>(
    `select count(*)::int as n, min("amountFen")::text as fen from "Tranche" where "projectId" = $1 and ordinal > 1000`,
    [projectId],
  );
  expect(tranches[0]).toEqual({ n: 3, fen: String(360 * 1_000_000) });
  const [platform] = await sql<{ grade: string }>(`select "currentGrade" as grade from "Platform" where id = $1`, [
    platformId,
  ]);
  expect(platform!.grade).toBe('EXCELLENT');

  // The public directory lists it, without money or grades.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/');
  await visitor.getByRole('navigation', { name: '公开栏目' }).first().getByRole('link', { name: '创新平台' }).click();
  await visitor.getByRole('link', { name: NAME }).click();
  await expect(visitor.getByText('多模态感知机理')).toBeVisible();
  await expect(visitor.getByText('优秀')).toHaveCount(0);
  await visitor.context().close();
});
