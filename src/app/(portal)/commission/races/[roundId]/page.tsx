import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { orNotFound } from '@/lib/or-not-found';
import { DecideRoundForm } from '@/components/project-lifecycle/race-forms';
import { Alert, Badge, Card, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getRaceRound } from '@/server/projects/horse-race';
import { decideRaceRoundAction } from '../actions';

type RankedJson = {
  projectId: string;
  rank: number;
  keep: boolean;
  score: number;
  kpiProgressBp: number;
  milestonesMissed: number;
};

// 赛马制比选: the teams side by side (mid-term score, KPIs on track, milestones missed, money per source), the ranking
// and the money plan while open, the decision with its justification once made.
export default async function RaceRoundPage({ params }: { params: Promise<{ roundId: string }> }) {
  const actor = await requirePermission('manage:project:all');
  const { roundId } = await params;
  const data = await orNotFound(getRaceRound(db(), actor, roundId));
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const { round, teams, preview } = data;
  const title = localized(locale, round.challenge.title, round.challenge.titleEn);
  const teamName = (id: string) => {
    const team = teams.find((x) => x.id === id);
    return team ? `${team.code} ${team.pi.name}` : id;
  };
  const decided = round.status === 'DECIDED' ? ((round.ranking as { teams: RankedJson[] } | null)?.teams ?? []) : [];
  const ranked: RankedJson[] = round.status === 'DECIDED' ? decided : (preview?.ranking.teams ?? []);
  const tie = preview?.ranking.tieAtCut ?? [];
  const percent = (bp: number) => `${(bp / 100).toFixed(0)}%`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('projectLifecycle.roundTitle', { title })}
        description={t('projectLifecycle.roundDescription', {
          keep: round.keepCount,
          teams: data.competing || teams.length,
        })}
        actions={
          <>
            <Badge tone={round.status === 'DECIDED' ? 'green' : 'amber'}>
              {t(`enums.RaceRoundStatus.${round.status}`)}
            </Badge>
            <Link href="/commission/races" className="text-sm text-brand-700 underline">
              {t('projectLifecycle.racesTitle')}
            </Link>
          </>
        }
      />

      <section aria-labelledby="side-by-side">
        <h2 id="side-by-side" className="mb-3 text-base font-semibold text-slate-900">
          {t('projectLifecycle.sideBySide')}
        </h2>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {teams.map((team) => (
            <article
              key={team.id}
              aria-label={team.title}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
            >
              <h3 className="font-semibold text-slate-900">
                <Link href={`/commission/projects/${team.id}/checks`} className="text-brand-700 underline">
                  {team.code} {team.title}
                </Link>
              </h3>
              <p className="text-slate-700">
                {team.pi.name} · {team.institution.name}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-slate-600">{t('projectLifecycle.projectStatus')}</dt>
                <dd>{t(`enums.ProjectStatus.${team.status}`)}</dd>
                <dt className="text-slate-600">{t('projectLifecycle.checkScore')}</dt>
                <dd className="tabular-nums">
                  {team.check?.score !== null && team.check?.score !== undefined
                    ? team.check.score.toFixed(2)
                    : t('projectLifecycle.notScored')}
                </dd>
                <dt className="text-slate-600">{t('projectLifecycle.kpiOnTrack')}</dt>
                <dd className="tabular-nums">
                  {t('projectLifecycle.kpiOnTrackValue', { onTrack: team.onTrack, total: team.kpis })}
                </dd>
                <dt className="text-slate-600">{t('projectLifecycle.milestonesMissed')}</dt>
                <dd className="tabular-nums">{team.milestonesMissed}</dd>
                {team.check?.outcome ? (
                  <>
                    <dt className="text-slate-600">{t('projectLifecycle.outcome')}</dt>
                    <dd>{t(`enums.CheckOutcome.${team.check.outcome}`)}</dd>
                  </>
                ) : null}
              </dl>
              <div>
                <h4 className="font-medium text-slate-700">{t('projectLifecycle.money')}</h4>
                <ul className="tabular-nums">
                  {team.money.map((m) => (
                    <li key={`${m.source}:${m.sourceInstitutionId ?? ''}`}>
                      {t('projectLifecycle.moneyRow', {
                        source: t(`enums.FundingSourceKind.${m.source}`),
                        live: formatGrant(m.liveFen, locale),
                        paid: formatGrant(m.paidFen, locale),
                        remaining: formatGrant(m.remainingFen, locale),
                      })}
                    </li>
                  ))}
                </ul>
                <p className={team.reconciled ? 'text-slate-700' : 'font-medium text-accent-600'}>
                  {t(team.reconciled ? 'projectLifecycle.reconciled' : 'projectLifecycle.notReconciled')}
                </p>
              </div>
            </article>
          ))}
        </div>
      </section>

      <Card title={t('projectLifecycle.rankingTitle')}>
        <div className="flex flex-col gap-4 text-sm">
          {ranked.length === 0 ? <p className="text-slate-700">{t('projectLifecycle.rankingPending')}</p> : null}
          {ranked.length ? (
            <Table
              caption={t('projectLifecycle.rankingTitle')}
              head={[
                t('projectLifecycle.rank'),
                t('projectLifecycle.team'),
                t('projectLifecycle.checkScore'),
                t('projectLifecycle.kpiOnTrack'),
                t('projectLifecycle.milestonesMissed'),
                t('projectLifecycle.outcome'),
              ]}
            >
              {ranked.map((r) => (
                <tr key={r.projectId}>
                  <Td className="tabular-nums">{r.rank}</Td>
                  <Td>{teamName(r.projectId)}</Td>
                  <Td className="tabular-nums">{r.score.toFixed(2)}</Td>
                  <Td className="tabular-nums">{percent(r.kpiProgressBp)}</Td>
                  <Td className="tabular-nums">{r.milestonesMissed}</Td>
                  <Td>
                    {round.status === 'DECIDED' || tie.length === 0
                      ? t(r.keep ? 'projectLifecycle.decisionKeep' : 'projectLifecycle.decisionStop')
                      : tie.includes(r.projectId)
                        ? '—'
                        : t(r.keep ? 'projectLifecycle.decisionKeep' : 'projectLifecycle.decisionStop')}
                  </Td>
                </tr>
              ))}
            </Table>
          ) : null}
          {round.status === 'OPEN' && tie.length ? (
            <Alert tone="warning">{t('projectLifecycle.tieWarning', { teams: tie.map(teamName).join('、') })}</Alert>
          ) : null}
          {round.status === 'OPEN' && preview?.plan ? (
            <p className="text-slate-700">
              {t('projectLifecycle.plannedMoves', { count: preview.plan.cancelled.length })}
              {preview.plan.returned.map((r) => (
                <span key={`${r.source}:${r.sourceInstitutionId ?? ''}`}>
                  {' '}
                  {t('projectLifecycle.returned', { amount: formatGrant(r.amountFen, locale) })}
                </span>
              ))}
            </p>
          ) : null}
          {round.status === 'OPEN' && preview ? (
            <DecideRoundForm
              action={decideRaceRoundAction}
              roundId={round.id}
              version={round.version}
              tied={
                tie.length ? preview.ranking.teams.map((r) => ({ id: r.projectId, label: teamName(r.projectId) })) : []
              }
              defaultKeep={
                tie.length
                  ? preview.ranking.teams.filter((r) => r.keep && !tie.includes(r.projectId)).map((r) => r.projectId)
                  : []
              }
            />
          ) : null}
          {round.status === 'DECIDED' ? (
            <div className="flex flex-col gap-1">
              <h3 className="font-medium text-slate-800">{t('projectLifecycle.justification')}</h3>
              <p className="break-words whitespace-pre-wrap text-slate-900">{round.justification}</p>
              <p className="text-xs text-slate-600">
                {t('projectLifecycle.decidedBy', {
                  name: data.decidedBy ?? '—',
                  time: formatDateTime(round.decidedAt, locale),
                })}
              </p>
            </div>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
