import 'server-only';
import type { z } from 'zod';
import { can } from '@/domain/auth/permissions';
import { canApproveTranche } from '@/domain/project/task-book';
import { STABLE_SUPPORT_ORDINAL_BASE } from '@/domain/platform/evaluation';
import { canMarkTranchePaid } from '@/domain/project/tranche';
import { RUNNING_PROJECT_STATUSES } from '@/domain/project/transitions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZApproveTranche, ZCancelTranche, ZMarkTranchePaid } from '@/lib/validation/projects';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import type { Db, Prisma, Tx } from '../db';
import { projectWhere } from './scope';
import { fenToWan } from '@/domain/money';
import { notify } from '../notify/notify';

// 拨款 (DATA-MODEL §3.8): staff approve a planned tranche, the payer of its source marks it paid with the voucher
// number (the commission its fiscal money, the enterprise its co-funding, the institution office its matching), and
// staff cancel an unpaid one with a reason. An office or an enterprise reaches only the tranches it pays: any other
// tranche id is NOT_FOUND to them, like one that does not exist.

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function payerWhere(actor: Actor): Prisma.TrancheWhereInput {
  if (actor.role === 'COMMISSION_STAFF') return {};
  if (!actor.institutionId) throw new DomainError('FORBIDDEN');
  if (actor.role === 'ENTERPRISE') return { source: 'ENTERPRISE', sourceInstitutionId: actor.institutionId };
  if (actor.role === 'INSTITUTION_OFFICE') return { source: 'INSTITUTION', sourceInstitutionId: actor.institutionId };
  throw new DomainError('FORBIDDEN');
}

async function loadTranche(tx: Tx, actor: Actor, trancheId: string, where: Prisma.TrancheWhereInput = {}) {
  if (!isUuid(trancheId)) throw notFound();
  const t = await tx.tranche.findFirst({
    where: { AND: [{ id: trancheId }, { project: projectWhere(actor) }, where] },
    select: {
      id: true,
      projectId: true,
      source: true,
      sourceInstitutionId: true,
      ordinal: true,
      plannedDate: true,
      amountFen: true,
      status: true,
      version: true,
      project: { select: { status: true, startDate: true } },
    },
  });
  if (!t) throw notFound();
  return t;
}

const refusal = (code: string) => new DomainError('CONFLICT', code);

export async function approveTranche(client: Db, actor: Actor, input: z.output<typeof ZApproveTranche>) {
  assertCan(actor, 'manage:project:all');
  const now = new Date();
  return client.$transaction(async (tx) => {
    const t = await loadTranche(tx, actor, input.trancheId);
    const plannedYear = t.plannedDate.getUTCFullYear();
    const startYear = t.project.startDate.getUTCFullYear();
    const previous =
      plannedYear > startYear
        ? await tx.expenditureReport.findUnique({
            where: { projectId_year: { projectId: t.projectId, year: plannedYear - 1 } },
            select: { status: true },
          })
        : null;
    const plan = await tx.budgetPlan.aggregate({
      where: {
        taskBook: { projectId: t.projectId, status: 'CONFIRMED' },
        source: t.source,
        sourceInstitutionId: t.sourceInstitutionId,
      },
      _sum: { amountFen: true },
    });
    const movedIn = await tx.tranche.aggregate({
      where: {
        projectId: t.projectId,
        source: t.source,
        sourceInstitutionId: t.sourceInstitutionId,
        reallocatedFromId: { not: null },
        status: { not: 'CANCELLED' },
      },
      _sum: { amountFen: true },
    });
    const committed = await tx.tranche.aggregate({
      where: {
        projectId: t.projectId,
        source: t.source,
        sourceInstitutionId: t.sourceInstitutionId,
        status: { in: ['APPROVED', 'PAID'] },
      },
      _sum: { amountFen: true },
    });
    // Stable support planned by platform evaluations counts toward the fiscal payer's limit (issue 7).
    const stable =
      t.source === 'FISCAL'
        ? await tx.tranche.aggregate({
            where: {
              projectId: t.projectId,
              source: 'FISCAL',
              ordinal: { gt: STABLE_SUPPORT_ORDINAL_BASE },
              status: { not: 'CANCELLED' },
            },
            _sum: { amountFen: true },
          })
        : null;
    const guard = canApproveTranche(
      { status: t.status, plannedYear, amountFen: t.amountFen },
      {
        projectRunning: (RUNNING_PROJECT_STATUSES as readonly string[]).includes(t.project.status),
        projectStartYear: startYear,
        previousYearReportStatus: previous?.status ?? null,
        payerLimitFen: (plan._sum.amountFen ?? 0n) + (movedIn._sum.amountFen ?? 0n),
        payerCommittedFen: committed._sum.amountFen ?? 0n,
        stableSupportPlannedFen: stable?._sum.amountFen ?? 0n,
      },
    );
    if (!guard.ok) throw refusal(guard.code === 'wrongState' ? 'trancheWrongState' : guard.code);
    const { count } = await tx.tranche.updateMany({
      where: { id: t.id, version: input.version, status: 'PLANNED' },
      data: { status: 'APPROVED', approvedById: actor.userId, approvedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'tranche.approve',
      entityType: 'Tranche',
      entityId: t.id,
      summary: {
        from: 'PLANNED',
        to: 'APPROVED',
        projectId: t.projectId,
        source: t.source,
        amountFen: t.amountFen.toString(),
      },
    });
    return { id: t.id, status: 'APPROVED' as const };
  });
}

/** The payer records the payment with its voucher number (凭证号). */
export async function markTranchePaid(client: Db, actor: Actor, input: z.output<typeof ZMarkTranchePaid>) {
  if (!can(actor.role, 'manage:project:all') && !can(actor.role, 'pay:tranche:institution')) {
    throw new DomainError('FORBIDDEN');
  }
  const now = new Date();
  return client.$transaction(async (tx) => {
    const t = await loadTranche(tx, actor, input.trancheId, payerWhere(actor));
    // A suspended, cut, terminated or closed project receives nothing, even on a tranche approved before.
    if (!(RUNNING_PROJECT_STATUSES as readonly string[]).includes(t.project.status)) throw refusal('projectNotRunning');
    const guard = canMarkTranchePaid(t, actor, input.paymentReference);
    if (!guard.ok) {
      if (guard.code === 'paymentReferenceRequired') {
        throw new DomainError('VALIDATION', 'checkFields', { paymentReference: 'paymentReferenceRequired' });
      }
      throw refusal(guard.code === 'wrongState' ? 'trancheWrongState' : 'notThePayer');
    }
    const { count } = await tx.tranche.updateMany({
      where: { id: t.id, version: input.version, status: 'APPROVED' },
      data: {
        status: 'PAID',
        paidById: actor.userId,
        paidAt: now,
        paymentReference: input.paymentReference.trim(),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'tranche.mark_paid',
      entityType: 'Tranche',
      entityId: t.id,
      summary: {
        from: 'APPROVED',
        to: 'PAID',
        projectId: t.projectId,
        source: t.source,
        amountFen: t.amountFen.toString(),
        paymentReference: input.paymentReference.trim(),
      },
    });
    const project = await tx.project.findUniqueOrThrow({
      where: { id: t.projectId },
      select: { code: true, piUserId: true },
    });
    await notify(tx, {
      recipientId: project.piUserId,
      kind: 'TRANCHE_PAID',
      params: { code: project.code, ordinal: t.ordinal, amountWan: fenToWan(t.amountFen) },
      link: `/researcher/projects/${t.projectId}/money`,
      entityType: 'Tranche',
      entityId: t.id,
    });
    return { id: t.id, status: 'PAID' as const };
  });
}

export async function cancelTranche(client: Db, actor: Actor, input: z.output<typeof ZCancelTranche>) {
  assertCan(actor, 'manage:project:all');
  return client.$transaction(async (tx) => {
    const t = await loadTranche(tx, actor, input.trancheId);
    if (t.status !== 'PLANNED' && t.status !== 'APPROVED') throw refusal('trancheWrongState');
    if (!input.reason.trim()) throw new DomainError('VALIDATION', 'checkFields', { reason: 'required' });
    const { count } = await tx.tranche.updateMany({
      where: { id: t.id, version: input.version, status: t.status },
      data: { status: 'CANCELLED', cancelledReason: input.reason, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    await recordAudit(tx, {
      actor,
      action: 'tranche.cancel',
      entityType: 'Tranche',
      entityId: t.id,
      summary: { from: t.status, to: 'CANCELLED', projectId: t.projectId, reason: input.reason },
    });
    return { id: t.id, status: 'CANCELLED' as const };
  });
}
