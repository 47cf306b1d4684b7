import 'server-only';
import { notFound } from '@/lib/errors';
import {
  detectConflicts,
  type ConflictApplication,
  type ConflictExpert,
  type InstitutionRef,
} from '@/domain/review/conflicts';
import {
  mustWithdrawForConflict,
  OPEN_ASSIGNMENT_STATUSES,
  REVIEWABLE_APPLICATION_STATUSES,
} from '@/domain/review/assignment-status';
import type { Db, Prisma } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 回避 for a whole call: every application that reached review × every active expert of the pool, through the one
// pure rule (src/domain/review/conflicts.ts). Findings are stored with their explanation; a finding already stored
// keeps its row (and a staff dismissal stays a dismissal), so running it again only adds what is new — a new team
// member, a new affiliation, a new declaration. The assignment solver then leaves every undismissed pair out.

const ref = (i: { id: string; name: string; aliases: string[] } | null | undefined): InstitutionRef | null =>
  i ? { id: i.id, name: i.name, aliases: i.aliases } : null;

export async function detectConflictsForCall(
  client: Db,
  actor: Actor,
  input: { callId: string },
  now: Date = new Date(),
) {
  assertCan(actor, 'assign:review:all');
  const call = await client.call.findUnique({ where: { id: input.callId }, select: { id: true, title: true } });
  if (!call) throw notFound();

  const institution = { select: { id: true, name: true, aliases: true } } as const;
  const applications = await client.application.findMany({
    where: { callId: call.id, status: { in: [...REVIEWABLE_APPLICATION_STATUSES] } },
    select: {
      id: true,
      applicant: { select: { id: true, name: true } },
      institution,
      members: {
        select: {
          user: { select: { id: true, name: true, researcherProfile: { select: { institution } } } },
        },
      },
      works: { select: { work: { select: { id: true, title: true, year: true, authors: true } } } },
      avoidances: {
        orderBy: { ordinal: 'asc' },
        select: { ordinal: true, expertUserId: true, name: true, institutionName: true, reason: true },
      },
      partners: { select: { institution } },
    },
  });
  const experts = await client.expertProfile.findMany({
    where: { active: true },
    select: {
      userId: true,
      nameVariants: true,
      institutionName: true,
      institution,
      user: { select: { name: true } },
      affiliations: {
        select: { institutionName: true, institution, fromDate: true, toDate: true },
      },
    },
  });
  const declarations = await client.conflictDeclaration.findMany({
    where: { assignment: { callId: call.id } },
    select: {
      moment: true,
      hasConflict: true,
      statement: true,
      assignment: { select: { applicationId: true, expertUserId: true } },
    },
  });

  const pureApplications: ConflictApplication[] = applications.map((a) => ({
    id: a.id,
    applicant: { userId: a.applicant.id, name: a.applicant.name },
    institution: ref(a.institution)!,
    members: a.members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      institution: ref(m.user.researcherProfile?.institution),
    })),
    works: a.works.map((w) => w.work),
    avoidanceRequests: a.avoidances,
    partners: a.partners.map((p) => ({ institution: ref(p.institution)! })),
  }));
  const pureExperts: ConflictExpert[] = experts.map((e) => ({
    userId: e.userId,
    names: [e.user.name, ...e.nameVariants],
    institution: ref(e.institution) ?? (e.institutionName ? { id: null, name: e.institutionName } : null),
    affiliations: e.affiliations.map((f) => ({
      institution: ref(f.institution) ?? { id: null, name: f.institutionName },
      fromDate: f.fromDate,
      toDate: f.toDate,
    })),
    declarations: declarations
      .filter((d) => d.assignment.expertUserId === e.userId)
      .map((d) => ({
        applicationId: d.assignment.applicationId,
        moment: d.moment,
        hasConflict: d.hasConflict,
        statement: d.statement,
      })),
  }));

  const rows: Prisma.DetectedConflictCreateManyInput[] = [];
  for (const application of pureApplications) {
    for (const expert of pureExperts) {
      for (const finding of detectConflicts(application, expert, { referenceDate: now })) {
        rows.push({
          applicationId: application.id,
          expertUserId: expert.userId,
          reason: finding.reason,
          detail: finding.detail as unknown as Prisma.InputJsonValue,
          detectedAt: now,
        });
      }
    }
  }

  return client.$transaction(async (tx) => {
    const { count: added } = await tx.detectedConflict.createMany({ data: rows, skipDuplicates: true });
    // An expert already invited or reviewing whom a new finding conflicts out is withdrawn at once (the access gate
    // already hides the application; this frees the place so staff can replace them).
    const open = await tx.reviewAssignment.findMany({
      where: {
        callId: call.id,
        status: { in: [...OPEN_ASSIGNMENT_STATUSES] },
        application: { detectedConflicts: { some: { dismissedById: null } } },
      },
      select: {
        id: true,
        status: true,
        applicationId: true,
        expertUserId: true,
        dueAt: true,
        application: {
          select: { detectedConflicts: { select: { applicationId: true, expertUserId: true, dismissedById: true } } },
        },
      },
    });
    let withdrawn = 0;
    for (const a of open) {
      const verdict = mustWithdrawForConflict(a, { conflicts: a.application.detectedConflicts, declarations: [] });
      if (!verdict.ok) continue;
      await tx.reviewAssignment.update({
        where: { id: a.id },
        data: { status: 'WITHDRAWN_CONFLICT', withdrawnReason: 'conflictOfInterest', version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actor,
        action: 'review_assignment.withdraw_conflict',
        entityType: 'ReviewAssignment',
        entityId: a.id,
        summary: { from: a.status, to: 'WITHDRAWN_CONFLICT' },
      });
      withdrawn += 1;
    }
    await recordAudit(tx, {
      actor,
      action: 'conflicts.detect',
      entityType: 'Call',
      entityId: call.id,
      summary: {
        applications: applications.length,
        experts: experts.length,
        findings: rows.length,
        added,
        withdrawn,
      },
    });
    return { applications: applications.length, experts: experts.length, findings: rows.length, added, withdrawn };
  });
}
