import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectAccessible, login, sql } from './support';

// Documents and notifications through the real UI: commission staff download an application's PDF and its blind copy
// and the file's text carries the Chinese title (CJK glyphs embedded and mapped); a researcher whose application was
// returned finds the message in the inbox, opens it, and the unread count goes to zero.

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const { origin } = new URL(test.info().project.use.baseURL!);
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: origin }]);
  const page = await context.newPage();
  await login(page, email);
  return page;
}

async function pdfText(page: Page, linkName: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  const bytes = await readFile((await download.path())!);
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  // Long lines wrap in the PDF: compare without the line breaks and spaces the layout put in.
  const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, '');
  return { name: download.suggestedFilename(), text };
}

test('staff download an application as PDF, and its blind copy without the applicant', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/formal-check');
  const link = staff.getByRole('main').getByRole('table').getByRole('link').first();
  await link.click();
  await staff.waitForURL(/\/commission\/formal-check\/[0-9a-f-]{36}$/);
  const title = (await staff.getByRole('heading', { level: 1 }).textContent())!.replace(/\s+/g, '');
  const full = await pdfText(staff, '下载申报书 PDF');
  expect(full.name).toMatch(/^JY\d{4}-GEN-\d{4}\.pdf$/);
  expect(full.text).toContain(title);
  expect(full.text).toMatch(/第1页\/共\d+页/);
  expect(full.text).toContain('·京研'); // the watermark: viewer · time · 京研
  const applicant = (
    await staff
      .locator('dt', { hasText: /^申请人$/ })
      .locator('xpath=following-sibling::dd[1]')
      .textContent()
  )?.replace(/\s+/g, '');
  expect(applicant).toBeTruthy();
  expect(full.text).toContain(applicant!);
  const blind = await pdfText(staff, '下载匿名版 PDF');
  expect(blind.text).toContain(title);
  expect(blind.text).toContain('匿名评审版');
  expect(blind.text).not.toContain(applicant!);
  await staff.context().close();
});

test('a returned application’s PI finds the message in the inbox and opens it', async ({ browser }) => {
  const pi = await as(browser, 'sun.peng@demo.jingyan.cn');
  const bell = pi.getByRole('link', { name: /^消息（\d+ 条未读）$/ });
  await expect(bell).not.toHaveAccessibleName('消息（0 条未读）');
  await bell.click();
  await expect(pi.getByRole('heading', { level: 1, name: '站内消息' })).toBeVisible();
  await expectAccessible(pi);
  await pi.getByRole('link', { name: /^申报被退回修改：数字孪生驱动的城市交通信号协同优化/ }).click();
  await pi.waitForURL(/\/researcher\/applications\/[0-9a-f-]{36}$/);
  await expect(pi.getByRole('link', { name: '消息（0 条未读）' })).toBeVisible();
  await pi.context().close();
});

test('staff export the project list to Excel: the sheet holds the list the page shows', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/projects');
  const codes = (await staff.getByRole('main').getByRole('table').getByRole('cell').allTextContents())
    .map((c) => c.trim())
    .filter((c) => /^JY\d{4}-[A-Z0-9-]+$/.test(c));
  expect(codes.length).toBeGreaterThan(0);
  const [download] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByRole('link', { name: '导出 Excel' }).first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('项目编号');
  const exported = sheet.getColumn(1).values.slice(2).map(String);
  expect(exported.sort()).toEqual([...new Set(codes)].sort());
  await staff.context().close();
});

test('the analytics page shows the seeded figures, as charts and as tables', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据分析' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '数据分析' })).toBeVisible();
  // The 2026 batch (the seeded 揭榜挂帅 race): no other browser test submits applications to it.
  await staff.getByLabel('年度').selectOption('2026');
  await staff.getByRole('button', { name: '查看' }).click();
  await staff.waitForURL(/year=2026/);
  const expected = await sql<{ name: string; n: number }>(
    `select p.name, count(*)::int as n from "Application" a join "Call" c on c.id = a."callId"
       join "Program" p on p.id = c."programId"
      where c.year = 2026 and a.status not in ('DRAFT', 'WITHDRAWN') group by p.name`,
  );
  expect(expected.length).toBeGreaterThan(0);
  const table = staff.getByRole('table', { name: '按资助计划' });
  for (const e of expected) {
    const escaped = e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(table.getByRole('row', { name: new RegExp(`^${escaped} ${e.n} `) })).toBeVisible();
  }
  await expect(staff.getByRole('img', { name: /^按资助计划（图表/ })).toBeVisible();
  await expectAccessible(staff);
  await staff.context().close();
});

async function expertSheet(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('专家');
  ws.addRow(['邮箱', '姓名', '关键词', '每批次评审上限']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('staff import experts from Excel: a bad sheet is reported by row, a good one runs in the background', async ({
  browser,
}) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  const upload = async (rows: (string | number)[][]) => {
    await staff.goto('/commission/experts');
    await staff.getByText('从 Excel 导入专家').click();
    const form = staff.getByRole('form', { name: '从 Excel 导入专家' });
    await form.getByLabel('Excel 文件（.xlsx）').setInputFiles({
      name: '专家名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await expertSheet(rows),
    });
    await form.getByRole('button', { name: '开始导入' }).click();
    await staff.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  };

  // The template the page offers is the sheet the import reads.
  await staff.goto('/commission/experts');
  await staff.getByText('从 Excel 导入专家').click();
  const [template] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByRole('link', { name: '下载模板' }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await template.path())!);
  expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
    '邮箱',
    '姓名',
    '工作单位',
    '国家或地区',
    '评审语言',
    '学科代码',
    '关键词',
    '职称',
    '每批次评审上限',
  ]);

  // 周立新 (expert4) reviews only the seeded horse race: the review tests' proposals do not depend on him.
  await upload([
    ['expert4@demo.jingyan.cn', '周立新', '古籍数字化修复', 7],
    ['nobody@demo.jingyan.cn', '', '', ''],
  ]);
  await expect(staff.getByRole('heading', { level: 1, name: '专家导入：专家名单.xlsx' })).toBeVisible();
  await expect(staff.getByText('未完成', { exact: true })).toBeVisible({ timeout: 20_000 });
  const report = staff.getByRole('table', { name: '未导入：请按下表修改后重新上传。' });
  await expect(report.getByRole('row', { name: /^3 邮箱 该邮箱尚无账号/ })).toBeVisible();
  await expectAccessible(staff);

  await upload([['expert4@demo.jingyan.cn', '周立新', '古籍数字化修复', 7]]);
  await expect(staff.getByText('已完成', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(staff.getByText('已导入 1 行：新增 0 位专家，更新 1 位。')).toBeVisible();
  await expect(staff.getByRole('progressbar', { name: '任务进度' })).toHaveAttribute('aria-valuetext', '2 / 2');
  await staff.goto('/commission/experts?keyword=古籍数字化修复');
  await expect(staff.getByRole('main').getByRole('table').getByText('周立新')).toBeVisible();
  // Every job the person started is listed, newest first.
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '后台任务' }).click();
  const jobs = staff.getByRole('table', { name: '后台任务' });
  await expect(jobs.getByRole('row', { name: /^专家导入：专家名单\.xlsx 已完成/ })).toHaveCount(1);
  await expect(jobs.getByRole('row', { name: /^专家导入：专家名单\.xlsx 未完成/ })).toHaveCount(1);
  await expectAccessible(staff);
  await staff.context().close();
});

test('a background export can be left and fetched later from its job', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/projects');
  await staff.getByRole('button', { name: '后台导出 Excel' }).first().click();
  await staff.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole('heading', { level: 1, name: '后台导出：项目' })).toBeVisible();
  const jobUrl = staff.url();
  // Leave, come back: the job went on without the page.
  await staff.goto('/commission');
  await staff.goto(jobUrl);
  const link = staff.getByRole('link', { name: '下载结果文件' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  const [download] = await Promise.all([staff.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('项目编号');
  const [projects] = await sql<{ n: number }>(`select count(*)::int as n from "Project"`);
  expect(sheet.rowCount - 1).toBe(projects!.n);
  await staff.context().close();
});
