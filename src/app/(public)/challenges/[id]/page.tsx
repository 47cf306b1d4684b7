import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { publicCallPhase } from '@/domain/program/call';
import { Badge, Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import { getPublicChallenge } from '@/server/challenges/public-board';

const load = cache((id: string) => getPublicChallenge(db(), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const challenge = await load((await params).id);
  const locale = asLocale(await getLocale());
  return { title: challenge ? localized(locale, challenge.title, challenge.titleEn) : undefined };
}

const COMPARATOR = { GTE: '≥', LTE: '≤', EQ: '=', RANGE: '∈' } as const;

export default async function ChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const challenge = await load((await params).id);
  if (!challenge) notFound();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const phase = challenge.call ? publicCallPhase(challenge.call, new Date()) : null;
  const deliverables = (challenge.deliverables as { name: string; nameEn?: string }[]) ?? [];
  return (
    <article className="flex flex-col gap-6">
      <div>
        <Link href="/challenges" className="text-sm text-brand-700 underline">
          {t('board.back')}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Badge tone="blue">{localized(locale, challenge.field.name, challenge.field.nameEn)}</Badge>
          {phase ? <Badge tone={phase === 'OPEN' ? 'green' : 'slate'}>{t(`board.phase.${phase}`)}</Badge> : null}
        </div>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">
          {localized(locale, challenge.title, challenge.titleEn)}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {t('board.issuer')}：
          {challenge.issuer ? localized(locale, challenge.issuer.name, challenge.issuer.nameEn) : t('board.commission')}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t('board.problem')} className="lg:col-span-2">
          <p className="whitespace-pre-wrap text-slate-800">
            {localized(locale, challenge.problem, challenge.problemEn)}
          </p>
        </Card>
        <Card title={t('board.keyFacts')}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
            <dt className="text-slate-600">{t('board.fiscal')}</dt>
            <dd>{formatGrant(challenge.funding.fiscalFen, locale)}</dd>
            <dt className="text-slate-600">{t('board.cofunding')}</dt>
            <dd>{formatGrant(challenge.funding.enterpriseFen + challenge.funding.institutionFen, locale)}</dd>
            <dt className="text-slate-600">{t('board.total')}</dt>
            <dd className="font-semibold">{formatGrant(challenge.funding.totalFen, locale)}</dd>
            <dt className="text-slate-600">{t('board.duration')}</dt>
            <dd>{t('board.months', { months: challenge.durationMonths })}</dd>
            <dt className="text-slate-600">{t('board.selection')}</dt>
            <dd>
              {challenge.selectionMode === 'HORSE_RACE'
                ? t('board.horseRaceDetail', {
                    teams: challenge.teamCount,
                    month: challenge.cutAfterMonths ?? 0,
                    keep: challenge.keepAfterCut ?? 0,
                  })
                : t('board.single')}
            </dd>
            <dt className="text-slate-600">{t('board.deadline')}</dt>
            <dd>
              {challenge.call
                ? `${formatDateTime(challenge.call.closesAt, locale)}（${t('common.beijingTime')}）`
                : '—'}
            </dd>
          </dl>
          {challenge.call ? (
            <Link href={`/calls/${challenge.call.id}`} className="mt-3 inline-block text-sm text-brand-700 underline">
              {t('board.callGuide')}
            </Link>
          ) : null}
        </Card>
      </div>
      <section aria-labelledby="targets">
        <h2 id="targets" className="mb-2 text-lg font-semibold">
          {t('board.targets')}
        </h2>
        <Table
          caption={t('board.targets')}
          head={['#', t('board.targetName'), t('board.targetValue'), t('board.acceptance')]}
        >
          {challenge.targets.map((target) => (
            <tr key={target.id}>
              <Td>{target.ordinal}</Td>
              <Td>{localized(locale, target.name, target.nameEn)}</Td>
              <Td className="whitespace-nowrap">
                {/^[≥≤=<>∈]/.test(target.targetValue) ? '' : `${COMPARATOR[target.comparator]} `}
                {target.targetValue} {target.unit === '—' ? '' : target.unit}
              </Td>
              <Td>{localized(locale, target.acceptanceMethod, target.acceptanceMethodEn)}</Td>
            </tr>
          ))}
        </Table>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('board.deliverables')}>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {deliverables.map((d, i) => (
              <li key={i}>{localized(locale, d.name, d.nameEn)}</li>
            ))}
          </ul>
        </Card>
        <Card title={t('board.chiefScientist')}>
          <p className="text-sm whitespace-pre-wrap">
            {localized(locale, challenge.chiefScientistRequirements, challenge.chiefScientistRequirementsEn)}
          </p>
        </Card>
      </div>
    </article>
  );
}
