import { getTranslations } from 'next-intl/server';
import { RaceOutcome } from '@/components/project-lifecycle/race-outcome';
import { db } from '@/server/db';
import { getRaceOutcomeForProject } from '@/server/projects/horse-race';
import { loadProjectPage } from '@/components/projects/load-project';
import { MarkPaidForm } from '@/components/projects/project-forms';
import { MoneyView, ProjectFacts, TaskBookView } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { markPaidAction } from '../actions';

// A team on the enterprise's challenge, read only: status, KPIs and milestones; and the enterprise's own
// co-funding tranches, which it marks paid with the voucher number.
export default async function EnterpriseProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, p, locale } = await loadProjectPage('read:project:institution', projectId);
  const race = await getRaceOutcomeForProject(db(), actor, p.id);
  const t = await getTranslations('projects');
  const tEnums = await getTranslations('enums');
  return (
    <>
      <PageHeader title={p.title} description={t('detailDescription', { code: p.code })} />
      <div className="flex flex-col gap-6">
        <ProjectFacts p={p} locale={locale} />
        {race ? <RaceOutcome outcome={race} /> : null}
        <TaskBookView p={p} locale={locale} showContent={false} />
        <h2 className="text-lg font-semibold text-slate-900">{t('money.ownTranches')}</h2>
        <MoneyView
          p={p}
          locale={locale}
          trancheActions={(tr) =>
            tr.status === 'APPROVED' ? (
              <MarkPaidForm
                action={markPaidAction}
                trancheId={tr.id}
                version={tr.version}
                subject={t('money.trancheOf', { source: tEnums(`FundingSourceKind.${tr.source}`), n: tr.ordinal })}
              />
            ) : null
          }
        />
      </div>
    </>
  );
}
