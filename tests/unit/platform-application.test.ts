import { describe, expect, it } from 'vitest';
import { canTransitionApplication } from '@/domain/application/transitions';
import {
  checkPlatformDirector,
  checkPlatformQuota,
  fundingTotals,
  platformContentOf,
  platformSubmissionOpen,
  platformYears,
  sumYearBudget,
  validatePlatformApplication,
  ZPlatformContent,
  type DirectorFacts,
  type PlatformCheckInput,
} from '@/domain/platform/application';
import { defaultProgramRules } from '@/domain/program/rules';
import { detectConflicts, type ConflictApplication, type ConflictExpert } from '@/domain/review/conflicts';
import { ZPlatformDraft } from '@/lib/validation/platforms';

// 平台申报 (issue 7): the director rule (北京研究中心 → strategic scientist), the enterprise partner of a 三城一区
// platform, the team, the budget by year and source, the quota, the window to the second, and partner conflicts.

const HOST = 'inst-host';
const PARTNER = 'inst-partner';
const ENTERPRISE = 'inst-enterprise';
const WAN = 1_000_000n;
const long = (n: number) => '平台围绕首都战略需求开展有组织科研。'.repeat(Math.ceil(n / 17)).slice(0, n);

const director = (extra: Partial<DirectorFacts> = {}): DirectorFacts => ({
  isResearcher: true,
  institutionId: HOST,
  title: 'ASSOCIATE_SENIOR',
  sanctionedUntil: null,
  otherAsPi: 0,
  ...extra,
});

function complete(extra: Partial<PlatformCheckInput> = {}): PlatformCheckInput {
  return {
    kind: 'LAB_BASIC',
    rules: defaultProgramRules('LAB_BASIC'),
    hostInstitutionId: HOST,
    startYear: 2026,
    application: { title: '北京智能感知实验室', abstract: long(120), disciplineCode: '520', durationMonths: 36 },
    content: {
      goals: long(120),
      buildingPlan: long(220),
      openness: long(120),
      directions: [{ title: '类脑感知', titleEn: '', description: long(60), leadName: '王建国' }],
    },
    directorUserId: 'u-director',
    director: director(),
    partners: [{ institutionId: PARTNER, institutionKind: 'RESEARCH_UNIVERSITY', role: 'CO_BUILDER' }],
    members: [
      { userId: 'u-1', name: '李晓', institutionId: HOST, confirmation: 'CONFIRMED', otherAsMember: 0 },
      { userId: 'u-2', name: '陈静', institutionId: PARTNER, confirmation: 'CONFIRMED', otherAsMember: 0 },
    ],
    yearBudget: [
      { year: 2026, source: 'FISCAL', amountFen: 400n * WAN },
      { year: 2027, source: 'FISCAL', amountFen: 400n * WAN },
      { year: 2028, source: 'FISCAL', amountFen: 200n * WAN },
      { year: 2026, source: 'INSTITUTION', amountFen: 100n * WAN },
    ],
    attachmentKeys: ['proposal', 'building_plan'],
    ...extra,
  };
}
const codes = (input: PlatformCheckInput) =>
  validatePlatformApplication(input).errors.map((e) => `${e.field}:${e.code}`);

describe('the director', () => {
  const rules = defaultProgramRules('RESEARCH_CENTER');
  it('is a registered researcher of the host institution', () => {
    expect(checkPlatformDirector('LAB_BASIC', director(), HOST, rules)).toEqual([]);
    expect(checkPlatformDirector('LAB_BASIC', null, HOST, rules)).toEqual([
      { field: 'directorEmail', code: 'directorNotResearcher' },
    ]);
    expect(checkPlatformDirector('LAB_BASIC', director({ isResearcher: false }), HOST, rules)[0]?.code).toBe(
      'directorNotResearcher',
    );
    expect(checkPlatformDirector('LAB_BASIC', director({ institutionId: PARTNER }), HOST, rules)).toEqual([
      { field: 'directorEmail', code: 'directorNotAtInstitution' },
    ]);
  });
  it('of a 北京研究中心 is a strategic scientist: a senior title (正高级), and only there', () => {
    expect(checkPlatformDirector('RESEARCH_CENTER', director(), HOST, rules).map((i) => i.code)).toEqual([
      'directorNotStrategicScientist',
    ]);
    expect(checkPlatformDirector('RESEARCH_CENTER', director({ title: null }), HOST, rules)[0]?.code).toBe(
      'directorNotStrategicScientist',
    );
    expect(checkPlatformDirector('RESEARCH_CENTER', director({ title: 'SENIOR' }), HOST, rules)).toEqual([]);
    expect(checkPlatformDirector('LAB_APPLIED', director({ title: 'INTERMEDIATE' }), HOST, rules)).toEqual([]);
  });
  it('is not under a sanction and leads no other application of the program in play (限项)', () => {
    expect(checkPlatformDirector('LAB_BASIC', director({ sanctionedUntil: '2027-01-01' }), HOST, rules)).toEqual([
      { field: 'directorEmail', code: 'directorCreditSanctioned', params: { until: '2027-01-01' } },
    ]);
    expect(checkPlatformDirector('LAB_BASIC', director({ otherAsPi: 1 }), HOST, rules)).toEqual([
      { field: 'directorEmail', code: 'limitAsPi', params: { max: 1 } },
    ]);
  });
});

describe('validatePlatformApplication', () => {
  it('passes a complete application', () => {
    expect(validatePlatformApplication(complete())).toEqual({ errors: [], warnings: [] });
  });

  it('names every missing section on its field', () => {
    const errors = codes(
      complete({
        application: { title: ' ', abstract: '短', disciplineCode: null, durationMonths: 12 },
        content: { goals: '', buildingPlan: long(199), openness: long(99), directions: [] },
      }),
    );
    expect(errors).toEqual([
      'title:required',
      'disciplineCode:required',
      'abstract:sectionTooShort',
      'content.goals:sectionTooShort',
      'content.buildingPlan:sectionTooShort',
      'content.openness:sectionTooShort',
      'durationMonths:durationOutOfRange',
      'content.directions:directionsRequired',
      // 12 months is one year of the period: the 2027 and 2028 rows fall outside it.
      'yearBudget.1.year:budgetYearOutOfPeriod',
      'yearBudget.2.year:budgetYearOutOfPeriod',
    ]);
  });

  it('wants each direction titled, led and described', () => {
    const errors = codes(
      complete({
        content: {
          ...complete().content,
          directions: [{ title: '', titleEn: '', description: long(49), leadName: '' }],
        },
      }),
    );
    expect(errors).toEqual([
      'content.directions.0.title:required',
      'content.directions.0.leadName:required',
      'content.directions.0.description:sectionTooShort',
    ]);
  });

  it('refuses the host as its own partner, a partner twice, and an enterprise partner that is not an enterprise', () => {
    const errors = codes(
      complete({
        partners: [
          { institutionId: HOST, institutionKind: 'RESEARCH_UNIVERSITY', role: 'CO_BUILDER' },
          { institutionId: PARTNER, institutionKind: 'RESEARCH_UNIVERSITY', role: 'ENTERPRISE_PARTNER' },
          { institutionId: PARTNER, institutionKind: 'RESEARCH_UNIVERSITY', role: 'CO_FUNDER' },
        ],
      }),
    );
    expect(errors).toEqual([
      'partners.0.institutionId:partnerIsHost',
      'partners.1.role:partnerNotEnterprise',
      'partners.2.institutionId:partnerDuplicate',
    ]);
  });

  it('requires an enterprise partner of a 三城一区 joint platform, and of no other kind', () => {
    const tcp = { kind: 'THREE_CITIES_PLATFORM' as const, rules: defaultProgramRules('THREE_CITIES_PLATFORM') };
    const withAgreement = { attachmentKeys: ['proposal', 'building_plan', 'partner_agreement'] };
    expect(codes(complete({ ...tcp, ...withAgreement }))).toEqual(['partners:enterprisePartnerRequired']);
    expect(
      codes(
        complete({
          ...tcp,
          ...withAgreement,
          partners: [{ institutionId: ENTERPRISE, institutionKind: 'ENTERPRISE', role: 'ENTERPRISE_PARTNER' }],
          members: [],
        }),
      ),
    ).toEqual([]);
    // The same rules' attachments: a 三城一区 platform's partnership agreement is required.
    expect(
      codes(
        complete({
          ...tcp,
          partners: [{ institutionId: ENTERPRISE, institutionKind: 'ENTERPRISE', role: 'ENTERPRISE_PARTNER' }],
          members: [],
        }),
      ),
    ).toEqual(['attachments.partner_agreement:attachmentMissing']);
  });

  it('takes a team of confirmed researchers from the host and the partners, without the director', () => {
    const errors = codes(
      complete({
        members: [
          { userId: 'u-director', name: '王建国', institutionId: HOST, confirmation: 'CONFIRMED', otherAsMember: 0 },
          { userId: 'u-1', name: '李晓', institutionId: HOST, confirmation: 'PENDING', otherAsMember: 0 },
          { userId: 'u-2', name: '陈静', institutionId: 'inst-elsewhere', confirmation: 'DECLINED', otherAsMember: 0 },
          { userId: 'u-3', name: '周敏', institutionId: PARTNER, confirmation: 'CONFIRMED', otherAsMember: 3 },
        ],
      }),
    );
    expect(errors).toEqual([
      'members.0:memberIsDirector',
      'members.1:memberNotConfirmed',
      'members.2:memberDeclined',
      'members.2:memberInstitutionNotPartner',
      'members.3:limitAsMember',
    ]);
    expect(validatePlatformApplication(complete({ members: [] })).warnings.map((w) => w.code)).toEqual([
      'platformNoMembers',
    ]);
  });

  it('checks the budget by year: within the period, not negative, the fiscal total within the program range', () => {
    expect(codes(complete({ yearBudget: [] }))).toEqual(['yearBudget:yearBudgetRequired']);
    // LAB_BASIC: 500–5000 万元 fiscal.
    expect(codes(complete({ yearBudget: [{ year: 2026, source: 'FISCAL', amountFen: 499n * WAN }] }))).toEqual([
      'yearBudget:fiscalOutOfRange',
    ]);
    expect(codes(complete({ yearBudget: [{ year: 2026, source: 'FISCAL', amountFen: 500n * WAN }] }))).toEqual([]);
    expect(codes(complete({ yearBudget: [{ year: 2026, source: 'FISCAL', amountFen: 5000n * WAN + 1n }] }))).toEqual([
      'yearBudget:fiscalOutOfRange',
    ]);
    expect(
      codes(
        complete({
          yearBudget: [
            { year: 2025, source: 'FISCAL', amountFen: 600n * WAN },
            { year: 2029, source: 'ENTERPRISE', amountFen: -1n },
          ],
        }),
      ),
    ).toEqual([
      'yearBudget.0.year:budgetYearOutOfPeriod',
      'yearBudget.1.year:budgetYearOutOfPeriod',
      'yearBudget.1.amount:moneyPositive',
    ]);
    const fiscalOnly = validatePlatformApplication(
      complete({ yearBudget: [{ year: 2026, source: 'FISCAL', amountFen: 600n * WAN }] }),
    );
    expect(fiscalOnly.warnings.map((w) => w.code)).toEqual(['platformNoCoFunding']);
  });

  it('requires the rules attachments and reports the director', () => {
    expect(codes(complete({ attachmentKeys: ['proposal'], director: director({ institutionId: PARTNER }) }))).toEqual([
      'directorEmail:directorNotAtInstitution',
      'attachments.building_plan:attachmentMissing',
    ]);
  });
});

describe('the budget and period arithmetic', () => {
  it('counts the calendar years the duration covers from the call year', () => {
    expect(platformYears(2026, 36)).toEqual([2026, 2027, 2028]);
    expect(platformYears(2026, 37)).toEqual([2026, 2027, 2028, 2029]);
    expect(platformYears(2026, 1)).toEqual([2026]);
    expect(platformYears(2026, null)).toEqual([]);
  });
  it('sums by source in fen, and makes one funding row per source with money', () => {
    const rows = complete().yearBudget;
    expect(sumYearBudget(rows)).toEqual({
      bySource: { FISCAL: 1000n * WAN, ENTERPRISE: 0n, INSTITUTION: 100n * WAN },
      totalFen: 1100n * WAN,
    });
    expect(fundingTotals(rows)).toEqual([
      { source: 'FISCAL', amountFen: 1000n * WAN },
      { source: 'INSTITUTION', amountFen: 100n * WAN },
    ]);
  });
});

describe('submission', () => {
  const call = {
    status: 'OPEN' as const,
    opensAt: new Date('2026-11-01T01:00:00Z'),
    closesAt: new Date('2027-03-01T09:00:00Z'), // 17:00:00 Beijing
    institutionReviewClosesAt: new Date('2027-03-10T09:00:00Z'),
  };
  it('goes straight from a draft to recommended, by the office only', () => {
    expect(canTransitionApplication('DRAFT', 'submit_platform', 'OFFICE')).toBe(true);
    expect(canTransitionApplication('RETURNED', 'submit_platform', 'OFFICE')).toBe(true);
    expect(canTransitionApplication('DRAFT', 'submit_platform', 'PI')).toBe(false);
    expect(canTransitionApplication('INSTITUTION_APPROVED', 'submit_platform', 'OFFICE')).toBe(false);
    expect(canTransitionApplication('INSTITUTION_APPROVED', 'withdraw', 'OFFICE')).toBe(true);
    expect(canTransitionApplication('FORMAL_CHECK_PASSED', 'withdraw', 'OFFICE')).toBe(false);
  });
  it('is accepted to the second of the deadline in Beijing time', () => {
    expect(platformSubmissionOpen(call, 'DRAFT', new Date('2027-03-01T08:59:59.999Z'))).toBe(true);
    expect(platformSubmissionOpen(call, 'DRAFT', new Date('2027-03-01T09:00:00.000Z'))).toBe(false);
    expect(platformSubmissionOpen(call, 'DRAFT', new Date('2026-11-01T00:59:59.999Z'))).toBe(false);
    expect(platformSubmissionOpen({ ...call, status: 'CLOSED' }, 'DRAFT', new Date('2027-01-01T00:00:00Z'))).toBe(
      false,
    );
    // A returned application until the institutions' deadline.
    expect(platformSubmissionOpen(call, 'RETURNED', new Date('2027-03-05T00:00:00Z'))).toBe(true);
  });
  it('stays within the quota, counting the one submitted', () => {
    expect(checkPlatformQuota({ quota: 2, used: 1 })).toBeNull();
    expect(checkPlatformQuota({ quota: 2, used: 2 })).toEqual({
      field: 'call',
      code: 'platformQuotaFull',
      params: { quota: 2 },
    });
    expect(checkPlatformQuota({ quota: 0, used: 0 })?.code).toBe('platformQuotaFull');
  });
});

describe('the content schema', () => {
  it('reads a draft just started as empty sections, and refuses too many directions', () => {
    expect(platformContentOf({})).toEqual({ goals: '', buildingPlan: '', openness: '', directions: [] });
    expect(platformContentOf(null).directions).toEqual([]);
    const tooMany = ZPlatformContent.safeParse({
      directions: Array.from({ length: 11 }, () => ({ title: 'x' })),
    });
    expect(tooMany.success).toBe(false);
  });
  it('parses the form: amounts in 万元 to fen, an empty amount as none', () => {
    const parsed = ZPlatformDraft.parse({
      id: '0190a0b0-0000-7000-8000-000000000001',
      version: 1,
      directorEmail: ' Director@Demo.Jingyan.cn ',
      content: { goals: '', buildingPlan: '', openness: '', directions: [] },
      partners: [],
      yearBudget: [{ year: 2026, fiscalWan: '12.5', enterpriseWan: '', institutionWan: '3' }],
      keywords: '感知，类脑',
    });
    expect(parsed.directorEmail).toBe('director@demo.jingyan.cn');
    expect(parsed.yearBudget[0]).toEqual({
      year: 2026,
      fiscalWan: 12_500_000n,
      enterpriseWan: null,
      institutionWan: 3n * WAN,
    });
    expect(parsed.keywords).toEqual(['感知', '类脑']);
  });
});

describe('conflicts of a platform application (回避)', () => {
  const host = { id: HOST, name: '北京工业大学' };
  const partner = { id: PARTNER, name: '首都师范大学', aliases: ['首师大'] };
  const app = (partners: ConflictApplication['partners']): ConflictApplication => ({
    id: 'app-p',
    applicant: { userId: 'u-director', name: '王建国' },
    institution: host,
    members: [],
    works: [],
    avoidanceRequests: [],
    partners,
  });
  const expertAt = (institution: { id: string | null; name: string }): ConflictExpert => ({
    userId: 'u-expert',
    names: ['张伟'],
    institution,
    affiliations: [],
    declarations: [],
  });
  const REF = { referenceDate: new Date('2027-03-01T02:00:00Z') };

  it('conflicts out the staff of a partner institution (SAME_INSTITUTION), by id or by a listed alias', () => {
    const byId = detectConflicts(app([{ institution: partner }]), expertAt({ id: PARTNER, name: '首都师范大学' }), REF);
    expect(byId).toEqual([
      {
        reason: 'SAME_INSTITUTION',
        detail: {
          matches: [
            {
              party: 'PARTNER',
              personName: '首都师范大学',
              partyInstitution: '首都师范大学',
              expertInstitution: '首都师范大学',
              via: 'ID',
              alias: null,
              source: 'PROFILE',
              fromDate: null,
              upcoming: false,
            },
          ],
        },
      },
    ]);
    const byAlias = detectConflicts(app([{ institution: partner }]), expertAt({ id: null, name: '首师大' }), REF);
    expect(byAlias.map((f) => f.reason)).toEqual(['SAME_INSTITUTION']);
  });

  it('leaves an expert of an institution that is neither host nor partner free, as before partners existed', () => {
    const other = expertAt({ id: 'inst-other', name: '清华大学' });
    expect(detectConflicts(app([{ institution: partner }]), other, REF)).toEqual([]);
    expect(detectConflicts(app(undefined), expertAt({ id: PARTNER, name: '首都师范大学' }), REF)).toEqual([]);
  });
});
