import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetRulesOf, computeBudget, type BudgetRules } from '@/domain/application/budget';
import {
  activeSanction,
  ageFacts,
  checkApplicantEligibility,
  checkLimits,
  type ApplicantFacts,
} from '@/domain/application/eligibility';
import { checkRecommendation } from '@/domain/application/recommendation';
import { canTransitionApplication, submissionDeadline } from '@/domain/application/transitions';
import { validateForSubmit } from '@/domain/application/validate';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber } from '@/domain/people/id-number';
import { defaultProgramRules } from '@/domain/program/rules';

const wan = (n: number) => BigInt(n) * 1_000_000n;

describe('身份证号 (GB 11643)', () => {
  it('accepts the standard example and an X check character, rejects a wrong one or an impossible date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300025')).toBe(false); // 30 February
    expect(isValidIdNumber('11010519491231002x')).toBe(true); // lower-case x typed
  });
  it('detects every single-digit change (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const base = '11010519491231002'; // valid with check character X
        const changed = base.slice(0, pos) + ((Number(base[pos]) + delta) % 10) + base.slice(pos + 1);
        // Weights are non-zero modulo 11, so the old check character never fits the changed body.
        return !isValidIdNumber(`${changed}X`) && idNumberCheckChar(changed) !== 'X';
      }),
    );
  });
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('eligibility', () => {
  const call = {
    status: 'OPEN' as const,
    opensAt: new Date('2027-03-01T00:00:00Z'),
    closesAt: new Date('2027-03-31T09:00:00Z'),
  };
  const now = new Date('2027-03-10T00:00:00Z');
  const facts: ApplicantFacts = {
    birthDate: new Date('1990-06-01T00:00:00Z'),
    title: 'ASSOCIATE_SENIOR',
    institutionKind: 'RESEARCH_UNIVERSITY',
    institutionAffiliation: 'MUNICIPAL',
  };

  it('computes the youth track from the age on the deadline (under 35)', () => {
    const rules = defaultProgramRules('GENERAL');
    expect(ageFacts(new Date('1992-03-31T00:00:00Z'), rules, call.closesAt)).toEqual({ age: 35, youthTrack: false });
    expect(ageFacts(new Date('1992-04-01T00:00:00Z'), rules, call.closesAt)).toEqual({ age: 34, youthTrack: true });
  });

  it('bars Excellent Young Scientists applicants aged 45 or more on the deadline', () => {
    const rules = defaultProgramRules('EXCELLENT_YOUNG');
    expect(checkApplicantEligibility(facts, rules, call, [], now)).toEqual([]);
    const older = { ...facts, birthDate: new Date('1982-03-31T00:00:00Z') };
    expect(checkApplicantEligibility(older, rules, call, [], now)).toEqual([
      { field: 'profile.birthDate', code: 'overAgeLimit', params: { age: 45, limit: 45 } },
    ]);
  });

  it('checks title, institution, the window and credit sanctions', () => {
    const rules = defaultProgramRules('KEY_CHALLENGE');
    const codes = (f = facts, n = now, s: Parameters<typeof checkApplicantEligibility>[3] = []) =>
      checkApplicantEligibility(f, rules, call, s, n).map((i) => i.code);
    expect(codes()).toEqual(['titleBelowMinimum']);
    expect(codes({ ...facts, title: 'SENIOR', institutionKind: 'ENTERPRISE' })).toEqual(['institutionNotEligible']);
    expect(codes({ ...facts, title: 'SENIOR' }, new Date('2027-03-31T09:00:00Z'))).toEqual(['callNotAccepting']);
    const sanction = {
      startsOn: new Date('2026-01-01T00:00:00Z'),
      endsOn: new Date('2028-01-01T00:00:00Z'),
      barsApplications: true,
    };
    expect(codes({ ...facts, title: 'SENIOR' }, now, [sanction])).toEqual(['creditSanctioned']);
    expect(activeSanction([{ ...sanction, endsOn: new Date('2027-03-10T00:00:00Z') }], now)).toBeUndefined();
  });

  it('counts 限项 including the application being checked', () => {
    const rules = defaultProgramRules('GENERAL'); // 1 as PI, 2 as member
    expect(checkLimits({ asPi: 0, asMember: 0, hasCurrentProject: false }, rules, 'PI', 'pi')).toEqual([]);
    expect(checkLimits({ asPi: 1, asMember: 0, hasCurrentProject: false }, rules, 'PI', 'pi')).toEqual([
      { field: 'pi', code: 'limitAsPi', params: { max: 1 } },
    ]);
    expect(checkLimits({ asPi: 0, asMember: 2, hasCurrentProject: false }, rules, 'MEMBER', 'members.0')).toEqual([
      { field: 'members.0', code: 'limitAsMember', params: { max: 2 } },
    ]);
  });
});

describe('quota and the under-35 share', () => {
  it("reproduces the issue's example: 9 recommended, 7 under 35 = 77.8% < 80%", () => {
    const check = checkRecommendation({ quota: 10, recommended: 8, recommendedYouth: 7 }, [{ youth: false }], 8000);
    expect(check.after).toEqual({ recommended: 9, youth: 7, shareBp: 7777 });
    expect(check.problems).toEqual([
      { code: 'youthShareTooLow', params: { recommended: 9, youth: 7, share: '77.8', min: 80 } },
    ]);
  });
  it('refuses going over the quota, even in a batch', () => {
    const check = checkRecommendation(
      { quota: 3, recommended: 2, recommendedYouth: 2 },
      [{ youth: true }, { youth: true }],
      8000,
    );
    expect(check.problems.map((p) => p.code)).toEqual(['quotaExceeded']);
  });
  it('never reports a share problem when the share holds (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.array(fc.boolean(), { maxLength: 20 }), (a, b, batch) => {
        const recommended = a + b;
        const check = checkRecommendation(
          { quota: 1000, recommended, recommendedYouth: a },
          batch.map((youth) => ({ youth })),
          8000,
        );
        const { youth, recommended: total } = check.after;
        const low = check.problems.some((p) => p.code === 'youthShareTooLow');
        return low === (total > 0 && youth * 10 < 8 * total);
      }),
    );
  });
});

describe('budget', () => {
  const rules: BudgetRules = {
    modes: ['LINE_ITEM', 'LUMP_SUM'],
    minFen: wan(10),
    maxFen: wan(30),
    indirectMaxShareBp: 3000,
  };
  const context = {
    indirectCodes: ['INDIRECT'],
    knownCodes: ['EQUIPMENT', 'OPERATIONS', 'PERSONNEL', 'INDIRECT'],
    pledgedEnterpriseFen: null,
  };

  it('sums line items, checks the indirect cap and that funding covers the total', () => {
    const lines = [
      { categoryCode: 'EQUIPMENT', amountFen: wan(5) },
      { categoryCode: 'OPERATIONS', amountFen: wan(10) },
      { categoryCode: 'INDIRECT', amountFen: wan(5) },
    ];
    const summary = computeBudget('LINE_ITEM', lines, null, [{ source: 'FISCAL', amountFen: wan(20) }], rules, context);
    expect(summary.totalFen).toBe(wan(20));
    expect(summary.indirectShareBp).toBe(3333);
    expect(summary.errors.map((e) => e.code)).toEqual(['indirectOverCap']);
    const ok = computeBudget(
      'LINE_ITEM',
      [...lines.slice(0, 2), { categoryCode: 'INDIRECT', amountFen: wan(4) }],
      null,
      [{ source: 'FISCAL', amountFen: wan(19) }],
      rules,
      context,
    );
    expect(ok.errors).toEqual([]);
  });

  it("treats a lump sum as one figure with no lines, and the fiscal request within the program's range", () => {
    const s = computeBudget('LUMP_SUM', [], wan(40), [{ source: 'FISCAL', amountFen: wan(40) }], rules, context);
    expect(s.errors.map((e) => e.code)).toEqual(['fiscalOutOfRange']);
  });

  it("matches a challenge's pledged enterprise co-funding exactly", () => {
    const s = computeBudget(
      'LUMP_SUM',
      [],
      wan(30),
      [
        { source: 'FISCAL', amountFen: wan(20) },
        { source: 'ENTERPRISE', amountFen: wan(10) },
      ],
      rules,
      { ...context, pledgedEnterpriseFen: wan(15) },
    );
    expect(s.errors.map((e) => e.code)).toEqual(['pledgeMismatch']);
  });

  it('always adds up exactly, whatever the lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            categoryCode: fc.constantFrom('EQUIPMENT', 'OPERATIONS', 'PERSONNEL', 'INDIRECT'),
            amountFen: fc.bigInt({ min: 0n, max: 10n ** 12n }),
          }),
          { maxLength: 30 },
        ),
        (lines) => {
          const s = computeBudget('LINE_ITEM', lines, null, [], rules, context);
          const sum = lines.reduce((t, l) => t + l.amountFen, 0n);
          const capOk = s.indirectFen * 10_000n <= s.directFen * 3000n;
          return (
            s.totalFen === sum &&
            s.directFen + s.indirectFen === sum &&
            capOk === !s.errors.some((e) => e.code === 'indirectOverCap')
          );
        },
      ),
    );
  });
});

describe('application life', () => {
  it('lets the PI submit and resubmit, the office return and recommend, staff check; nobody else', () => {
    expect(canTransitionApplication('DRAFT', 'submit', 'PI')).toBe(true);
    expect(canTransitionApplication('RETURNED', 'submit', 'PI')).toBe(true);
    expect(canTransitionApplication('SUBMITTED', 'submit', 'PI')).toBe(false); // a double click
    expect(canTransitionApplication('SUBMITTED', 'recommend', 'PI')).toBe(false);
    expect(canTransitionApplication('SUBMITTED', 'recommend', 'OFFICE')).toBe(true);
    expect(canTransitionApplication('INSTITUTION_APPROVED', 'formal_check_fail', 'STAFF')).toBe(true);
    expect(canTransitionApplication('FORMAL_CHECK_PASSED', 'withdraw', 'PI')).toBe(false);
  });
  it('lets a returned application be resubmitted until the recommendation deadline', () => {
    const call = {
      closesAt: new Date('2027-03-31T09:00:00Z'),
      institutionReviewClosesAt: new Date('2027-04-07T09:00:00Z'),
    };
    expect(submissionDeadline(call, 'DRAFT')).toEqual(call.closesAt);
    expect(submissionDeadline(call, 'RETURNED')).toEqual(call.institutionReviewClosesAt);
  });
});

describe('validation before submit', () => {
  it('lists blocking errors by field and warnings separately', () => {
    const rules = defaultProgramRules('GENERAL');
    const summary = computeBudget(
      'LUMP_SUM',
      [],
      wan(20),
      [{ source: 'FISCAL', amountFen: wan(20) }],
      budgetRulesOf(rules),
      { indirectCodes: [], knownCodes: [], pledgedEnterpriseFen: null },
    );
    const result = validateForSubmit({
      rules,
      eligibility: [],
      application: {
        title: '题目',
        abstract: '短',
        abstractEn: '',
        keywords: ['a'],
        disciplineCode: '520',
        durationMonths: 24,
        content: {
          researchContent: 'x'.repeat(200),
          innovation: 'x'.repeat(100),
          plan: 'x'.repeat(100),
          outcomes: 'x'.repeat(50),
        },
        budgetMode: 'LUMP_SUM',
        lumpSumPlan: 'x'.repeat(60),
      },
      members: [{ name: '李四', confirmation: 'PENDING', limitIssues: [] }],
      budget: summary,
      worksChosen: 0,
      attachmentKeys: [],
    });
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'abstract:sectionTooShort',
      'members.0:memberNotConfirmed',
      'attachments.proposal:attachmentMissing',
    ]);
    expect(result.warnings.map((w) => `${w.field}:${w.code}`)).toEqual(['keywords:fewKeywords', 'works:noWorks']);
  });
});
