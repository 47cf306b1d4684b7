import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { MarkdownText } from '@/components/markdown';
import { RulesSummary } from '@/components/rules-summary';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import { getPublicCall } from '@/server/calls/public-calls';

const load = cache((id: string) => getPublicCall(db(), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const call = await load((await params).id);
  const locale = asLocale(await getLocale());
  return { title: call ? localized(locale, call.title, call.titleEn) : undefined };
}

export default async function PublicCallPage({ params }: { params: Promise<{ id: string }> }) {
  const call = await load((await params).id);
  if (!call) notFound();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const guide = localized(locale, call.guide, call.guideEn);
  return (
    <article className="flex flex-col gap-6">
      <div>
        <Link href="/calls" className="text-sm text-brand-700 underline">
          {t('publicCalls.back')}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Badge tone="blue">{localized(locale, call.program.name, call.program.nameEn)}</Badge>
          <Badge tone={call.phase === 'OPEN' ? 'green' : 'slate'}>{t(`board.phase.${call.phase}`)}</Badge>
        </div>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{localized(locale, call.title, call.titleEn)}</h1>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t('publicCalls.guide')} className="lg:col-span-2">
          {guide ? <MarkdownText>{guide}</MarkdownText> : <EmptyState title={t('publicCalls.noGuide')} />}
        </Card>
        <div className="flex flex-col gap-4">
          <Card title={t('publicCalls.dates')}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
              <dt className="text-slate-600">{t('publicCalls.opens')}</dt>
              <dd>{formatDateTime(call.opensAt, locale)}</dd>
              <dt className="text-slate-600">{t('publicCalls.closes')}</dt>
              <dd className="font-semibold">{formatDateTime(call.closesAt, locale)}</dd>
              {call.institutionReviewClosesAt ? (
                <>
                  <dt className="text-slate-600">{t('publicCalls.institutionDeadline')}</dt>
                  <dd>{formatDateTime(call.institutionReviewClosesAt, locale)}</dd>
                </>
              ) : null}
              {call.fiscalEnvelopeFen ? (
                <>
                  <dt className="text-slate-600">{t('publicCalls.envelope')}</dt>
                  <dd>{formatGrant(call.fiscalEnvelopeFen, locale)}</dd>
                </>
              ) : null}
              {call.plannedAwards ? (
                <>
                  <dt className="text-slate-600">{t('publicCalls.plannedAwards')}</dt>
                  <dd>{call.plannedAwards}</dd>
                </>
              ) : null}
            </dl>
            <p className="mt-2 text-xs text-slate-600">{t('publicCalls.timesInBeijing')}</p>
          </Card>
          {call.rules ? (
            <Card title={t('publicCalls.conditions', { version: call.rulesVersion ?? 0 })}>
              <RulesSummary rules={call.rules} locale={locale} />
            </Card>
          ) : null}
        </div>
      </div>
      {call.challenges.length ? (
        <Card title={t('publicCalls.challengeList')}>
          <ul className="divide-y divide-slate-100">
            {call.challenges.map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <Link href={`/challenges/${c.id}`} className="text-brand-800 underline">
                  {localized(locale, c.title, c.titleEn)}
                </Link>
                <span className="text-sm text-slate-700">
                  {localized(locale, c.field.name, c.field.nameEn)} · {formatGrant(c.totalFundingFen, locale)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </article>
  );
}
