import { chromium } from '@playwright/test';
const base = 'http://localhost:3200';
const [,, email, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const locale of ['zh-CN', 'en']) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.getByLabel(locale === 'en' ? /电子邮箱|Email/ : '电子邮箱').fill(email);
  await page.getByLabel(/密码|Password/).fill('Jingyan@2026');
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  for (const p of paths) {
    await page.goto(base + p);
    const name = `${email.split('@')[0]}-${p.replace(/[^a-z0-9]/gi, '_').slice(-40)}-${locale}.png`;
    await page.screenshot({ path: '/tmp/shots/' + name, fullPage: true });
    console.log(name);
  }
  await ctx.close();
}
await browser.close();
