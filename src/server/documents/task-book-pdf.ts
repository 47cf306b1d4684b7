import 'server-only';
import { createTranslator } from 'use-intl/core';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatFen, localized } from '@/lib/format';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { getProject } from '../projects/projects';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import { pageLabelFor, watermarkFor } from './application-document';
import type { PdfFile } from './application-pdf';
import { renderPdf, type Block } from './pdf';
import { consumeRateLimit } from '../security/rate-limit';

// The task book (任务书) as a PDF: built from what getProject shows this reader (an enterprise gets no text, only money
// readers get the budget), so the printout never says more than the page.

const MESSAGES = { 'zh-CN': zh, en } as const;

export async function taskBookPdf(
  client: Db,
  actor: Actor,
  projectId: string,
  options: { locale: string; now?: Date },
): Promise<PdfFile> {
  const p = await getProject(client, actor, projectId);
  await consumeRateLimit(client, 'pdf', actor.userId);
  const lang = asLocale(options.locale);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'documents.taskBook' });
  const te = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'enums' });
  const dyn = (k: string) => ((te.has as (k: string) => boolean)(k) ? (te as unknown as (k: string) => string)(k) : k);
  const tb = p.taskBook;
  const confirmed = (at: Date | null) => (at ? formatDateTime(at, lang) : t('notYet'));
  const blocks: Block[] = [
    { kind: 'heading', text: t('facts') },
    {
      kind: 'fields',
      rows: [
        [t('code'), p.code],
        [t('program'), localized(lang, p.program.name, p.program.nameEn)],
        [t('pi'), p.pi.name],
        [t('institution'), p.institution.name],
        [t('period'), `${p.startDate} – ${p.endDate}`],
        [t('awarded'), formatFen(p.awardedFiscalFen, lang)],
        [t('status'), dyn(`TaskBookStatus.${tb?.status ?? 'DRAFT'}`)],
      ],
    },
  ];
  if (tb?.content) {
    blocks.push(
      { kind: 'heading', text: t('content') },
      { kind: 'text', label: t('goals'), text: tb.content.goals },
      { kind: 'text', label: t('plan'), text: tb.content.plan },
      { kind: 'text', label: t('outputs'), text: tb.content.outputs },
    );
  }
  if (tb?.kpis.length) {
    blocks.push(
      { kind: 'heading', text: t('kpis') },
      {
        kind: 'table',
        head: [t('kpiName'), t('unit'), t('target'), t('acceptance')],
        rows: tb.kpis.map((k) => [k.name, k.unit, String(k.targetValue), k.acceptanceMethod]),
      },
    );
  }
  if (tb?.milestones.length) {
    blocks.push(
      { kind: 'heading', text: t('milestones') },
      { kind: 'table', head: [t('milestone'), t('due')], rows: tb.milestones.map((m) => [m.title, m.dueDate]) },
    );
  }
  if (tb?.budget.length) {
    blocks.push(
      { kind: 'heading', text: t('budget') },
      {
        kind: 'table',
        head: [t('year'), t('source'), t('category'), t('amount')],
        rows: tb.budget.map((b) => [
          String(b.year),
          dyn(`FundingSourceKind.${b.source}`),
          b.categoryCode ?? '—',
          formatFen(b.amountFen, lang),
        ]),
      },
    );
  }
  if (tb) {
    blocks.push(
      { kind: 'heading', text: t('confirmations') },
      {
        kind: 'fields',
        rows: [
          [t('byPi'), confirmed(tb.piConfirmedAt)],
          [t('byInstitution'), confirmed(tb.institutionConfirmedAt)],
          [t('byCommission'), confirmed(tb.commissionConfirmedAt)],
        ],
      },
    );
  }
  const now = options.now ?? new Date();
  const bytes = await renderPdf(
    {
      title: `${p.title}`,
      subtitle: `${t('title')} · ${p.code}${tb ? ` · ${t('number', { n: tb.number })}` : ''}`,
      blocks,
    },
    { watermark: watermarkFor(actor.name, formatDateTime(now), lang), pageLabel: pageLabelFor(lang) },
  );
  return { filename: `${p.code}-task-book.pdf`, mimeType: 'application/pdf', bytes };
}
