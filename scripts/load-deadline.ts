// npm run load:deadline [-- --no-build] [--researchers=500] [--connections=50] — the deadline rush (issue 9):
// N researchers submit their application in the last minute before a call closes, over real HTTP against the
// production build (`next start` on loopback, one process), driven by autocannon; then one submits a second after
// the deadline. Checked: every on-time submission stored exactly once (status SUBMITTED, one version snapshot, one
// audit event, its own 申报编号), the late one refused with a Chinese message that names the deadline and nothing
// stored for it, no 5xx, no unexpected error logged, the audit chain intact. Prints p50/p95/max latency and the
// counts; exits 1 when a check fails. Database: a scratch one on DATABASE_URL's server (dropped at the end), else on
// the embedded PostgreSQL. The build in .next is reused when present (`npm run build` first; --build forces one).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDatabase, dropDatabase, ensureDatabaseServer } from './lib/database-server';
import {
  assertSubmittable,
  auditChainIntact,
  Checks,
  createLoadFixture,
  ensureBuild,
  ms,
  percentile,
  runSubmissions,
  startApp,
  storedState,
  submitActionId,
  submitOnce,
  type App,
} from './lib/load-fixture';
import { localAuthSecret } from './lib/local-secrets';
import { prepareDatabase } from './lib/prepare-database';
import { scriptClient } from './lib/prisma';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const RESEARCHERS = option('researchers', 500);
const CONNECTIONS = Math.min(50, option('connections', 50));
/** The rush starts this long before the deadline. */
const WINDOW_MS = 60_000;

const server = await ensureDatabaseServer();
const dbName = `jingyan_load_${process.pid}_${randomBytes(2).toString('hex')}`;
let app: App | undefined;
let exitCode = 1;
const secret = process.env.AUTH_SECRET ?? localAuthSecret();
try {
  const url = await createDatabase(server, dbName);
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret };
  ensureBuild(flag('no-build') ? false : flag('build') ? true : 'if-missing', env);
  const actionId = submitActionId();

  console.log(`[db] ${dbName}: migrations and demo data …`);
  await prepareDatabase(url, { seed: true, log: () => {} });
  // The app's modules (the pre-submission check, the audit walk) read the validated environment.
  Object.assign(process.env, { DATABASE_URL: url, AUTH_SECRET: secret });
  const client = scriptClient(url, 4);
  try {
    const t0 = performance.now();
    // The deadline is set for real just before the rush; until then the call stays open for an hour.
    const fixture = await createLoadFixture(client, {
      count: RESEARCHERS + 1,
      secret,
      closesAt: new Date(Date.now() + 3600_000),
      title: '压测：截止前一分钟集中提交（自动生成）',
    });
    const onTime = fixture.researchers.slice(0, RESEARCHERS);
    const late = fixture.researchers[RESEARCHERS]!;
    await assertSubmittable(client, onTime[0]!.applicationId, new Date());
    console.log(
      `[fixture] ${RESEARCHERS} + 1 researchers with complete drafts and sessions in ${ms(performance.now() - t0)}`,
    );

    app = await startApp(env);
    console.log(`[app] next start on ${app.baseUrl} (pid ${app.pid})`);
    // Warm the page and action code paths once (a real server has served requests before the deadline).
    const warm = await fetch(`${app.baseUrl}/researcher/applications/${late.applicationId}`, {
      headers: { cookie: late.cookie },
    });
    if (warm.status !== 200) throw new Error(`warm-up: the application page answered ${warm.status}`);

    const closesAt = new Date(Date.now() + WINDOW_MS);
    await client.call.update({ where: { id: fixture.callId }, data: { closesAt } });
    console.log(
      `[load] deadline ${closesAt.toISOString()}: ${RESEARCHERS} submissions over ${CONNECTIONS} connections …`,
    );
    const loadBefore = os.loadavg()[0]!;
    const cpuBefore = app.cpuSeconds();
    const run = await runSubmissions({
      baseUrl: app.baseUrl,
      actionId,
      researchers: onTime,
      connections: CONNECTIONS,
      timeoutSeconds: 30,
    });
    const marginMs = closesAt.getTime() - Date.now();
    const appCpu = app.cpuSeconds() - cpuBefore;

    // One second after the deadline.
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt.getTime() + 1000 - Date.now())));
    const lateAnswer = await submitOnce(app.baseUrl, actionId, late);

    const state = await storedState(client, fixture.callId);
    const acknowledged = run.sent.filter((s) => s.status === 200 && s.result?.ok === true);
    // closesAt in this process's performance clock, to compare with when each request was sent.
    const deadlineMark = performance.now() + (closesAt.getTime() - Date.now());
    const sentLate = run.sent.filter((s) => s.sentAt >= deadlineMark).length;
    // Sent in time but refused as late: they waited in the app's queue past the deadline (the server's clock decides
    // when the module runs, not when the request arrived).
    const queuedPast = run.sent.filter(
      (s) => s.sentAt < deadlineMark && !(s.status === 200 && s.result?.ok === true),
    ).length;
    const onTimeRows = onTime.map((r) => state.byApplication.get(r.applicationId));
    const storedOnce = onTimeRows.filter(
      (s) => s && s.status === 'SUBMITTED' && s.versions === 1 && s.submitEvents === 1,
    ).length;
    const allBeforeDeadline = onTimeRows.every((s) => s?.status !== 'SUBMITTED' || s.submittedAt! < closesAt);
    const lateRow = state.byApplication.get(late.applicationId);
    const lateText = [lateAnswer.result?.message ?? '', ...Object.values(lateAnswer.result?.fieldErrors ?? {})].join(
      ' ',
    );
    const fivexx = Object.entries(run.statusCounts)
      .filter(([code]) => code.startsWith('5'))
      .reduce((s, [, n]) => s + n, 0);
    const audit = await auditChainIntact(client);
    const appErrors = app.actionErrors();

    const lat = run.latenciesMs;
    console.log(`\nDeadline rush — ${RESEARCHERS} submissions, ${CONNECTIONS} connections, one next start, loopback`);
    console.log(
      `  wall time ${(run.durationMs / 1000).toFixed(1)} s ` +
        `(${(RESEARCHERS / (run.durationMs / 1000)).toFixed(1)} submissions/s), ` +
        `done ${(Math.abs(marginMs) / 1000).toFixed(1)} s ${marginMs >= 0 ? 'before' : 'AFTER'} the deadline`,
    );
    console.log(
      `  latency p50 ${ms(percentile(lat, 50))} · p95 ${ms(percentile(lat, 95))} · max ${ms(Math.max(...lat))}`,
    );
    console.log(
      `  responses ${JSON.stringify(run.statusCounts)} · errors ${run.errors} · timeouts ${run.timeouts} · ` +
        `acknowledged ok ${acknowledged.length}`,
    );
    if (queuedPast || sentLate)
      console.log(
        `  ${sentLate} sent after the deadline (the app had not answered their earlier turn in time); ` +
          `${queuedPast} sent before it but refused, having waited in the app past the deadline`,
      );
    console.log(
      `  stored: ${storedOnce}/${RESEARCHERS} SUBMITTED with exactly one version and one audit event · ` +
        `codes ${state.distinctCodes} distinct of ${state.codes}`,
    );
    console.log(
      `  late (deadline + 1 s): HTTP ${lateAnswer.status}, ${lateAnswer.result?.code ?? '—'}: ${lateText || '(no message)'}`,
    );
    console.log(`  audit chain: ${audit.events} events, ${audit.ok ? 'intact' : 'BROKEN'} (${audit.detail})`);
    console.log(
      `  app process: ${appCpu.toFixed(1)} s of CPU in ${(run.durationMs / 1000).toFixed(1)} s ` +
        `(${((appCpu / (run.durationMs / 1000)) * 100).toFixed(0)}% of one core), ` +
        `${ms((appCpu * 1000) / RESEARCHERS)} of CPU per submission`,
    );
    console.log(
      `  machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before the rush, ` +
        `${os.loadavg()[0]!.toFixed(1)} after (anything above ~2 means other work shared the cores)`,
    );

    const checks = new Checks();
    checks.check(
      sentLate === 0,
      `the app kept up: all ${RESEARCHERS} submissions were sent before the deadline (${sentLate} after it)`,
    );
    checks.check(acknowledged.length === RESEARCHERS, `every on-time submission acknowledged (ok: true)`);
    checks.check(storedOnce === RESEARCHERS, `every on-time submission stored exactly once`);
    checks.check(allBeforeDeadline, 'every stored submission is timed before the deadline');
    checks.check(
      state.codes === state.distinctCodes && state.codes === storedOnce,
      'each stored submission has its own 申报编号',
    );
    checks.check(
      lateAnswer.status === 200 && lateAnswer.result?.ok === false && /受理时间|截止/.test(lateText),
      'the late submission is refused, saying the call is past its deadline',
    );
    checks.check(
      lateRow?.status === 'DRAFT' && lateRow.versions === 0 && lateRow.submitEvents === 0,
      'nothing stored for the late submission',
    );
    checks.check(fivexx === 0 && run.errors === 0 && run.timeouts === 0, 'no 5xx, no connection errors or timeouts');
    checks.check(appErrors === 0, `no unexpected error in the app's log (${appErrors})`);
    checks.check(audit.ok, 'the audit chain verifies');
    console.log('');
    checks.print();
    exitCode = checks.failed ? 1 : 0;
    if (checks.failed) console.log(`\nLast lines of the app's log:\n${app.log().slice(-3000)}`);
  } finally {
    await client.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  if (app) console.error(`\nLast lines of the app's log:\n${app.log().slice(-3000)}`);
  exitCode = 1;
} finally {
  await app?.stop();
  await dropDatabase(server, dbName).catch((e: unknown) => console.error(`could not drop ${dbName}:`, e));
  await server.stop();
}
process.exit(exitCode);
