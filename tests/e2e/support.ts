import AxeBuilder from '@axe-core/playwright';
import { hash } from '@node-rs/argon2';
import { expect, type Browser, type Page } from '@playwright/test';
import pg from 'pg';

export const PASSWORD = 'Jingyan@2026';

export const ACCOUNTS = {
  researcher: { email: 'researcher@demo.jingyan.cn', role: '科研人员', home: '/researcher' },
  young: { email: 'young@demo.jingyan.cn', role: '科研人员', home: '/researcher' },
  office: { email: 'office@demo.jingyan.cn', role: '依托单位科研管理部门', home: '/office' },
  staff: { email: 'staff@demo.jingyan.cn', role: '市教委工作人员', home: '/commission' },
  expert: { email: 'expert@demo.jingyan.cn', role: '科研人员', home: '/researcher' },
  intlExpert: { email: 'intl.expert@demo.jingyan.cn', role: 'Expert reviewer', home: '/reviewer' },
  committee: { email: 'committee@demo.jingyan.cn', role: '战略咨询专家委员会委员', home: '/committee' },
  enterprise: { email: 'enterprise@demo.jingyan.cn', role: '发榜方 / 合作企业', home: '/enterprise' },
  sysadmin: { email: 'sysadmin@demo.jingyan.cn', role: '系统管理员', home: '/admin' },
  secadmin: { email: 'secadmin@demo.jingyan.cn', role: '安全管理员', home: '/admin' },
  auditor: { email: 'auditor@demo.jingyan.cn', role: '审计管理员', home: '/admin' },
} as const;

/** A fresh browser context and page (a separate visitor; axe needs pages made this way). */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Logs in through the real form (Chinese labels) and waits for the dashboard. */
export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // /dashboard redirects on to the role's home: wait until the portal has settled there. The login page's own
  // refresh (its server action sets the language cookie) can reach the home by a soft navigation first; the form's
  // full navigation follows, so wait for a document that was not loaded as /login.
  await page.waitForURL((url) => !/^\/(login|dashboard)/.test(url.pathname));
  await expect
    .poll(() =>
      page
        .evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name ?? '',
        )
        .catch(() => 'navigating'),
    )
    .not.toMatch(/\/login|^navigating$/);
  await page.waitForLoadState('load');
}

/** axe-core inside the page: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}

/** Direct database access for arranging test situations (an idle session, a fresh account). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A throwaway account with one unscoped role, so a test can lock or change it without disturbing others. */
export async function createAccount(email: string, role: string, name = '测试用户') {
  const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const [user] = await sql<{ id: string }>(
    `insert into "User" (id, email, name, "passwordHash", "updatedAt") values (gen_random_uuid(), $1, $2, $3, now()) returning id`,
    [email, name, passwordHash],
  );
  await sql(`insert into "RoleAssignment" (id, "userId", role) values (gen_random_uuid(), $1, $2::"Role")`, [
    user!.id,
    role,
  ]);
  return user!.id;
}

/**
 * A throwaway researcher of 北京工业大学 with a filled profile, so a test can change her language, records and
 * applications without disturbing the demo accounts other tests (run in parallel) log in as.
 */
export async function createResearcher(email: string, name: string, profile: { birthDate: string; title: string }) {
  const userId = await createAccount(email, 'RESEARCHER', name);
  const [bjut] = await sql<{ id: string }>(`select id from "Institution" where name = '北京工业大学'`);
  await sql(`update "RoleAssignment" set "institutionId" = $1 where "userId" = $2`, [bjut!.id, userId]);
  await sql(
    `insert into "ResearcherProfile" ("userId", "institutionId", department, gender, "birthDate", title, degree,
       "disciplineCodes", keywords, "updatedAt")
     values ($1, $2, '物理与光电工程学院', 'FEMALE', $3::date, $4::"ProfessionalTitle", 'DOCTORATE', '{140}', '{量子材料}', now())`,
    [userId, bjut!.id, profile.birthDate, profile.title],
  );
  return userId;
}

/** The id Next.js gave a server action in this build: lets a test call an action directly, as an attacker would. */
export { serverActionId } from '../../scripts/lib/action-manifest';
