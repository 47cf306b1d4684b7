import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { expectAccessible, freshPage, login, sql } from './support';

// Mail review through the real UI, in order: staff propose an assignment for the demo call and commit it; the
// international expert (English) accepts, declaring no conflict, scores high and supports the application as
// non-consensus; a Chinese expert scores it low, and after submitting reads the first review; staff aggregate and
// find the divided application on the non-consensus list, and route it with a justification.
test.describe.configure({ mode: 'serial' });

const APP_TITLE = '面向低功耗边缘设备的脉冲神经网络训练方法研究';
const APP_TITLE_EN = 'Training spiking neural networks for low-power edge devices';
let callId = '';
let code = '';

test.beforeAll(async () => {
  const [app] = await sql<{ callId: string; code: string }>(
    `select "callId", code from "Application" where title = $1`,
    [APP_TITLE],
  );
  callId = app!.callId;
  code = app!.code;
});

async function openAssignment(page: Page, title: string) {
  await page.goto('/reviewer/assignments');
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('staff propose an assignment for the call, look at it, and commit it as invitations', async ({ page }) => {
  await login(page, 'staff@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '专家评审' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '专家评审' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '2027年度市属高校科研计划一般项目申报指南（演示）' }).click();
  await expect(page).toHaveURL(new RegExp(`/commission/review/${callId}$`));
  await expectAccessible(page);

  // A due date in the past is refused on the field, and nothing is proposed.
  await page.getByLabel('评审截止时间').fill('2020-01-01T17:00');
  await page.getByRole('button', { name: '生成分配方案' }).click();
  await expect(page.getByText('评审截止时间须晚于当前时间。')).toBeVisible();

  await page.getByLabel('评审截止时间').fill('2040-03-01T17:00');
  await page.getByRole('button', { name: '生成分配方案' }).click();
  // The proposal is shown before anything is sent: the three fitting experts for the demo application.
  const proposed = page.getByRole('row').filter({ hasText: code });
  await expect(proposed.filter({ hasText: 'Anna Schmidt' })).toBeVisible();
  await expect(proposed.filter({ hasText: '王磊' })).toBeVisible();
  await expect(proposed.filter({ hasText: '黄丽' })).toBeVisible();
  // The solver ran as a background job (the page followed it until the proposal appeared).
  const [solve] = await sql<{ status: string; progressDone: number }>(
    `select status, "progressDone" from "JobRun" where kind = 'ASSIGNMENT' and params->>'callId' = $1
      order by "createdAt" desc limit 1`,
    [callId],
  );
  expect(solve).toEqual({ status: 'SUCCEEDED', progressDone: 3 });
  await page.getByRole('button', { name: '确认并发送邀请' }).click();
  await expect(page.getByRole('button', { name: '确认并发送邀请' })).toBeHidden();
  const [invited] = await sql<{ n: number }>(
    `select count(*)::int as n from "ReviewAssignment" a join "Application" p on p.id = a."applicationId"
      where p.code = $1 and a.status = 'INVITED'`,
    [code],
  );
  expect(invited!.n).toBe(3);
});

test('the international expert accepts, scores and submits in English', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await freshPage(browser);
  await login(page, 'intl.expert@demo.jingyan.cn');
  await page.getByRole('navigation').getByRole('link', { name: 'Reviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await openAssignment(page, APP_TITLE_EN);
  await expect(page.getByText('Spiking neural networks promise orders of magnitude lower energy')).toBeVisible();
  await expectAccessible(page);

  // Accepting without the declaration is refused by field.
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /required|必填/i })).toBeVisible();
  await page.getByLabel(/I have no relationship with the applicant/).check();
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page.getByRole('heading', { name: 'Your review' })).toBeVisible();

  for (const label of [
    'Originality and scientific value',
    'Feasibility of the research plan',
    'Track record and team',
    'Expected outcomes and impact',
  ]) {
    await page.getByLabel(label).selectOption('9');
  }
  await expect(page.getByText('Weighted score: 9.00')).toBeVisible();
  await page.getByLabel('Recommendation').selectOption({ label: 'Fund with priority' });
  await page.getByLabel('Confidence').selectOption({ label: 'High' });
  await page.getByLabel('Language of the review').selectOption('en');
  await page
    .getByLabel('Comments to the applicant')
    .fill(
      'A clear and ambitious plan for training spiking networks on edge devices within an energy budget. '.repeat(4),
    );
  await page.getByLabel(/Original but high-risk/).check();
  await page
    .getByLabel('Why it deserves support despite divided scores')
    .fill('The local learning rule is genuinely new; if it works, on-device training changes entirely.');
  await expect(page.getByText(/Saved automatically at/)).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Submit review' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/I have no relationship with the applicant/).check();
  await dialog.getByRole('button', { name: 'Confirm and submit' }).click();
  await expect(page.getByRole('heading', { name: 'Your submitted review (read only)' })).toBeVisible();
  await expect(page.getByText('No other expert has submitted yet.')).toBeVisible();
  await page.context().close();
});

test('a Chinese expert scores low, keeps a draft across a reload, submits, then reads the other review', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await freshPage(browser);
  await login(page, 'expert2@demo.jingyan.cn');
  await openAssignment(page, APP_TITLE);
  await page.getByLabel(/本人与该申报的申请人/).check();
  await page.getByRole('button', { name: '接受邀请' }).click();
  await expect(page.getByText('提交您自己的评审意见后，才能查看其他专家的意见。')).toBeVisible();

  for (const label of ['创新性与科学价值', '研究方案可行性', '研究基础与团队', '预期成果与影响']) {
    await page.getByLabel(label).selectOption('2');
  }
  await page.getByLabel('资助建议').selectOption({ label: '不予资助' });
  await page.getByLabel('评审把握程度').selectOption({ label: '较高' });
  const comment =
    '研究目标过于宽泛，技术路线缺少关键实验设计，前期工作不足以支撑所提出的方法，建议进一步凝练科学问题。'.repeat(3);
  await page.getByLabel('给申请人的意见').fill(comment);
  await expect(page.getByText(/已自动保存/)).toBeVisible({ timeout: 15_000 });
  // The draft is on the server: a reload brings it back.
  await page.reload();
  await expect(page.getByLabel('给申请人的意见')).toHaveValue(comment);
  await expect(page.getByLabel('研究方案可行性')).toHaveValue('2');

  await page.getByRole('button', { name: '提交评审意见' }).click();
  const dialog = page.getByRole('dialog');
  // The declaration is asked again at submission.
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByLabel(/本人与该申报的申请人/).check();
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByRole('heading', { name: '已提交的评审意见（不可修改）' })).toBeVisible();
  const other = page.getByRole('region', { name: '专家 1' });
  await expect(other).toContainText('9.00');
  await expect(other).toContainText('支持非共识');
  // Never the other expert's name, nor their confidential comment.
  await expect(page.getByText('Anna Schmidt')).toHaveCount(0);
  await page.context().close();
});

test("an expert gets 404 for another expert's assignment and its files", async ({ browser }) => {
  const page = await freshPage(browser);
  const [a] = await sql<{ id: string }>(
    `select a.id from "ReviewAssignment" a join "User" u on u.id = a."expertUserId" where u.email = $1`,
    ['expert2@demo.jingyan.cn'],
  );
  await login(page, 'intl.expert@demo.jingyan.cn');
  const response = await page.goto(`/reviewer/assignments/${a!.id}`);
  expect(response?.status()).toBe(404);
  const file = await page.request.get(`/api/review/${a!.id}/attachments/proof`);
  expect(file.status()).toBe(404);
  await page.context().close();
});

test('in blind mode no name reaches the expert: page, title, links or downloaded file name', async ({ browser }) => {
  const [version] = await sql<{ id: string }>(`select "ruleVersionId" as id from "Application" where code = $1`, [
    code,
  ]);
  const [who] = await sql<{ name: string; institution: string }>(
    `select u.name, i.name as institution from "Application" a join "User" u on u.id = a."applicantId"
       join "Institution" i on i.id = a."institutionId" where a.code = $1`,
    [code],
  );
  await sql(`update "ProgramRuleVersion" set rules = jsonb_set(rules, '{mailReview,blind}', 'true') where id = $1`, [
    version!.id,
  ]);
  try {
    const page = await freshPage(browser);
    await login(page, 'expert2@demo.jingyan.cn');
    await openAssignment(page, APP_TITLE);
    await expect(page.getByText('本计划实行盲审')).toBeVisible();
    const html = await page.content();
    for (const identity of [who!.name, who!.institution]) {
      expect(html).not.toContain(identity);
      expect(await page.title()).not.toContain(identity);
    }
    const links = page.locator('a[href^="/api/review/"]');
    expect(await links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const file = await page.request.get(href);
      expect(file.status()).toBe(200);
      const disposition = file.headers()['content-disposition'] ?? '';
      expect(disposition).toMatch(/filename\*=UTF-8''[a-z0-9_]+\.pdf$/);
      // The file's own metadata (author, title) is emptied too.
      const pdf = await PDFDocument.load(await file.body());
      expect([pdf.getAuthor() ?? '', pdf.getTitle() ?? '']).toEqual(['', '']);
    }
    await page.context().close();
  } finally {
    await sql(`update "ProgramRuleVersion" set rules = jsonb_set(rules, '{mailReview,blind}', 'false') where id = $1`, [
      version!.id,
    ]);
  }
});

test('staff aggregate the scores and route the divided application as non-consensus', async ({ page }) => {
  await login(page, 'staff@demo.jingyan.cn');
  await page.goto(`/commission/review/${callId}`);
  await page.getByRole('button', { name: '汇总评分' }).click();
  await page.getByRole('link', { name: '评审矩阵' }).click();
  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('5.50');
  await expectAccessible(page);

  await page.goto(`/commission/review/${callId}/non-consensus`);
  await page.getByRole('link', { name: new RegExp(APP_TITLE) }).click();
  await expect(page.getByText('The local learning rule is genuinely new')).toBeVisible();
  await expect(page.getByText('无科研失信记录')).toBeVisible();
  await page.getByLabel('理由').fill('太短');
  await page.getByRole('button', { name: '送非共识通道' }).click();
  await expect(page.getByText(/至少 20 字/)).toBeVisible();
  await page
    .getByLabel('理由')
    .fill('一位国际专家认为方法原创、风险高但潜在影响大，评分分歧明显，建议按非共识途径提交会议评审讨论。');
  await page.getByRole('button', { name: '送非共识通道' }).click();
  await expect(page.getByText('已送非共识通道')).toBeVisible();
});
