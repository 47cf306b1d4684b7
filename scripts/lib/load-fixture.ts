// What the load and fault scripts share (issue 9, docs/RELIABILITY.md → Load and faults): the production build and
// `next start` on loopback, N researchers with complete drafts and signed-in sessions in one open call (made by bulk
// inserts, shaped like what the demo seed makes through the real modules, and checked by the same pre-submission
// check the server runs), the submit server action called over real HTTP by autocannon, and the checks of what the
// database holds afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import type { Db } from '../../src/server/db';
import type { Role } from '../../src/generated/prisma/enums';
import { section } from '../../prisma/seed-text';
import { serverActionId } from './action-manifest';
import { projectRoot } from './schema-engine';

export const SESSION_COOKIE = 'next-auth.session-token';
/** The server action under test: the applicant's submit button (src/app/(portal)/researcher/applications). */
const SUBMIT_ACTION = { file: 'src/app/(portal)/researcher/applications/actions.ts', name: 'submitApplicationAction' };

export function distDir(): string {
  return path.join(projectRoot, process.env.JINGYAN_DIST_DIR || '.next');
}

// ───────────────────────────── build and app ─────────────────────────────

/** `next build` unless a build exists and `build` is false. */
export function ensureBuild(build: boolean | 'if-missing', env: NodeJS.ProcessEnv) {
  const present = existsSync(path.join(distDir(), 'BUILD_ID'));
  if (build === false && !present) throw new Error(`No production build in ${distDir()}: run without --no-build.`);
  if (build === true || !present) {
    console.log('[build] next build (a few minutes on 2 cores) …');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: projectRoot,
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0)
      throw new Error(`next build failed:\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
    console.log(`[build] done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}

/** The id Next.js gave the submit action in this build. */
export function submitActionId(): string {
  return serverActionId(SUBMIT_ACTION.file, SUBMIT_ACTION.name, projectRoot);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface App {
  baseUrl: string;
  pid: number;
  /** Set when the process exited (it must not, until stop()). */
  exited: () => { code: number | null; signal: string | null } | null;
  /** The app's stdout and stderr so far. */
  log: () => string;
  /** Lines the action pipeline logged as unexpected (`[action error …]`). */
  actionErrors: () => number;
  /** CPU seconds the app process has used so far (Linux /proc; NaN elsewhere). */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

/** `next start` on 127.0.0.1, as scripts/start.ts runs it with DATABASE_URL set; resolves once /login answers. */
export async function startApp(env: NodeJS.ProcessEnv, options: { nodeArgs?: string[] } = {}): Promise<App> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jingyan-load-app-'));
  const logFile = path.join(tmp, 'app.log');
  const out = createWriteStream(logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      path.join(projectRoot, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: projectRoot,
      env: {
        ...env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXTAUTH_URL: baseUrl,
        FILE_STORAGE_DIR: path.join(tmp, 'files'),
        MAIL_DIR: path.join(tmp, 'mail'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  let exit: { code: number | null; signal: string | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const app: App = {
    baseUrl,
    pid: child.pid!,
    exited: () => exit,
    log,
    actionErrors: () => (log().match(/\[action error /g) ?? []).length,
    cpuSeconds: () => {
      try {
        // utime and stime, the 14th and 15th fields after the command name, in clock ticks (100 a second on Linux).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return NaN;
      }
    },
    stop: async () => {
      if (!exit) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      out.end();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exit) {
      const tail = log().slice(-3000);
      await app.stop();
      throw new Error(`next start exited (${JSON.stringify(exit)}):\n${tail}`);
    }
    try {
      const r = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) break;
    } catch {}
    if (Date.now() > deadline) {
      await app.stop();
      throw new Error('next start did not answer /login within 90 s');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return app;
}

// ───────────────────────────── fixtures ─────────────────────────────

/**
 * A session for `userId` in `role`, stored as a login stores it, and the next-auth cookie that carries it (what the
 * jwt callback of src/server/auth/next-auth-options.ts keeps: the session id only).
 */
export async function signedInCookie(
  client: Db,
  options: { userId: string; role: Role; secret: string; userAgent: string },
): Promise<string> {
  const now = new Date();
  const { id } = await client.session.create({
    data: {
      userId: options.userId,
      activeRole: options.role,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3600_000),
      ip: '127.0.0.1',
      userAgent: options.userAgent,
    },
    select: { id: true },
  });
  const jwt = await encode({ token: { sub: id, sid: id }, secret: options.secret, maxAge: 86_400 });
  return `${SESSION_COOKIE}=${jwt}`;
}

export interface Researcher {
  index: number;
  userId: string;
  applicationId: string;
  cookie: string;
  /** One key per researcher: a retry of the same submission sends the same key (ZSubmitApplication). */
  idempotencyKey: string;
}

export interface LoadFixture {
  callId: string;
  researchers: Researcher[];
}

/**
 * `count` researchers of the demo's 北京工业大学, each with a complete draft (text, 24 months, a 20 万元 lump sum with
 * its fiscal funding row, the required attachments) in a new OPEN call of the demo's 一般项目 program, and an active
 * session whose next-auth cookie is minted with `secret`. Needs the demo seed (its program, rules and institution).
 */
export async function createLoadFixture(
  client: Db,
  options: { count: number; secret: string; closesAt: Date; title: string },
): Promise<LoadFixture> {
  const now = new Date();
  const demoCall = await client.call.findFirst({
    where: { program: { code: 'GEN' }, status: 'OPEN', ruleVersionId: { not: null } },
    select: { programId: true, ruleVersionId: true, year: true, ruleVersion: { select: { rules: true } } },
  });
  const host = await client.researcherProfile.findFirst({
    where: { user: { email: 'researcher@demo.jingyan.cn' } },
    select: { institutionId: true },
  });
  if (!demoCall?.ruleVersionId || !host)
    throw new Error('The database lacks the demo seed (一般项目 call, 北京工业大学).');
  const rules = demoCall.ruleVersion!.rules as { requiredAttachments: { key: string; required: boolean }[] };
  const slots = rules.requiredAttachments.filter((s) => s.required).map((s) => s.key);

  const call = await client.call.create({
    data: {
      programId: demoCall.programId,
      ruleVersionId: demoCall.ruleVersionId,
      year: demoCall.year,
      title: options.title,
      opensAt: new Date(now.getTime() - 7 * 86_400_000),
      closesAt: options.closesAt,
      status: 'OPEN',
      publishedAt: now,
    },
    select: { id: true },
  });

  const tag = randomBytes(3).toString('hex');
  // Nobody logs in with it: a hash of a random password, in the format the login checks.
  const { hash } = await import('@node-rs/argon2');
  const passwordHash = await hash(randomBytes(24).toString('base64url'), { algorithm: 2 });
  const pdf = Buffer.from('%PDF-1.4\n% load-test proposal\n%%EOF\n');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const people = Array.from({ length: options.count }, (_, index) => ({
    index,
    userId: randomUUID(),
    applicationId: randomUUID(),
    sessionId: randomUUID(),
    fileIds: slots.map(() => randomUUID()),
    idempotencyKey: randomUUID(),
  }));
  const n = (i: number) => String(i + 1).padStart(4, '0');

  await client.user.createMany({
    data: people.map((p) => ({
      id: p.userId,
      email: `load-${tag}-${n(p.index)}@load.jingyan.test`,
      name: `压测科研人员${n(p.index)}`,
      passwordHash,
    })),
  });
  await client.roleAssignment.createMany({
    data: people.map((p) => ({ userId: p.userId, role: 'RESEARCHER' as const, institutionId: host.institutionId })),
  });
  await client.researcherProfile.createMany({
    data: people.map((p) => ({
      userId: p.userId,
      institutionId: host.institutionId,
      department: '信息学部',
      gender: p.index % 2 ? ('FEMALE' as const) : ('MALE' as const),
      birthDate: new Date(Date.UTC(1980 + (p.index % 15), p.index % 12, 1 + (p.index % 28))),
      title: 'SENIOR' as const,
      degree: 'DOCTORATE' as const,
      disciplineCodes: ['520'],
      keywords: ['机器学习'],
    })),
  });
  await client.storedFile.createMany({
    data: people.flatMap((p) =>
      p.fileIds.map((id) => ({
        id,
        storageKey: `load-test/${id}`,
        filename: '申报书（盖章版）.pdf',
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256,
        ownerId: p.userId,
        purpose: 'APPLICATION_ATTACHMENT',
      })),
    ),
  });
  const topic = '面向边缘设备的类脑计算方法';
  const lumpSumFen = 20n * 10_000n * 100n; // 20 万元
  await client.application.createMany({
    data: people.map((p) => ({
      id: p.applicationId,
      callId: call.id,
      ruleVersionId: demoCall.ruleVersionId!,
      applicantId: p.userId,
      institutionId: host.institutionId,
      title: `${topic}研究（压测第 ${n(p.index)} 号）`,
      disciplineCode: '520',
      keywords: ['类脑计算', '边缘计算', '低功耗'],
      abstract: section(topic, '研究', 4),
      content: {
        researchContent: section(topic, '系统研究', 8),
        innovation: section(topic, '创新性研究', 4),
        plan: section(topic, '分阶段研究', 4),
        outcomes: section(topic, '成果凝练', 2),
      },
      durationMonths: 24,
      budgetMode: 'LUMP_SUM' as const,
      lumpSumFen,
      lumpSumPlan: section(topic, '经费使用规划', 2),
    })),
  });
  await client.applicationFunding.createMany({
    data: people.map((p) => ({ applicationId: p.applicationId, source: 'FISCAL' as const, amountFen: lumpSumFen })),
  });
  await client.applicationAttachment.createMany({
    data: people.flatMap((p) =>
      slots.map((slotKey, i) => ({ applicationId: p.applicationId, slotKey, fileId: p.fileIds[i]! })),
    ),
  });
  await client.session.createMany({
    data: people.map((p) => ({
      id: p.sessionId,
      userId: p.userId,
      activeRole: 'RESEARCHER' as const,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 12 * 3600_000),
      ip: '127.0.0.1',
      userAgent: 'jingyan-load-test',
    })),
  });

  const researchers: Researcher[] = [];
  for (const p of people) {
    // What next-auth's jwt callback stores after a login (src/server/auth/next-auth-options.ts): the session id only.
    const jwt = await encode({ token: { sub: p.sessionId, sid: p.sessionId }, secret: options.secret, maxAge: 86_400 });
    researchers.push({
      index: p.index,
      userId: p.userId,
      applicationId: p.applicationId,
      cookie: `${SESSION_COOKIE}=${jwt}`,
      idempotencyKey: p.idempotencyKey,
    });
  }
  return { callId: call.id, researchers };
}

/**
 * The server's own pre-submission check on one fixture application: any error means the fixture drifted from what a
 * submission needs (a rule changed), and the load would measure refusals instead of submissions.
 */
export async function assertSubmittable(client: Db, applicationId: string, at: Date) {
  const { loadFull, checkApplication } = await import('../../src/server/applications/facts');
  const app = await loadFull(client, { id: applicationId });
  if (!app) throw new Error(`fixture application ${applicationId} is missing`);
  const check = await checkApplication(client, app, at);
  if (check.errors.length)
    throw new Error(`The fixture draft would be refused: ${JSON.stringify(check.errors)} — update load-fixture.ts.`);
}

// ───────────────────────────── calling the action ─────────────────────────────

export interface ActionOutcome {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  data?: { id: string; versionNo: number; repeated: boolean };
}

/**
 * The ActionResult inside a server action's response (React's flight format: one `<row id>:<json>` per line; the
 * action's return value is one of the rows).
 */
export function parseActionResult(body: string): ActionOutcome | null {
  const find = (v: unknown, depth: number): ActionOutcome | null => {
    if (!v || typeof v !== 'object' || depth > 3) return null;
    if (typeof (v as { ok?: unknown }).ok === 'boolean') return v as ActionOutcome;
    for (const child of Object.values(v)) {
      const hit = find(child, depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  for (const line of body.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const hit = find(JSON.parse(m[1]!), 0);
      if (hit) return hit;
    } catch {}
  }
  return null;
}

export function submitRequest(baseUrl: string, actionId: string, r: Researcher) {
  return {
    method: 'POST' as const,
    // Where the applicant's browser posts it from: the application's own page.
    path: `/researcher/applications/${r.applicationId}`,
    headers: {
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId,
      origin: baseUrl,
      cookie: r.cookie,
    },
    body: JSON.stringify([{ id: r.applicationId, idempotencyKey: r.idempotencyKey }]),
  };
}

/** One submission with fetch (the late one, retries, probes). */
export async function submitOnce(baseUrl: string, actionId: string, r: Researcher, timeoutMs = 30_000) {
  const req = submitRequest(baseUrl, actionId, r);
  const t0 = performance.now();
  try {
    const res = await fetch(baseUrl + req.path, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, result: parseActionResult(text), ms: performance.now() - t0, error: null };
  } catch (error) {
    return { status: 0, result: null, ms: performance.now() - t0, error: String(error) };
  }
}

export interface Sent {
  researcher: Researcher;
  /** When the request was handed to the connection, and when its answer came (performance.now() ms). */
  sentAt: number;
  answeredAt?: number;
  /** HTTP status, or null when no response came (timeout, connection reset). */
  status: number | null;
  result: ActionOutcome | null;
  /** The start of the body when the answer is not an ActionResult (an error page, say). */
  other?: string;
}

export interface LoadRun {
  sent: Sent[];
  latenciesMs: number[];
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  durationMs: number;
}

/**
 * Each researcher submits once, over `connections` keep-alive connections (autocannon: one request per researcher,
 * its own cookie and body set by setupRequest, its answer read by onResponse; `rate` caps requests per second).
 */
export async function runSubmissions(options: {
  baseUrl: string;
  actionId: string;
  researchers: Researcher[];
  connections: number;
  rate?: number;
  timeoutSeconds: number;
  onProgress?: (done: number) => void;
}): Promise<LoadRun> {
  const queue = [...options.researchers];
  const sent = new Map<string, Sent>();
  const latenciesMs: number[] = [];
  const statusCounts: Record<string, number> = {};
  type Ctx = { researcher?: Researcher };
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: Math.min(options.connections, options.researchers.length),
        amount: options.researchers.length,
        timeout: options.timeoutSeconds,
        ...(options.rate ? { overallRate: options.rate } : {}),
        requests: [
          {
            setupRequest: (request, context) => {
              const researcher = queue.shift();
              // autocannon asks exactly `amount` times; never let it run dry (a falsy answer would stop it).
              if (!researcher) return { ...request, method: 'GET', path: '/login' };
              (context as Ctx).researcher = researcher;
              sent.set(researcher.applicationId, { researcher, sentAt: performance.now(), status: null, result: null });
              return { ...request, ...submitRequest(options.baseUrl, options.actionId, researcher) };
            },
            onResponse: (status, body, context) => {
              const researcher = (context as Ctx).researcher;
              if (!researcher) return;
              const result = parseActionResult(body);
              sent.set(researcher.applicationId, {
                ...sent.get(researcher.applicationId)!,
                answeredAt: performance.now(),
                status,
                result,
                ...(result ? {} : { other: body.slice(0, 300) }),
              });
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latenciesMs.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      options.onProgress?.(latenciesMs.length);
    });
  });
  return {
    sent: [...sent.values()],
    latenciesMs,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    durationMs: performance.now() - t0,
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (v: number) => `${Math.round(v)} ms`;

// ───────────────────────────── what the database holds ─────────────────────────────

export interface StoredState {
  /** applicationId → status, version rows, audit submit events. */
  byApplication: Map<string, { status: string; versions: number; submitEvents: number; submittedAt: Date | null }>;
  codes: number;
  distinctCodes: number;
}

export async function storedState(client: Db, callId: string): Promise<StoredState> {
  const rows = await client.$queryRaw<
    { id: string; status: string; versions: bigint; events: bigint; submittedAt: Date | null; code: string | null }[]
  >`
    select a.id::text as id, a.status::text as status, a."submittedAt", a.code,
           (select count(*) from "ApplicationVersion" v where v."applicationId" = a.id) as versions,
           (select count(*) from "AuditEvent" e
             where e."entityType" = 'Application' and e."entityId" = a.id::text and e.action = 'application.submit') as events
      from "Application" a where a."callId" = ${callId}::uuid`;
  const byApplication: StoredState['byApplication'] = new Map();
  for (const r of rows)
    byApplication.set(r.id, {
      status: r.status,
      versions: Number(r.versions),
      submitEvents: Number(r.events),
      submittedAt: r.submittedAt,
    });
  const codes = rows.filter((r) => r.code).map((r) => r.code!);
  return { byApplication, codes: codes.length, distinctCodes: new Set(codes).size };
}

/** The audit log's hash chain, as `npm run audit:verify` walks it. */
export async function auditChainIntact(client: Db): Promise<{ ok: boolean; events: number; detail: string }> {
  const { verifyAuditChain } = await import('../../src/server/audit/verify-audit-chain');
  const report = await verifyAuditChain(client);
  return report.firstBreak
    ? { ok: false, events: report.events, detail: `broken at #${report.firstBreak.id}: ${report.firstBreak.problem}` }
    : { ok: true, events: report.events, detail: `head ${report.headHash.slice(0, 12)}…` };
}

/** A list of named checks, printed as ✓/✗; `failed` says whether any failed. */
export class Checks {
  private readonly rows: { ok: boolean; text: string }[] = [];
  check(ok: boolean, text: string) {
    this.rows.push({ ok, text });
    return ok;
  }
  get failed() {
    return this.rows.some((r) => !r.ok);
  }
  print() {
    for (const r of this.rows) console.log(`  ${r.ok ? '✓' : '✗'} ${r.text}`);
  }
}
