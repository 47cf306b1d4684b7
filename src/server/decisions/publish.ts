import 'server-only';
import type { z } from 'zod';
import { canTransitionDecision } from '@/domain/decision/decision';
import { beijingDate, noticePeriod } from '@/domain/decision/notice';
import { fenToWan } from '@/domain/money';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZPublishDecisions } from '@/lib/validation/decisions';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { applicationHolder } from '@/domain/notify/holder';
import { notify } from '../notify/notify';
import { calendarExceptions } from '../reference/calendar';
import { callRules } from '../review/call-rules';
import { publishBatch } from './decisions';
import { dateValue, isoDate } from './shared';

// Releasing a call's decisions (DATA-MODEL §3.5). One staff action does both steps of the state machine in one
// transaction: the batch DRAFT → PUBLISHED (`decision.publish` each), then its notice DRAFT → OPEN with the FUND
// decisions' public snapshot and the batch PUBLISHED → IN_NOTICE (`notice.publish`). Two separate actions would leave
// a window in which applicants read a released decision while the public notice — the period in which anyone may
// object, and after which the decision becomes final — has not started; nothing useful happens in that window, and
// a batch stuck in PUBLISHED would never become final. The two audit steps are still recorded separately.

const ADVISORY = 'decisions-publish:';

export async function publishDecisions(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZPublishDecisions>,
  now: Date = new Date(),
) {
  assertCan(actor, 'manage:decision:all');
  assertCan(actor, 'manage:notice:all');
  return client.$transaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { id: input.callId }, select: { id: true } });
    if (!call) throw notFound();
    // Two staff pressing 发布 at once: the second waits, then finds no drafts left.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${ADVISORY + call.id}))`;
    const { rules } = await callRules(tx, call.id);
    const { drafts, issues } = await publishBatch(tx, call.id, rules.stages.panel);
    if (drafts.length === 0) throw new DomainError('CONFLICT', 'noDraftDecisions');
    if (issues.length) {
      const first = issues[0]!;
      throw new DomainError('VALIDATION', first.code, undefined, first.params);
    }

    const today = beijingDate(now);
    const yearOn = isoDate(new Date(dateValue(today).getTime() + 366 * 86_400_000));
    const period = noticePeriod(today, input.workingDays, await calendarExceptions(tx, today, yearOn));

    for (const d of drafts) {
      if (!canTransitionDecision(d.status, 'publish')) throw new DomainError('CONFLICT', 'wrongState');
      const moved = await tx.decision.updateMany({
        where: { id: d.id, version: d.version, status: 'DRAFT' },
        data: { status: 'PUBLISHED', publishedAt: now, version: { increment: 1 } },
      });
      if (moved.count === 0) throw stale();
      await recordAudit(tx, {
        actor,
        action: 'decision.publish',
        entityType: 'Decision',
        entityId: d.id,
        summary: { applicationId: d.applicationId, from: 'DRAFT', to: 'PUBLISHED', outcome: d.outcome },
      });
    }
    // Each applicant learns the outcome of their own application (a revised decision is a new row: told again).
    const decided = await tx.application.findMany({
      where: { id: { in: drafts.map((d) => d.applicationId) } },
      select: { id: true, kind: true, applicantId: true, createdById: true, title: true, code: true },
    });
    const decisionOf = new Map(drafts.map((d) => [d.applicationId, d]));
    await notify(
      tx,
      decided.map((a) => ({
        ...applicationHolder(a),
        kind: 'DECISION_PUBLISHED' as const,
        params: { title: a.title, code: a.code ?? '', outcome: decisionOf.get(a.id)!.outcome },
        entityType: 'Decision',
        entityId: decisionOf.get(a.id)!.id,
      })),
    );

    const notice = await tx.notice.create({
      data: { callId: call.id, title: input.title, body: input.body, workingDays: input.workingDays, status: 'DRAFT' },
      select: { id: true },
    });
    const funded = await tx.decision.findMany({
      where: { id: { in: drafts.map((d) => d.id) }, outcome: 'FUND' },
      orderBy: { application: { code: 'asc' } },
      select: {
        id: true,
        awardedFiscalFen: true,
        application: {
          select: {
            code: true,
            title: true,
            applicant: { select: { name: true } },
            institution: { select: { name: true } },
          },
        },
      },
    });
    // The public snapshot: what the notice shows stays what was published, whatever later happens to the rows.
    if (funded.length) {
      await tx.noticeItem.createMany({
        data: funded.map((d) => ({
          noticeId: notice.id,
          decisionId: d.id,
          applicationCode: d.application.code ?? '',
          projectTitle: d.application.title,
          piName: d.application.applicant.name,
          institutionName: d.application.institution.name,
          amountFen: d.awardedFiscalFen ?? 0n,
        })),
      });
    }
    const opened = await tx.decision.updateMany({
      where: { id: { in: drafts.map((d) => d.id) }, status: 'PUBLISHED' },
      data: { status: 'IN_NOTICE', noticeId: notice.id, version: { increment: 1 } },
    });
    if (opened.count !== drafts.length) throw stale();
    await tx.notice.update({
      where: { id: notice.id },
      data: {
        status: 'OPEN',
        startsOn: dateValue(period.startsOn),
        endsOn: dateValue(period.endsOn),
        publishedAt: now,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'notice.publish',
      entityType: 'Notice',
      entityId: notice.id,
      summary: {
        callId: call.id,
        from: 'DRAFT',
        to: 'OPEN',
        title: input.title,
        workingDays: input.workingDays,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        decisions: drafts.length,
        items: funded.length,
        fundedWan: fenToWan(funded.reduce((s, d) => s + (d.awardedFiscalFen ?? 0n), 0n)),
      },
    });
    return { noticeId: notice.id, published: drafts.length, items: funded.length, ...period };
  });
}
