import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { createResearcher, expectAccessible, freshPage, login, sql } from './support';

// The application lifecycle through the real UI: a young researcher enters two representative works, drafts
// (autosaved, reload-proof), is told what blocks submission and where, submits once despite a double click; her
// office returns it; she resubmits in English; the office recommends within its quota; staff pass the formal check.

const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures', name);
const text = (n: number, topic: string) =>
  `${topic}：本研究围绕关键科学问题开展系统研究，结合理论分析、数值模拟与实验验证建立方法体系。`
    .repeat(Math.ceil(n / 40))
    .slice(0, n);

async function startGeneral(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的申报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我的申报' })).toBeVisible();
  const general = await page.getByLabel('申报批次').locator('option', { hasText: '一般项目' }).getAttribute('value');
  await page.getByLabel('申报批次').selectOption(general!);
  await page.getByRole('button', { name: '开始填写' }).click();
  await page.waitForURL(/\/researcher\/applications\/[0-9a-f-]{36}$/);
}

async function waitSaved(page: Page, text: RegExp = /^已自动保存/) {
  await expect(page.getByText(text)).toBeVisible({ timeout: 15_000 });
}

/** A representative work entered through the talent-record page (its own spec covers that page in depth). */
async function addWork(page: Page, work: { type: string; title: string; venue: string; statement: string }) {
  await page.getByRole('button', { name: '添加代表作' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('成果类型').selectOption({ label: work.type });
  await dialog.getByLabel('题目 / 名称').fill(work.title);
  await dialog.getByLabel('作者', { exact: true }).fill('李晓, 王建国');
  await dialog.getByLabel('发表载体').fill(work.venue);
  await dialog.getByLabel('年度').fill('2025');
  await dialog.getByLabel('本人贡献说明').fill(work.statement);
  await dialog.getByLabel('证明材料（PDF）').setInputFiles(fixture('sample.pdf'));
  await expect(dialog.getByRole('link', { name: 'sample.pdf' })).toBeVisible();
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('article', { name: work.title })).toContainText(work.statement);
}

test('a young researcher drafts, is stopped by what is missing, submits once, revises after a return', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const workA = `二维材料中的分数激发 ${stamp}`;
  const workB = `拓扑边缘态的输运测量 ${stamp}`;
  // Her own account (not the demo one other tests use): she switches to English below, which is remembered.
  const email = `young.${stamp}@e2e.jingyan.test`;
  await createResearcher(email, '李晓雯', { birthDate: '1994-06-01', title: 'ASSOCIATE_SENIOR' });
  await login(page, email);

  // Her talent record first: two representative works, each with her own contribution and its evidence.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '经历与代表作' }).click();
  await addWork(page, {
    type: '论文',
    title: workA,
    venue: '物理评论快报',
    statement: '第一作者：提出分数激发的理论模型，完成全部数值计算并撰写论文。',
  });
  await addWork(page, {
    type: '研究报告',
    title: workB,
    venue: '国家自然科学基金结题报告',
    statement: '项目负责人：设计输运测量方案，主持样品制备与低温实验，撰写报告。',
  });
  await startGeneral(page);
  await expect(page.getByRole('heading', { name: '提交前检查' })).toBeVisible();
  await expectAccessible(page);

  // Half of it, then a reload: everything typed is there (autosave), nothing asked of the person.
  const title = `二维量子材料中的拓扑激发研究 ${stamp}`;
  await page.getByLabel('项目名称', { exact: true }).fill(title);
  await page.getByLabel('学科代码').selectOption({ label: '140 物理学' });
  await page.getByLabel('执行期（月）').fill('24');
  await page.getByLabel('关键词').fill('拓扑，量子材料，激发');
  await page.getByLabel('中文摘要').fill(text(150, '摘要'));
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('项目名称', { exact: true })).toHaveValue(title);
  await expect(page.getByLabel('中文摘要')).toHaveValue(text(150, '摘要'));
  await expect(page.getByLabel('学科代码')).toHaveValue('140');

  // The rest; a malformed amount is named on its field and the rest of the form is kept.
  await page.getByLabel('研究内容与目标').fill(text(260, '研究内容'));
  await page.getByLabel('创新性与科学价值').fill(text(130, '创新'));
  await page.getByLabel('研究方案与进度安排').fill(text(130, '方案'));
  await page.getByLabel('预期成果与考核指标').fill(text(80, '成果'));
  await page.getByLabel('经费包干制').check();
  await page.getByLabel('预算总额（万元）').fill('20');
  await page.getByLabel('经费使用计划').fill(text(80, '经费'));
  await page.getByLabel('申请财政经费（万元）').fill('20..5');
  await expect(page.getByText('请输入金额数字，例如 120 或 35.5。')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('研究内容与目标')).toHaveValue(text(260, '研究内容'));
  await page.getByLabel('申请财政经费（万元）').fill('20');
  await page.getByRole('checkbox', { name: new RegExp(workA) }).check();
  await page.getByRole('checkbox', { name: new RegExp(workB) }).check();
  await waitSaved(page);

  // What blocks submission is listed, named and linked; the submit button waits for it.
  const check = page.getByRole('complementary', { name: '提交前检查' });
  await expect(check.getByRole('button', { name: /附件：缺少必交附件：申报书（盖章版）/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '提交申报' })).toBeDisabled();
  await check.getByRole('button', { name: /附件：缺少必交附件/ }).click();
  await page.getByLabel('申报书（盖章版）').setInputFiles(fixture('sample.pdf'));
  await expect(check.getByText('检查通过，可以提交。')).toBeVisible({ timeout: 15_000 });

  // A double click on the confirmation makes one submission.
  await page.getByRole('button', { name: '提交申报' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认提交' }).dblclick();
  await expect(page.getByText('申报书已提交，等待依托单位审核推荐。')).toBeVisible();
  const [app] = await sql<{ id: string; versions: string }>(
    `select a.id, (select count(*) from "ApplicationVersion" v where v."applicationId" = a.id)::text as versions
       from "Application" a where a.title = $1`,
    [title],
  );
  expect(app!.versions).toBe('1');
  await expectAccessible(page);

  // Her research office returns it with a comment.
  const office = await freshPage(browser);
  await login(office, 'office@demo.jingyan.cn');
  await office.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '申报审核推荐' }).click();
  await expect(office.getByRole('meter').first()).toBeVisible();
  await expectAccessible(office);
  await office.getByRole('link', { name: /^进入审核：.*一般项目/ }).click();
  await office.getByRole('link', { name: title }).click();
  await expect(office.getByRole('heading', { name: title }).first()).toBeVisible();
  await expectAccessible(office);
  await office.getByRole('button', { name: '退回修改' }).click();
  let dialog = office.getByRole('dialog');
  await dialog.getByRole('button', { name: '退回', exact: true }).click();
  await expect(dialog.getByText('此项为必填项。')).toBeVisible();
  await dialog.getByLabel('退回意见').fill('请补充研究基础与前期工作。');
  await dialog.getByRole('button', { name: '退回', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(office.getByText('请补充研究基础与前期工作。').first()).toBeVisible();

  // She sees why, revises — in English this time — and submits again: a second frozen version.
  await page.reload();
  await expect(page.getByText(/请补充研究基础与前期工作。/)).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Check before submitting' })).toBeVisible();
  await page.getByLabel('Abstract (Chinese)').fill(text(180, '修订后的摘要'));
  await waitSaved(page, /^Saved automatically/);
  await page.getByRole('button', { name: 'Submit again' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText("Submitted. Your institution's research office will now review it.")).toBeVisible();
  const [again] = await sql<{ versions: string; status: string }>(
    `select status, (select count(*) from "ApplicationVersion" v where v."applicationId" = a.id)::text as versions
       from "Application" a where a.id = $1`,
    [app!.id],
  );
  expect(again).toEqual({ status: 'SUBMITTED', versions: '2' });

  // The office recommends it (within the quota and the youth share; the gauge says so).
  await office.reload();
  await office.getByRole('button', { name: '推荐', exact: true }).click();
  dialog = office.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认推荐' }).click();
  await expect(dialog).toBeHidden();
  await expect(office.getByText('单位已推荐').first()).toBeVisible();

  // Commission staff find it in the formal-check list and pass it.
  const staff = await freshPage(browser);
  await login(staff, 'staff@demo.jingyan.cn');
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '形式审查' }).click();
  await staff.getByLabel('年龄段（截止日）').selectOption({ label: '35 周岁以下' });
  await staff.getByRole('button', { name: '筛选' }).click();
  await staff.getByRole('link', { name: title }).click();
  await expectAccessible(staff);
  await staff.getByLabel('通过', { exact: true }).check();
  await staff.getByRole('button', { name: '提交审查结论' }).click();
  await expect(staff.getByText(/该申报已完成形式审查/)).toBeVisible();
  const [done] = await sql<{ status: string }>(`select status from "Application" where id = $1`, [app!.id]);
  expect(done!.status).toBe('FORMAL_CHECK_PASSED');
});

test('an expired session while drafting: the text survives and is saved after signing in again', async ({
  browser,
}) => {
  const email = `draft.${Date.now()}@e2e.jingyan.test`;
  const userId = await createResearcher(email, '会话测试', { birthDate: '1990-05-01', title: 'INTERMEDIATE' });
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await startGeneral(page);
  await page.getByLabel('项目名称', { exact: true }).fill('会话过期前的题目');
  await waitSaved(page);

  // The session ends on the server (signed out elsewhere, or timed out) while she keeps typing.
  await sql(`update "Session" set "revokedAt" = now() where "userId" = $1`, [userId]);
  const url = page.url();
  await page.getByLabel('中文摘要').fill('会话过期后才输入的摘要，不能丢。');
  // The next autosave finds the session over: the page says so, and that the text is kept in this browser.
  await expect(page.getByRole('alert').filter({ hasText: '您输入的内容已保存在本机浏览器中' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('link', { name: '在新窗口重新登录' })).toBeVisible();
  // She closes the tab without saving, signs in again and comes back: what she typed is offered back.
  await page.close();
  const again = await context.newPage();
  await login(again, email);
  await again.goto(url);
  await expect(again.getByLabel('中文摘要')).toHaveValue('');
  await again.getByRole('button', { name: '恢复这些内容' }).click();
  await expect(again.getByLabel('中文摘要')).toHaveValue('会话过期后才输入的摘要，不能丢。');
  await waitSaved(again);
  const [row] = await sql<{ abstract: string }>(`select abstract from "Application" where "applicantId" = $1`, [
    userId,
  ]);
  expect(row!.abstract).toBe('会话过期后才输入的摘要，不能丢。');
  await context.close();
});

test('one draft open in two browsers: the second save is refused as stale, nothing is overwritten, and it resolves', async ({
  browser,
}) => {
  const email = `twotabs.${Date.now()}@e2e.jingyan.test`;
  const userId = await createResearcher(email, '双窗口测试', { birthDate: '1990-05-01', title: 'INTERMEDIATE' });
  const first = await (await browser.newContext()).newPage();
  await login(first, email);
  await startGeneral(first);
  const url = first.url();
  const second = await (await browser.newContext()).newPage();
  await login(second, email);
  await second.goto(url);

  // The first browser saves; the second still holds the old version and types on.
  await first.getByLabel('项目名称', { exact: true }).fill('第一个窗口的题目');
  await waitSaved(first);
  await second.getByLabel('中文摘要').fill('第二个窗口写的摘要。');
  await expect(second.getByRole('alert').filter({ hasText: '此申报书已在其他窗口或设备上修改过' })).toBeVisible({
    timeout: 15_000,
  });
  const [stored] = await sql<{ title: string; abstract: string }>(
    `select title, abstract from "Application" where "applicantId" = $1`,
    [userId],
  );
  expect(stored).toEqual({ title: '第一个窗口的题目', abstract: '' });

  // Resolving: reload shows the saved version and offers the typed text back; keeping it saves it.
  await second.getByRole('button', { name: '重新载入' }).click();
  await expect(second.getByLabel('项目名称', { exact: true })).toHaveValue('第一个窗口的题目');
  await second.getByRole('button', { name: '恢复这些内容' }).click();
  await expect(second.getByLabel('中文摘要')).toHaveValue('第二个窗口写的摘要。');
  await waitSaved(second);
  const [resolved] = await sql<{ abstract: string }>(`select abstract from "Application" where "applicantId" = $1`, [
    userId,
  ]);
  expect(resolved!.abstract).toBe('第二个窗口写的摘要。');
  await first.context().close();
  await second.context().close();
});

test('in a program that reviews blind, the attachments say not to name the team in them', async ({ page }) => {
  const email = `blindhint.${Date.now()}@e2e.jingyan.test`;
  const userId = await createResearcher(email, '匿名提示', { birthDate: '1990-05-01', title: 'INTERMEDIATE' });
  await login(page, email);
  await startGeneral(page);
  await expect(page.getByText('本计划实行匿名评审')).toHaveCount(0);
  // This draft alone moves to a copy of its rules that reviews blind (other tests share the call's rules).
  await sql(
    `with copy as (
       insert into "ProgramRuleVersion" (id, "programId", number, rules, "createdById")
       select gen_random_uuid(), v."programId", 100000 + floor(random() * 800000)::int,
              jsonb_set(v.rules, '{mailReview,blind}', 'true'), v."createdById"
         from "ProgramRuleVersion" v join "Application" a on a."ruleVersionId" = v.id where a."applicantId" = $1
       returning id)
     update "Application" set "ruleVersionId" = (select id from copy) where "applicantId" = $1`,
    [userId],
  );
  await page.reload();
  await expect(page.getByText(/本计划实行匿名评审.*请勿在附件正文/)).toBeVisible();
});
