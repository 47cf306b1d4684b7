import { describe, expect, it } from 'vitest';
import {
  unavailableDuring,
  ASSIGNMENT_AUDIT_ACTIONS,
  ASSIGNMENT_TRANSITIONS,
  OPEN_ASSIGNMENT_STATUSES,
  SCORING_ASSIGNMENT_STATUSES,
  REVIEW_ASSIGNMENT_MESSAGE_CODES,
  REVIEW_ASSIGNMENT_STATUSES,
  TERMINAL_ASSIGNMENT_STATUSES,
  canAcceptInvitation,
  canCancelAssignment,
  canDeclineInvitation,
  canInvite,
  canProposeAssignment,
  canSubmitReview,
  canTransitionAssignment,
  isLateSubmission,
  isOverdue,
  mustWithdrawForConflict,
  nextAssignmentStatus,
  type ActorFact,
  type AssignmentActor,
  type AssignmentFacts,
  type AssignmentTransition,
  type ConflictFact,
  type ProposalContext,
  type ReviewAssignmentStatus,
} from '@/domain/review/assignment-status';
import type { ReviewDraft, ReviewForm } from '@/domain/review/scoring';

// DATA-MODEL §3.4, copied by hand from the table so that a change to either shows up here.
const DOC_EDGES: [AssignmentTransition, ReviewAssignmentStatus[], ReviewAssignmentStatus, AssignmentActor[]][] = [
  ['invite', ['PROPOSED'], 'INVITED', ['STAFF']],
  ['cancel', ['PROPOSED', 'INVITED'], 'CANCELLED', ['STAFF']],
  ['accept', ['INVITED'], 'ACCEPTED', ['EXPERT']],
  ['decline', ['INVITED'], 'DECLINED', ['EXPERT']],
  ['submit', ['ACCEPTED', 'OVERDUE'], 'SUBMITTED', ['EXPERT']],
  ['mark_overdue', ['INVITED', 'ACCEPTED'], 'OVERDUE', ['SYSTEM']],
  ['withdraw_conflict', ['INVITED', 'ACCEPTED', 'OVERDUE'], 'WITHDRAWN_CONFLICT', ['SYSTEM', 'EXPERT']],
];
const ACTORS: AssignmentActor[] = ['STAFF', 'EXPERT', 'SYSTEM'];
const TRANSITIONS = Object.keys(ASSIGNMENT_TRANSITIONS) as AssignmentTransition[];

const APP = 'app-1';
const EXPERT = 'expert-1';
const NOW = new Date('2027-05-10T02:00:00Z');
const DUE = new Date('2027-05-20T09:00:00Z');
const staff: ActorFact = { kind: 'STAFF', userId: 'staff-1' };
const expert: ActorFact = { kind: 'EXPERT', userId: EXPERT };
const otherExpert: ActorFact = { kind: 'EXPERT', userId: 'expert-2' };
const system: ActorFact = { kind: 'SYSTEM', userId: null };

const assignment = (status: ReviewAssignmentStatus, dueAt = DUE): AssignmentFacts => ({
  status,
  applicationId: APP,
  expertUserId: EXPERT,
  dueAt,
});
const conflict = (over: Partial<ConflictFact> = {}): ConflictFact => ({
  applicationId: APP,
  expertUserId: EXPERT,
  dismissedById: null,
  ...over,
});
const proposal = (over: Partial<ProposalContext> = {}): ProposalContext => ({
  existing: null,
  applicationStatus: 'FORMAL_CHECK_PASSED',
  expert: { active: true, loadLimitPerCall: 10 },
  currentLoad: 3,
  conflicts: [],
  sanctions: [],
  now: NOW,
  ...over,
});

const form: ReviewForm = {
  criteria: [
    { key: 'originality', label: '创新性', labelEn: 'Originality', weightBp: 6000 },
    { key: 'feasibility', label: '可行性', labelEn: 'Feasibility', weightBp: 4000 },
  ],
  scaleMin: 1,
  scaleMax: 10,
  commentMinChars: 10,
  recommendationRequired: true,
};
const draft: ReviewDraft = {
  scores: { originality: 8, feasibility: 7 },
  recommendation: 'FUNDABLE',
  confidence: 'HIGH',
  commentToApplicant: '研究问题清楚，方案可行，建议补充对照实验。',
  language: 'zh',
  nonConsensusSupport: false,
};

describe('the transition table', () => {
  it('names the open and the scoring states once, from the table', () => {
    // Reminders, the dashboard and conflict withdrawal act on open assignments; drafts are saved where one submits.
    expect([...OPEN_ASSIGNMENT_STATUSES]).toEqual(['INVITED', 'ACCEPTED', 'OVERDUE']);
    expect([...SCORING_ASSIGNMENT_STATUSES]).toEqual(['ACCEPTED', 'OVERDUE']);
  });

  it('is exactly the table of DATA-MODEL §3.4, for every state, move and actor', () => {
    for (const status of REVIEW_ASSIGNMENT_STATUSES) {
      for (const t of TRANSITIONS) {
        for (const by of ACTORS) {
          const edge = DOC_EDGES.find(([name]) => name === t)!;
          const expected = edge[1].includes(status) && edge[3].includes(by);
          expect(canTransitionAssignment(status, t, by), `${status} -${t}-> by ${by}`).toBe(expected);
        }
      }
    }
    for (const [t, , to] of DOC_EDGES) expect(nextAssignmentStatus(t)).toBe(to);
    expect(TRANSITIONS.sort()).toEqual(DOC_EDGES.map(([t]) => t).sort());
  });

  it('never leaves a terminal state, and reaches every state from PROPOSED', () => {
    for (const status of TERMINAL_ASSIGNMENT_STATUSES) {
      for (const t of TRANSITIONS) for (const by of ACTORS) expect(canTransitionAssignment(status, t, by)).toBe(false);
    }
    const reached = new Set<ReviewAssignmentStatus>(['PROPOSED']);
    for (let changed = true; changed;) {
      changed = false;
      for (const [, from, to] of DOC_EDGES) {
        if (from.some((f) => reached.has(f)) && !reached.has(to)) {
          reached.add(to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...REVIEW_ASSIGNMENT_STATUSES].sort());
  });

  it('names an audit action for every move and the creation', () => {
    expect(Object.keys(ASSIGNMENT_AUDIT_ACTIONS).sort()).toEqual([...TRANSITIONS, 'propose'].sort());
    expect(ASSIGNMENT_AUDIT_ACTIONS.submit).toBe('review.submit');
    expect(new Set(REVIEW_ASSIGNMENT_MESSAGE_CODES).size).toBe(REVIEW_ASSIGNMENT_MESSAGE_CODES.length);
  });

  it('moves only along the table in random walks (seeded)', () => {
    const rand = mulberry32(20270510);
    for (let walk = 0; walk < 300; walk++) {
      let status: ReviewAssignmentStatus = 'PROPOSED';
      for (let step = 0; step < 12; step++) {
        const t = TRANSITIONS[Math.floor(rand() * TRANSITIONS.length)]!;
        const by = ACTORS[Math.floor(rand() * ACTORS.length)]!;
        if (canTransitionAssignment(status, t, by)) {
          expect(TERMINAL_ASSIGNMENT_STATUSES).not.toContain(status);
          status = nextAssignmentStatus(t);
        }
      }
      expect(REVIEW_ASSIGNMENT_STATUSES).toContain(status);
    }
  });
});

describe('proposal and invitation', () => {
  it('proposes a free, active, unsanctioned expert under the load limit', () => {
    expect(canProposeAssignment({ applicationId: APP, expertUserId: EXPERT }, staff, proposal())).toEqual({ ok: true });
    expect(canProposeAssignment({ applicationId: APP, expertUserId: EXPERT }, system, proposal())).toEqual({
      ok: true,
    });
  });

  it('refuses each reason in turn', () => {
    const pair = { applicationId: APP, expertUserId: EXPERT };
    const code = (ctx: ProposalContext, by: ActorFact = staff) => {
      const v = canProposeAssignment(pair, by, ctx);
      return v.ok ? 'ok' : v.code;
    };
    expect(code(proposal(), expert)).toBe('wrongState');
    expect(code(proposal({ existing: 'CANCELLED' }))).toBe('assignmentExists');
    expect(code(proposal({ applicationStatus: 'SUBMITTED' }))).toBe('applicationNotInReview');
    expect(code(proposal({ applicationStatus: 'UNDER_REVIEW' }))).toBe('ok');
    expect(code(proposal({ expert: { active: false, loadLimitPerCall: 10 } }))).toBe('expertInactive');
    expect(code(proposal({ conflicts: [conflict()] }))).toBe('conflictOfInterest');
    // A dismissed conflict, or one for another pair, does not bar this pair.
    expect(code(proposal({ conflicts: [conflict({ dismissedById: 'staff-1' })] }))).toBe('ok');
    expect(code(proposal({ conflicts: [conflict({ applicationId: 'app-2' }), conflict({ expertUserId: 'x' })] }))).toBe(
      'ok',
    );
    const sanction = { startsOn: new Date('2027-01-01'), endsOn: new Date('2028-01-01'), barsReviewing: true };
    expect(code(proposal({ sanctions: [sanction] }))).toBe('reviewingBarred');
    expect(code(proposal({ sanctions: [{ ...sanction, barsReviewing: false }] }))).toBe('ok');
    expect(code(proposal({ sanctions: [{ ...sanction, endsOn: new Date('2027-05-10') }] }))).toBe('ok');
    // Load: the new one must fit, so limit − 1 others is the most.
    expect(code(proposal({ currentLoad: 9 }))).toBe('ok');
    expect(code(proposal({ currentLoad: 10 }))).toBe('overLoadLimit');
  });

  it('re-checks conflicts and load when staff invite, and needs a due date ahead', () => {
    const ctx = proposal();
    expect(canInvite(assignment('PROPOSED'), staff, ctx)).toEqual({ ok: true });
    expect(canInvite(assignment('INVITED'), staff, ctx)).toEqual({ ok: false, code: 'wrongState' });
    expect(canInvite(assignment('PROPOSED'), expert, ctx)).toEqual({ ok: false, code: 'wrongState' });
    expect(canInvite(assignment('PROPOSED', NOW), staff, ctx)).toEqual({ ok: false, code: 'dueInPast' });
    expect(canInvite(assignment('PROPOSED'), staff, proposal({ conflicts: [conflict()] }))).toEqual({
      ok: false,
      code: 'conflictOfInterest',
    });
    expect(canInvite(assignment('PROPOSED'), staff, proposal({ currentLoad: 10 }))).toEqual({
      ok: false,
      code: 'overLoadLimit',
    });
  });

  it('lets staff cancel a proposal or an open invitation, nothing later', () => {
    expect(canCancelAssignment(assignment('PROPOSED'), staff, { reviewStatus: null })).toEqual({ ok: true });
    expect(canCancelAssignment(assignment('INVITED'), staff, { reviewStatus: 'DRAFT' })).toEqual({ ok: true });
    expect(canCancelAssignment(assignment('INVITED'), staff, { reviewStatus: 'SUBMITTED' })).toEqual({
      ok: false,
      code: 'wrongState',
    });
    for (const s of ['ACCEPTED', 'SUBMITTED', 'OVERDUE', 'DECLINED'] as const) {
      expect(canCancelAssignment(assignment(s), staff, { reviewStatus: null }).ok).toBe(false);
    }
    expect(canCancelAssignment(assignment('PROPOSED'), expert, { reviewStatus: null }).ok).toBe(false);
  });
});

describe("the expert's answer", () => {
  const onAccept = { moment: 'ON_ACCEPT' as const, hasConflict: false };

  it('accepts with a clean ON_ACCEPT declaration before the due instant', () => {
    expect(
      canAcceptInvitation(assignment('INVITED'), expert, { declaration: onAccept, conflicts: [], now: NOW }),
    ).toEqual({ ok: true });
    const code = (
      over: Partial<Parameters<typeof canAcceptInvitation>[2]>,
      by = expert,
      status = 'INVITED' as const,
    ) => {
      const v = canAcceptInvitation(assignment(status), by, {
        declaration: onAccept,
        conflicts: [],
        now: NOW,
        ...over,
      });
      return v.ok ? 'ok' : v.code;
    };
    expect(code({ declaration: null })).toBe('declarationRequired');
    expect(code({ declaration: { moment: 'ON_SUBMIT', hasConflict: false } })).toBe('declarationRequired');
    expect(code({ declaration: { moment: 'ON_ACCEPT', hasConflict: true } })).toBe('declaredConflict');
    expect(code({ conflicts: [conflict()] })).toBe('conflictOfInterest');
    expect(code({ now: DUE })).toBe('pastDue');
    expect(code({ now: new Date(DUE.getTime() - 1) })).toBe('ok');
    expect(code({}, otherExpert)).toBe('notOwnAssignment');
    expect(code({}, staff)).toBe('wrongState');
  });

  it('declines with a reason only', () => {
    expect(canDeclineInvitation(assignment('INVITED'), expert, { reason: '时间冲突' })).toEqual({ ok: true });
    expect(canDeclineInvitation(assignment('INVITED'), expert, { reason: '  ' })).toEqual({
      ok: false,
      code: 'declineReasonRequired',
    });
    expect(canDeclineInvitation(assignment('INVITED'), expert, { reason: null }).ok).toBe(false);
    expect(canDeclineInvitation(assignment('ACCEPTED'), expert, { reason: '时间冲突' })).toEqual({
      ok: false,
      code: 'wrongState',
    });
  });
});

describe('submission', () => {
  const onSubmit = { moment: 'ON_SUBMIT' as const, hasConflict: false };
  const ctx: Parameters<typeof canSubmitReview>[2] = { form, draft, declaration: onSubmit, conflicts: [] };

  it('submits a complete review from ACCEPTED, or late from OVERDUE', () => {
    expect(canSubmitReview(assignment('ACCEPTED'), expert, ctx)).toEqual({ ok: true });
    expect(canSubmitReview(assignment('OVERDUE'), expert, ctx)).toEqual({ ok: true });
    expect(canSubmitReview(assignment('INVITED'), expert, ctx)).toEqual({ ok: false, code: 'wrongState' });
    expect(canSubmitReview(assignment('ACCEPTED'), otherExpert, ctx)).toEqual({ ok: false, code: 'notOwnAssignment' });
  });

  it('returns the review form errors with the refusal', () => {
    const v = canSubmitReview(assignment('ACCEPTED'), expert, {
      ...ctx,
      draft: { ...draft, scores: { originality: 11 } },
    });
    expect(v).toEqual({
      ok: false,
      code: 'reviewIncomplete',
      issues: [
        { field: 'scores.originality', code: 'between', params: { min: 1, max: 10 } },
        { field: 'scores.feasibility', code: 'required' },
      ],
    });
  });

  it('needs the ON_SUBMIT declaration and no conflict standing', () => {
    const code = (over: Partial<typeof ctx>) => {
      const v = canSubmitReview(assignment('ACCEPTED'), expert, { ...ctx, ...over });
      return v.ok ? 'ok' : v.code;
    };
    expect(code({ declaration: null })).toBe('declarationRequired');
    expect(code({ declaration: { moment: 'ON_ACCEPT', hasConflict: false } })).toBe('declarationRequired');
    expect(code({ declaration: { moment: 'ON_SUBMIT', hasConflict: true } })).toBe('declaredConflict');
    expect(code({ conflicts: [conflict()] })).toBe('conflictOfInterest');
  });

  it('counts a review submitted at the due instant as late', () => {
    expect(isLateSubmission(assignment('ACCEPTED'), new Date(DUE.getTime() - 1))).toBe(false);
    expect(isLateSubmission(assignment('ACCEPTED'), DUE)).toBe(true);
  });
});

describe('system moves', () => {
  it('marks an open assignment overdue from the due instant on', () => {
    expect(isOverdue(assignment('ACCEPTED'), new Date(DUE.getTime() - 1))).toEqual({ ok: false, code: 'notDueYet' });
    expect(isOverdue(assignment('ACCEPTED'), DUE)).toEqual({ ok: true });
    expect(isOverdue(assignment('INVITED'), DUE)).toEqual({ ok: true });
    for (const s of ['PROPOSED', 'SUBMITTED', 'OVERDUE', 'DECLINED', 'CANCELLED', 'WITHDRAWN_CONFLICT'] as const) {
      expect(isOverdue(assignment(s), DUE)).toEqual({ ok: false, code: 'wrongState' });
    }
  });

  it('withdraws an open assignment when a conflict is detected or declared', () => {
    const none = { conflicts: [], declarations: [] };
    expect(mustWithdrawForConflict(assignment('ACCEPTED'), { ...none, conflicts: [conflict()] })).toEqual({ ok: true });
    expect(
      mustWithdrawForConflict(
        assignment('INVITED'),
        { ...none, declarations: [{ moment: 'ON_ACCEPT', hasConflict: true }] },
        expert,
      ),
    ).toEqual({ ok: true });
    expect(mustWithdrawForConflict(assignment('OVERDUE'), { ...none, conflicts: [conflict()] })).toEqual({ ok: true });
    expect(
      mustWithdrawForConflict(assignment('ACCEPTED'), { ...none, conflicts: [conflict({ dismissedById: 's' })] }),
    ).toEqual({ ok: false, code: 'noConflict' });
    expect(mustWithdrawForConflict(assignment('ACCEPTED'), none)).toEqual({ ok: false, code: 'noConflict' });
    // Not from PROPOSED (staff cancel it) nor SUBMITTED (terminal; staff handle a late-found conflict).
    expect(mustWithdrawForConflict(assignment('PROPOSED'), { ...none, conflicts: [conflict()] })).toEqual({
      ok: false,
      code: 'wrongState',
    });
    expect(mustWithdrawForConflict(assignment('SUBMITTED'), { ...none, conflicts: [conflict()] })).toEqual({
      ok: false,
      code: 'wrongState',
    });
    expect(mustWithdrawForConflict(assignment('ACCEPTED'), { ...none, conflicts: [conflict()] }, staff)).toEqual({
      ok: false,
      code: 'wrongState',
    });
  });
});

/** A small seeded PRNG (mulberry32), so a failing walk can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('an expert unavailable during the review window', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const from = d('2027-03-01');
  const until = d('2027-03-31');
  it('counts any overlap, and an absence without an end', () => {
    const e = (a: string | null, b: string | null) => ({
      unavailableFrom: a ? d(a) : null,
      unavailableUntil: b ? d(b) : null,
    });
    expect(unavailableDuring(e(null, null), from, until)).toBe(false);
    expect(unavailableDuring(e('2027-02-01', '2027-02-28'), from, until)).toBe(false);
    expect(unavailableDuring(e('2027-02-01', '2027-03-01'), from, until)).toBe(true);
    expect(unavailableDuring(e('2027-03-31', '2027-04-10'), from, until)).toBe(true);
    expect(unavailableDuring(e('2027-04-01', null), from, until)).toBe(false);
    expect(unavailableDuring(e('2027-01-01', null), from, until)).toBe(true);
  });
});
