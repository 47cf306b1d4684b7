import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZProposeAssignmentRun } from '@/lib/validation/review';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { decideAssignmentRun, proposeAssignmentRun } from '@/server/review/assignment-runs';
import { cancelAssignment, getCallReview } from '@/server/review/staff-review';
import { seedDemo } from '../../prisma/seed';
import { actorFor, auditActions, DEMO, expectDomainError } from './helpers';

// The solver proposes, staff commit or discard. The demo call has one application past the formal check (周敏's
// neuromorphic-computing proposal). The demo pool's two other computing experts are set inactive here, so of those
// left only Anna Schmidt (520, reads English) fits it (review-workflow.test.ts runs the full pool).

let staff: Actor;
let app: { id: string; callId: string };
let annaId = '';
const propose = () =>
  proposeAssignmentRun(db(), staff, ZProposeAssignmentRun.parse({ callId: app.callId, dueAt: '2040-03-01T17:00' }));

beforeAll(async () => {
  await seedDemo(db());
  staff = await actorFor(DEMO.staff);
  app = await db().application.findFirstOrThrow({
    where: { status: 'FORMAL_CHECK_PASSED' },
    select: { id: true, callId: true },
  });
  // An English title and abstract, so the English-reading expert can review it.
  await db().application.update({
    where: { id: app.id },
    data: { disciplineCode: '52020', titleEn: 'Training spiking networks on the edge', abstractEn: 'We study…' },
  });
  annaId = (await db().user.findUniqueOrThrow({ where: { email: DEMO.intlExpert } })).id;
  await db().expertProfile.updateMany({
    where: { user: { email: { in: ['expert2@demo.jingyan.cn', 'expert3@demo.jingyan.cn'] } } },
    data: { active: false },
  });
});

describe('assignment runs', () => {
  it('proposes the fitting expert, reports the shortfall, and allows one pending run per call', async () => {
    const run = await propose();
    expect(run).toMatchObject({ applications: 1, filledSlots: 1, openSlots: 3 });
    expect(run.shortfalls).toEqual([{ applicationId: app.id, missing: 2, reason: 'NOT_ENOUGH_ELIGIBLE' }]);
    const proposed = await db().reviewAssignment.findMany({ where: { runId: run.runId } });
    expect(proposed.map((p) => [p.expertUserId, p.status, p.origin])).toEqual([[annaId, 'PROPOSED', 'AUTO']]);
    // Same second-level code (0.6 × 1); no keyword in common (the application's are Chinese, hers English).
    expect(Number(proposed[0]!.affinity)).toBe(0.6);
    expect(await auditActions(run.runId)).toEqual(['review_assignment.propose_run']);
    // The desk shows the pending run's shortfalls with the application's code and title.
    const desk = await getCallReview(db(), staff, app.callId);
    expect(desk.shortfalls).toEqual([
      expect.objectContaining({ missing: 2, application: expect.objectContaining({ id: app.id }) }),
    ]);

    const again = await expectDomainError(propose(), 'CONFLICT');
    expect(again.messageKey).toBe('assignmentRunPending');

    // Discarding removes the never-sent proposal, so the next run may propose the same pair.
    expect(await decideAssignmentRun(db(), staff, { runId: run.runId, decision: 'DISCARD' })).toEqual({
      invited: 0,
      cancelled: 1,
    });
    expect(await db().reviewAssignment.count({ where: { runId: run.runId } })).toBe(0);
    await expectDomainError(decideAssignmentRun(db(), staff, { runId: run.runId, decision: 'COMMIT' }), 'CONFLICT');
  });

  it('commits as invitations, builds the next run on them, and cancels a pair a new conflict stands between', async () => {
    const run = await propose();
    expect(await decideAssignmentRun(db(), staff, { runId: run.runId, decision: 'COMMIT' })).toEqual({
      invited: 1,
      cancelled: 0,
    });
    const invited = await db().reviewAssignment.findFirstOrThrow({
      where: { runId: run.runId },
      include: { invitations: true },
    });
    expect(invited.status).toBe('INVITED');
    expect(invited.invitations).toHaveLength(1);

    // The committed pair counts: a new run has nothing left to propose.
    const next = await propose();
    expect(next.filledSlots).toBe(0);
    await decideAssignmentRun(db(), staff, { runId: next.runId, decision: 'DISCARD' });

    // A conflict found between proposal and commit cancels that pair instead of inviting.
    await db().reviewInvitation.deleteMany({ where: { assignmentId: invited.id } });
    await db().reviewAssignment.delete({ where: { id: invited.id } });
    const third = await propose();
    await db().detectedConflict.create({
      data: {
        applicationId: app.id,
        expertUserId: annaId,
        reason: 'STAFF_MARKED',
        detail: { marks: [{ reason: '近期合作' }] },
        detectedAt: new Date(),
      },
    });
    expect(await decideAssignmentRun(db(), staff, { runId: third.runId, decision: 'COMMIT' })).toEqual({
      invited: 0,
      cancelled: 1,
    });
    // And no run proposes the pair again while the conflict stands.
    const fourth = await propose();
    expect(fourth.filledSlots).toBe(0);
  });

  it('lets staff take a pair out of a proposal before committing it; later runs do not propose it again', async () => {
    // From a clean slate: the previous test's last run is still pending, its pair and conflict on record.
    for (const pending of await db().assignmentRun.findMany({ where: { status: 'PROPOSED' } })) {
      await decideAssignmentRun(db(), staff, { runId: pending.id, decision: 'DISCARD' });
    }
    await db().reviewInvitation.deleteMany({ where: { assignment: { applicationId: app.id } } });
    await db().reviewAssignment.deleteMany({ where: { applicationId: app.id } });
    await db().detectedConflict.deleteMany({ where: { applicationId: app.id } });
    const run = await propose();
    const pair = await db().reviewAssignment.findFirstOrThrow({ where: { runId: run.runId } });
    await cancelAssignment(db(), staff, { assignmentId: pair.id, reason: '工作人员从分配方案中移除' });
    expect(await decideAssignmentRun(db(), staff, { runId: run.runId, decision: 'COMMIT' })).toEqual({
      invited: 0,
      cancelled: 0,
    });
    expect((await db().reviewAssignment.findUniqueOrThrow({ where: { id: pair.id } })).status).toBe('CANCELLED');
    expect((await propose()).filledSlots).toBe(0);
  });

  it('refuses a due date in the past, an unknown call or run, and anyone but staff', async () => {
    const past = await expectDomainError(
      proposeAssignmentRun(db(), staff, ZProposeAssignmentRun.parse({ callId: app.callId, dueAt: '2020-01-01T17:00' })),
      'VALIDATION',
    );
    expect(past.fieldErrors).toEqual({ dueAt: 'dueInPast' });
    await expectDomainError(
      proposeAssignmentRun(
        db(),
        staff,
        ZProposeAssignmentRun.parse({ callId: randomUUID(), dueAt: '2040-01-01T17:00' }),
      ),
      'NOT_FOUND',
    );
    await expectDomainError(decideAssignmentRun(db(), staff, { runId: randomUUID(), decision: 'COMMIT' }), 'NOT_FOUND');
    const expert = await actorFor(DEMO.intlExpert);
    await expectDomainError(
      proposeAssignmentRun(
        db(),
        expert,
        ZProposeAssignmentRun.parse({ callId: app.callId, dueAt: '2040-01-01T17:00' }),
      ),
      'FORBIDDEN',
    );
  });
});
