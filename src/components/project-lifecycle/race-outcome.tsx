import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import type { getRaceOutcomeForProject } from '@/server/projects/horse-race';

type RaceOutcome = NonNullable<Awaited<ReturnType<typeof getRaceOutcomeForProject>>>;

/**
 * 赛马制比选结果 on a team's project page: each decided round, every team's rank and whether it goes on, the written
 * justification; the figures behind the ranking where the reader may see them (the server decides, not this view).
 */
export async function RaceOutcome({ outcome }: { outcome: RaceOutcome }) {
  const [t, locale] = await Promise.all([getTranslations('projectLifecycle.raceOutcome'), getLocale().then(asLocale)]);
  if (outcome.rounds.length === 0) {
    return (
      <Card title={t('title')}>
        <p className="text-sm text-slate-700">
          {t('pending', { challenge: localized(locale, outcome.challenge.title, outcome.challenge.titleEn) })}
        </p>
      </Card>
    );
  }
  return (
    <>
      {outcome.rounds.map((round) => (
        <Card key={round.id} title={t('title')}>
          <p className="mb-3 text-sm text-slate-700">
            {t('summary', {
              challenge: localized(locale, outcome.challenge.title, outcome.challenge.titleEn),
              keep: round.keepCount,
              teams: round.standings.length,
              decidedAt: formatDateTime(round.decidedAt, locale),
            })}
          </p>
          <Table
            caption={t('caption')}
            head={[t('rank'), t('team'), t('pi'), t('result'), t('score'), t('kpiProgress'), t('missed')]}
          >
            {round.standings.map((s) => (
              <tr key={s.projectId} className={s.mine ? 'bg-brand-50' : undefined}>
                <Td>{s.rank}</Td>
                <Td>
                  <span className="font-mono text-xs text-slate-600">{s.code}</span>
                  <br />
                  {s.title}
                  {s.mine ? <span className="ml-2 text-xs font-medium text-brand-800">{t('yours')}</span> : null}
                </Td>
                <Td>
                  {s.piName}
                  <br />
                  <span className="text-xs text-slate-600">{s.institutionName}</span>
                </Td>
                <Td>
                  <Badge tone={s.keep ? 'green' : 'red'}>{s.keep ? t('kept') : t('cut')}</Badge>
                </Td>
                <Td>{s.figures ? s.figures.score : <span aria-label={t('hidden')}>—</span>}</Td>
                <Td>
                  {s.figures ? (
                    `${(s.figures.kpiProgressBp / 100).toFixed(0)}%`
                  ) : (
                    <span aria-label={t('hidden')}>—</span>
                  )}
                </Td>
                <Td>{s.figures ? s.figures.milestonesMissed : <span aria-label={t('hidden')}>—</span>}</Td>
              </tr>
            ))}
          </Table>
          {round.justification ? (
            <div className="mt-3 text-sm">
              <p className="font-medium text-slate-800">{t('justification')}</p>
              <p className="mt-1 whitespace-pre-line text-slate-700">{round.justification}</p>
            </div>
          ) : null}
          <p className="mt-3 text-xs text-slate-600">{t('figuresNote')}</p>
        </Card>
      ))}
    </>
  );
}
