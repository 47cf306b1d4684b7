import { describe, expect, it } from 'vitest';
import { ProgramKind as PrismaProgramKind } from '@/generated/prisma/enums';
import { defaultProgramRules, isPlatformKind, PROGRAM_KINDS, ZProgramRules } from '@/domain/program/rules';
import { meetsMinimumTitle } from '@/domain/people/title';

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

  it('compare professional titles by rank', () => {
    expect(meetsMinimumTitle('SENIOR', 'ASSOCIATE_SENIOR')).toBe(true);
    expect(meetsMinimumTitle('INTERMEDIATE', 'ASSOCIATE_SENIOR')).toBe(false);
    expect(meetsMinimumTitle(null, 'JUNIOR')).toBe(false);
    expect(meetsMinimumTitle(null, null)).toBe(true);
  });
});
