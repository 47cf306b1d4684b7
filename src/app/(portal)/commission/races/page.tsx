import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { OpenRoundButton } from '@/components/project-lifecycle/race-forms';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listRaceChallenges } from '@/server/projects/horse-race';
import { openRaceRoundAction } from './actions';

// 赛马制 for staff: every horse-race challenge with funded teams, its teams and its cut round.
export default async function RacesPage() {
  const actor = await requirePermission('manage:project:all');
  const [challenges, t, locale] = await Promise.all([
    listRaceChallenges(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('projectLifecycle.racesTitle')} description={t('projectLifecycle.racesDescription')} />
      {challenges.length === 0 ? <EmptyState title={t('projectLifecycle.noRaces')} /> : null}
      {challenges.map((c) => {
        const title = localized(locale, c.title, c.titleEn);
        return (
          <Card
            key={c.id}
            title={title}
            actions={
              c.raceRounds.length === 0 ? (
                <OpenRoundButton action={openRaceRoundAction} challengeId={c.id} title={title} />
              ) : null
            }
          >
            <div className="flex flex-col gap-3 text-sm">
              <p className="text-slate-700">
                {[
                  t('common.labelled', { label: t('projectLifecycle.issuer'), value: c.issuer?.name ?? '—' }),
                  t('common.labelled', {
                    label: t('projectLifecycle.keep'),
                    value: `${c.keepAfterCut ?? '—'} / ${c.teamCount}`,
                  }),
                ].join(' · ')}
              </p>
              <Table
                caption={t('projectLifecycle.teamsCaption', { title })}
                head={[
                  t('projectLifecycle.team'),
                  t('projectLifecycle.pi'),
                  t('projectLifecycle.institution'),
                  t('projectLifecycle.projectStatus'),
                ]}
              >
                {c.projects.map((p) => (
                  <tr key={p.id}>
                    <Td>
                      <Link href={`/commission/projects/${p.id}`} className="text-brand-700 underline">
                        {p.code} {p.title}
                      </Link>
                    </Td>
                    <Td>{p.pi.name}</Td>
                    <Td>{p.institution.name}</Td>
                    <Td>{t(`enums.ProjectStatus.${p.status}`)}</Td>
                  </tr>
                ))}
              </Table>
              {c.raceRounds.length ? (
                <ul className="flex flex-col gap-1">
                  {c.raceRounds.map((r) => (
                    <li key={r.id} className="flex items-center gap-2">
                      <Badge tone={r.status === 'DECIDED' ? 'green' : 'amber'}>
                        {t(`enums.RaceRoundStatus.${r.status}`)}
                      </Badge>
                      <Link href={`/commission/races/${r.id}`} className="text-brand-700 underline">
                        {t('projectLifecycle.viewRound')}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
