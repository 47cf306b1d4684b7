// Every route handler × every role and anonymously, over HTTP against the built app (issue 9). Data only, so the
// unit test tests/unit/authorization-coverage.test.ts can check that each route file has its probe; the probes run in
// tests/e2e/route-matrix.spec.ts. Each target is found in the seeded demo data by SQL: another person's record as
// well as the signed-in person's own, so a route that trusted the id in its address (IDOR) would answer 200 where
// the table says 404.

/** The accounts the probes sign in as: one per role (tests/e2e/support.ts ACCOUNTS). */
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
} as const;
/** 'owner': the person the target record belongs to (its applicant, its expert), found with the target. */
export type ProbeAccount = keyof typeof PROBE_ACCOUNTS | 'owner';

export interface RouteProbe {
  /** The route handler's file. */
  route: string;
  name: string;
  method: 'GET' | 'POST';
  /**
   * SQL giving one row: the address to probe ("path") and, where the table allows 'owner', the owner's e-mail
   * ("owner", never one of PROBE_ACCOUNTS). Chosen by state, not by name, since other browser tests move records on.
   */
  target: string;
  /** Exactly these answer 200; every other account gets `deniedStatus`. */
  allowed: ProbeAccount[];
  deniedStatus: number;
  /** Without a session (404 for downloads, as for a missing record). */
  anonymousStatus: number;
}

const FIXED = Object.values(PROBE_ACCOUNTS)
  .map((e) => `'${e}'`)
  .join(', ');
/** Statuses in which the applicant, their office and commission staff all read an application (REVIEWED_BY_STAFF). */
const READ_BY_ALL = `('INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'FORMAL_CHECK_FAILED', 'UNDER_REVIEW', 'PANEL', 'DECIDED')`;
/** Another researcher's submitted application at the demo office's university, with an attachment. */
const OTHERS_APPLICATION = `select a.id, u.email as owner from "Application" a join "User" u on u.id = a."applicantId"
  where a.status in ${READ_BY_ALL} and a."currentVersionNo" > 0 and u.email not in (${FIXED})
    and exists (select 1 from "ApplicationVersion" v where v."applicationId" = a.id)
    and exists (select 1 from "ApplicationAttachment" f where f."applicationId" = a.id)
    and a."institutionId" = (select r."institutionId" from "RoleAssignment" r join "User" ou on ou.id = r."userId"
                             where ou.email = 'office@demo.jingyan.cn' and r.role = 'INSTITUTION_OFFICE')
  order by a.code limit 1`;
/** A review an expert has submitted (the demo's), with the expert. */
const SUBMITTED_ASSIGNMENT = `select ra.id, ra."applicationId", u.email as owner from "ReviewAssignment" ra
  join "User" u on u.id = ra."expertUserId"
  where ra.status = 'SUBMITTED' and u.email not in (${FIXED}) order by ra."createdAt", ra.id limit 1`;

export const ROUTE_PROBES: RouteProbe[] = [
  {
    route: 'src/app/api/applications/[id]/pdf/route.ts',
    name: "another researcher's application PDF",
    method: 'GET',
    target: `select '/api/applications/' || id || '/pdf' as path, owner from (${OTHERS_APPLICATION}) a`,
    allowed: ['owner', 'office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/applications/[id]/pdf/route.ts',
    name: 'the same, as the blind copy',
    method: 'GET',
    target: `select '/api/applications/' || id || '/pdf?blind=1' as path, owner from (${OTHERS_APPLICATION}) a`,
    allowed: ['owner', 'office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/files/[id]/route.ts',
    name: "another researcher's attachment",
    method: 'GET',
    target: `select '/api/files/' || f."fileId" as path, a.owner from (${OTHERS_APPLICATION}) a
      join "ApplicationAttachment" f on f."applicationId" = a.id order by f."slotKey" limit 1`,
    allowed: ['owner', 'office', 'staff'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/files/route.ts',
    name: 'upload',
    method: 'POST',
    target: `select '/api/files' as path`,
    allowed: ['researcher', 'office', 'staff', 'enterprise'],
    deniedStatus: 400,
    anonymousStatus: 401,
  },
  {
    route: 'src/app/api/review/[assignmentId]/pdf/route.ts',
    name: "an expert's assignment, printed",
    method: 'GET',
    target: `select '/api/review/' || id || '/pdf' as path, owner from (${SUBMITTED_ASSIGNMENT}) ra`,
    allowed: ['owner'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/review/[assignmentId]/attachments/[slot]/route.ts',
    name: "an expert's assignment, an attachment by slot",
    method: 'GET',
    target: `select '/api/review/' || ra.id || '/attachments/' || f."slotKey" as path, ra.owner
      from (${SUBMITTED_ASSIGNMENT}) ra join "ApplicationAttachment" f on f."applicationId" = ra."applicationId"
      order by f."slotKey" limit 1`,
    allowed: ['owner'],
    deniedStatus: 404,
    anonymousStatus: 404,
  },
  {
    route: 'src/app/api/projects/[id]/task-book/pdf/route.ts',
    name: "a researcher's project task book",
    method: 'GET',
    target: `select '/api/projects/' || p.id || '/task-book/pdf' as path from "Project" p join "User" u on u.id = p."piUserId"
      where u.email = 'researcher@demo.jingyan.cn' order by p.code limit 1`,
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
