import 'server-only';
import type { z } from 'zod';
import { canEditReport, canReadReport, canTransitionReport } from '@/domain/committee/report';
import { can } from '@/domain/auth/permissions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZDraftReport, ZReportRef, ZUpdateReport } from '@/lib/validation/strategy';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { theCurrentTerm } from './membership';
import { openMembershipWhere } from './meetings';

// 咨询报告 (issue 7, DATA-MODEL §2.14): staff draft a report of the running term (optionally on one of its meetings,
// optionally with a PDF), edit the draft, and publish it; the term's members read published reports only.
// Rules: src/domain/committee/report.ts.

const UUID = /^[0-9a-f-]{36}$/i;

/** The optional meeting (of the report's term) and file (uploaded by this staff member) a report refers to. */
async function checkLinks(
  tx: Tx,
  actor: Actor,
  termId: string,
  input: { meetingId: string | null; fileId: string | null },
) {
  if (input.meetingId) {
    const meeting = await tx.strategyMeeting.findFirst({
      where: { id: input.meetingId, termId },
      select: { id: true },
    });
    if (!meeting) throw new DomainError('VALIDATION', 'checkFields', { meetingId: 'invalid' });
  }
  if (input.fileId) {
    const file = await tx.storedFile.findFirst({
      where: { id: input.fileId, ownerId: actor.userId, deletedAt: null },
      select: { id: true },
    });
    if (!file) throw new DomainError('VALIDATION', 'checkFields', { fileId: 'fileUnknown' });
  }
}

export async function draftReport(client: Db, actor: Actor, input: z.output<typeof ZDraftReport>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const term = await theCurrentTerm(tx, now);
    if (!term) throw new DomainError('CONFLICT', 'noCommitteeTerm');
    await checkLinks(tx, actor, term.id, input);
    const report = await tx.consultationReport.create({
      data: {
        termId: term.id,
        meetingId: input.meetingId,
        title: input.title,
        body: input.body,
        fileId: input.fileId,
        authorId: actor.userId,
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'consultation_report.create',
      entityType: 'ConsultationReport',
      entityId: report.id,
      summary: { to: 'DRAFT', title: input.title, meetingId: input.meetingId, fileId: input.fileId },
    });
    return report;
  });
}

/** A draft is edited (title, body, meeting, file) until it is published. */
export async function updateReport(client: Db, actor: Actor, input: z.output<typeof ZUpdateReport>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const report = await tx.consultationReport.findUnique({
      where: { id: input.reportId },
      select: { id: true, termId: true, status: true },
    });
    if (!report) throw notFound();
    if (!canEditReport(report.status)) throw new DomainError('CONFLICT', 'wrongState');
    await checkLinks(tx, actor, report.termId, input);
    const moved = await tx.consultationReport.updateMany({
      where: { id: report.id, version: input.version, status: 'DRAFT' },
      data: {
        title: input.title,
        body: input.body,
        meetingId: input.meetingId,
        fileId: input.fileId,
        version: { increment: 1 },
      },
    });
    if (moved.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'consultation_report.update',
      entityType: 'ConsultationReport',
      entityId: report.id,
      summary: { title: input.title, meetingId: input.meetingId, fileId: input.fileId },
    });
    return { version: input.version + 1 };
  });
}

export async function publishReport(client: Db, actor: Actor, input: z.output<typeof ZReportRef>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const report = await tx.consultationReport.findUnique({
      where: { id: input.reportId },
      select: { id: true, status: true },
    });
    if (!report) throw notFound();
    if (!canTransitionReport(report.status, 'publish')) throw new DomainError('CONFLICT', 'wrongState');
    const moved = await tx.consultationReport.updateMany({
      where: { id: report.id, version: input.version, status: 'DRAFT' },
      data: { status: 'PUBLISHED', publishedAt: now, version: { increment: 1 } },
    });
    if (moved.count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'consultation_report.publish',
      entityType: 'ConsultationReport',
      entityId: report.id,
      summary: { from: 'DRAFT', to: 'PUBLISHED' },
    });
    return { status: 'PUBLISHED' as const };
  });
}

const reportSelect = {
  id: true,
  termId: true,
  title: true,
  body: true,
  status: true,
  version: true,
  publishedAt: true,
  createdAt: true,
  meeting: { select: { id: true, title: true } },
  file: { select: { id: true, filename: true, sizeBytes: true } },
} as const;

/**
 * Staff: every report; a member: the published reports of the terms they hold an open membership of (FORBIDDEN for a
 * committee member of no term).
 */
export async function listReports(client: Db, actor: Actor, now = new Date()) {
  const staff = can(actor.role, 'manage:committee:all');
  if (!staff) assertCan(actor, 'serve:committee:own');
  return client.consultationReport.findMany({
    where: staff
      ? {}
      : { status: 'PUBLISHED', term: { members: { some: { userId: actor.userId, ...openMembershipWhere(now) } } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: reportSelect,
  });
}

/** One report, read as `canReadReport` says; anyone else (a draft for a member, another term's report) NOT_FOUND. */
export async function getReport(client: Db, actor: Actor, reportId: string, now = new Date()) {
  const staff = can(actor.role, 'manage:committee:all');
  if (!staff) assertCan(actor, 'serve:committee:own');
  if (!UUID.test(reportId)) throw notFound();
  const report = await client.consultationReport.findUnique({ where: { id: reportId }, select: reportSelect });
  if (!report) throw notFound();
  const memberOfTerm =
    !staff &&
    (await client.committeeMembership.count({
      where: { termId: report.termId, userId: actor.userId, ...openMembershipWhere(now) },
    })) > 0;
  if (!canReadReport({ staff, memberOfTerm }, report.status)) throw notFound();
  return report;
}
