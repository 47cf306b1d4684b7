import 'server-only';
import { createTranslator } from 'use-intl/core';
import { APPLICATION_STATUSES } from '@/domain/application/transitions';
import { PROJECT_STATUSES } from '@/domain/project/transitions';
import { REVIEW_ASSIGNMENT_STATUSES } from '@/domain/review/assignment-status';
import { asLocale, type Locale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime, localized } from '@/lib/format';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import type { Db, Prisma } from '../db';
import { disciplineAgeWhere } from '../applications/filters';
import { projectWhere } from '../projects/scope';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import type { ExportSource } from './stream';

// The staff lists that export (Excel and CSV), each with the filters its page applies and the permission its page
// needs. Rows are read in keyset-paged batches (id order) and mapped to cells; money in 万元 as numbers, so sums work.

const MESSAGES = { 'zh-CN': zh, en } as const;

import { EXPORT_KINDS, type ExportKind } from '@/domain/exports';

export { EXPORT_KINDS, type ExportKind };

export interface ExportFilters {
  callId?: string;
  institutionId?: string;
  status?: string;
  programId?: string;
  /** The formal-check list's: a discipline code prefix and an age band (under35 | under45 | over45). */
  discipline?: string;
  age?: string;
}

const num = (d: { toString(): string } | null | undefined) =>
  d === null || d === undefined ? null : Number(d.toString());
const wan = (fen: bigint | null | undefined) => (fen === null || fen === undefined ? null : Number(fen) / 1_000_000);
const after = (id: string | null) => (id ? { id: { gt: id } } : {});
/** A status filter from the address bar counts only if it is one of the list's statuses (else it is ignored). */
const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;
const TRANCHE_STATUSES = ['PLANNED', 'APPROVED', 'PAID', 'CANCELLED'] as const;
const DECISION_STATUSES = ['DRAFT', 'PUBLISHED', 'IN_NOTICE', 'FINAL', 'REVISED'] as const;
const uuid = (v: string | undefined) => (v && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

export function exportSource(
  client: Db,
  actor: Actor,
  kind: ExportKind,
  filters: ExportFilters,
  locale: Locale | string,
): { source: ExportSource<never>; sheet: string } {
  const lang = asLocale(locale);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'exports' });
  const te = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'enums' });
  const status = (group: string, s: string) => (te as unknown as (k: string) => string)(`${group}.${s}`);

  if (kind === 'applications') {
    assertCan(actor, 'check:application:all');
    const where: Prisma.ApplicationWhereInput = {
      status: oneOf(APPLICATION_STATUSES, filters.status) ?? { not: 'DRAFT' },
      ...(uuid(filters.callId) ? { callId: uuid(filters.callId) } : {}),
      ...(uuid(filters.institutionId) ? { institutionId: uuid(filters.institutionId) } : {}),
      ...disciplineAgeWhere(filters),
    };
    const select = {
      id: true,
      code: true,
      title: true,
      status: true,
      submittedAt: true,
      applicant: { select: { name: true } },
      institution: { select: { name: true } },
      call: { select: { title: true, titleEn: true } },
      funding: { where: { source: 'FISCAL' as const }, select: { amountFen: true } },
      scoreNormalisations: {
        where: { stage: 'MAIL' as const },
        select: { reviewCount: true, rawMean: true, normalisedMean: true, rank: true },
      },
    } satisfies Prisma.ApplicationSelect;
    type Row = Prisma.ApplicationGetPayload<{ select: typeof select }>;
    const source: ExportSource<Row> = {
      key: (r) => r.id,
      count: () => client.application.count({ where }),
      batch: (id, size) =>
        client.application.findMany({ where: { AND: [where, after(id)] }, orderBy: { id: 'asc' }, take: size, select }),
      columns: [
        { header: t('code'), value: (r) => r.code },
        { header: t('title'), width: 40, value: (r) => r.title },
        { header: t('applicant'), value: (r) => r.applicant.name },
        { header: t('institution'), width: 24, value: (r) => r.institution.name },
        { header: t('call'), width: 30, value: (r) => localized(lang, r.call.title, r.call.titleEn) },
        { header: t('status'), value: (r) => status('applicationStatus', r.status) },
        { header: t('fiscalWan'), value: (r) => wan(r.funding.reduce((s, f) => s + f.amountFen, 0n)) },
        { header: t('reviewCount'), value: (r) => r.scoreNormalisations[0]?.reviewCount ?? 0 },
        {
          header: t('meanScore'),
          value: (r) => (r.scoreNormalisations[0] ? Number(r.scoreNormalisations[0].rawMean) : null),
        },
        {
          header: t('normalisedScore'),
          value: (r) => (r.scoreNormalisations[0] ? Number(r.scoreNormalisations[0].normalisedMean) : null),
        },
        { header: t('rank'), value: (r) => r.scoreNormalisations[0]?.rank ?? null },
        {
          header: t('submittedAt'),
          width: 20,
          value: (r) => (r.submittedAt ? formatDateTime(r.submittedAt, lang) : null),
        },
      ],
    };
    return { source: source as unknown as ExportSource<never>, sheet: t('applicationsSheet') };
  }

  if (kind === 'projects') {
    assertCan(actor, 'manage:project:all');
    const where: Prisma.ProjectWhereInput = {
      AND: [
        projectWhere(actor),
        oneOf(PROJECT_STATUSES, filters.status) ? { status: oneOf(PROJECT_STATUSES, filters.status) } : {},
        uuid(filters.programId) ? { programId: uuid(filters.programId) } : {},
      ],
    };
    const select = {
      id: true,
      code: true,
      title: true,
      status: true,
      awardedFiscalFen: true,
      startDate: true,
      endDate: true,
      pi: { select: { name: true } },
      institution: { select: { name: true } },
      program: { select: { name: true, nameEn: true } },
    } satisfies Prisma.ProjectSelect;
    type Row = Prisma.ProjectGetPayload<{ select: typeof select }> & { paidFen: bigint };
    const source: ExportSource<Row> = {
      key: (r) => r.id,
      count: () => client.project.count({ where }),
      batch: async (id, size) => {
        const rows = await client.project.findMany({
          where: { AND: [where, after(id)] },
          orderBy: { id: 'asc' },
          take: size,
          select,
        });
        const paid = await client.tranche.groupBy({
          by: ['projectId'],
          where: { projectId: { in: rows.map((r) => r.id) }, status: 'PAID' },
          _sum: { amountFen: true },
        });
        const paidOf = new Map(paid.map((p) => [p.projectId, p._sum.amountFen ?? 0n]));
        return rows.map((r) => ({ ...r, paidFen: paidOf.get(r.id) ?? 0n }));
      },
      columns: [
        { header: t('projectCode'), value: (r) => r.code },
        { header: t('title'), width: 40, value: (r) => r.title },
        { header: t('pi'), value: (r) => r.pi.name },
        { header: t('institution'), width: 24, value: (r) => r.institution.name },
        { header: t('program'), width: 24, value: (r) => localized(lang, r.program.name, r.program.nameEn) },
        { header: t('status'), value: (r) => status('ProjectStatus', r.status) },
        { header: t('awardedWan'), value: (r) => wan(r.awardedFiscalFen) },
        { header: t('paidWan'), value: (r) => wan(r.paidFen) },
        { header: t('startDate'), value: (r) => formatCalendarDate(r.startDate) },
        { header: t('endDate'), value: (r) => formatCalendarDate(r.endDate) },
      ],
    };
    return { source: source as unknown as ExportSource<never>, sheet: t('projectsSheet') };
  }

  if (kind === 'budgets') {
    // 经费预算与拨付: one row per project and funding source — what is planned in tranches (not cancelled), what is
    // paid, and what is left to pay.
    assertCan(actor, 'manage:project:all');
    const where: Prisma.ProjectWhereInput = {
      AND: [projectWhere(actor), uuid(filters.programId) ? { programId: uuid(filters.programId) } : {}],
    };
    const select = {
      id: true,
      code: true,
      title: true,
      institution: { select: { name: true } },
    } satisfies Prisma.ProjectSelect;
    type Project = Prisma.ProjectGetPayload<{ select: typeof select }>;
    type Row = Project & { source: string; plannedFen: bigint; paidFen: bigint };
    const live = { status: { not: 'CANCELLED' as const } };
    const source: ExportSource<Row> = {
      key: (r) => r.id,
      count: async () =>
        (await client.tranche.groupBy({ by: ['projectId', 'source'], where: { ...live, project: where } })).length,
      batch: async (id, size) => {
        const projects = await client.project.findMany({
          where: { AND: [where, after(id)] },
          orderBy: { id: 'asc' },
          take: size,
          select,
        });
        const sums = await client.tranche.groupBy({
          by: ['projectId', 'source', 'status'],
          where: { ...live, projectId: { in: projects.map((p) => p.id) } },
          _sum: { amountFen: true },
        });
        return projects.flatMap((p) =>
          (['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const).flatMap((src) => {
            const mine = sums.filter((x) => x.projectId === p.id && x.source === src);
            if (mine.length === 0) return [];
            const plannedFen = mine.reduce((sum, x) => sum + (x._sum.amountFen ?? 0n), 0n);
            const paidFen = mine
              .filter((x) => x.status === 'PAID')
              .reduce((sum, x) => sum + (x._sum.amountFen ?? 0n), 0n);
            return [{ ...p, source: src, plannedFen, paidFen }];
          }),
        );
      },
      columns: [
        { header: t('projectCode'), value: (r) => r.code },
        { header: t('title'), width: 36, value: (r) => r.title },
        { header: t('institution'), width: 24, value: (r) => r.institution.name },
        { header: t('source'), value: (r) => status('FundingSourceKind', r.source) },
        { header: t('plannedWan'), value: (r) => wan(r.plannedFen) },
        { header: t('paidWan'), value: (r) => wan(r.paidFen) },
        { header: t('unpaidWan'), value: (r) => wan(r.plannedFen - r.paidFen) },
      ],
    };
    return { source: source as unknown as ExportSource<never>, sheet: t('budgetsSheet') };
  }

  if (kind === 'assignments' || kind === 'reviews') {
    assertCan(actor, 'assign:review:all');
    // 评审分配 lists every assignment with its state; 评审意见 the submitted reviews with their scores. Staff see
    // the experts' names (blind review hides them from applicants, not from the commission).
    const where: Prisma.ReviewAssignmentWhereInput = {
      ...(uuid(filters.callId) ? { callId: uuid(filters.callId) } : {}),
      ...(kind === 'reviews'
        ? { review: { is: { status: 'SUBMITTED' } } }
        : oneOf(REVIEW_ASSIGNMENT_STATUSES, filters.status)
          ? { status: oneOf(REVIEW_ASSIGNMENT_STATUSES, filters.status) }
          : {}),
    };
    const select = {
      id: true,
      stage: true,
      status: true,
      origin: true,
      dueAt: true,
      createdAt: true,
      application: { select: { code: true, title: true } },
      expert: { select: { name: true, email: true } },
      review: {
        select: {
          status: true,
          weightedScore: true,
          normalisedScore: true,
          recommendation: true,
          confidence: true,
          submittedAt: true,
        },
      },
    } satisfies Prisma.ReviewAssignmentSelect;
    type Row = Prisma.ReviewAssignmentGetPayload<{ select: typeof select }>;
    const stage = (s: string) => t(s === 'MAIL' ? 'stageMail' : 'stagePanel');
    const common = [
      { header: t('code'), value: (r: Row) => r.application.code },
      { header: t('title'), width: 36, value: (r: Row) => r.application.title },
      { header: t('expert'), value: (r: Row) => r.expert.name },
      { header: t('expertEmail'), width: 28, value: (r: Row) => r.expert.email },
      { header: t('stage'), value: (r: Row) => stage(r.stage) },
    ];
    const source: ExportSource<Row> = {
      key: (r) => r.id,
      count: () => client.reviewAssignment.count({ where }),
      batch: (id, size) =>
        client.reviewAssignment.findMany({
          where: { AND: [where, after(id)] },
          orderBy: { id: 'asc' },
          take: size,
          select,
        }),
      columns:
        kind === 'assignments'
          ? [
              ...common,
              { header: t('status'), value: (r) => status('reviewAssignmentStatus', r.status) },
              { header: t('origin'), value: (r) => t(r.origin === 'AUTO' ? 'originAuto' : 'originManual') },
              { header: t('assignedAt'), width: 20, value: (r) => formatDateTime(r.createdAt, lang) },
              { header: t('dueAt'), width: 20, value: (r) => formatDateTime(r.dueAt, lang) },
            ]
          : [
              ...common,
              { header: t('weightedScore'), value: (r) => num(r.review?.weightedScore) },
              { header: t('normalisedScore'), value: (r) => num(r.review?.normalisedScore) },
              {
                header: t('recommendation'),
                value: (r) =>
                  r.review?.recommendation ? status('reviewRecommendation', r.review.recommendation) : null,
              },
              {
                header: t('confidence'),
                value: (r) => (r.review?.confidence ? status('reviewConfidence', r.review.confidence) : null),
              },
              {
                header: t('reviewSubmittedAt'),
                width: 20,
                value: (r) => (r.review?.submittedAt ? formatDateTime(r.review.submittedAt, lang) : null),
              },
            ],
    };
    return {
      source: source as unknown as ExportSource<never>,
      sheet: t(kind === 'assignments' ? 'assignmentsSheet' : 'reviewsSheet'),
    };
  }

  if (kind === 'decisions') {
    assertCan(actor, 'manage:decision:all');
    const where: Prisma.DecisionWhereInput = {
      ...(uuid(filters.callId) ? { callId: uuid(filters.callId) } : {}),
      ...(oneOf(DECISION_STATUSES, filters.status) ? { status: oneOf(DECISION_STATUSES, filters.status) } : {}),
    };
    const select = {
      id: true,
      outcome: true,
      route: true,
      status: true,
      awardedFiscalFen: true,
      publishedAt: true,
      finalAt: true,
      application: {
        select: {
          code: true,
          title: true,
          applicant: { select: { name: true } },
          institution: { select: { name: true } },
          funding: { where: { source: 'FISCAL' as const }, select: { amountFen: true } },
        },
      },
      call: { select: { title: true, titleEn: true } },
    } satisfies Prisma.DecisionSelect;
    type Row = Prisma.DecisionGetPayload<{ select: typeof select }>;
    const source: ExportSource<Row> = {
      key: (r) => r.id,
      count: () => client.decision.count({ where }),
      batch: (id, size) =>
        client.decision.findMany({ where: { AND: [where, after(id)] }, orderBy: { id: 'asc' }, take: size, select }),
      columns: [
        { header: t('code'), value: (r) => r.application.code },
        { header: t('title'), width: 36, value: (r) => r.application.title },
        { header: t('applicant'), value: (r) => r.application.applicant.name },
        { header: t('institution'), width: 24, value: (r) => r.application.institution.name },
        { header: t('call'), width: 30, value: (r) => localized(lang, r.call.title, r.call.titleEn) },
        { header: t('outcome'), value: (r) => status('DecisionOutcome', r.outcome) },
        { header: t('route'), value: (r) => status('DecisionRoute', r.route) },
        { header: t('status'), value: (r) => status('DecisionStatus', r.status) },
        {
          header: t('fiscalWan'),
          value: (r) => wan(r.application.funding.reduce((sum, f) => sum + f.amountFen, 0n)),
        },
        { header: t('awardedWan'), value: (r) => wan(r.awardedFiscalFen) },
        {
          header: t('publishedAt'),
          width: 20,
          value: (r) => (r.publishedAt ? formatDateTime(r.publishedAt, lang) : null),
        },
        { header: t('finalAt'), width: 20, value: (r) => (r.finalAt ? formatDateTime(r.finalAt, lang) : null) },
      ],
    };
    return { source: source as unknown as ExportSource<never>, sheet: t('decisionsSheet') };
  }

  assertCan(actor, 'manage:project:all');
  const where: Prisma.TrancheWhereInput = {
    project: projectWhere(actor),
    ...(oneOf(TRANCHE_STATUSES, filters.status) ? { status: oneOf(TRANCHE_STATUSES, filters.status) } : {}),
  };
  const select = {
    id: true,
    ordinal: true,
    source: true,
    amountFen: true,
    status: true,
    plannedDate: true,
    paidAt: true,
    paymentReference: true,
    project: { select: { code: true, title: true } },
    sourceInstitution: { select: { name: true } },
  } satisfies Prisma.TrancheSelect;
  type Row = Prisma.TrancheGetPayload<{ select: typeof select }>;
  const source: ExportSource<Row> = {
    key: (r) => r.id,
    count: () => client.tranche.count({ where }),
    batch: (id, size) =>
      client.tranche.findMany({ where: { AND: [where, after(id)] }, orderBy: { id: 'asc' }, take: size, select }),
    columns: [
      { header: t('projectCode'), value: (r) => r.project.code },
      { header: t('title'), width: 36, value: (r) => r.project.title },
      { header: t('ordinal'), value: (r) => r.ordinal },
      { header: t('source'), value: (r) => (te as unknown as (k: string) => string)(`FundingSourceKind.${r.source}`) },
      { header: t('payer'), width: 24, value: (r) => r.sourceInstitution?.name ?? null },
      { header: t('amountWan'), value: (r) => wan(r.amountFen) },
      { header: t('status'), value: (r) => status('TrancheStatus', r.status) },
      { header: t('plannedDate'), value: (r) => formatCalendarDate(r.plannedDate) },
      { header: t('paidAt'), width: 20, value: (r) => (r.paidAt ? formatDateTime(r.paidAt, lang) : null) },
      { header: t('paymentReference'), value: (r) => r.paymentReference },
    ],
  };
  return { source: source as unknown as ExportSource<never>, sheet: t('tranchesSheet') };
}
