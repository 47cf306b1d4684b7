// Every route handler × every role and anonymously, over HTTP against the built app (issue 9). Data only, so the
// unit test tests/unit/authorization-coverage.test.ts can check that each route file has its probe; the probes run in
// tests/e2e/route-matrix.spec.ts. Each target is found in the seeded demo data by SQL: another person's record as
// well as the signed-in person's own, so a route that trusted the id in its address (IDOR) would answer 200 where
// the table says 404.

/** The accounts the probes sign in as: one per role (tests/e2e/support.ts ACCOUNTS), and the owners of records. */
export const PROBE_ACCOUNTS = {
  researcher: 'researcher@demo.jingyan.cn',
  office: 'office@demo.jingyan.cn',
  staff: 'staff@demo.jingyan.cn',
  intlExpert: 'intl.expert@demo.jingyan.cn',
  committee: 'committee@demo.jingyan.cn',
  enterprise: 'enterprise@demo.jingyan.cn',
  sysadmin: 'sysadmin@demo.jingyan.cn',
  secadmin: 'secadmin@demo.jingyan.cn',
  auditor: 'auditor@demo.jingyan.cn',
  /** An expert with submitted reviews in the demo. */
  expert4: 'expert4@demo.jingyan.cn',
  /** Another researcher of the same university, with an application under review. */
  linTao: 'lin.tao@demo.jingyan.cn',
} as const;
export type ProbeAccount = keyof typeof PROBE_ACCOUNTS;

export interface RouteProbe {
  /** The route handler's file. */
  route: string;
  name: string;
  method: 'GET' | 'POST';
  /** SQL giving one row with the address to probe ("path"). */
  target: string;
  /** Exactly these answer 200; every other account gets `deniedStatus`. */
  allowed: ProbeAccount[];
  deniedStatus: number;
  /** Without a session (404 for downloads, as for a missing record). */
  anonymousStatus: number;
}

const QIAN_FENG_APPLICATION = `select a.id from "Application" a join "User" u on u.id = a."applicantId"
  where u.email = 'qian.feng@demo.jingyan.cn' and a.status = 'UNDER_REVIEW'`;
const LIN_TAO_APPLICATION = `select a.id from "Application" a join "User" u on u.id = a."applicantId"
  where u.email = 'lin.tao@demo.jingyan.cn' and a.status = 'UNDER_REVIEW'`;
const EXPERT4_ASSIGNMENT = `select ra.id, ra."applicationId" from "ReviewAssignment" ra join "User" u on u.id = ra."expertUserId"
  where u.email = 'expert4@demo.jingyan.cn' order by ra."createdAt" limit 1`;

export const ROUTE_PROBES: RouteProbe[] = [
  {
    route: 'src/app/api/applications/[id]/pdf/route.ts',
    name: "a third researcher's application PDF",
    method: 'GET',
    target: `select '/api/applications/' || id || '/pdf' as path from (${QIAN_FENG_APPLICATION}) a`,
    allowed: ['office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/applications/[id]/pdf/route.ts',
    name: 'an application PDF, blind copy: its PI, the office, staff',
    method: 'GET',
    target: `select '/api/applications/' || id || '/pdf?blind=1' as path from (${LIN_TAO_APPLICATION}) a`,
    allowed: ['linTao', 'office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/files/[id]/route.ts',
    name: "another researcher's attachment",
    method: 'GET',
    target: `select '/api/files/' || f."fileId" as path from "ApplicationAttachment" f
      where f."applicationId" = (${LIN_TAO_APPLICATION}) limit 1`,
    allowed: ['linTao', 'office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/files/route.ts',
    name: 'upload',
    method: 'POST',
    target: `select '/api/files' as path`,
    allowed: ['researcher', 'office', 'staff', 'enterprise', 'linTao'],
    deniedStatus: 400,
    anonymousStatus: 401,
  },
  {
    route: 'src/app/api/review/[assignmentId]/pdf/route.ts',
    name: "an expert's assignment, printed",
    method: 'GET',
    target: `select '/api/review/' || id || '/pdf' as path from (${EXPERT4_ASSIGNMENT}) ra`,
    allowed: ['expert4'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/review/[assignmentId]/attachments/[slot]/route.ts',
    name: "an expert's assignment, an attachment by slot",
    method: 'GET',
    target: `select '/api/review/' || ra.id || '/attachments/' || f."slotKey" as path
      from (${EXPERT4_ASSIGNMENT}) ra join "ApplicationAttachment" f on f."applicationId" = ra."applicationId" limit 1`,
    allowed: ['expert4'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/projects/[id]/task-book/pdf/route.ts',
    name: "a researcher's project task book",
    method: 'GET',
    target: `select '/api/projects/' || p.id || '/task-book/pdf' as path from "Project" p join "User" u on u.id = p."piUserId"
      where u.email = 'researcher@demo.jingyan.cn' limit 1`,
    allowed: ['researcher', 'office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/exports/[kind]/route.ts',
    name: 'the applications export',
    method: 'GET',
    target: `select '/api/exports/applications?format=csv' as path`,
    allowed: ['staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/imports/experts/template/route.ts',
    name: 'the expert import template',
    method: 'GET',
    target: `select '/api/imports/experts/template' as path`,
    allowed: ['staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
];
