import 'server-only';
import { budgetRulesOf, computeBudget, type BudgetSummary } from '@/domain/application/budget';
import { ageFacts, checkApplicantEligibility, checkLimits, type Issue } from '@/domain/application/eligibility';
import { COUNTS_AGAINST_LIMITS, submissionDeadline, type ApplicationStatus } from '@/domain/application/transitions';
import { validateForSubmit, type SubmitCheck } from '@/domain/application/validate';
import { ZProgramRules, type ProgramRules } from '@/domain/program/rules';
import type { DbOrTx } from '../db';
import { sanctionsOf } from '../credit/credit-records';

// Everything the pure rules need about one application, read in a fixed number of queries, and the check that
// validateForSubmit makes of it. Used live by the editor and, inside the transaction, by submit.

export const APPLICATION_FULL = {
  call: {
    select: {
      id: true,
      title: true,
      titleEn: true,
      status: true,
      opensAt: true,
      closesAt: true,
      institutionReviewClosesAt: true,
      programId: true,
      program: { select: { name: true, nameEn: true, kind: true } },
    },
  },
  challenge: {
    select: {
      id: true,
      title: true,
      fiscalFen: true,
      pledges: { where: { status: 'CONFIRMED' as const }, select: { source: true, amountFen: true } },
    },
  },
  ruleVersion: { select: { number: true, rules: true } },
  applicant: {
    select: {
      id: true,
      name: true,
      email: true,
      researcherProfile: {
        select: {
          birthDate: true,
          title: true,
          degree: true,
          department: true,
          disciplineCodes: true,
          keywords: true,
          orcid: true,
          institution: { select: { id: true, name: true, kind: true, affiliation: true } },
        },
      },
    },
  },
  institution: { select: { id: true, name: true, nameEn: true, kind: true, affiliation: true } },
  members: {
    orderBy: { ordinal: 'asc' as const },
    select: {
      id: true,
      userId: true,
      ordinal: true,
      responsibility: true,
      monthsPerYear: true,
      confirmation: true,
      user: {
        select: {
          name: true,
          email: true,
          researcherProfile: { select: { title: true, institution: { select: { name: true } } } },
        },
      },
    },
  },
  budgetLines: { orderBy: { ordinal: 'asc' as const } },
  funding: true,
  attachments: {
    select: { slotKey: true, file: { select: { id: true, filename: true, sizeBytes: true, sha256: true } } },
  },
  works: {
    orderBy: { ordinal: 'asc' as const },
    select: {
      ordinal: true,
      work: {
        select: {
          id: true,
          type: true,
          title: true,
          authors: true,
          venue: true,
          year: true,
          identifier: true,
          citation: true,
          contributionStatement: true,
          evidenceFileId: true,
        },
      },
    },
  },
} as const;

export type FullApplication = NonNullable<Awaited<ReturnType<typeof loadFull>>>;

export function loadFull(
  client: DbOrTx,
  where: { id: string; applicantId?: string; institutionId?: string; kind?: 'PROJECT' | 'PLATFORM' },
) {
  return client.application.findFirst({ where, include: APPLICATION_FULL });
}

/** 限项 counts for people in other applications of the same program that are still in play. */
export async function limitCounts(client: DbOrTx, programId: string, excludeId: string, userIds: string[]) {
  const statuses = [...COUNTS_AGAINST_LIMITS] as ApplicationStatus[];
  // Sequential, not Promise.all: inside a transaction both share one connection.
  const asPi = await client.application.groupBy({
    by: ['applicantId'],
    where: { applicantId: { in: userIds }, id: { not: excludeId }, status: { in: statuses }, call: { programId } },
    _count: { _all: true },
  });
  const asMember = await client.applicationMember.groupBy({
    by: ['userId'],
    where: {
      userId: { in: userIds },
      confirmation: 'CONFIRMED',
      applicationId: { not: excludeId },
      application: { status: { in: statuses }, call: { programId } },
    },
    _count: { _all: true },
  });
  const pi = new Map(asPi.map((r) => [r.applicantId, r._count._all]));
  const member = new Map(asMember.map((r) => [r.userId, r._count._all]));
  // Funded projects arrive with issue 6; until then nobody has a current project.
  return (userId: string) => ({
    asPi: pi.get(userId) ?? 0,
    asMember: member.get(userId) ?? 0,
    hasCurrentProject: false,
  });
}

export interface ApplicationCheck extends SubmitCheck {
  rules: ProgramRules;
  budget: BudgetSummary;
  age: number | null;
  youthTrack: boolean;
  deadline: Date;
}

export async function checkApplication(client: DbOrTx, app: FullApplication, now: Date): Promise<ApplicationCheck> {
  const rules = ZProgramRules.parse(app.ruleVersion.rules);
  const profile = app.applicant.researcherProfile;
  const deadline = submissionDeadline(app.call, app.status);
  // Sequential: this also runs inside the submit transaction, on one connection.
  const categories = await client.expenditureCategory.findMany({
    where: { edition: { current: true } },
    select: { code: true, isIndirect: true },
  });
  const sanctions = await sanctionsOf(client, app.applicantId);
  const counts = await limitCounts(client, app.call.programId, app.id, [
    app.applicantId,
    ...app.members.map((m) => m.userId),
  ]);

  const eligibility: Issue[] = checkApplicantEligibility(
    {
      birthDate: profile?.birthDate ?? null,
      title: profile?.title ?? null,
      institutionKind: app.institution.kind,
      institutionAffiliation: app.institution.affiliation,
    },
    rules,
    { ...app.call, closesAt: deadline },
    sanctions,
    now,
  );
  eligibility.push(...checkLimits(counts(app.applicantId), rules, 'PI', 'applicant'));

  const pledged = app.challenge
    ? app.challenge.pledges.filter((p) => p.source === 'ENTERPRISE').reduce((s, p) => s + p.amountFen, 0n)
    : null;
  const budget = computeBudget(
    app.budgetMode,
    app.budgetLines.map((l) => ({ categoryCode: l.categoryCode, amountFen: l.amountFen })),
    app.lumpSumFen,
    app.funding.map((f) => ({ source: f.source, amountFen: f.amountFen })),
    budgetRulesOf(rules),
    {
      indirectCodes: categories.filter((c) => c.isIndirect).map((c) => c.code),
      knownCodes: categories.map((c) => c.code),
      pledgedEnterpriseFen: pledged,
    },
  );

  const content = (app.content ?? {}) as Record<string, string>;
  const check = validateForSubmit({
    rules,
    eligibility,
    application: {
      title: app.title,
      abstract: app.abstract,
      abstractEn: app.abstractEn,
      keywords: app.keywords,
      disciplineCode: app.disciplineCode,
      durationMonths: app.durationMonths,
      content,
      budgetMode: app.budgetMode,
      lumpSumPlan: app.lumpSumPlan,
    },
    members: app.members.map((m, i) => ({
      name: m.user.name,
      confirmation: m.confirmation,
      limitIssues: checkLimits(counts(m.userId), rules, 'MEMBER', `members.${i}`),
    })),
    budget,
    worksChosen: app.works.length,
    attachmentKeys: app.attachments.map((a) => a.slotKey),
  });
  const { age, youthTrack } = ageFacts(profile?.birthDate ?? null, rules, app.call.closesAt);
  return { ...check, rules, budget, age, youthTrack, deadline };
}
