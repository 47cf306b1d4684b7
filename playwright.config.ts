import { defineConfig, devices } from '@playwright/test';

// Browser tests run against the production build (`next start`) on a database scripts/test.ts prepared, in
// Debian's Chromium: Playwright's own browser download is never used (it cannot reach its CDN here).
const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // Two instances of the same build on the same database: sessions must work on either (scale-out by replicas).
  webServer: [port, port + 1].map((p) => ({
    // `npm start` as production runs it (scripts/start.ts: with DATABASE_URL it is plain `next start`).
    command: `node --import tsx --conditions=react-server scripts/start.ts`,
    url: `http://localhost:${p}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { ...(process.env as Record<string, string>), PORT: String(p), NEXT_TELEMETRY_DISABLED: '1' },
  })),
});
