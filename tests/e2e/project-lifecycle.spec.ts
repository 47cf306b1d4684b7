import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, login, sql } from './support';

// From review to a closed project, through the real UI, on the demo's horse-race round (prisma/seed-horse-race.ts):
// a panel votes on both teams; staff fund both (赛马制) and publish; the public notice shows them, someone objects and
// staff dismiss it; the period ends (the notice's dates are moved into the past, as five working days would); the
// task books are confirmed by PI, institution and commission and the projects start; a tranche is paid; the mid-term
// race keeps team A and cuts team B, moving B's unpaid money to A; team A files its final expenditure report and its
// final report, and staff accept it.
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const CALL = '2026年度重点项目（揭榜挂帅）申报指南（演示·评审阶段）';
const CHALLENGE = '面向智能终端的存算一体芯片关键技术（赛马制，演示）';
const TEAM_A = '基于阻变存储器的存算一体阵列与片上学习';
const TEAM_B = '面向端侧大模型推理的SRAM存内计算宏单元';
const EXPERTS = ['expert4@demo.jingyan.cn', 'expert5@demo.jingyan.cn', 'expert6@demo.jingyan.cn'];

let codeA = '';
let codeB = '';
let applicationA = '';
let meetingUrl = '';
let projectA = '';
let projectB = '';

/** One logged-in page per account, kept for the whole file (each its own browser context). */
const pages = new Map<string, Page>();
async function as(browser: Browser, email: string): Promise<Page> {
  const existing = pages.get(email);
  if (existing) return existing;
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  pages.set(email, page);
  return page;
}

/** A button told apart by its screen-reader suffix ("开始表决：JY2026-KEY-0001"). */
const named = (label: string, subject: string) => ({ name: new RegExp(`^${label}\\s*：${subject}`) });

/** Accept the confirmation dialogs of irreversible steps. */
function acceptDialogs(page: Page) {
  if (!(page as Page & { __accepts?: boolean }).__accepts) {
    page.on('dialog', (d) => void d.accept());
    (page as Page & { __accepts?: boolean }).__accepts = true;
  }
}

test.beforeAll(async () => {
  const rows = await sql<{ id: string; title: string; code: string }>(
    `select id, title, code from "Application" where title = any($1)`,
    [[TEAM_A, TEAM_B]],
  );
  codeA = rows.find((r) => r.title === TEAM_A)!.code;
  applicationA = rows.find((r) => r.title === TEAM_A)!.id;
  codeB = rows.find((r) => r.title === TEAM_B)!.code;
});

test.afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

test('a panel meets, the members vote online, and both teams pass by two thirds', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  acceptDialogs(staff);
  await staff.goto('/commission/panels');
  await staff.getByRole('button', { name: `新建评审会议：${CALL}` }).click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByLabel('会议名称').fill('存算一体芯片榜单会议评审');
  await dialog.getByLabel('开始时间').fill('2026-12-10T09:00');
  await dialog.getByLabel('结束时间').fill('2026-12-10T12:00');
  await dialog.getByLabel('会议地点').fill('市教委第一会议室');
  await dialog.getByRole('button', { name: '新建会议' }).click();
  await staff.waitForURL(/\/commission\/panels\/[0-9a-f-]{36}$/);
  meetingUrl = new URL(staff.url()).pathname;

  const addMember = staff.getByRole('form', { name: '添加委员' });
  for (const [i, name] of ['周立新', '何静', '马超'].entries()) {
    const person = addMember.getByLabel('人员');
    await person.selectOption((await person.locator('option', { hasText: name }).getAttribute('value'))!);
    await addMember.getByLabel('会议职务').selectOption(i === 0 ? 'CHAIR' : 'MEMBER');
    await addMember.getByRole('button', { name: '添加委员' }).click();
    await expect(staff.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await staff.getByRole('button', { name: '生成议程' }).click();
  await expect(staff.getByRole('cell', { name: new RegExp(`^${codeA} `) })).toBeVisible();
  await expectAccessible(staff);

  await staff.getByRole('button', { name: '开始会议' }).click();
  for (const name of ['周立新', '何静', '马超']) {
    await staff.getByRole('button', named('登记到会', name)).click();
    await expect(staff.getByRole('button', named('登记未到会', name))).toBeVisible();
  }

  // Team A: three for. Team B: two for, one against — 2 of 3 present is two thirds.
  for (const [code, votes] of [
    [codeA, ['同意', '同意', '同意']],
    [codeB, ['同意', '同意', '不同意']],
  ] as const) {
    await staff.getByRole('button', named('开始表决', code)).click();
    await expect(staff.getByRole('button', named('结束表决', code))).toBeVisible();
    for (const [i, email] of EXPERTS.entries()) {
      const expert = await as(browser, email);
      await expert.goto(meetingUrl.replace('/commission/', '/reviewer/'));
      const form = expert.getByRole('form', { name: new RegExp(`对“${code}`) });
      await form.getByLabel(votes[i]!, { exact: true }).check();
      await form.getByRole('button', { name: '提交表决' }).click();
      await expect(expert.getByText(/您已投票/).first()).toBeVisible();
    }
    await staff.reload();
    await expect(staff.getByText(/已投 3 票/)).toBeVisible();
    await staff.getByRole('button', named('结束表决', code)).click();
    await expect(staff.getByRole('row', { name: new RegExp(code) }).getByText('通过', { exact: true })).toBeVisible();
  }
  await staff.getByRole('button', { name: '结束会议' }).click();
  await expect(staff.getByRole('button', { name: '开始表决' })).toHaveCount(0);
  const minutes = staff.getByRole('form', { name: '会议纪要' });
  await minutes.getByLabel('纪要正文').fill('会议听取两支团队汇报，经表决，两项申请均获通过，建议按赛马制并行资助。');
  await minutes.getByRole('button', { name: '保存纪要' }).click();
  await expect(minutes.getByText('纪要已保存。')).toBeVisible();
});

test('staff fund both teams for less than asked, and release the batch to a public notice', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/decisions');
  await staff.getByRole('link', { name: CALL }).click();
  for (const code of [codeA, codeB]) {
    await staff.getByRole('button', { name: new RegExp(`^作出决定：${code}`) }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('决定', { exact: true }).selectOption('FUND');
    // More than asked is refused on the field, and what was typed stays.
    await dialog.getByLabel('资助财政经费（万元）').fill('450');
    await dialog.getByLabel('决定理由').fill('会议评审通过，按赛马制并行资助，财政经费按批次总额调整。');
    await dialog.getByRole('button', { name: '保存决定草稿' }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: '不能超过' }).first()).toBeVisible();
    await expect(dialog.getByLabel('决定理由')).toHaveValue(/会议评审通过/);
    await dialog.getByLabel('资助财政经费（万元）').fill('200');
    await dialog.getByRole('button', { name: '保存决定草稿' }).click();
    await expect(dialog).toBeHidden();
  }
  const publish = staff.getByRole('form', { name: '发布立项决定并公示' });
  await publish.getByRole('button', { name: /发布 2 项决定并公示/ }).click();
  // Staff land on the notice just opened: both funded teams, the period counted in working days.
  await staff.waitForURL(/\/commission\/notices\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole('heading', { level: 1, name: `${CALL}立项公示` })).toBeVisible();
  await expect(staff.getByText(/5 个工作日/).first()).toBeVisible();
  await expectAccessible(staff);
});

test('anyone reads the notice and objects by real name; staff look into it and dismiss it', async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/notices');
  await visitor.getByRole('link', { name: new RegExp(CALL.slice(0, 12)) }).click();
  await expect(visitor.getByRole('cell', { name: TEAM_A })).toBeVisible();
  await expect(visitor.getByRole('cell', { name: TEAM_B })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.locator('summary', { hasText: codeB }).click();
  const form = visitor.getByRole('form', { name: new RegExp(`对 ${codeB}`) });
  await form.getByLabel('真实姓名').fill('张明');
  await form.getByRole('button', { name: '提交异议' }).click();
  await expect(form.getByText(/至少填写一项|电话或电子邮箱/).first()).toBeVisible();
  await form.getByLabel('电话').fill('13800138000');
  await form.getByLabel('异议内容').fill('该团队负责人同期承担另一揭榜挂帅项目，请核查是否符合首席科学家负责制要求。');
  await form.getByRole('button', { name: '提交异议' }).click();
  await expect(visitor.getByText(/异议已提交/)).toBeVisible();
  await visitor.context().close();

  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/notices');
  await staff
    .getByRole('link', { name: new RegExp(CALL.slice(0, 12)) })
    .first()
    .click();
  await staff.getByRole('button', { name: new RegExp(`开始处理：张明 对 ${codeB}`) }).click();
  await staff.getByRole('button', { name: new RegExp(`驳回异议：张明 对 ${codeB}`) }).click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByLabel('驳回理由').fill('经核查，该负责人未承担其他揭榜挂帅项目，异议不成立。');
  await dialog.getByRole('button', { name: '确认驳回' }).click();
  await expect(staff.getByText('已驳回').first()).toBeVisible();
});

test('when the period ends the decisions become final and two projects are born', async ({ browser }) => {
  // Five working days pass: the notice's period is moved into the past, as the calendar would have it.
  await sql(
    `update "Notice" set "startsOn" = current_date - 9, "endsOn" = current_date - 2 where "callId" =
       (select id from "Call" where title = $1)`,
    [CALL],
  );
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/notices');
  await expect(staff.getByText('公示期已结束').or(staff.getByText('已结束')).first()).toBeVisible();
  await staff.goto('/commission/projects');
  await expect(staff.getByRole('link', { name: TEAM_A })).toBeVisible();
  await expect(staff.getByRole('link', { name: TEAM_B })).toBeVisible();
  const rows = await sql<{ id: string; title: string }>(`select id, title from "Project" where title = any($1)`, [
    [TEAM_A, TEAM_B],
  ]);
  projectA = rows.find((r) => r.title === TEAM_A)!.id;
  projectB = rows.find((r) => r.title === TEAM_B)!.id;
});

test('the task books are confirmed by PI, institution and commission, and the projects start', async ({ browser }) => {
  const office = await as(browser, 'office@demo.jingyan.cn');
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  for (const [pi, id] of [
    ['qian.feng@demo.jingyan.cn', projectA],
    ['lin.tao@demo.jingyan.cn', projectB],
  ] as const) {
    const researcher = await as(browser, pi);
    if (id === projectA) {
      // Team A's PI goes from the application: the decision in force, and the way into the project it became.
      await researcher.goto(`/researcher/applications/${applicationA}`);
      const decision = researcher
        .locator('section')
        .filter({ has: researcher.getByRole('heading', { name: '立项决定', exact: true }) });
      await expect(decision.getByText('已生效')).toBeVisible();
      await decision.getByRole('link', { name: /^进入项目/ }).click();
    } else {
      await researcher.goto('/researcher/projects');
      await researcher.getByRole('link', { name: TEAM_B }).click();
    }
    // The challenge's targets are the KPIs, copied.
    await expect(researcher.getByText('能效').first()).toBeVisible();
    await researcher.getByRole('button', { name: '确认任务书' }).click();
    await expect(researcher.getByText(/您方已确认/)).toBeVisible();

    await office.goto(`/office/projects/${id}`);
    await office.getByRole('button', { name: '代表依托单位确认任务书' }).click();
    await expect(office.getByText(/您方已确认/).first()).toBeVisible();

    await staff.goto(`/commission/projects/${id}`);
    await staff.getByRole('button', { name: '代表市教委确认任务书' }).click();
    await staff.getByRole('button', { name: '启动项目' }).click();
    await expect(staff.getByText('执行中').first()).toBeVisible();
  }
  await expectAccessible(staff);
});

test('the first fiscal tranche is approved and paid with its voucher number', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto(`/commission/projects/${projectA}/money`);
  await staff.getByRole('button', { name: '批准：财政资金第 1 批' }).click();
  await staff.getByRole('button', { name: '确认到账：财政资金第 1 批' }).click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认到账' }).click();
  await expect(dialog.getByText(/凭证号/).first()).toBeVisible();
  await dialog.getByLabel('付款凭证号').fill('JJ-2026-12-0001');
  await dialog.getByRole('button', { name: '确认到账' }).click();
  await expect(dialog).toBeHidden();
  await expect(staff.getByRole('row', { name: /第 1 批 财政资金/ }).getByText('已拨付')).toBeVisible();
  await expect(staff.getByText('账目一致').first()).toBeVisible();
});

test('the mid-term race compares the two teams side by side and cuts the weaker one', async ({ browser }) => {
  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto('/commission/races');
  await staff.getByRole('button', { name: `开启比选：${CHALLENGE}` }).click();
  // The round opens on its own page (the teams' mid-terms are open now).
  await expect(staff.getByRole('heading', { level: 1, name: `赛马制比选：${CHALLENGE}` })).toBeVisible();
  const roundUrl = new URL(staff.url()).pathname;

  for (const [pi, id, onTrack] of [
    ['qian.feng@demo.jingyan.cn', projectA, '按计划'],
    ['lin.tao@demo.jingyan.cn', projectB, '滞后'],
  ] as const) {
    const researcher = await as(browser, pi);
    await researcher.goto(`/researcher/projects/${id}/checks`);
    const form = researcher.getByRole('form', { name: '提交进展报告' });
    await form.getByLabel('进展概述').fill('完成首轮流片与阵列测试，能效与精度指标测试按计划推进。');
    for (const input of await form.getByLabel('进展', { exact: true }).all()) await input.fill('完成阶段测试');
    for (const select of await form.getByLabel('是否按计划').all()) await select.selectOption({ label: onTrack });
    await form.getByRole('button', { name: '提交报告' }).click();
    await expect(researcher.getByText('进展报告已提交。')).toBeVisible();

    await staff.goto(`/commission/projects/${id}/checks`);
    const assess = staff.getByRole('form', { name: '评定' });
    await assess.getByLabel('评分').fill(id === projectA ? '90' : '68');
    await assess
      .getByLabel('评定意见')
      .fill(id === projectA ? '阵列能效领先，进度符合任务书。' : '宏单元精度损失偏大，节点滞后。');
    await assess.getByRole('button', { name: '提交评定' }).click();
    // Saved when the form gives way to the assessment on record (the text in the form's own select proves nothing;
    // moving on before this would abort the action on a slow machine).
    await expect(assess).toHaveCount(0);
    await expect(staff.getByText('评定人').first()).toBeVisible();
  }

  await staff.goto(roundUrl);
  await expect(staff.getByRole('heading', { name: new RegExp('团队并排比较') })).toBeVisible();
  await expect(staff.getByText(TEAM_A).first()).toBeVisible();
  await expect(staff.getByText(TEAM_B).first()).toBeVisible();
  await expectAccessible(staff);
  await staff
    .getByLabel('比选理由')
    .fill('团队A中期评分90分，指标均按计划；团队B评分68分且节点滞后，按榜单约定保留一支团队。');
  await staff.getByRole('button', { name: '作出比选决定' }).click();
  await expect(staff.getByText(/比选已决定|决定人/).first()).toBeVisible();

  const [a] = await sql<{ status: string }>(`select status from "Project" where id = $1`, [projectA]);
  const [b] = await sql<{ status: string }>(`select status from "Project" where id = $1`, [projectB]);
  expect([a!.status, b!.status]).toEqual(['ACTIVE', 'CUT']);
  // B's unpaid money now sits with A, each move pointing both ways.
  const moved = await sql<{ n: string }>(
    `select count(*)::text as n from "Tranche" where "projectId" = $1 and "reallocatedFromId" is not null`,
    [projectA],
  );
  expect(Number(moved[0]!.n)).toBeGreaterThan(0);

  // Team B's PI reads the result on the project page: both ranks and outcomes, but only B's own score.
  const lin = await as(browser, 'lin.tao@demo.jingyan.cn');
  await lin.goto(`/researcher/projects/${projectB}`);
  const result = lin.getByRole('table', { name: '赛马制比选排名' });
  await expect(result.getByRole('row').filter({ hasText: TEAM_A })).toContainText('继续执行');
  await expect(result.getByRole('row').filter({ hasText: TEAM_B })).toContainText('淘汰');
  await expect(result.getByRole('row').filter({ hasText: TEAM_B })).toContainText('68');
  await expect(result.getByRole('row').filter({ hasText: TEAM_A })).not.toContainText('90');
  // The issuing enterprise sees every figure.
  const enterprise = await as(browser, 'enterprise@demo.jingyan.cn');
  await enterprise.goto(`/enterprise/projects/${projectA}`);
  await expect(
    enterprise.getByRole('table', { name: '赛马制比选排名' }).getByRole('row').filter({ hasText: TEAM_A }),
  ).toContainText('90');
  await expectAccessible(lin);
});

test('the remaining team files its final reports and passes acceptance', async ({ browser }) => {
  const qian = await as(browser, 'qian.feng@demo.jingyan.cn');
  const [end] = await sql<{ last: string }>(
    `select extract(year from "endDate")::text as last from "Project" where id = $1`,
    [projectA],
  );
  const last = end!.last;
  await qian.goto(`/researcher/projects/${projectA}/money`);
  const report = qian.getByRole('form', { name: '填报年度经费支出报告' });
  await report.getByLabel('年度', { exact: true }).selectOption(last);
  await report.getByLabel('本年度支出合计（万元）').fill('5');
  await report.getByRole('button', { name: '增加一行' }).click();
  await report.getByLabel('科目').first().selectOption({ label: '业务费' });
  await report.getByLabel('来源').first().selectOption({ label: '财政资金' });
  await report.getByLabel('金额（万元）').first().fill('5');
  await report.getByRole('button', { name: '提交报告' }).click();
  await expect(qian.getByText('支出报告已提交。')).toBeVisible();

  await qian.goto(`/researcher/projects/${projectA}/acceptance`);
  const final = qian.getByRole('form', { name: '结题报告' });
  await final
    .getByLabel('报告正文')
    .fill('项目完成存算一体阵列芯片研制，能效与精度指标均达到榜单要求，形成论文与专利成果。');
  for (const input of await final.getByLabel('完成值').all()) await input.fill('达到');
  for (const select of await final.getByLabel('完成情况').all()) await select.selectOption({ label: '已完成' });
  await final.getByRole('button', { name: '提交结题报告' }).click();
  await expect(qian.getByText(/结题报告已提交/)).toBeVisible();

  const staff = await as(browser, 'staff@demo.jingyan.cn');
  await staff.goto(`/commission/projects/${projectA}/acceptance`);
  const decide = staff.getByRole('form', { name: '验收决定' });
  await decide.getByLabel('验收结论').selectOption({ label: '通过' });
  await decide.getByLabel('专家意见').fill('专家组现场测试，各项指标均达到榜单要求，同意通过验收。');
  await decide.getByRole('button', { name: '提交决定' }).click();
  await expect(staff.getByText('已决定').first()).toBeVisible();
  // The long-cycle review is on the books, and the project is closed.
  await expect(staff.getByRole('button', { name: /完成长周期评价/ })).toBeVisible();
  await staff.goto('/commission/projects');
  await expect(staff.getByRole('row', { name: new RegExp(TEAM_A) }).getByText('已结题')).toBeVisible();
  await expect(staff.getByRole('row', { name: new RegExp(TEAM_B) }).getByText('赛马制终止')).toBeVisible();
  await expectAccessible(staff);
});
