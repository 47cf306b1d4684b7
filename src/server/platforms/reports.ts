import 'server-only';
import type { z } from 'zod';
import { can } from '@/domain/auth/permissions';
import { platformIsOpen } from '@/domain/platform/platform';
import {
  canEditPlatformReport,
  canTransitionPlatformReport,
  checkReportForSubmit,
  checkReportYear,
  platformReportSchema,
} from '@/domain/platform/report';
import { beijingDate, formatIsoDate } from '@/domain/time';
import { DomainError, forbidden, notFound, stale } from '@/lib/errors';
import type {
  ZAcceptPlatformReport,
  ZReturnPlatformReport,
  ZSavePlatformReport,
} from '@/lib/validation/platform-record';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation, type Db } from '../db';
import { isUuid, PLATFORM_READERS, platformAuthorWhere, platformWhere, scopedPlatform } from './platforms';

// 年度报告 (DATA-MODEL §2.13 PlatformAnnualReport): the director or the host office drafts the year's report and
// submits it; staff accept it or return it with a reason; a returned report is edited and submitted again. One report
// per platform and year (a unique key). The state machine is src/domain/platform/report.ts.

function assertCanWriteReports(actor: Actor) {
  const director = actor.role === 'RESEARCHER' && can(actor.role, 'manage:platform:own');
  const office = actor.role === 'INSTITUTION_OFFICE' && can(actor.role, 'manage:platform:institution');
  if (!director && !office) throw forbidden();
}

/** Creates or edits the year's report (DRAFT or RETURNED), and submits it when `submit` is set. */
export async function savePlatformReport(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZSavePlatformReport>,
  now: Date = new Date(),
) {
  assertCanWriteReports(actor);
  try {
    return await client.$transaction(async (tx) => {
      const p = await tx.platform.findFirst({
        where: scopedPlatform(actor, input.platformId, platformAuthorWhere(actor)),
        select: { id: true, status: true, establishedOn: true },
      });
      if (!p) throw notFound();
      if (!platformIsOpen(p.status)) throw new DomainError('CONFLICT', 'platformClosed');
      const yearIssue = checkReportYear(input.year, formatIsoDate(p.establishedOn), beijingDate(now));
      if (yearIssue) throw new DomainError('VALIDATION', 'checkFields', { year: yearIssue });
      const content = platformReportSchema.parse(input.content);
      if (input.submit) {
        const missing = checkReportForSubmit(content);
        if (missing.length) {
          throw new DomainError('VALIDATION', 'checkFields', Object.fromEntries(missing.map((m) => [m.field, m.code])));
        }
      }
      const existing = await tx.platformAnnualReport.findUnique({
        where: { platformId_year: { platformId: p.id, year: input.year } },
        select: { id: true, status: true, version: true, fileId: true },
      });
      // The PDF: the one already on the report (whoever of the director and the office uploaded it), or one the
      // actor has just uploaded for a report.
      if (input.fileId && input.fileId !== existing?.fileId) {
        const file = await tx.storedFile.findFirst({
          where: { id: input.fileId, ownerId: actor.userId, purpose: 'PLATFORM_REPORT', deletedAt: null },
          select: { id: true },
        });
        if (!file) throw new DomainError('VALIDATION', 'checkFields', { fileId: 'fileUnknown' });
      }
      let id: string;
      let from: string | null = null;
      if (existing) {
        // A second "new report" for a year that has one was made on a stale page: reload rather than overwrite.
        if (input.version === undefined) throw stale();
        if (!canEditPlatformReport(existing.status)) throw new DomainError('CONFLICT', 'reportNotEditable');
        const { count } = await tx.platformAnnualReport.updateMany({
          where: { id: existing.id, version: input.version, status: existing.status },
          data: { content, fileId: input.fileId, version: { increment: 1 } },
        });
        if (count === 0) throw stale();
        id = existing.id;
        from = existing.status;
      } else {
        id = (
          await tx.platformAnnualReport.create({
            data: { platformId: p.id, year: input.year, content, fileId: input.fileId },
            select: { id: true },
          })
        ).id;
      }
      await recordAudit(tx, {
        actor,
        action: 'platform_report.save',
        entityType: 'PlatformAnnualReport',
        entityId: id,
        summary: { platformId: p.id, year: input.year, status: from ?? 'DRAFT', fileId: input.fileId },
      });
      let status = from ?? 'DRAFT';
      if (input.submit) {
        if (!canTransitionPlatformReport(status as 'DRAFT' | 'RETURNED', 'submit')) {
          throw new DomainError('CONFLICT', 'reportNotEditable');
        }
        const { count } = await tx.platformAnnualReport.updateMany({
          where: { id, status: status as 'DRAFT' | 'RETURNED' },
          data: { status: 'SUBMITTED', submittedAt: now, version: { increment: 1 } },
        });
        if (count === 0) throw stale();
        await recordAudit(tx, {
          actor,
          action: 'platform_report.submit',
          entityType: 'PlatformAnnualReport',
          entityId: id,
          summary: { platformId: p.id, year: input.year, from: status, to: 'SUBMITTED' },
        });
        status = 'SUBMITTED';
      }
      return { id, status };
    });
  } catch (e) {
    // Two first saves of the same year at once: the unique key keeps one; the other reloads.
    if (isUniqueViolation(e)) throw stale();
    throw e;
  }
}

async function reviewReport(
  client: Db,
  actor: Actor,
  input: { reportId: string; version: number; reason?: string },
  transition: 'accept' | 'return',
  now: Date,
) {
  assertCan(actor, 'manage:platform:all');
  if (!isUuid(input.reportId)) throw notFound();
  return client.$transaction(async (tx) => {
    const r = await tx.platformAnnualReport.findUnique({
      where: { id: input.reportId },
      select: { id: true, platformId: true, year: true, status: true },
    });
    if (!r) throw notFound();
    if (!canTransitionPlatformReport(r.status, transition)) throw new DomainError('CONFLICT', 'reportWrongState');
    const to = transition === 'accept' ? 'ACCEPTED' : 'RETURNED';
    const { count } = await tx.platformAnnualReport.updateMany({
      where: { id: r.id, version: input.version, status: r.status },
      data: {
        status: to,
        reviewedById: actor.userId,
        reviewedAt: now,
        returnReason: transition === 'return' ? input.reason : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: `platform_report.${transition}`,
      entityType: 'PlatformAnnualReport',
      entityId: r.id,
      summary: {
        platformId: r.platformId,
        year: r.year,
        from: r.status,
        to,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return { id: r.id, status: to };
  });
}

export function acceptPlatformReport(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZAcceptPlatformReport>,
  now: Date = new Date(),
) {
  return reviewReport(client, actor, input, 'accept', now);
}

export function returnPlatformReport(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZReturnPlatformReport>,
  now: Date = new Date(),
) {
  return reviewReport(client, actor, input, 'return', now);
}

/**
 * Whether the actor may download a file as an annual report's PDF: the report's platform is one they read (the
 * director and open project managers, the host office, staff). Drafts included: those who read the platform are those
 * who write or accept its reports.
 */
export async function platformFileReadable(client: Db, actor: Actor, fileId: string): Promise<boolean> {
  if (!PLATFORM_READERS.some((p) => can(actor.role, p))) return false;
  const report = await client.platformAnnualReport.findFirst({
    where: { fileId, platform: platformWhere(actor) },
    select: { id: true },
  });
  return report !== null;
}
