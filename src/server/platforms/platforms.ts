import 'server-only';
import { can, type Permission } from '@/domain/auth/permissions';
import { awardedPerYear, isStableSupportTranche, stableSupportFor } from '@/domain/platform/evaluation';
import { centerBudget, hasProjectManagers } from '@/domain/platform/platform';
import { readPlatformReport } from '@/domain/platform/report';
import { formatIsoDate } from '@/domain/time';
import { DomainError, forbidden, notFound } from '@/lib/errors';
import type { TPlatformFilters } from '@/lib/validation/platform-record';
import type { Actor } from '../auth/actor';
import type { Db, Prisma } from '../db';

// 平台档案 (DATA-MODEL §2.13): who sees which platform, as the WHERE clause every platform query starts from, and
// the record's reads — staff's and the office's lists, the full record, and the public page's few fields.
//   COMMISSION_STAFF    every platform
//   INSTITUTION_OFFICE  the platforms its institution hosts
//   RESEARCHER          the platforms they direct, or hold an open project-manager appointment on
// Anyone else is FORBIDDEN before any query; an id outside the actor's scope is NOT_FOUND like one that does not exist.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PLATFORM_READERS = [
  'manage:platform:all',
  'manage:platform:institution',
  'manage:platform:own',
] as const satisfies readonly Permission[];

export function platformWhere(actor: Actor): Prisma.PlatformWhereInput {
  switch (actor.role) {
    case 'COMMISSION_STAFF':
      if (can(actor.role, 'manage:platform:all')) return {};
      break;
    case 'INSTITUTION_OFFICE':
      if (can(actor.role, 'manage:platform:institution') && actor.institutionId)
        return { hostInstitutionId: actor.institutionId };
      break;
    case 'RESEARCHER':
      if (can(actor.role, 'manage:platform:own'))
        return {
          OR: [{ directorUserId: actor.userId }, { managers: { some: { userId: actor.userId, endedOn: null } } }],
        };
      break;
  }
  throw forbidden();
}

/**
 * Who edits the platform's own record (directions) and writes its annual reports: the director, the host office,
 * and staff (W all). A project manager reads the record and runs the center's projects, nothing more.
 */
export function platformAuthorWhere(actor: Actor): Prisma.PlatformWhereInput {
  if (actor.role === 'RESEARCHER' && can(actor.role, 'manage:platform:own')) return { directorUserId: actor.userId };
  return platformWhere(actor);
}

/** One platform in the actor's scope (optionally narrowed), or NOT_FOUND. */
export function scopedPlatform(actor: Actor, platformId: string, where = platformWhere(actor)) {
  if (!UUID.test(platformId)) throw notFound();
  return { AND: [where, { id: platformId }] } satisfies Prisma.PlatformWhereInput;
}

export const isUuid = (id: string) => UUID.test(id);

export async function listPlatforms(client: Db, actor: Actor, filters: TPlatformFilters = {}) {
  const where = platformWhere(actor);
  const rows = await client.platform.findMany({
    where: {
      AND: [where, filters.kind ? { kind: filters.kind } : {}, filters.status ? { status: filters.status } : {}],
    },
    orderBy: [{ establishedOn: 'desc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      nameEn: true,
      kind: true,
      status: true,
      establishedOn: true,
      currentGrade: true,
      stableSupportFenPerYear: true,
      directorUserId: true,
      director: { select: { name: true } },
      hostInstitution: { select: { name: true } },
      project: { select: { id: true, code: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    establishedOn: formatIsoDate(r.establishedOn),
    isDirector: actor.role === 'RESEARCHER' && r.directorUserId === actor.userId,
  }));
}

export type PlatformListRow = Awaited<ReturnType<typeof listPlatforms>>[number];

/** The full record for staff, the host office, the director and the center's project managers. */
export async function getPlatform(client: Db, actor: Actor, platformId: string) {
  const p = await client.platform.findFirst({
    where: scopedPlatform(actor, platformId),
    select: {
      id: true,
      name: true,
      nameEn: true,
      kind: true,
      status: true,
      version: true,
      establishedOn: true,
      currentGrade: true,
      stableSupportFenPerYear: true,
      directorUserId: true,
      hostInstitutionId: true,
      director: { select: { name: true } },
      hostInstitution: { select: { name: true } },
      project: {
        select: {
          id: true,
          code: true,
          status: true,
          awardedFiscalFen: true,
          startDate: true,
          endDate: true,
          members: {
            orderBy: [{ toDate: { sort: 'asc', nulls: 'first' } }, { fromDate: 'asc' }],
            select: { id: true, name: true, memberRole: true, fromDate: true, toDate: true },
          },
          tranches: {
            where: { source: 'FISCAL' },
            orderBy: { ordinal: 'asc' },
            select: { id: true, source: true, ordinal: true, plannedDate: true, amountFen: true, status: true },
          },
        },
      },
      partners: {
        orderBy: { ordinal: 'asc' },
        select: { id: true, role: true, contribution: true, institution: { select: { name: true } } },
      },
      directions: {
        orderBy: { ordinal: 'asc' },
        select: {
          id: true,
          ordinal: true,
          title: true,
          titleEn: true,
          leadName: true,
          description: true,
          active: true,
        },
      },
      managers: {
        orderBy: [{ endedOn: { sort: 'asc', nulls: 'first' } }, { appointedOn: 'asc' }],
        select: {
          id: true,
          userId: true,
          appointedOn: true,
          endedOn: true,
          remit: true,
          version: true,
          user: { select: { name: true, email: true } },
        },
      },
      centerProjects: {
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
        select: {
          id: true,
          projectManagerId: true,
          title: true,
          leadName: true,
          budgetFen: true,
          startsOn: true,
          endsOn: true,
          summary: true,
          status: true,
          version: true,
          manager: { select: { userId: true, user: { select: { name: true } } } },
        },
      },
      annualReports: {
        orderBy: { year: 'desc' },
        select: {
          id: true,
          year: true,
          content: true,
          fileId: true,
          file: { select: { filename: true } },
          status: true,
          returnReason: true,
          submittedAt: true,
          reviewedAt: true,
          version: true,
        },
      },
      evaluations: {
        orderBy: { createdAt: 'desc' },
        select: {
          id: true,
          periodFrom: true,
          periodTo: true,
          grade: true,
          supportDecision: true,
          nextPeriodFenPerYear: true,
          nextPeriodYears: true,
          report: true,
          status: true,
          decidedAt: true,
          version: true,
        },
      },
    },
  });
  if (!p) throw notFound();
  const staff = actor.role === 'COMMISSION_STAFF';
  const office = actor.role === 'INSTITUTION_OFFICE';
  const isDirector = actor.role === 'RESEARCHER' && p.directorUserId === actor.userId;
  const ownAppointments = p.managers.filter((m) => m.userId === actor.userId && m.endedOn === null).map((m) => m.id);
  const managersEnabled = hasProjectManagers(p.kind);
  const iso = formatIsoDate;
  const startDate = iso(p.project.startDate);
  const endDate = iso(p.project.endDate);
  const base = awardedPerYear(p.project.awardedFiscalFen, startDate, endDate);
  return {
    id: p.id,
    name: p.name,
    nameEn: p.nameEn,
    kind: p.kind,
    status: p.status,
    version: p.version,
    establishedOn: iso(p.establishedOn),
    currentGrade: p.currentGrade,
    stableSupportFenPerYear: p.stableSupportFenPerYear,
    director: p.director.name,
    host: p.hostInstitution.name,
    project: {
      id: p.project.id,
      code: p.project.code,
      status: p.project.status,
      awardedFiscalFen: p.project.awardedFiscalFen,
      startDate,
      endDate,
      awardedPerYearFen: base,
    },
    members: p.project.members.map((m) => ({
      ...m,
      fromDate: iso(m.fromDate),
      toDate: m.toDate ? iso(m.toDate) : null,
    })),
    partners: p.partners.map((x) => ({
      id: x.id,
      role: x.role,
      contribution: x.contribution,
      institution: x.institution.name,
    })),
    directions: p.directions,
    managersEnabled,
    managers: p.managers.map((m) => ({
      id: m.id,
      name: m.user.name,
      email: m.user.email,
      appointedOn: iso(m.appointedOn),
      endedOn: m.endedOn ? iso(m.endedOn) : null,
      remit: m.remit,
      version: m.version,
    })),
    centerProjects: p.centerProjects.map((c) => ({
      id: c.id,
      projectManagerId: c.projectManagerId,
      managerName: c.manager.user.name,
      title: c.title,
      leadName: c.leadName,
      budgetFen: c.budgetFen,
      startsOn: iso(c.startsOn),
      endsOn: iso(c.endsOn),
      summary: c.summary,
      status: c.status,
      version: c.version,
      /** The office edits every center project; a manager those under their own open appointment. */
      editable: c.status === 'ACTIVE' && (office || ownAppointments.includes(c.projectManagerId)),
    })),
    centerBudget: centerBudget(p.centerProjects),
    reports: p.annualReports.map((r) => ({
      id: r.id,
      year: r.year,
      content: readPlatformReport(r.content),
      fileId: r.fileId,
      filename: r.file?.filename ?? null,
      status: r.status,
      returnReason: r.returnReason,
      submittedAt: r.submittedAt,
      reviewedAt: r.reviewedAt,
      version: r.version,
    })),
    evaluations: p.evaluations.map((e) => ({
      ...e,
      periodFrom: iso(e.periodFrom),
      periodTo: iso(e.periodTo),
      // A draft's proposal, recomputed from the grade now (the stored one is what was decided).
      proposal: e.status === 'DRAFT' && e.grade ? stableSupportFor(e.grade, p.stableSupportFenPerYear, base) : null,
    })),
    stableSupportTranches: p.project.tranches
      .filter(isStableSupportTranche)
      .map((t) => ({ ...t, plannedDate: iso(t.plannedDate) })),
    viewer: {
      staff,
      office,
      isDirector,
      ownAppointments,
      /** Directions and annual reports: the director, the host office, staff (directions only). */
      canEditDirections: staff || office || isDirector,
      canWriteReports: office || isDirector,
      canManageManagers: office && managersEnabled,
      canRegisterProjects: managersEnabled && (office || ownAppointments.length > 0),
    },
  };
}

export type PlatformRecord = Awaited<ReturnType<typeof getPlatform>>;

// ─── public (no login): name, kind, host and directions, nothing else ───

const publicSelect = {
  id: true,
  name: true,
  nameEn: true,
  kind: true,
  hostInstitution: { select: { name: true, nameEn: true } },
  directions: {
    where: { active: true },
    orderBy: { ordinal: 'asc' },
    select: { id: true, title: true, titleEn: true, description: true },
  },
} satisfies Prisma.PlatformSelect;

/** Closed platforms leave the public list. */
const PUBLIC_WHERE: Prisma.PlatformWhereInput = { status: { not: 'CLOSED' } };

export async function listPublicPlatforms(client: Db) {
  return client.platform.findMany({
    where: PUBLIC_WHERE,
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    take: 500,
    select: publicSelect,
  });
}

export async function getPublicPlatform(client: Db, platformId: string) {
  if (!UUID.test(platformId)) throw notFound();
  const p = await client.platform.findFirst({
    where: { AND: [PUBLIC_WHERE, { id: platformId }] },
    select: publicSelect,
  });
  if (!p) throw notFound();
  return p;
}

export function assertCanReadPlatforms(actor: Actor): void {
  if (!PLATFORM_READERS.some((perm) => can(actor.role, perm))) throw new DomainError('FORBIDDEN');
}
