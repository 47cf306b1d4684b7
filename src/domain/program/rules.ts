// A program's rules as data (ADR 0008). Commission staff edit them in the UI; every save is validated here and
// stored as a new immutable ProgramRuleVersion; a call pins the version current at publication, and applications
// keep the version of their call. The functions that enforce each rule on applications (age, title, limits, quota
// shares, budget caps) read this document — they are built with the applications (issue 4) and review (issue 5).
import { z } from 'zod';
import { INSTITUTION_KINDS } from '../auth/roles';
import { MAX_FEN } from '../money';
import { TITLE_LEVELS } from '../people/title';
import { checkNonConsensusRule, DEFAULT_NON_CONSENSUS, ZNonConsensusRule } from '../review/non-consensus';

export const PROGRAM_KINDS = [
  'GENERAL',
  'KEY_CHALLENGE',
  'EXCELLENT_YOUNG',
  'LAB_BASIC',
  'LAB_APPLIED',
  'LAB_HUMANITIES',
  'ADVANCED_INNOVATION_CENTER',
  'RESEARCH_CENTER',
  'HUMANITIES_SOCIAL_CENTER',
  'PHILOSOPHY_SOCIAL_INNOVATION_CENTER',
  'THREE_CITIES_PLATFORM',
] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const AFFILIATIONS = ['MUNICIPAL', 'CENTRAL_IN_BEIJING', 'OTHER'] as const;
export const BUDGET_MODES = ['LINE_ITEM', 'LUMP_SUM'] as const;
export type BudgetMode = (typeof BUDGET_MODES)[number];

/** Platform programs take applications from institutions; the others from a person (PI / chief scientist). */
export function isPlatformKind(kind: ProgramKind): boolean {
  return !['GENERAL', 'KEY_CHALLENGE', 'EXCELLENT_YOUNG'].includes(kind);
}

const int = (min: number, max: number) =>
  z
    .number({ error: 'number' })
    .int({ error: 'integer' })
    .min(min, { error: `between?min=${min}&max=${max}` })
    .max(max, { error: `between?min=${min}&max=${max}` });
const basisPoints = int(0, 10_000);
const fenString = z
  .string({ error: 'required' })
  .regex(/^\d{1,13}$/, { error: 'moneyFormat' })
  .refine((s) => BigInt(s) <= MAX_FEN, { error: 'moneyRange' });
const key = z.string({ error: 'required' }).regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'ruleKey' });
const label = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: `tooLong?max=${max}` });

export const ZReviewCriterion = z.object({
  key,
  label: label(40),
  labelEn: label(80),
  weightBp: int(1, 10_000),
});

export const ZRequiredAttachment = z.object({
  key,
  label: label(60),
  labelEn: label(120),
  required: z.boolean(),
  maxMb: int(1, 100),
});

const ZProgramRulesShape = z.object({
  applicantKind: z.enum(['PERSON', 'INSTITUTION'], { error: 'required' }),
  /** Upper age limit (exclusive), measured on the call's deadline in Beijing time. */
  age: z.object({ maxExclusive: int(20, 100) }).nullable(),
  /** 一般项目: the youth track, and the share of recommended applications that must be on it. */
  youthTrack: z.object({ maxAgeExclusive: int(20, 100), minShareBp: basisPoints }).nullable(),
  minTitle: z.enum(TITLE_LEVELS, { error: 'invalid' }).nullable(),
  institutionKinds: z.array(z.enum(INSTITUTION_KINDS)).min(1, { error: 'chooseAtLeastOne' }),
  affiliations: z.array(z.enum(AFFILIATIONS)).min(1, { error: 'chooseAtLeastOne' }),
  limits: z.object({
    /** 限项: applications under review or funded at once, as PI and as a member. */
    maxAsPi: int(0, 5),
    maxAsMember: int(0, 10),
    noCurrentProject: z.boolean(),
  }),
  quota: z.object({ defaultPerInstitution: int(0, 1000) }),
  budget: z.object({
    modes: z.array(z.enum(BUDGET_MODES)).min(1, { error: 'chooseAtLeastOne' }),
    minFen: fenString,
    maxFen: fenString,
    durationMonths: z.object({ min: int(1, 120), max: int(1, 120) }),
    /** Line-item budgets: indirect costs (间接费用) as a share of the direct costs' total at most. */
    indirectMaxShareBp: basisPoints,
  }),
  stages: z.object({ formalCheck: z.boolean(), mailReview: z.boolean(), panel: z.boolean() }),
  mailReview: z
    .object({
      expertsPerApplication: int(3, 15),
      minInternationalShareBp: basisPoints,
      blind: z.boolean(),
      /**
       * 非共识: how far the experts' weighted scores must spread (with at least one expert supporting the route) for
       * an application to go on the non-consensus list. Versions saved before this rule existed read as the default,
       * so every stored version still parses (ADR 0008).
       */
      nonConsensus: ZNonConsensusRule.default(() => ({ ...DEFAULT_NON_CONSENSUS })),
    })
    .nullable(),
  panel: z.object({ passRuleBp: int(5_001, 10_000) }).nullable(),
  reviewForm: z.object({
    criteria: z.array(ZReviewCriterion).min(1, { error: 'chooseAtLeastOne' }).max(12, { error: 'tooMany?max=12' }),
    scaleMin: int(0, 100),
    scaleMax: int(1, 100),
    commentMinChars: int(0, 2000),
    recommendationRequired: z.boolean(),
  }),
  representativeWorksMax: int(0, 5),
  abstractEnRequired: z.boolean(),
  mentorRequired: z.boolean(),
  requiredAttachments: z.array(ZRequiredAttachment).max(20, { error: 'tooMany?max=20' }),
});

/** Rules that hold between fields, reported on the field a person would correct. */
export const ZProgramRules = ZProgramRulesShape.superRefine((r, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (BigInt(r.budget.minFen) > BigInt(r.budget.maxFen)) issue(['budget', 'maxFen'], 'maxBelowMin');
  if (r.budget.durationMonths.min > r.budget.durationMonths.max)
    issue(['budget', 'durationMonths', 'max'], 'maxBelowMin');
  if (r.reviewForm.scaleMin >= r.reviewForm.scaleMax) issue(['reviewForm', 'scaleMax'], 'maxBelowMin');
  const weights = r.reviewForm.criteria.reduce((s, c) => s + c.weightBp, 0);
  if (weights !== 10_000) issue(['reviewForm', 'criteria'], `weightsSum?sum=${weights / 100}`);
  const dupe = (keys: string[]) => keys.findIndex((k, i) => keys.indexOf(k) !== i);
  const dupeCriterion = dupe(r.reviewForm.criteria.map((c) => c.key));
  if (dupeCriterion >= 0) issue(['reviewForm', 'criteria', dupeCriterion, 'key'], 'duplicateKey');
  const dupeAttachment = dupe(r.requiredAttachments.map((a) => a.key));
  if (dupeAttachment >= 0) issue(['requiredAttachments', dupeAttachment, 'key'], 'duplicateKey');
  if (r.stages.mailReview !== (r.mailReview !== null)) issue(['mailReview'], 'stageSettingsMismatch');
  if (r.stages.panel !== (r.panel !== null)) issue(['panel'], 'stageSettingsMismatch');
  if (!r.stages.mailReview && !r.stages.panel) issue(['stages'], 'needsReviewStage');
  if (r.applicantKind === 'INSTITUTION' && (r.age || r.youthTrack || r.minTitle)) {
    issue(['applicantKind'], 'personRulesOnInstitution');
  }
  if (r.age && r.youthTrack && r.youthTrack.maxAgeExclusive > r.age.maxExclusive) {
    issue(['youthTrack', 'maxAgeExclusive'], 'youthAboveAgeLimit');
  }
  // A threshold the scores can never exceed would switch detection off without anyone noticing. Judged only on a
  // sound scale: an inverted one is already reported on scaleMax.
  if (r.mailReview && r.reviewForm.scaleMin < r.reviewForm.scaleMax) {
    for (const i of checkNonConsensusRule(r.mailReview.nonConsensus, r.reviewForm)) {
      issue(['mailReview', 'nonConsensus', i.field], `nonConsensusThresholdTooHigh?max=${i.params?.max}`);
    }
  }
});
export type ProgramRules = z.infer<typeof ZProgramRules>;

const PERSON_HOSTS = ['RESEARCH_UNIVERSITY', 'SPECIALIZED_UNIVERSITY', 'APPLIED_UNIVERSITY'] as const;

const wan = (n: number) => (BigInt(Math.round(n * 100)) * 10_000n).toString();

const STANDARD_FORM: ProgramRules['reviewForm'] = {
  criteria: [
    { key: 'originality', label: '创新性与科学价值', labelEn: 'Originality and scientific value', weightBp: 3500 },
    { key: 'feasibility', label: '研究方案可行性', labelEn: 'Feasibility of the research plan', weightBp: 2500 },
    { key: 'team', label: '研究基础与团队', labelEn: 'Track record and team', weightBp: 2000 },
    { key: 'impact', label: '预期成果与影响', labelEn: 'Expected outcomes and impact', weightBp: 2000 },
  ],
  scaleMin: 1,
  scaleMax: 10,
  commentMinChars: 100,
  recommendationRequired: true,
};

const PLATFORM_FORM: ProgramRules['reviewForm'] = {
  criteria: [
    { key: 'need', label: '战略需求与定位', labelEn: 'Strategic need and positioning', weightBp: 3000 },
    { key: 'strength', label: '研究基础与队伍', labelEn: 'Research base and team', weightBp: 3000 },
    { key: 'plan', label: '建设方案与机制', labelEn: 'Building plan and governance', weightBp: 2500 },
    { key: 'support', label: '条件保障与配套', labelEn: 'Resources and co-funding', weightBp: 1500 },
  ],
  scaleMin: 1,
  scaleMax: 10,
  commentMinChars: 150,
  recommendationRequired: true,
};

const PROPOSAL = {
  key: 'proposal',
  label: '申报书（盖章版）',
  labelEn: 'Signed and sealed application',
  required: true,
  maxMb: 20,
};
const ETHICS = {
  key: 'ethics',
  label: '伦理审查或承诺材料',
  labelEn: 'Ethics approval or statement',
  required: false,
  maxMb: 10,
};

/**
 * The rules each kind of program starts with. They are a starting point staff adjust and save as a new version;
 * figures (money, durations, shares) are the demo's assumptions, not amounts the policy states.
 */
export function defaultProgramRules(kind: ProgramKind): ProgramRules {
  const base: ProgramRules = {
    applicantKind: 'PERSON',
    age: null,
    youthTrack: null,
    minTitle: null,
    institutionKinds: [...PERSON_HOSTS],
    affiliations: ['MUNICIPAL'],
    limits: { maxAsPi: 1, maxAsMember: 2, noCurrentProject: false },
    quota: { defaultPerInstitution: 0 },
    budget: {
      modes: ['LINE_ITEM'],
      minFen: wan(10),
      maxFen: wan(30),
      durationMonths: { min: 24, max: 36 },
      indirectMaxShareBp: 3000,
    },
    stages: { formalCheck: true, mailReview: true, panel: false },
    mailReview: {
      expertsPerApplication: 3,
      minInternationalShareBp: 0,
      blind: false,
      nonConsensus: { ...DEFAULT_NON_CONSENSUS },
    },
    panel: null,
    reviewForm: STANDARD_FORM,
    representativeWorksMax: 5,
    abstractEnRequired: false,
    mentorRequired: false,
    requiredAttachments: [PROPOSAL],
  };
  switch (kind) {
    case 'GENERAL':
      return {
        ...base,
        youthTrack: { maxAgeExclusive: 35, minShareBp: 8000 },
        quota: { defaultPerInstitution: 10 },
        budget: { ...base.budget, modes: ['LINE_ITEM', 'LUMP_SUM'] },
      };
    case 'KEY_CHALLENGE':
      return {
        ...base,
        minTitle: 'SENIOR',
        affiliations: ['MUNICIPAL', 'CENTRAL_IN_BEIJING'],
        institutionKinds: [...PERSON_HOSTS, 'RESEARCH_INSTITUTE'],
        limits: { maxAsPi: 1, maxAsMember: 1, noCurrentProject: false },
        // Teams answer challenges, not an allotment: each institution may put forward a few per call by default.
        quota: { defaultPerInstitution: 5 },
        budget: { ...base.budget, minFen: wan(100), maxFen: wan(2000), durationMonths: { min: 24, max: 48 } },
        stages: { formalCheck: true, mailReview: true, panel: true },
        mailReview: {
          expertsPerApplication: 5,
          minInternationalShareBp: 0,
          blind: false,
          nonConsensus: { ...DEFAULT_NON_CONSENSUS },
        },
        panel: { passRuleBp: 6667 },
        requiredAttachments: [
          PROPOSAL,
          {
            key: 'cofunding',
            label: '配套经费承诺函',
            labelEn: 'Co-funding commitment letter',
            required: true,
            maxMb: 10,
          },
        ],
      };
    case 'EXCELLENT_YOUNG':
      return {
        ...base,
        age: { maxExclusive: 45 },
        minTitle: 'ASSOCIATE_SENIOR',
        affiliations: ['MUNICIPAL', 'CENTRAL_IN_BEIJING'],
        quota: { defaultPerInstitution: 3 },
        limits: { maxAsPi: 1, maxAsMember: 1, noCurrentProject: true },
        // The 包干制 pilot: a lump sum with a short plan, no line items.
        budget: {
          ...base.budget,
          modes: ['LUMP_SUM'],
          minFen: wan(100),
          maxFen: wan(300),
          durationMonths: { min: 36, max: 60 },
        },
        stages: { formalCheck: true, mailReview: true, panel: true },
        mailReview: {
          expertsPerApplication: 5,
          minInternationalShareBp: 4000,
          blind: false,
          nonConsensus: { ...DEFAULT_NON_CONSENSUS },
        },
        panel: { passRuleBp: 6667 },
        abstractEnRequired: true,
        mentorRequired: true,
        requiredAttachments: [PROPOSAL, ETHICS],
      };
    default: {
      // Platforms: institutions apply (a director named in the application), multi-year budgets, panel defence.
      const humanities = ['LAB_HUMANITIES', 'HUMANITIES_SOCIAL_CENTER', 'PHILOSOPHY_SOCIAL_INNOVATION_CENTER'].includes(
        kind,
      );
      const withEnterprises = kind === 'THREE_CITIES_PLATFORM' || kind === 'ADVANCED_INNOVATION_CENTER';
      return {
        ...base,
        applicantKind: 'INSTITUTION',
        institutionKinds: [...PERSON_HOSTS],
        affiliations: ['MUNICIPAL'],
        limits: { maxAsPi: 1, maxAsMember: 3, noCurrentProject: false },
        quota: { defaultPerInstitution: 1 },
        budget: {
          modes: ['LINE_ITEM'],
          minFen: wan(humanities ? 200 : 500),
          maxFen: wan(humanities ? 1000 : 5000),
          durationMonths: { min: 36, max: 60 },
          indirectMaxShareBp: 2000,
        },
        stages: { formalCheck: true, mailReview: true, panel: true },
        mailReview: {
          expertsPerApplication: 5,
          minInternationalShareBp: 0,
          blind: false,
          nonConsensus: { ...DEFAULT_NON_CONSENSUS },
        },
        panel: { passRuleBp: 6667 },
        reviewForm: PLATFORM_FORM,
        representativeWorksMax: 5,
        requiredAttachments: [
          PROPOSAL,
          { key: 'building_plan', label: '建设方案', labelEn: 'Building plan', required: true, maxMb: 20 },
          ...(withEnterprises
            ? [
                {
                  key: 'partner_agreement',
                  label: '合作协议',
                  labelEn: 'Partnership agreement',
                  required: true,
                  maxMb: 20,
                },
              ]
            : []),
        ],
      };
    }
  }
}
