import { expect, test } from '@playwright/test';
import path from 'node:path';
import { createAccount, createResearcher, expectAccessible, freshPage, login } from './support';

// Valid (check character verified with idNumberCheckChar) and used nowhere else in the seed or the tests.
const ID_NUMBER = '110108199308154026';
const ID_NUMBER_WRONG_CHECK = '110108199308154027';
const fixture = (name: string) => path.join(process.cwd(), 'tests/fixtures', name);

test('a young researcher records her ID number, history, honours and representative works', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  await login(page, 'young@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '经历与代表作' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '经历与代表作' })).toBeVisible();
  // The page says why the contribution statement matters.
  await expect(page.getByText(/“本人贡献说明”是专家逐字阅读的部分/)).toBeVisible();
  await expectAccessible(page);

  // ID number: a wrong check character is named on the field; a valid one is stored and shown masked.
  const idField = page.getByLabel(/^(新的)?身份证号$/);
  const saveId = page.getByRole('button', { name: /^(保存|更换)身份证号$/ });
  await idField.fill(ID_NUMBER_WRONG_CHECK);
  await saveId.click();
  await expect(page.getByText('身份证号格式或校验位不正确。')).toBeVisible();
  await expect(idField).toHaveValue(ID_NUMBER_WRONG_CHECK);
  await idField.fill(ID_NUMBER);
  await saveId.click();
  await expect(page.getByText('身份证号已保存。')).toBeVisible();
  await expect(page.getByText('1101**********4026')).toBeVisible();
  await expect(page.getByText(ID_NUMBER, { exact: true })).toHaveCount(0);
  // The input is never filled with the stored number; the owner sees it only on request.
  await expect(page.getByLabel('新的身份证号')).toHaveValue('');
  await expect(page.getByLabel('新的身份证号')).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: '显示完整号码' }).click();
  await expect(page.getByText(ID_NUMBER, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '隐藏完整号码' }).click();
  await expect(page.getByText('1101**********4026')).toBeVisible();

  // Education.
  const school = `北京大学物理学院 ${stamp}`;
  await page.getByRole('button', { name: '添加经历' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('类型').selectOption({ label: '教育经历' });
  await dialog.getByLabel('学校').fill(school);
  await dialog.getByLabel('学位与专业').fill('博士，凝聚态物理');
  await dialog.getByLabel('开始日期').fill('2012-09-01');
  await dialog.getByLabel('结束日期').fill('2011-07-01');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog.getByText('最大值不能小于最小值。')).toBeVisible();
  await dialog.getByLabel('结束日期').fill('2017-07-01');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: school })).toContainText('2012-09-01 至 2017-07-01');

  // An honour, added and removed again after a confirmation.
  const honour = `北京市科技新星计划 ${stamp}`;
  await page.getByRole('button', { name: '添加荣誉' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('荣誉或称号名称').fill(honour);
  await dialog.getByLabel('授予单位').fill('北京市科学技术委员会');
  await dialog.getByLabel('年度').fill('2021');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: honour })).toContainText('北京市科学技术委员会');
  page.once('dialog', (confirm) => confirm.accept());
  await page.getByRole('button', { name: `删除：${honour}` }).click();
  await expect(page.getByRole('row').filter({ hasText: honour })).toHaveCount(0);

  // A paper with its evidence. A too-short contribution statement is named on its field and nothing typed is lost.
  const paper = `界面超导中的拓扑激发 ${stamp}`;
  await page.getByRole('button', { name: '添加代表作' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('成果类型').selectOption({ label: '论文' });
  await dialog.getByLabel('题目 / 名称').fill(paper);
  await dialog.getByLabel('作者', { exact: true }).fill('李晓, 王建国');
  await dialog.getByLabel('发表载体').fill('物理学报');
  await dialog.getByLabel('年度').fill('2024');
  await dialog.getByLabel('标识号').fill('10.7498/aps.73.20240001');
  await dialog.getByLabel('本人贡献说明').fill('负责全部实验。');
  await dialog.getByLabel('证明材料（PDF）').setInputFiles(fixture('not-a-pdf.pdf'));
  await expect(dialog.getByText('只接受 PDF 文件（按文件内容判断）。')).toBeVisible();
  await dialog.getByLabel('证明材料（PDF）').setInputFiles(fixture('sample.pdf'));
  await expect(dialog.getByRole('link', { name: 'sample.pdf' })).toBeVisible();
  await expect(dialog.getByText('只接受 PDF 文件（按文件内容判断）。')).toHaveCount(0);
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog.getByLabel('本人贡献说明')).toHaveAccessibleDescription(/至少 20 字。/);
  await expect(dialog.getByText('至少 20 字。')).toBeVisible();
  await expectAccessible(page);
  await expect(dialog.getByLabel('题目 / 名称')).toHaveValue(paper);
  await expect(dialog.getByLabel('标识号')).toHaveValue('10.7498/aps.73.20240001');
  await expect(dialog.getByLabel('本人贡献说明')).toHaveValue('负责全部实验。');
  await expect(dialog.getByRole('link', { name: 'sample.pdf' })).toBeVisible();
  const statement = '提出界面应变调控方案，独立完成全部样品生长与低温输运实验，并撰写论文主体部分。';
  await dialog.getByLabel('本人贡献说明').fill(statement);
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
  const paperCard = page.getByRole('article', { name: paper });
  await expect(paperCard).toContainText('物理学报');
  await expect(paperCard).toContainText(statement);
  await expect(paperCard.getByRole('link', { name: 'sample.pdf' })).toHaveAttribute('href', /^\/api\/files\//);

  // A patent without evidence, then edited.
  const patent = `一种确定性单光子源的制备方法 ${stamp}`;
  await page.getByRole('button', { name: '添加代表作' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('成果类型').selectOption({ label: '专利' });
  await dialog.getByLabel('题目 / 名称').fill(patent);
  await dialog.getByLabel('作者', { exact: true }).fill('李晓, 张华');
  await dialog.getByLabel('年度').fill('2023');
  await dialog.getByLabel('标识号').fill('ZL202310000001.2');
  await dialog.getByLabel('本人贡献说明').fill('第一发明人：提出器件结构并完成原型制备与全部性能测试。');
  await dialog.getByRole('button', { name: '添加', exact: true }).click();
  await expect(dialog).toBeHidden();
  const patentCard = page.getByRole('article', { name: patent });
  await expect(patentCard).toContainText('专利');
  await expect(patentCard).toContainText('未上传');

  await patentCard.getByRole('button', { name: `编辑代表作：${patent}` }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('标识号')).toHaveValue('ZL202310000001.2');
  await dialog.getByLabel('发表载体').fill('国家知识产权局');
  await dialog.getByLabel('年度').fill('2022');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(patentCard).toContainText('国家知识产权局');
  await expect(patentCard).toContainText('2022 年');
});

test('commission staff record a research-integrity sanction and revoke it with a reason', async ({ page }) => {
  const stamp = Date.now();
  const email = `credit.${stamp}@e2e.jingyan.test`;
  await createAccount(email, 'RESEARCHER', '诚信测试');

  await login(page, 'staff@demo.jingyan.cn');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '科研诚信记录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '科研诚信记录' })).toBeVisible();

  await page.getByRole('button', { name: '新增记录' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('当事人邮箱').fill(`nobody.${stamp}@e2e.jingyan.test`);
  await dialog.getByLabel('认定事实').fill('在 2025 年度项目申报书中伪造研究数据。');
  await dialog.getByLabel('处理决定').fill('市教委 京教科〔2026〕12 号');
  await dialog.getByLabel('解除日期').fill('2099-12-31');
  await dialog.getByRole('button', { name: '保存记录' }).click();
  await expect(dialog.getByText('没有使用该邮箱的用户。')).toBeVisible();
  await expect(dialog.getByLabel('认定事实')).toHaveValue('在 2025 年度项目申报书中伪造研究数据。');
  await dialog.getByLabel('当事人邮箱').fill(email);
  await dialog.getByRole('button', { name: '保存记录' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('处理期内');
  await expect(row).toContainText('限制申报');
  await expect(row).toContainText('2099-12-31 解除');
  await expect(row).toContainText('陈立');
  await expectAccessible(page);

  await row.getByRole('button', { name: /^撤销诚信记录：诚信测试/ }).click();
  const revoke = page.getByRole('dialog');
  await revoke.getByRole('button', { name: '撤销记录' }).click();
  await expect(revoke.getByText('此项为必填项。')).toBeVisible();
  await revoke.getByLabel('撤销原因').fill('经复核，认定依据不足，原处理决定已撤销。');
  await revoke.getByRole('button', { name: '撤销记录' }).click();
  await expect(revoke).toBeHidden();
  await expect(row).toContainText('已撤销');
  await expect(row).toContainText('撤销原因：经复核，认定依据不足');
  await expect(row.getByRole('button', { name: /撤销/ })).toHaveCount(0);
});

test('the phone number is kept with the profile and a wrong one is named on its field', async ({ browser }) => {
  const email = `phone.${Date.now()}@e2e.jingyan.test`;
  await createResearcher(email, '电话测试', { birthDate: '1988-01-01', title: 'INTERMEDIATE' });
  const page = await freshPage(browser);
  await login(page, email);
  await page.goto('/researcher/profile');
  // The form puts the stored values into its fields once React has hydrated it; text typed before that lands beside
  // them (seen in CI under load), so wait for the stored department first.
  await expect(page.getByLabel('院系 / 部门')).not.toHaveValue('');
  await page.getByLabel('院系 / 部门').fill('信息学部');
  await page.getByLabel('联系电话').fill('电话 6739');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请输入有效的电话号码。')).toBeVisible();
  await expect(page.getByLabel('院系 / 部门')).toHaveValue('信息学部');
  await page.getByLabel('联系电话').fill('010-6739 2345');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('人才档案已保存。');
  await page.reload();
  await expect(page.getByLabel('联系电话')).toHaveValue('010-6739 2345');
  await page.close();
});
