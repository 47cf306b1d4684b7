import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { PlatformSnapshot } from '@/domain/platform/application';
import type { BlindSnapshot } from '@/domain/review/blind';
import { asLocale, type Locale } from '@/i18n/config';
import { formatFen } from '@/lib/format';
import type { ApplicationSnapshot } from '../applications/applicant';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import type { Block, PrintDocument } from './pdf';

// The printed application (申报书): the frozen version that was submitted, as the reader may see it. In blind mode it
// is built from the redacted snapshot (src/domain/review/blind.ts), so no name, institution or identifier can reach
// the page that the on-screen blind view would not show either.

const MESSAGES = { 'zh-CN': zh, en } as const;

export type PrintableSnapshot = { blind: false; full: ApplicationSnapshot } | { blind: true; redacted: BlindSnapshot };

export function applicationDocument(
  input: { code: string | null; versionNo: number | null; snapshot: PrintableSnapshot },
  locale: Locale | string,
): PrintDocument {
  const lang = asLocale(locale);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'applicationView' });
  const td = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'documents' });
  const te = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'enums' });
  const tp = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'platformApply' });
  // Keys built from stored codes (a content section, a funding source): looked up, falling back to the code itself.
  const label = (key: string, fallback: string) =>
    (t.has as (k: string) => boolean)(key) ? (t as unknown as (k: string) => string)(key) : fallback;
  const s = input.snapshot.blind ? input.snapshot.redacted : input.snapshot.full;
  const full = input.snapshot.blind ? null : input.snapshot.full;
  const pick = (zhText: string, enText: string | null | undefined) => (lang === 'en' && enText ? enText : zhText);
  const money = (fen: string | null) => (fen === null ? '—' : formatFen(BigInt(fen), lang));

  const facts: [string, string][] = [
    [t('code'), input.code ?? '—'],
    [t('program'), pick(s.call.program.name, s.call.program.nameEn)],
    [t('call'), pick(s.call.title, s.call.titleEn)],
    ...(s.challenge ? [[t('challenge'), s.challenge.title] as [string, string]] : []),
    ...(full
      ? ([
          [t('applicant'), full.applicant.name],
          [t('institution'), full.applicant.institution],
          [t('department'), full.applicant.department ?? '—'],
        ] as [string, string][])
      : []),
    [
      t('professionalTitle'),
      s.applicant.title
        ? (te.has as (k: string) => boolean)(`title.${s.applicant.title}`)
          ? (te as unknown as (k: string) => string)(`title.${s.applicant.title}`)
          : s.applicant.title
        : '—',
    ],
    [t('youthTrack'), s.applicant.youthTrack ? td('yes') : td('no')],
    [t('duration'), s.durationMonths ? t('months', { months: s.durationMonths }) : '—'],
    [t('rulesVersion'), t('rulesVersionValue', { number: s.rulesVersion })],
  ];

  const sections = (s.content ?? {}) as Record<string, unknown>;
  // A platform application (issue 7) prints its plan, research directions, partners and year-by-year budget.
  const platformBlocks = (p: PlatformSnapshot): Block[] => {
    const years = [...new Set(p.yearBudget.map((r) => r.year))].sort((a, b) => a - b);
    const sources = ['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const;
    const amount = (year: number | null, source: string) =>
      p.yearBudget
        .filter((r) => (year === null || r.year === year) && r.source === source)
        .reduce((sum, r) => sum + BigInt(r.amountFen), 0n);
    return [
      { kind: 'heading', text: tp('view.planTitle') },
      ...(['goals', 'buildingPlan', 'openness'] as const).map((key): Block => ({
        kind: 'text',
        label: tp(`fields.${key}`),
        text: p[key].trim() || tp('view.notGiven'),
      })),
      { kind: 'heading', text: tp('view.directionsTitle') },
      {
        kind: 'table',
        head: [tp('fields.directionTitle'), tp('fields.directionLead'), tp('fields.directionDescription')],
        rows: p.directions.map((d) => [pick(d.title, d.titleEn), d.leadName, d.description]),
      },
      { kind: 'heading', text: tp('view.partnersTitle') },
      p.partners.length
        ? {
            kind: 'table',
            head: [tp('fields.partnerInstitution'), tp('fields.partnerRole'), tp('fields.partnerContribution')],
            rows: p.partners.map((x) => [
              pick(x.institution, x.institutionEn),
              tp(`partnerRoles.${x.role}`),
              x.contribution,
            ]),
          }
        : { kind: 'text', text: tp('view.noPartners') },
      { kind: 'heading', text: tp('view.yearBudgetTitle') },
      {
        kind: 'table',
        head: [tp('fields.year'), ...sources.map((x) => tp(`sources.${x}`))],
        rows: [
          ...years.map((y) => [String(y), ...sources.map((x) => money(amount(y, x).toString()))]),
          [tp('view.total'), ...sources.map((x) => money(amount(null, x).toString()))],
        ],
      },
    ];
  };
  const blocks: Block[] = [
    { kind: 'heading', text: t('factsTitle') },
    { kind: 'fields', rows: facts },
    { kind: 'heading', text: t('projectTitle') },
    {
      kind: 'fields',
      rows: [
        [t('titleEn'), s.titleEn || '—'],
        [t('discipline'), s.disciplineCode ?? '—'],
        [t('keywords'), s.keywords.join('、') || '—'],
      ],
    },
    { kind: 'text', label: t('abstract'), text: s.abstract },
    ...(s.abstractEn ? [{ kind: 'text' as const, label: t('abstractEn'), text: s.abstractEn }] : []),
    ...(full?.platform
      ? platformBlocks(full.platform)
      : [
          { kind: 'heading' as const, text: t('contentTitle') },
          ...Object.entries(sections).map(([key, value]): Block => ({
            kind: 'text',
            label: label(`sections.${key}`, key),
            text: typeof value === 'string' && value.trim() ? value : t('notGiven'),
          })),
        ]),
    { kind: 'heading', text: t('budgetTitle') },
    ...(s.budget.lumpSumFen !== null
      ? [
          { kind: 'fields' as const, rows: [[t('lumpSum'), money(s.budget.lumpSumFen)]] as [string, string][] },
          ...(s.budget.lumpSumPlan
            ? [{ kind: 'text' as const, label: t('lumpSumPlan'), text: s.budget.lumpSumPlan }]
            : []),
        ]
      : [
          {
            kind: 'table' as const,
            head: [t('category'), t('amount'), t('justification')],
            rows: s.budget.lines.map((l) => [l.categoryCode, money(l.amountFen), l.justification]),
          },
        ]),
    {
      kind: 'table',
      head: [t('source'), t('amount')],
      rows: s.budget.funding.map((f) => [label(`fundingSources.${f.source}`, f.source), money(f.amountFen)]),
    },
    { kind: 'heading', text: t('membersTitle') },
    full
      ? full.members.length
        ? {
            kind: 'table',
            head: [t('memberName'), t('memberInstitution'), t('responsibility'), t('monthsPerYear')],
            rows: full.members.map((m) => [m.name, m.institution ?? '—', m.responsibility, String(m.monthsPerYear)]),
          }
        : { kind: 'text', text: t('noMembers') }
      : input.snapshot.blind && input.snapshot.redacted.members.length
        ? {
            kind: 'table',
            head: [t('memberName'), t('responsibility'), t('monthsPerYear')],
            rows: input.snapshot.redacted.members.map((m) => [
              td('member', { n: m.ordinal }),
              m.responsibility,
              String(m.monthsPerYear),
            ]),
          }
        : { kind: 'text', text: t('noMembers') },
    { kind: 'heading', text: t('worksTitle') },
    s.works.length
      ? {
          kind: 'table',
          head: [td('work'), td('venue'), td('year')],
          rows: s.works.map((w) => [w.title, w.venue, String(w.year)]),
        }
      : { kind: 'text', text: t('noWorks') },
  ];
  return {
    title: s.title,
    subtitle: [
      input.code,
      input.versionNo ? td('versionNo', { n: input.versionNo }) : null,
      input.snapshot.blind ? td('blindNote') : null,
    ]
      .filter(Boolean)
      .join(' · '),
    blocks,
  };
}

/** "张三 · 2026-11-29 10:00:00 · 京研": who printed it and when, on every page. */
export function watermarkFor(viewer: string, at: string, locale: Locale | string): string {
  const lang = asLocale(locale);
  const td = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'documents' });
  return td('watermark', { viewer, at });
}

export function pageLabelFor(locale: Locale | string) {
  const lang = asLocale(locale);
  const td = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'documents' });
  return (page: number, pages: number) => td('pageOf', { page, pages });
}
