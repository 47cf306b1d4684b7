import 'server-only';
import type { z } from 'zod';
import { beijingDate } from '@/domain/decision/notice';
import { checkMentoringEntry } from '@/domain/project/mentor';
import { ENDED_PROJECT_STATUSES } from '@/domain/project/transitions';
import { DomainError, notFound } from '@/lib/errors';
import type { ZAssignMentor, ZMentoringEntry } from '@/lib/validation/projects';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { issuesToFieldErrors } from '../applications/applicant';
import { scopedProject } from './projects';

// 护航 (卓越青年科学家计划, DATA-MODEL §2.12): staff assign a project's responsible expert — a person holding the EXPERT
// role; one ACTIVE assignment per project, so naming another ends the current one the same day. The expert sees the
// projects they mentor and keeps a log (meetings, site visits, calls, milestone opinions); a milestone opinion is
// always shown to the PI, other entries when the expert chooses. The log is append-only.

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const dateOf = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** People staff may name: active users holding the EXPERT role. */
export async function listMentorCandidates(client: Db, actor: Actor) {
  assertCan(actor, 'manage:project:all');
  return client.user.findMany({
    where: { status: 'ACTIVE', roles: { some: { role: 'EXPERT' } } },
    orderBy: { name: 'asc' },
    take: 500,
    select: { id: true, name: true, email: true },
  });
}

export async function assignMentor(client: Db, actor: Actor, input: z.output<typeof ZAssignMentor>) {
  assertCan(actor, 'manage:project:all');
  const now = new Date();
  const today = dateOf(beijingDate(now));
  return client.$transaction(async (tx) => {
    const p = await tx.project.findFirst({
      where: scopedProject(actor, input.projectId),
      select: { id: true, status: true, piUserId: true },
    });
    if (!p) throw notFound();
    if ((ENDED_PROJECT_STATUSES as readonly string[]).includes(p.status)) {
      throw new DomainError('CONFLICT', 'projectWrongState');
    }
    const expert = await tx.user.findFirst({
      where: { id: input.expertUserId, status: 'ACTIVE', roles: { some: { role: 'EXPERT' } } },
      select: { id: true, name: true },
    });
    if (!expert) throw new DomainError('VALIDATION', 'checkFields', { expertUserId: 'mentorMustBeExpert' });
    // Mentoring one's own project is no mentoring.
    if (expert.id === p.piUserId) throw new DomainError('VALIDATION', 'checkFields', { expertUserId: 'mentorIsPi' });

    const current = await tx.mentorAssignment.findFirst({
      where: { projectId: p.id, status: 'ACTIVE' },
      select: { id: true, expertUserId: true, version: true },
    });
    if (current?.expertUserId === expert.id) throw new DomainError('CONFLICT', 'mentorAlreadyAssigned');
    if (current) {
      const { count } = await tx.mentorAssignment.updateMany({
        where: { id: current.id, version: current.version, status: 'ACTIVE' },
        data: { status: 'ENDED', toDate: today, version: { increment: 1 } },
      });
      if (count === 0) throw new DomainError('STALE');
      await recordAudit(tx, {
        actor,
        action: 'mentor_assignment.end',
        entityType: 'MentorAssignment',
        entityId: current.id,
        summary: { from: 'ACTIVE', to: 'ENDED', projectId: p.id, replacedBy: expert.id },
      });
    }
    const created = await tx.mentorAssignment.create({
      data: { projectId: p.id, expertUserId: expert.id, fromDate: today },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'mentor_assignment.create',
      entityType: 'MentorAssignment',
      entityId: created.id,
      summary: { to: 'ACTIVE', projectId: p.id, expertUserId: expert.id, expertName: expert.name },
    });
    return { id: created.id };
  });
}

/** The expert's projects (active and past assignments). */
export async function listOwnMentorships(client: Db, actor: Actor) {
  assertCan(actor, 'mentor:project:own');
  const rows = await client.mentorAssignment.findMany({
    where: { expertUserId: actor.userId },
    orderBy: [{ status: 'asc' }, { fromDate: 'desc' }],
    select: {
      id: true,
      status: true,
      fromDate: true,
      toDate: true,
      project: {
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          startDate: true,
          endDate: true,
          pi: { select: { name: true } },
          institution: { select: { name: true } },
        },
      },
      _count: { select: { entries: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    fromDate: iso(r.fromDate),
    toDate: r.toDate ? iso(r.toDate) : null,
    project: { ...r.project, startDate: iso(r.project.startDate), endDate: iso(r.project.endDate) },
  }));
}

/** One of the expert's assignments with the project's milestones and the log so far. */
export async function getMentorship(client: Db, actor: Actor, assignmentId: string) {
  assertCan(actor, 'mentor:project:own');
  if (!isUuid(assignmentId)) throw notFound();
  const a = await client.mentorAssignment.findFirst({
    where: { id: assignmentId, expertUserId: actor.userId },
    select: {
      id: true,
      status: true,
      fromDate: true,
      toDate: true,
      project: {
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          startDate: true,
          endDate: true,
          pi: { select: { name: true } },
          institution: { select: { name: true } },
          taskBooks: {
            where: { status: { not: 'SUPERSEDED' } },
            orderBy: { number: 'desc' },
            take: 1,
            select: {
              milestones: {
                orderBy: { dueDate: 'asc' },
                select: { id: true, key: true, title: true, dueDate: true, status: true, isRaceCut: true },
              },
            },
          },
        },
      },
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
  });
  if (!a) throw notFound();
  const { taskBooks, ...project } = a.project;
  return {
    id: a.id,
    status: a.status,
    fromDate: iso(a.fromDate),
    toDate: a.toDate ? iso(a.toDate) : null,
    project: { ...project, startDate: iso(project.startDate), endDate: iso(project.endDate) },
    milestones: (taskBooks[0]?.milestones ?? []).map((m) => ({ ...m, dueDate: iso(m.dueDate) })),
    entries: a.entries.map((e) => ({ ...e, occurredOn: iso(e.occurredOn) })),
  };
}

/** A log entry by the active mentor. */
export async function addMentoringEntry(client: Db, actor: Actor, input: z.output<typeof ZMentoringEntry>) {
  assertCan(actor, 'mentor:project:own');
  const now = new Date();
  return client.$transaction(async (tx) => {
    const a = await tx.mentorAssignment.findFirst({
      where: { id: input.assignmentId, expertUserId: actor.userId },
      select: { id: true, status: true, projectId: true },
    });
    if (!a) throw notFound();
    if (a.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'mentorshipEnded');
    const milestones = await tx.projectMilestone.findMany({
      where: { taskBook: { projectId: a.projectId, status: { not: 'SUPERSEDED' } } },
      select: { id: true },
    });
    const check = checkMentoringEntry(input, {
      projectMilestoneIds: milestones.map((m) => m.id),
      today: beijingDate(now),
    });
    if (!check.ok) throw new DomainError('VALIDATION', 'checkFields', issuesToFieldErrors(check.issues));
    const entry = await tx.mentoringLogEntry.create({
      data: {
        mentorAssignmentId: a.id,
        occurredOn: dateOf(input.occurredOn),
        kind: input.kind,
        milestoneId: input.milestoneId,
        body: input.body,
        visibleToPi: check.visibleToPi,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'mentoring_log.add',
      entityType: 'MentoringLogEntry',
      entityId: entry.id,
      summary: {
        projectId: a.projectId,
        kind: input.kind,
        milestoneId: input.milestoneId,
        visibleToPi: check.visibleToPi,
      },
    });
    return { id: entry.id, visibleToPi: check.visibleToPi };
  });
}
