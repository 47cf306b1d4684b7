// npm run fault:db-restart [-- --no-build] [--researchers=500] [--connections=50] [--rate=25] [--down=5]
//                          [--mode=fast|immediate] — the deadline load of load:deadline, with PostgreSQL stopped and
// started again (same data directory) while submissions are in flight (issue 9). Always on a PostgreSQL of its own
// (a scratch embedded cluster, never DATABASE_URL: it is restarted). Checked afterwards: every acknowledged submission
// (HTTP 200, ok: true) is stored exactly once; nothing is half-written (SUBMITTED ⇔ a version snapshot and a submit
// audit event); the audit chain verifies; requests during the outage failed cleanly (an answer, no hang past the
// timeout) and the app process kept running; after the restart a fresh request succeeds without restarting the app,
// and every submission that was not acknowledged succeeds when retried with its same idempotency key (so the total is
// again every researcher exactly once). Prints the recovery time, latencies and counts; exits 1 when a check fails.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDatabase } from './lib/database-server';
import {
  auditChainIntact,
  assertSubmittable,
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
  type Researcher,
  type StoredState,
} from './lib/load-fixture';
import { localAuthSecret } from './lib/local-secrets';
import { prepareDatabase } from './lib/prepare-database';
import { scriptClient } from './lib/prisma';
import { startScratchPostgres, type ScratchPostgres } from './lib/scratch-postgres';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RESEARCHERS = Number(option('researchers', '500'));
const CONNECTIONS = Math.min(50, Number(option('connections', '50')));
/** Submissions per second: spread so that the restart falls in the middle of the load. */
const RATE = Number(option('rate', '25'));
const DOWN_SECONDS = Number(option('down', '5'));
const MODE = option('mode', 'fast') === 'immediate' ? 'immediate' : 'fast';
/** The restart begins once this share of the submissions has been answered. */
const RESTART_AT = 0.25;
const REQUEST_TIMEOUT_S = 30;

let pg: ScratchPostgres | undefined;
let app: App | undefined;
let exitCode = 1;
const secret = process.env.AUTH_SECRET ?? localAuthSecret();

/** Counts of a stored state over some applications: SUBMITTED exactly once, and anything half-written or doubled. */
function tally(state: StoredState, researchers: Researcher[]) {
  let once = 0;
  let half = 0;
  let doubled = 0;
  for (const r of researchers) {
    const s = state.byApplication.get(r.applicationId);
    if (!s) continue;
    const submitted = s.status === 'SUBMITTED';
    if (submitted && s.versions === 1 && s.submitEvents === 1) once++;
    if (submitted !== s.versions > 0 || submitted !== s.submitEvents > 0) half++;
    if (s.versions > 1 || s.submitEvents > 1) doubled++;
  }
  return { once, half, doubled };
}

try {
  pg = await startScratchPostgres((m) => console.log(m));
  const url = await createDatabase({ embedded: true, urlFor: pg.urlFor, stop: async () => {} }, 'jingyan_fault');
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret };
  ensureBuild(flag('no-build') ? false : flag('build') ? true : 'if-missing', env);
  const actionId = submitActionId();

  console.log('[db] migrations and demo data …');
  await prepareDatabase(url, { seed: true, log: () => {} });
  Object.assign(process.env, { DATABASE_URL: url, AUTH_SECRET: secret });
  // The script's own client is made after the restart again: its checks must not depend on its pool recovering.
  let client = scriptClient(url, 4);
  const fixture = await createLoadFixture(client, {
    count: RESEARCHERS + 1,
    secret,
    // The deadline is not what this test is about: retries after the restart must still be on time.
    closesAt: new Date(Date.now() + 3600_000),
    title: '压测：数据库重启下的集中提交（自动生成）',
  });
  const researchers = fixture.researchers.slice(0, RESEARCHERS);
  const probe = fixture.researchers[RESEARCHERS]!;
  await assertSubmittable(client, researchers[0]!.applicationId, new Date());
  await client.$disconnect();
  console.log(`[fixture] ${RESEARCHERS} researchers with complete drafts and sessions, and a probe account`);

  app = await startApp(env);
  const pid = app.pid;
  console.log(`[app] next start on ${app.baseUrl} (pid ${pid})`);
  const probePage = async () => {
    try {
      const r = await fetch(`${app!.baseUrl}/researcher/applications/${probe.applicationId}`, {
        headers: { cookie: probe.cookie },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
      });
      await r.arrayBuffer();
      return r.status;
    } catch {
      return 0;
    }
  };
  if ((await probePage()) !== 200) throw new Error('warm-up: the probe page did not answer 200');

  // The restart, started from the load's progress and run alongside it.
  const restart: { stopAt?: number; stoppedAt?: number; startAt?: number; startedAt?: number; recoveredAt?: number } =
    {};
  let restartDone: Promise<void> | undefined;
  const doRestart = async () => {
    restart.stopAt = performance.now();
    await pg!.stop(MODE);
    restart.stoppedAt = performance.now();
    console.log(`[fault] PostgreSQL stopped (${MODE}); down for ${DOWN_SECONDS} s`);
    await new Promise((r) => setTimeout(r, DOWN_SECONDS * 1000));
    restart.startAt = performance.now();
    await pg!.start();
    restart.startedAt = performance.now();
    console.log('[fault] PostgreSQL started again; probing the app …');
    // A fresh request: a page that reads the session and the application from the database.
    for (;;) {
      if ((await probePage()) === 200) break;
      if (performance.now() - restart.startedAt > 120_000) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    restart.recoveredAt = performance.now();
    console.log(`[fault] the app answers again ${ms(restart.recoveredAt - restart.startedAt)} after the start`);
  };

  const loadBefore = os.loadavg()[0]!;
  console.log(`[load] ${RESEARCHERS} submissions at ≤ ${RATE}/s over ≤ ${CONNECTIONS} connections …`);
  const run = await runSubmissions({
    baseUrl: app.baseUrl,
    actionId,
    researchers,
    connections: CONNECTIONS,
    rate: RATE,
    timeoutSeconds: REQUEST_TIMEOUT_S,
    onProgress: (done) => {
      if (!restartDone && done >= RESEARCHERS * RESTART_AT) restartDone = doRestart();
    },
  });
  await restartDone;

  client = scriptClient(url, 4);
  try {
    const acknowledged = run.sent.filter((s) => s.status === 200 && s.result?.ok === true);
    const failed = run.sent.filter((s) => !(s.status === 200 && s.result?.ok === true));
    const failureKinds: Record<string, number> = {};
    for (const s of failed) {
      const kind = s.status === null ? 'no answer' : `HTTP ${s.status} ${s.result?.code ?? ''}`.trim();
      failureKinds[kind] = (failureKinds[kind] ?? 0) + 1;
    }
    const firstAckAfterStart = acknowledged
      .map((s) => s.answeredAt ?? Infinity)
      .filter((t) => restart.startedAt !== undefined && t >= restart.startedAt)
      .sort((a, b) => a - b)[0];
    const failedTimes = failed.flatMap((s) => (s.answeredAt ? [s.answeredAt] : []));
    const failingWindow = failedTimes.length ? Math.max(...failedTimes) - Math.min(...failedTimes) : 0;
    // Requests sent once the database was back that still failed: a pool keeping dead connections would show here.
    const failedSentAfterStart = failed.filter(
      (s) => restart.startedAt !== undefined && s.sentAt > restart.startedAt,
    ).length;
    const sample = failed.find((s) => s.result?.message)?.result?.message;
    const otherSample = failed.find((s) => s.other)?.other;
    // A clean failure says nothing of the database: no stack, no driver or connection detail.
    const leaky = failed.filter((s) =>
      /\n\s+at |ECONNREFUSED|terminating connection|prisma|postgres/i.test(
        `${s.other ?? ''} ${s.result?.message ?? ''}`,
      ),
    ).length;
    const neverSent = researchers.length - run.sent.length;

    const afterLoad = await storedState(client, fixture.callId);
    const ackStoredOnce = tally(
      afterLoad,
      acknowledged.map((s) => s.researcher),
    ).once;
    const loadTally = tally(afterLoad, researchers);
    const appAliveAfterFault = app.exited() === null;

    // Every submission that was not acknowledged (or never sent), retried with its own key, 10 at a time.
    const acked = new Set(acknowledged.map((s) => s.researcher.applicationId));
    const toRetry = researchers.filter((r) => !acked.has(r.applicationId));
    const retried: Awaited<ReturnType<typeof submitOnce>>[] = [];
    for (let i = 0; i < toRetry.length; i += 10) {
      retried.push(...(await Promise.all(toRetry.slice(i, i + 10).map((r) => submitOnce(app!.baseUrl, actionId, r)))));
    }
    const retriedOk = retried.filter((r) => r.status === 200 && r.result?.ok === true);
    const repeated = retriedOk.filter((r) => r.result?.data?.repeated).length;

    const final = await storedState(client, fixture.callId);
    const finalTally = tally(final, researchers);
    const audit = await auditChainIntact(client);
    const fresh = await submitOnce(app.baseUrl, actionId, probe);
    const lat = run.latenciesMs;
    const appLog = app.log();
    const crashes = (appLog.match(/uncaughtException|unhandledRejection/g) ?? []).length;

    console.log(
      `\nPostgreSQL restart under load — ${RESEARCHERS} submissions, ≤ ${RATE}/s, ${MODE} stop, ${DOWN_SECONDS} s down`,
    );
    console.log(
      `  load ${(run.durationMs / 1000).toFixed(1)} s · latency p50 ${ms(percentile(lat, 50))} · ` +
        `p95 ${ms(percentile(lat, 95))} · max ${ms(Math.max(...lat))}`,
    );
    console.log(
      `  responses ${JSON.stringify(run.statusCounts)} · connection errors ${run.errors} · timeouts ${run.timeouts}` +
        (neverSent ? ` · never sent ${neverSent}` : ''),
    );
    console.log(`  acknowledged ${acknowledged.length} · failed ${failed.length} ${JSON.stringify(failureKinds)}`);
    if (sample) console.log(`  what a failed submission was told: ${sample}`);
    if (otherSample) console.log(`  an HTTP error's body begins: ${JSON.stringify(otherSample.slice(0, 160))}`);
    if (restart.stoppedAt && restart.startedAt)
      console.log(
        `  stop took ${ms(restart.stoppedAt - restart.stopAt!)}, start ${ms(restart.startedAt - restart.startAt!)}; ` +
          (restart.recoveredAt
            ? `first good answer ${ms(restart.recoveredAt - restart.startedAt)} after the start ` +
              `(${((restart.recoveredAt - restart.stopAt!) / 1000).toFixed(1)} s after the stop began)`
            : 'the app did NOT answer within 120 s of the start'),
      );
    if (firstAckAfterStart !== undefined && restart.startedAt !== undefined)
      console.log(
        `  first acknowledged submission ${ms(firstAckAfterStart - restart.startedAt)} after the start; ` +
          `failures spread over ${(failingWindow / 1000).toFixed(1)} s, ` +
          `${failedSentAfterStart} of them sent after the start`,
      );
    console.log(
      `  after the load: ${loadTally.once} stored once, ${loadTally.half} half-written, ${loadTally.doubled} doubled; ` +
        `acknowledged and stored once ${ackStoredOnce}/${acknowledged.length}`,
    );
    console.log(
      `  retried ${toRetry.length} with the same key: ${retriedOk.length} ok (${repeated} answered as already made)`,
    );
    console.log(
      `  final: ${finalTally.once}/${RESEARCHERS} stored once · audit chain ${audit.events} events, ` +
        `${audit.ok ? 'intact' : 'BROKEN'} (${audit.detail}) · app pid ${pid} ${app.exited() ? 'EXITED' : 'still running'}`,
    );
    console.log(
      `  app log: ${app.actionErrors()} unexpected action errors logged with an id, ${crashes} unhandled ` +
        `· machine load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`,
    );

    const checks = new Checks();
    checks.check(
      run.sent.some((s) => s.status !== null) && restart.stoppedAt !== undefined && failed.length > 0,
      'the restart happened while submissions were in flight (some failed)',
    );
    checks.check(ackStoredOnce === acknowledged.length, 'every acknowledged submission is stored exactly once');
    checks.check(loadTally.half === 0 && finalTally.half === 0, 'nothing half-written (SUBMITTED ⇔ snapshot)');
    checks.check(loadTally.doubled === 0 && finalTally.doubled === 0, 'no submission stored twice');
    checks.check(audit.ok, 'the audit chain verifies');
    checks.check(run.timeouts === 0, `every request answered within ${REQUEST_TIMEOUT_S} s (no hang)`);
    checks.check(leaky === 0, `failures are clean: no stack or database detail in what the client got (${leaky})`);
    checks.check(appAliveAfterFault && app.exited() === null && app.pid === pid, 'the app process kept running');
    checks.check(crashes === 0, 'no unhandled exception or rejection in the app');
    checks.check(restart.recoveredAt !== undefined, 'a fresh request succeeds after the restart, app not restarted');
    checks.check(
      fresh.status === 200 && fresh.result?.ok === true,
      'a fresh submission after the restart is acknowledged',
    );
    checks.check(
      retriedOk.length === toRetry.length && finalTally.once === RESEARCHERS,
      'every unacknowledged submission succeeds on retry: all researchers stored exactly once',
    );
    console.log('');
    checks.print();
    exitCode = checks.failed ? 1 : 0;
    if (checks.failed) console.log(`\nLast lines of the app's log:\n${app.log().slice(-4000)}`);
  } finally {
    await client.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  if (app) console.error(`\nLast lines of the app's log:\n${app.log().slice(-3000)}`);
  exitCode = 1;
} finally {
  await app?.stop();
  pg?.destroy();
}
process.exit(exitCode);
