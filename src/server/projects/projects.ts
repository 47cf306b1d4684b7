import 'server-only';
import { can } from '@/domain/auth/permissions';
import { checkTaskBook, confirmedParties, type TaskBookParty } from '@/domain/project/task-book';
import { readTaskBookContent } from '@/domain/project/task-book';
import { reconcileTranches, type FundingSource } from '@/domain/project/tranche';
import { ENDED_PROJECT_STATUSES } from '@/domain/project/transitions';
import { DomainError, notFound } from '@/lib/errors';
import type { TProjectFilters } from '@/lib/validation/projects';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import type { Db, DbOrTx, Prisma } from '../db';
import { currentExpenditureCategories } from '../reference/taxonomy';
import { projectWhere } from './scope';

// Reading funded projects (DATA-MODEL §2.12 access). Every query starts from projectWhere(actor): staff see every
// project, a researcher the projects they lead or belong to, an office its institution's, an enterprise those on its
// challenges, a responsible expert those they mentor. What each may see of one project differs: an enterprise sees
// the status, KPIs, milestones and its own co-funding tranches; a mentor the task book but not the money; only the PI
// (and staff) read the mentoring entries, the PI only those meant for them.

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The project ids this actor may see, as a WHERE on the id (throws FORBIDDEN for a role with no project access). */
export function scopedProject(actor: Actor, projectId: string): Prisma.ProjectWhereInput {
  const where = projectWhere(actor);
  if (!isUuid(projectId)) throw notFound();
  return { AND: [{ id: projectId }, where] };
}

/** The party a confirming actor speaks for. */
export function partyOf(actor: Actor): TaskBookParty | null {
  if (actor.role === 'RESEARCHER') return 'PI';
  if (actor.role === 'INSTITUTION_OFFICE') return 'INSTITUTION';
  if (actor.role === 'COMMISSION_STAFF') return 'COMMISSION';
  return null;
}

export async function listProjects(client: Db, actor: Actor, filters: TProjectFilters = {}) {
  const where: Prisma.ProjectWhereInput = {
    AND: [
      projectWhere(actor),
      filters.status ? { status: filters.status } : {},
      filters.programId ? { programId: filters.programId } : {},
    ],
  };
  const rows = await client.project.findMany({
    where,
    orderBy: [{ startDate: 'desc' }, { code: 'asc' }],
    take: 500,
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      budgetMode: true,
      awardedFiscalFen: true,
      startDate: true,
      endDate: true,
      piUserId: true,
      pi: { select: { name: true } },
      institution: { select: { name: true } },
      program: { select: { name: true, nameEn: true } },
      challenge: { select: { title: true, titleEn: true, selectionMode: true } },
      taskBooks: {
        orderBy: { number: 'desc' },
        take: 1,
        select: { status: true, piConfirmedAt: true, institutionConfirmedAt: true, commissionConfirmedAt: true },
      },
    },
  });
  return rows.map(({ taskBooks, ...r }) => ({
    ...r,
    isPi: r.piUserId === actor.userId,
    taskBookStatus: taskBooks[0]?.status ?? null,
    confirmations: taskBooks[0] ? confirmedParties(taskBooks[0]) : [],
  }));
}

/** Programs to filter the staff list by. */
export async function projectFilterOptions(client: Db, actor: Actor) {
  assertCan(actor, 'manage:project:all');
  return client.program.findMany({
    where: { projects: { some: {} } },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true },
  });
}

/** The task book a project shows: the confirmed one, else the newest draft. */
export function currentTaskBookWhere(projectId: string): Prisma.TaskBookWhereInput {
  return { projectId, status: { not: 'SUPERSEDED' } };
}

/** What the application pledged besides the fiscal award (the task book's budget must match it). */
export async function pledgesOf(client: DbOrTx, applicationId: string) {
  const funding = await client.applicationFunding.findMany({
    where: { applicationId, source: { in: ['ENTERPRISE', 'INSTITUTION'] } },
    select: { source: true, amountFen: true },
  });
  const of = (s: FundingSource) => funding.filter((f) => f.source === s).reduce((a, f) => a + f.amountFen, 0n);
  return { ENTERPRISE: of('ENTERPRISE'), INSTITUTION: of('INSTITUTION') };
}

/** The whole project as the actor may see it: header, team, task book, money, mentoring. */
export async function getProject(client: Db, actor: Actor, projectId: string) {
  const p = await client.project.findFirst({
    where: scopedProject(actor, projectId),
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      version: true,
      budgetMode: true,
      awardedFiscalFen: true,
      startDate: true,
      endDate: true,
      terminatedReason: true,
      applicationId: true,
      piUserId: true,
      institutionId: true,
      pi: { select: { name: true } },
      institution: { select: { id: true, name: true } },
      program: { select: { code: true, name: true, nameEn: true } },
      call: { select: { year: true, title: true, titleEn: true } },
      application: { select: { code: true, ruleVersion: { select: { rules: true } } } },
      challenge: {
        select: {
          id: true,
          title: true,
          titleEn: true,
          selectionMode: true,
          issuerInstitutionId: true,
          issuer: { select: { name: true } },
          targets: { orderBy: { ordinal: 'asc' }, select: { id: true, name: true } },
        },
      },
      members: {
        orderBy: [{ toDate: 'desc' }, { fromDate: 'asc' }, { id: 'asc' }],
        select: { id: true, userId: true, name: true, memberRole: true, fromDate: true, toDate: true },
      },
      taskBooks: {
        where: { status: { not: 'SUPERSEDED' } },
        orderBy: { number: 'desc' },
        take: 1,
        select: {
          id: true,
          number: true,
          status: true,
          version: true,
          content: true,
          piConfirmedAt: true,
          institutionConfirmedAt: true,
          commissionConfirmedAt: true,
          kpis: {
            orderBy: { ordinal: 'asc' },
            select: {
              id: true,
              ordinal: true,
              challengeTargetId: true,
              name: true,
              unit: true,
              comparator: true,
              targetValue: true,
              acceptanceMethod: true,
              attainedValue: true,
              attainment: true,
            },
          },
          milestones: {
            orderBy: [{ dueDate: 'asc' }, { key: 'asc' }],
            select: { id: true, key: true, title: true, dueDate: true, isRaceCut: true, status: true },
          },
          budget: {
            orderBy: [{ year: 'asc' }, { source: 'asc' }, { categoryCode: 'asc' }],
            select: { year: true, source: true, sourceInstitutionId: true, categoryCode: true, amountFen: true },
          },
        },
      },
      tranches: {
        orderBy: [{ source: 'asc' }, { ordinal: 'asc' }],
        select: {
          id: true,
          source: true,
          sourceInstitutionId: true,
          sourceInstitution: { select: { name: true } },
          ordinal: true,
          plannedDate: true,
          amountFen: true,
          status: true,
          version: true,
          approvedAt: true,
          paidAt: true,
          paymentReference: true,
          cancelledReason: true,
          reallocatedToProjectId: true,
          reallocatedFromId: true,
        },
      },
      expenditures: {
        orderBy: { year: 'asc' },
        select: {
          id: true,
          year: true,
          mode: true,
          totalSpentFen: true,
          statement: true,
          isFinal: true,
          status: true,
          version: true,
          submittedAt: true,
          institutionSignedAt: true,
          acceptedAt: true,
          returnReason: true,
          lines: {
            orderBy: { id: 'asc' },
            select: { categoryCode: true, source: true, sourceInstitutionId: true, amountFen: true },
          },
        },
      },
      mentors: {
        orderBy: { fromDate: 'desc' },
        select: {
          id: true,
          status: true,
          fromDate: true,
          toDate: true,
          expertUserId: true,
          expert: { select: { name: true } },
          entries: {
            orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
            select: {
              id: true,
              occurredOn: true,
              kind: true,
              milestoneId: true,
              body: true,
              visibleToPi: true,
              createdAt: true,
            },
          },
        },
      },
    },
  });
  if (!p) throw notFound();

  const role = actor.role;
  const isStaff = role === 'COMMISSION_STAFF';
  const isPi = role === 'RESEARCHER' && p.piUserId === actor.userId;
  const isTeam = role === 'RESEARCHER';
  const isOffice = role === 'INSTITUTION_OFFICE';
  const isEnterprise = role === 'ENTERPRISE';
  const isMentor = role === 'EXPERT';
  const seesMoney = isStaff || isTeam || isOffice;

  const tb = p.taskBooks[0] ?? null;
  const pledged = await pledgesOf(client, p.applicationId);
  const categories = p.budgetMode === 'LINE_ITEM' ? await currentExpenditureCategories(client) : [];

  // An enterprise sees only the tranches it pays; the others see every tranche of the project (money readers only).
  const tranches = isEnterprise
    ? p.tranches.filter((t) => t.source === 'ENTERPRISE' && t.sourceInstitutionId === actor.institutionId)
    : seesMoney
      ? p.tranches
      : [];
  const plan = tb?.budget ?? [];
  const reconciliation = reconcileTranches(
    isEnterprise
      ? plan.filter((r) => r.source === 'ENTERPRISE' && r.sourceInstitutionId === actor.institutionId)
      : plan,
    tranches.map((t) => ({
      source: t.source,
      sourceInstitutionId: t.sourceInstitutionId,
      status: t.status,
      amountFen: t.amountFen,
      reallocated: t.status === 'CANCELLED' && t.reallocatedToProjectId !== null,
      fromRaceCut: t.reallocatedFromId !== null,
    })),
  ).map((r) => ({
    ...r,
    cancelledFen: tranches
      .filter(
        (t) => t.status === 'CANCELLED' && t.source === r.source && t.sourceInstitutionId === r.sourceInstitutionId,
      )
      .reduce((s, t) => s + t.amountFen, 0n),
  }));

  const activeMentor = p.mentors.find((m) => m.status === 'ACTIVE') ?? null;
  const entries = isStaff
    ? p.mentors.flatMap((m) => m.entries.map((e) => ({ ...e, mentorName: m.expert.name })))
    : isTeam
      ? p.mentors.flatMap((m) =>
          m.entries.filter((e) => e.visibleToPi).map((e) => ({ ...e, mentorName: m.expert.name })),
        )
      : isMentor
        ? p.mentors
            .filter((m) => m.expertUserId === actor.userId)
            .flatMap((m) => m.entries.map((e) => ({ ...e, mentorName: m.expert.name })))
        : [];

  const party = partyOf(actor);
  const draft = tb?.status === 'DRAFT' && p.status === 'TASK_BOOK_DRAFT';
  const given = tb ? confirmedParties(tb) : [];
  const issues =
    tb && draft
      ? checkTaskBook({
          budgetMode: p.budgetMode,
          startDate: iso(p.startDate),
          endDate: iso(p.endDate),
          awardedFiscalFen: p.awardedFiscalFen,
          pledgedFen: pledged,
          challengeTargets: p.challenge?.targets ?? [],
          kpis: tb.kpis,
          milestones: tb.milestones.map((m) => ({ key: m.key, dueDate: iso(m.dueDate) })),
          budget: tb.budget,
        })
      : [];
  const rules = p.application.ruleVersion.rules as { mentorRequired?: boolean } | null;

  return {
    id: p.id,
    code: p.code,
    title: p.title,
    status: p.status,
    version: p.version,
    budgetMode: p.budgetMode,
    awardedFiscalFen: p.awardedFiscalFen,
    startDate: iso(p.startDate),
    endDate: iso(p.endDate),
    terminatedReason: p.terminatedReason,
    applicationCode: p.application.code,
    pi: { id: p.piUserId, name: p.pi.name },
    institution: p.institution,
    program: p.program,
    call: p.call,
    challenge: p.challenge
      ? {
          id: p.challenge.id,
          title: p.challenge.title,
          titleEn: p.challenge.titleEn,
          selectionMode: p.challenge.selectionMode,
          issuerName: p.challenge.issuer?.name ?? null,
        }
      : null,
    pledged,
    members: isEnterprise ? [] : p.members,
    taskBook: tb
      ? {
          id: tb.id,
          number: tb.number,
          status: tb.status,
          version: tb.version,
          content: isEnterprise ? null : readTaskBookContent(tb.content),
          piConfirmedAt: tb.piConfirmedAt,
          institutionConfirmedAt: tb.institutionConfirmedAt,
          commissionConfirmedAt: tb.commissionConfirmedAt,
          confirmations: given,
          kpis: tb.kpis,
          milestones: tb.milestones.map((m) => ({ ...m, dueDate: iso(m.dueDate) })),
          budget: seesMoney ? tb.budget : [],
          issues,
        }
      : null,
    categories,
    tranches,
    reconciliation: isEnterprise || seesMoney ? reconciliation : [],
    expenditures: seesMoney ? p.expenditures : [],
    mentor: activeMentor
      ? { assignmentId: activeMentor.id, name: activeMentor.expert.name, fromDate: iso(activeMentor.fromDate) }
      : null,
    mentorRequired: rules?.mentorRequired === true,
    mentoringEntries: entries.map((e) => ({ ...e, occurredOn: iso(e.occurredOn) })),
    viewer: {
      role,
      isPi,
      party,
      canEditTaskBook: isPi && draft,
      canConfirm: draft && party !== null && (party !== 'PI' || isPi) && !given.includes(party),
      hasConfirmed: party !== null && given.includes(party),
      canActivate: isStaff && p.status === 'TASK_BOOK_CONFIRMED',
      canManageMoney: isStaff,
      canFileExpenditure: isPi && (p.status === 'ACTIVE' || p.status === 'MIDTERM_REVIEW'),
      canSignExpenditure: isOffice,
      canAssignMentor:
        isStaff && !(ENDED_PROJECT_STATUSES as readonly string[]).includes(p.status) && can(role, 'manage:project:all'),
    },
  };
}

export type ProjectDetail = Awaited<ReturnType<typeof getProject>>;

/** Refuses with the wrong-state message when the project is not in one of `statuses`. */
export function requireStatus(status: string, statuses: readonly string[]) {
  if (!statuses.includes(status)) throw new DomainError('CONFLICT', 'projectWrongState');
}
