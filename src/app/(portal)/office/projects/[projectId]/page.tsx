import { getTranslations } from 'next-intl/server';
import { RaceOutcome } from '@/components/project-lifecycle/race-outcome';
import { db } from '@/server/db';
import { getRaceOutcomeForProject } from '@/server/projects/horse-race';
import { loadProjectPage } from '@/components/projects/load-project';
import { ActionButton } from '@/components/projects/project-forms';
import { MembersCard, ProjectFacts, TaskBookView } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { confirmTaskBookAction } from '../actions';

// The office reads its institution's project and confirms the task book for the institution.
export default async function OfficeProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, p, locale } = await loadProjectPage('manage:project:institution', projectId);
  const race = await getRaceOutcomeForProject(db(), actor, p.id);
  const t = await getTranslations('projects');
  const tb = p.taskBook;
  return (
    <>
      <PageHeader title={p.title} description={t('detailDescription', { code: p.code })} />
      <div className="flex flex-col gap-6">
        <ProjectFacts p={p} locale={locale} />
        {race ? <RaceOutcome outcome={race} /> : null}
        <TaskBookView
          p={p}
          locale={locale}
          actions={
            p.viewer.canConfirm && tb ? (
              <ActionButton
                action={confirmTaskBookAction}
                input={{ projectId: p.id, version: tb.version }}
                label={t('taskBook.confirmForInstitution')}
                done={t('taskBook.confirmedNotice')}
              />
            ) : p.viewer.hasConfirmed && tb?.status === 'DRAFT' ? (
              <p className="text-sm text-slate-700">{t('taskBook.youConfirmed')}</p>
            ) : null
          }
        />
        <MembersCard p={p} />
      </div>
    </>
  );
}
