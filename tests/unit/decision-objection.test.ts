import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES } from '@/domain/application/transitions';
import { CHALLENGE_FOLLOWS_CALL, CHALLENGE_STATUSES } from '@/domain/challenge/challenge';
import {
  canTransitionObjection,
  OBJECTION_STATUSES,
  OBJECTION_TRANSITIONS,
  OPEN_OBJECTION_STATUSES,
  type ObjectionTransition,
} from '@/domain/decision/objection';
import { awaitsDecision, challengeSettlement } from '@/domain/decision/settlement';

describe('objection handling (DATA-MODEL §3.6)', () => {
  const steps = Object.keys(OBJECTION_TRANSITIONS) as ObjectionTransition[];

  it('is taken up once, then upheld or dismissed once; upheld and dismissed are final', () => {
    const allowed = OBJECTION_STATUSES.flatMap((s) =>
      steps.filter((t) => canTransitionObjection(s, t)).map((t) => `${s} -${t}-> ${OBJECTION_TRANSITIONS[t].to}`),
    );
    expect(allowed).toEqual([
      'FILED -start_review-> UNDER_REVIEW',
      'UNDER_REVIEW -uphold-> UPHELD',
      'UNDER_REVIEW -dismiss-> DISMISSED',
    ]);
  });

  it('holds its decision back only while it is filed or under review', () => {
    expect([...OPEN_OBJECTION_STATUSES]).toEqual(['FILED', 'UNDER_REVIEW']);
    for (const s of OPEN_OBJECTION_STATUSES) expect(steps.some((t) => canTransitionObjection(s, t))).toBe(true);
  });
});

describe('settling a call when its decisions are final', () => {
  it('waits for applications the commission still has to decide, not for dead or decided ones', () => {
    const waiting = APPLICATION_STATUSES.filter(awaitsDecision);
    expect(waiting).toEqual(['INSTITUTION_APPROVED', 'FORMAL_CHECK_PASSED', 'UNDER_REVIEW', 'PANEL']);
    for (const s of ['DRAFT', 'SUBMITTED', 'RETURNED', 'FORMAL_CHECK_FAILED', 'DECIDED', 'WITHDRAWN'] as const)
      expect(awaitsDecision(s)).toBe(false);
  });

  it('awards a challenge with at least one funded team, else leaves it unawarded', () => {
    expect(challengeSettlement(0)).toBe('UNAWARDED');
    expect(challengeSettlement(1)).toBe('AWARDED');
    expect(challengeSettlement(3)).toBe('AWARDED');
  });

  it('moves only published or closed challenges with their call, to states that exist', () => {
    expect(CHALLENGE_FOLLOWS_CALL.close).toEqual({ from: ['PUBLISHED'], to: 'CLOSED' });
    for (const rule of Object.values(CHALLENGE_FOLLOWS_CALL)) {
      expect(CHALLENGE_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(['PUBLISHED', 'CLOSED']).toContain(from);
    }
    expect(CHALLENGE_FOLLOWS_CALL.award.to).toBe('AWARDED');
    expect(CHALLENGE_FOLLOWS_CALL.leave_unawarded.to).toBe('UNAWARDED');
  });
});
