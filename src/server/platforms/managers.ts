import 'server-only';
import type { z } from 'zod';
import { can } from '@/domain/auth/permissions';
import { fenToWan } from '@/domain/money';
import {
  canAppointManager,
  canTransitionPlatformProject,
  checkEndAppointment,
  checkPlatformProject,
  PLATFORM_PROJECT_TRANSITIONS,
} from '@/domain/platform/platform';
import { calendarDate, formatIsoDate } from '@/domain/time';
import { DomainError, forbidden, notFound, stale } from '@/lib/errors';
import type {
  ZAppointManager,
  ZEndManager,
  ZSavePlatformProject,
  ZTransitionPlatformProject,
} from '@/lib/validation/platform-record';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation, type Db, type Prisma } from '../db';
import { isUuid, platformWhere, scopedPlatform } from './platforms';

// 项目经理人 of a 高精尖创新中心 (DATA-MODEL §2.13 ProjectManager, PlatformProject): the host office appoints registered
// researchers as project managers and ends their appointments (staff may too: W all); a manager registers and keeps
// the center's own projects under their appointment, the office any of its centers' projects. Staff read them all.
// Whether a platform has managers at all is the pure rule hasProjectManagers (only ADVANCED_INNOVATION_CENTER).

function assertCanManageManagers(actor: Actor) {
  if (!can(actor.role, 'manage:platform:institution') && !can(actor.role, 'manage:platform:all')) throw forbidden();
}

export async function appointManager(client: Db, actor: Actor, input: z.output<typeof ZAppointManager>) {
  assertCanManageManagers(actor);
  try {
    return await client.$transaction(async (tx) => {
      const p = await tx.platform.findFirst({
        where: scopedPlatform(actor, input.platformId),
        select: { id: true, kind: true, status: true },
      });
      if (!p) throw notFound();
      const person = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, name: true, status: true, roles: { where: { role: 'RESEARCHER' }, select: { id: true } } },
      });
      const open = person
        ? await tx.projectManager.count({ where: { platformId: p.id, userId: person.id, endedOn: null } })
        : 0;
      const guard = canAppointManager({
        kind: p.kind,
        platformStatus: p.status,
        isResearcher: !!person && person.status === 'ACTIVE' && person.roles.length > 0,
        hasOpenAppointment: open > 0,
      });
      if (!guard.ok) {
        if (guard.code === 'notAResearcher')
          throw new DomainError('VALIDATION', 'checkFields', { email: 'notAResearcher' });
        throw new DomainError('CONFLICT', guard.code);
      }
      const manager = await tx.projectManager.create({
        data: {
          platformId: p.id,
          userId: person!.id,
          appointedOn: calendarDate(input.appointedOn),
          remit: input.remit ?? '',
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'project_manager.appoint',
        entityType: 'ProjectManager',
        entityId: manager.id,
        summary: { platformId: p.id, userId: person!.id, name: person!.name, appointedOn: input.appointedOn },
      });
      return { id: manager.id };
    });
  } catch (e) {
    // Two offices appointing the same person at once: the partial unique index keeps one open appointment.
    if (isUniqueViolation(e)) throw new DomainError('CONFLICT', 'managerAlreadyAppointed');
    throw e;
  }
}

export async function endManager(client: Db, actor: Actor, input: z.output<typeof ZEndManager>) {
  assertCanManageManagers(actor);
  if (!isUuid(input.managerId)) throw notFound();
  return client.$transaction(async (tx) => {
    const m = await tx.projectManager.findFirst({
      where: { id: input.managerId, platform: platformWhere(actor) },
      select: { id: true, platformId: true, userId: true, appointedOn: true, endedOn: true, version: true },
    });
    if (!m) throw notFound();
    const guard = checkEndAppointment({
      appointedOn: formatIsoDate(m.appointedOn),
      endedOn: m.endedOn ? formatIsoDate(m.endedOn) : null,
      endOn: input.endedOn,
    });
    if (!guard.ok) {
      if (guard.code === 'endBeforeAppointment')
        throw new DomainError('VALIDATION', 'checkFields', { endedOn: 'endBeforeAppointment' });
      throw new DomainError('CONFLICT', guard.code);
    }
    const { count } = await tx.projectManager.updateMany({
      where: { id: m.id, version: input.version, endedOn: null },
      data: { endedOn: calendarDate(input.endedOn), version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'project_manager.end',
      entityType: 'ProjectManager',
      entityId: m.id,
      summary: { platformId: m.platformId, userId: m.userId, endedOn: input.endedOn },
    });
    return { id: m.id };
  });
}

/** Who writes center projects: a project manager (under their own appointment) or the host office (any). */
function centerProjectWriter(actor: Actor): { managerOnly: boolean } {
  if (actor.role === 'RESEARCHER' && can(actor.role, 'manage:platform:own')) return { managerOnly: true };
  if (actor.role === 'INSTITUTION_OFFICE' && can(actor.role, 'manage:platform:institution'))
    return { managerOnly: false };
  throw forbidden();
}

/** Registers a center project (no id) or edits an ACTIVE one (id and version). */
export async function savePlatformProject(client: Db, actor: Actor, input: z.output<typeof ZSavePlatformProject>) {
  const { managerOnly } = centerProjectWriter(actor);
  return client.$transaction(async (tx) => {
    const p = await tx.platform.findFirst({
      where: scopedPlatform(actor, input.platformId),
      select: { id: true, kind: true, status: true },
    });
    if (!p) throw notFound();
    const managerWhere: Prisma.ProjectManagerWhereInput = {
      id: input.projectManagerId,
      platformId: p.id,
      ...(managerOnly ? { userId: actor.userId } : {}),
    };
    const manager = await tx.projectManager.findFirst({
      where: managerWhere,
      select: { id: true, endedOn: true, userId: true },
    });
    if (!manager) throw new DomainError('VALIDATION', 'checkFields', { projectManagerId: 'invalid' });
    const existing = input.id
      ? await tx.platformProject.findFirst({
          where: {
            id: input.id,
            platformId: p.id,
            ...(managerOnly ? { manager: { userId: actor.userId, endedOn: null } } : {}),
          },
          select: { id: true, status: true, version: true, projectManagerId: true },
        })
      : null;
    if (input.id && !existing) throw notFound();
    const verdict = checkPlatformProject({
      kind: p.kind,
      platformStatus: p.status,
      managerOpen: manager.endedOn === null,
      status: existing?.status ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    if (verdict.conflict) throw new DomainError('CONFLICT', verdict.conflict);
    if (verdict.issues.length) {
      throw new DomainError(
        'VALIDATION',
        'checkFields',
        Object.fromEntries(verdict.issues.map((i) => [i.field, i.code])),
      );
    }
    const data = {
      projectManagerId: manager.id,
      title: input.title,
      leadName: input.leadName,
      budgetFen: input.budgetWan,
      startsOn: calendarDate(input.startsOn),
      endsOn: calendarDate(input.endsOn),
      summary: input.summary ?? '',
    };
    let id: string;
    if (existing) {
      if (input.version === undefined) throw stale();
      const { count } = await tx.platformProject.updateMany({
        where: { id: existing.id, version: input.version, status: 'ACTIVE' },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      id = existing.id;
    } else {
      id = (await tx.platformProject.create({ data: { ...data, platformId: p.id }, select: { id: true } })).id;
    }
    await recordAudit(tx, {
      actor,
      action: existing ? 'platform_project.update' : 'platform_project.create',
      entityType: 'PlatformProject',
      entityId: id,
      summary: {
        platformId: p.id,
        projectManagerId: manager.id,
        title: input.title,
        budgetWan: fenToWan(input.budgetWan),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      },
    });
    return { id };
  });
}

/** A center project is completed or terminated (final). */
export async function transitionPlatformProject(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZTransitionPlatformProject>,
) {
  const { managerOnly } = centerProjectWriter(actor);
  if (!isUuid(input.id)) throw notFound();
  return client.$transaction(async (tx) => {
    const row = await tx.platformProject.findFirst({
      where: {
        id: input.id,
        platform: platformWhere(actor),
        ...(managerOnly ? { manager: { userId: actor.userId, endedOn: null } } : {}),
      },
      select: { id: true, platformId: true, status: true },
    });
    if (!row) throw notFound();
    if (!canTransitionPlatformProject(row.status, input.transition)) {
      throw new DomainError('CONFLICT', 'platformProjectFinished');
    }
    const to = PLATFORM_PROJECT_TRANSITIONS[input.transition].to;
    const { count } = await tx.platformProject.updateMany({
      where: { id: row.id, version: input.version, status: row.status },
      data: { status: to, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: `platform_project.${input.transition}`,
      entityType: 'PlatformProject',
      entityId: row.id,
      summary: { platformId: row.platformId, from: row.status, to },
    });
    return { id: row.id, status: to };
  });
}
