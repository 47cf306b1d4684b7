import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ProgramKind as PrismaProgramKind } from '@/generated/prisma/enums';
import { defaultProgramRules, isPlatformKind, PROGRAM_KINDS, ZProgramRules } from '@/domain/program/rules';
import { meetsMinimumTitle } from '@/domain/people/title';
import { DEFAULT_NON_CONSENSUS, type NonConsensusRule } from '@/domain/review/non-consensus';

const issues = (value: unknown) => {
  const r = ZProgramRules.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('program rules', () => {
  it('cover every program kind of the policy, each with valid defaults', () => {
    expect([...PROGRAM_KINDS].sort()).toEqual(Object.values(PrismaProgramKind).sort());
    for (const kind of PROGRAM_KINDS) expect(issues(defaultProgramRules(kind)), kind).toEqual([]);
  });

  it('encode the policy: youth track under 35, Excellent Young under 45, platforms by institutions', () => {
    expect(defaultProgramRules('GENERAL').youthTrack).toEqual({ maxAgeExclusive: 35, minShareBp: 8000 });
    expect(defaultProgramRules('EXCELLENT_YOUNG').age).toEqual({ maxExclusive: 45 });
    expect(defaultProgramRules('EXCELLENT_YOUNG').budget.modes).toEqual(['LUMP_SUM']);
    expect(defaultProgramRules('EXCELLENT_YOUNG').mentorRequired).toBe(true);
    expect(defaultProgramRules('KEY_CHALLENGE').minTitle).toBe('SENIOR');
    for (const kind of PROGRAM_KINDS) {
      expect(defaultProgramRules(kind).applicantKind, kind).toBe(isPlatformKind(kind) ? 'INSTITUTION' : 'PERSON');
    }
  });

  it('refuse inconsistent rules, naming the field to correct', () => {
    const base = defaultProgramRules('KEY_CHALLENGE');
    expect(issues({ ...base, budget: { ...base.budget, minFen: '500', maxFen: '100' } })).toEqual([
      'budget.maxFen:maxBelowMin',
    ]);
    expect(
      issues({
        ...base,
        reviewForm: { ...base.reviewForm, criteria: base.reviewForm.criteria.map((c) => ({ ...c, weightBp: 2000 })) },
      }),
    ).toEqual(['reviewForm.criteria:weightsSum?sum=80']);
    expect(issues({ ...base, stages: { ...base.stages, panel: false } })).toEqual(['panel:stageSettingsMismatch']);
    expect(
      issues({
        ...base,
        stages: { formalCheck: true, mailReview: false, panel: false },
        mailReview: null,
        panel: null,
      }),
    ).toEqual(['stages:needsReviewStage']);
    expect(issues({ ...base, applicantKind: 'INSTITUTION' })).toEqual(['applicantKind:personRulesOnInstitution']);
    expect(issues({ ...base, institutionKinds: [] })).toEqual(['institutionKinds:chooseAtLeastOne']);
    expect(issues({ ...base, budget: { ...base.budget, maxFen: '-1' } })).toContain('budget.maxFen:moneyFormat');
    const dupe = { ...base, requiredAttachments: [base.requiredAttachments[0]!, base.requiredAttachments[0]!] };
    expect(issues(dupe)).toEqual(['requiredAttachments.1.key:duplicateKey']);
    expect(issues({ ...base, panel: { passRuleBp: 5000 } })).toEqual(['panel.passRuleBp:between?min=5001&max=10000']);
  });

  it('carry the non-consensus rule in mail review, defaulted for versions saved before it existed', () => {
    for (const kind of PROGRAM_KINDS) {
      expect(defaultProgramRules(kind).mailReview?.nonConsensus, kind).toEqual(DEFAULT_NON_CONSENSUS);
    }
    // A version stored before the rule existed: mailReview without nonConsensus.
    const { nonConsensus: _dropped, ...oldMailReview } = defaultProgramRules('GENERAL').mailReview!;
    const stored = JSON.parse(JSON.stringify({ ...defaultProgramRules('GENERAL'), mailReview: oldMailReview }));
    const first = ZProgramRules.parse(stored);
    expect(first.mailReview?.nonConsensus).toEqual({ measure: 'RANGE', threshold: 4 });
    // Each parse gets its own copy: changing one document's rule never changes the default.
    first.mailReview!.nonConsensus.threshold = 7;
    expect(ZProgramRules.parse(stored).mailReview?.nonConsensus.threshold).toBe(4);
    expect(DEFAULT_NON_CONSENSUS.threshold).toBe(4);
    // Without mail review there is nothing to carry it.
    expect(ZProgramRules.parse(defaultProgramRules('GENERAL')).panel).toBeNull();

    // The form edits the input type (the rule may be absent), the app reads the output (always present).
    expectTypeOf<z.input<typeof ZProgramRules>['mailReview']>().toEqualTypeOf<{
      expertsPerApplication: number;
      minInternationalShareBp: number;
      blind: boolean;
      nonConsensus?: NonConsensusRule | undefined;
    } | null>();
    expectTypeOf<
      NonNullable<z.output<typeof ZProgramRules>['mailReview']>['nonConsensus']
    >().toEqualTypeOf<NonConsensusRule>();
  });

  it('refuse a non-consensus threshold that is not positive or that the scores could never exceed', () => {
    const base = defaultProgramRules('GENERAL'); // scale 1–10: range at most 9, standard deviation at most 4.5
    const withRule = (nonConsensus: unknown) => ({ ...base, mailReview: { ...base.mailReview!, nonConsensus } });
    expect(issues(withRule({ measure: 'RANGE', threshold: 0 }))).toEqual([
      'mailReview.nonConsensus.threshold:between?min=0.01&max=100',
    ]);
    expect(issues(withRule({ measure: 'RANGE', threshold: -1 }))).toEqual([
      'mailReview.nonConsensus.threshold:between?min=0.01&max=100',
    ]);
    expect(issues(withRule({ measure: 'RANGE', threshold: 8.99 }))).toEqual([]);
    expect(issues(withRule({ measure: 'RANGE', threshold: 9 }))).toEqual([
      'mailReview.nonConsensus.threshold:nonConsensusThresholdTooHigh?max=9',
    ]);
    expect(issues(withRule({ measure: 'STD_DEV', threshold: 2.5 }))).toEqual([]);
    expect(issues(withRule({ measure: 'STD_DEV', threshold: 4.5 }))).toEqual([
      'mailReview.nonConsensus.threshold:nonConsensusThresholdTooHigh?max=4.5',
    ]);
    expect(issues(withRule({ measure: 'MEDIAN', threshold: 2 }))).toEqual(['mailReview.nonConsensus.measure:required']);
    expect(issues(withRule({ measure: 'RANGE', threshold: 'four' }))).toEqual([
      'mailReview.nonConsensus.threshold:number',
    ]);
    // The limit follows the form's scale: a 0–100 form allows a range threshold of 30.
    const wide = { ...base, reviewForm: { ...base.reviewForm, scaleMin: 0, scaleMax: 100 } };
    expect(
      issues({ ...wide, mailReview: { ...base.mailReview!, nonConsensus: { measure: 'RANGE', threshold: 30 } } }),
    ).toEqual([]);
    // An inverted scale is reported once, on the scale, not again on the threshold.
    expect(issues({ ...base, reviewForm: { ...base.reviewForm, scaleMin: 10, scaleMax: 5 } })).toEqual([
      'reviewForm.scaleMax:maxBelowMin',
    ]);
  });

  it('compare professional titles by rank', () => {
    expect(meetsMinimumTitle('SENIOR', 'ASSOCIATE_SENIOR')).toBe(true);
    expect(meetsMinimumTitle('INTERMEDIATE', 'ASSOCIATE_SENIOR')).toBe(false);
    expect(meetsMinimumTitle(null, 'JUNIOR')).toBe(false);
    expect(meetsMinimumTitle(null, null)).toBe(true);
  });
});
