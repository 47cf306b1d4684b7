import 'server-only';
import { canTransitionApplication } from '@/domain/application/transitions';
import { beijingDate, noticeClosesAt } from '@/domain/decision/notice';
import { OPEN_OBJECTION_STATUSES } from '@/domain/decision/objection';
import { DomainError } from '@/lib/errors';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { createProjectFromDecision } from '../projects/create-project';
import { decideCallIfComplete } from '../calls/follow-call';
import { isoDate } from './shared';

// After the notice (DATA-MODEL §3.5, ADR 0010): a decision in notice becomes FINAL when its notice closes, unless an
// objection on it is still open (FILED / UNDER_REVIEW) — then it becomes final when that objection is dismissed. Its
// application becomes DECIDED and a FUND decision gives birth to its project, in the same transaction.
//
// Until issue 8's job queue, the sweep runs when staff open the notices page and from a button there. It is safe to
// run twice at once: every UPDATE names the status it moves from in its WHERE, and the notice row is claimed first, so
// a second run either waits and then finds nothing to do or skips a notice another run is closing.

/** Moves one IN_NOTICE decision to FINAL if nothing holds it; false when it was held, already moved, or not in notice. */
export async function finaliseDecision(tx: Tx, decisionId: string, now: Date, actor: Actor | null): Promise<boolean> {
  const moved = await tx.decision.updateMany({
    where: {
      id: decisionId,
      status: 'IN_NOTICE',
      NOT: { noticeItem: { objections: { some: { status: { in: [...OPEN_OBJECTION_STATUSES] } } } } },
    },
    data: { status: 'FINAL', finalAt: now, version: { increment: 1 } },
  });
  if (moved.count === 0) return false;
  const decision = await tx.decision.findUniqueOrThrow({
    where: { id: decisionId },
    select: { id: true, callId: true, outcome: true, application: { select: { id: true, status: true } } },
  });
  await recordAudit(tx, {
    actor,
    action: 'decision.finalise',
    entityType: 'Decision',
    entityId: decision.id,
    summary: { applicationId: decision.application.id, from: 'IN_NOTICE', to: 'FINAL', outcome: decision.outcome },
  });
  const from = decision.application.status;
  if (!canTransitionApplication(from, 'decide', 'STAFF')) throw new DomainError('CONFLICT', 'wrongState');
  const decided = await tx.application.updateMany({
    where: { id: decision.application.id, status: from },
    data: { status: 'DECIDED', version: { increment: 1 } },
  });
  if (decided.count === 0) throw new DomainError('STALE');
  await recordAudit(tx, {
    actor,
    action: 'application.decide',
    entityType: 'Application',
    entityId: decision.application.id,
    summary: { from, to: 'DECIDED', decisionId: decision.id, outcome: decision.outcome },
  });
  if (decision.outcome === 'FUND') await createProjectFromDecision(tx, decision.id, now);
  // The last final decision of a call decides the call and settles its challenges.
  await decideCallIfComplete(tx, decision.callId, actor);
  return true;
}

export interface SweepResult {
  closed: number;
  finalised: number;
  held: number;
  /** Notices that could not be closed (the error is logged); the next run tries again. */
  failed: string[];
}

/**
 * Closes every OPEN notice whose period has ended (24:00 Beijing of its last working day ≤ now) and finalises the
 * decisions it holds that no open objection holds back. One transaction per notice, so one bad notice does not stop
 * the others. Audited as the system (no actor): the sweep acts on the calendar, not on anyone's say.
 */
export async function closeDueNotices(client: Db, now: Date = new Date()): Promise<SweepResult> {
  // A notice ending today (Beijing) closes at tonight's 24:00: the date narrows the query, the instant decides.
  const candidates = await client.notice.findMany({
    where: { status: 'OPEN', endsOn: { lte: new Date(`${beijingDate(now)}T00:00:00Z`) } },
    orderBy: { endsOn: 'asc' },
    select: { id: true, endsOn: true },
  });
  const due = candidates.filter((n) => n.endsOn && noticeClosesAt(isoDate(n.endsOn)).getTime() <= now.getTime());
  const result: SweepResult = { closed: 0, finalised: 0, held: 0, failed: [] };
  for (const notice of due) {
    try {
      const done = await client.$transaction(async (tx) => {
        const claimed = await tx.notice.updateMany({
          where: { id: notice.id, status: 'OPEN' },
          data: { status: 'CLOSED', closedAt: now, version: { increment: 1 } },
        });
        if (claimed.count === 0) return null;
        const decisions = await tx.decision.findMany({
          where: { noticeId: notice.id, status: 'IN_NOTICE' },
          orderBy: { id: 'asc' },
          select: { id: true },
        });
        let finalised = 0;
        for (const d of decisions) if (await finaliseDecision(tx, d.id, now, null)) finalised++;
        await recordAudit(tx, {
          actor: null,
          action: 'notice.close',
          entityType: 'Notice',
          entityId: notice.id,
          summary: { from: 'OPEN', to: 'CLOSED', finalised, held: decisions.length - finalised },
        });
        return { finalised, held: decisions.length - finalised };
      });
      if (done) {
        result.closed++;
        result.finalised += done.finalised;
        result.held += done.held;
      }
    } catch (error) {
      console.error(`[notice sweep] notice ${notice.id} not closed`, error);
      result.failed.push(notice.id);
    }
  }
  return result;
}
