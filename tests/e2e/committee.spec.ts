import { expect, test, type Browser } from '@playwright/test';
import { expectAccessible, freshPage as blankPage, login } from './support';

/**
 * A new browser in Chinese, by an explicit choice (the language cookie), so the accounts' saved language — which
 * tests/e2e/i18n.spec.ts switches for the staff account while it runs in parallel — does not change this test's pages.
 */
async function freshPage(browser: Browser) {
  const page = await blankPage(browser);
  const { origin } = new URL(test.info().project.use.baseURL!);
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: origin }]);
  return page;
}

// 选题 through the real UI: a researcher proposes a bottom-up topic; staff open scoring; two members of the
// advisory committee score it (the second sees the first's score only after submitting); staff select it and turn it
// into a challenge list with one action; staff complete the draft and publish it; a visitor finds it on the board.
test.setTimeout(120_000);

test('a bottom-up topic is scored by two members and becomes a published challenge', async ({ browser }) => {
  const title = `钙钛矿叠层电池的稳定性机理 ${Date.now()}`;

  const researcher = await freshPage(browser);
  await login(researcher, 'researcher@demo.jingyan.cn');
  await researcher.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '选题建议' }).click();
  const propose = researcher.getByRole('form', { name: '提出选题建议' });
  await propose.getByLabel('选题名称').fill(title);
  await propose.getByRole('button', { name: '提交选题' }).click();
  // Wrong input keeps what was typed and names the field.
  await expect(propose.getByText('此项为必填项。').first()).toBeVisible();
  await expect(propose.getByLabel('选题名称')).toHaveValue(title);
  await propose.getByLabel('领域').selectOption({ label: '先进功能材料' });
  await propose.getByLabel('背景与问题').fill('钙钛矿/晶硅叠层电池效率已超过单结极限，但长期运行稳定性不足。');
  await propose.getByLabel('研究目标').fill('揭示叠层界面的离子迁移与相分离机理，提出稳定化策略。');
  await propose.getByLabel('预期影响').fill('支撑北京新能源产业的下一代光伏技术。');
  await propose.getByLabel('建议形式').selectOption({ label: '揭榜挂帅榜单' });
  await propose.getByRole('button', { name: '提交选题' }).click();
  await expect(researcher.getByText('选题建议已提交。')).toBeVisible();
  await expect(researcher.getByRole('row', { name: new RegExp(title) })).toContainText('已提交');
  await expectAccessible(researcher);
  await researcher.close();

  const staff = await freshPage(browser);
  await login(staff, 'staff@demo.jingyan.cn');
  await staff.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '战略咨询委员会' }).click();
  await staff.getByRole('link', { name: title }).click();
  await staff.getByRole('button', { name: '开启评分' }).click();
  // The button gives way to the scoring state (its own notice goes with it when the page refreshes).
  await expect(staff.getByText('评分中').first()).toBeVisible();
  await expect(staff.getByRole('button', { name: '开启评分' })).toHaveCount(0);
  const topicUrl = new URL(staff.url()).pathname;

  for (const [email, score, comment] of [
    ['committee@demo.jingyan.cn', '9', '问题重要，基础研究价值突出。'],
    ['committee2@demo.jingyan.cn', '7', '产业需求明确，建议设置可量化的稳定性指标。'],
  ] as const) {
    const member = await freshPage(browser);
    await login(member, email);
    await member.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '选题评分' }).click();
    await member.getByRole('link', { name: title }).click();
    if (email === 'committee2@demo.jingyan.cn') {
      await expect(member.getByText('提交您的评分后可看到其他委员的评分。')).toBeVisible();
    }
    const form = member.getByRole('form', { name: '您的评分' });
    await form.getByLabel('评分（1–10）').fill('11');
    await form.getByLabel('评分意见').fill(comment);
    await form.getByRole('button', { name: '提交评分' }).click();
    await expect(form.getByText('请输入 1 到 10 之间的数。')).toBeVisible();
    await form.getByLabel('评分（1–10）').fill(score);
    await form.getByRole('button', { name: '提交评分' }).click();
    await expect(member.getByText(`您已提交：${score} 分`)).toBeVisible();
    if (email === 'committee2@demo.jingyan.cn') await expect(member.getByText('赵永刚：9')).toBeVisible();
    await expectAccessible(member);
    await member.close();
  }

  await staff.goto(topicUrl);
  await expect(staff.getByText('平均分：8.00')).toBeVisible();
  const decide = staff.getByRole('form', { name: '作出决定' });
  await decide.getByLabel('决定').selectOption({ label: '入选' });
  await decide.getByLabel('说明').fill('两位委员评分较高，予以入选，转化为揭榜挂帅榜单。');
  await decide.getByRole('button', { name: '提交决定' }).click();
  const convert = staff.getByRole('form', { name: '转化为申报或榜单' });
  await expect(convert.getByLabel('领域')).toHaveValue(/.+/);
  await convert.getByLabel('财政资金（万元）').fill('600');
  await convert.getByRole('button', { name: '转化' }).click();
  await staff.waitForURL(/\/commission\/challenges\/[0-9a-f-]{36}$/);
  await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(staff.getByRole('link', { name: `来自选题：${title}` })).toBeVisible();

  // Staff complete the draft (targets, deliverable, chief scientist) and publish it into the open key-project call.
  const edit = staff.getByRole('form', { name: '榜单内容' });
  await edit.getByRole('button', { name: '添加指标' }).click();
  await edit.getByLabel('指标 1').fill('1000 小时光照老化后效率保持率');
  await edit.getByLabel('目标值').fill('95');
  await edit.getByLabel('单位').fill('%');
  await edit.getByLabel('验收方式', { exact: true }).fill('第三方检测机构按 IEC 61215 测试');
  await edit.getByRole('button', { name: '添加成果' }).click();
  await edit.getByLabel('成果 1').fill('稳定化叠层电池样品与机理研究报告');
  await edit.getByLabel('首席科学家要求', { exact: true }).fill('正高级职称，具有光伏器件研究经历');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit.getByRole('status')).toHaveText('榜单已保存。');
  await staff.getByRole('button', { name: '提交审核' }).click();
  await expect(staff.getByText('待审核').first()).toBeVisible();
  await staff.getByLabel('发布到申报').selectOption({ index: 0 });
  await staff.getByRole('button', { name: '发布', exact: true }).click();
  await expect(staff.getByText('该榜单已发布。')).toBeVisible();
  await staff.goto(topicUrl);
  await expect(staff.getByRole('link', { name: `已转化为榜单：${title}` })).toBeVisible();
  await staff.close();

  const visitor = await freshPage(browser);
  await visitor.goto('/challenges');
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await visitor.close();
});
