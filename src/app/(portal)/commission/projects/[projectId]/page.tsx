import { getTranslations } from 'next-intl/server';
import { loadProjectPage } from '@/components/projects/load-project';
import { ActionButton, AssignMentorForm } from '@/components/projects/project-forms';
import { MembersCard, MentoringCard, ProjectFacts, TaskBookView } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { db } from '@/server/db';
import { listMentorCandidates } from '@/server/projects/mentoring';
import { activateAction, assignMentorAction, confirmTaskBookAction } from '../actions';

// Staff on one project: confirm the task book for the commission, activate the project once confirmed, and assign
// (or replace) the responsible expert (护航) with the whole mentoring log in view.
export default async function CommissionProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, p, locale } = await loadProjectPage('manage:project:all', projectId);
  const t = await getTranslations('projects');
  const experts = p.viewer.canAssignMentor ? await listMentorCandidates(db(), actor) : [];
  const tb = p.taskBook;
  return (
    <>
      <PageHeader
        title={p.title}
        description={t('detailDescription', { code: p.code })}
        actions={
          p.viewer.canActivate ? (
            <ActionButton
              action={activateAction}
              input={{ projectId: p.id, version: p.version }}
              label={t('activate')}
              done={t('activated')}
            />
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        <ProjectFacts p={p} locale={locale} />
        <TaskBookView
          p={p}
          locale={locale}
          actions={
            p.viewer.canConfirm && tb ? (
              <ActionButton
                action={confirmTaskBookAction}
                input={{ projectId: p.id, version: tb.version }}
                label={t('taskBook.confirmForCommission')}
                done={t('taskBook.confirmedNotice')}
              />
            ) : p.viewer.hasConfirmed && tb?.status === 'DRAFT' ? (
              <p className="text-sm text-slate-700">{t('taskBook.youConfirmed')}</p>
            ) : null
          }
        />
        <MembersCard p={p} />
        <MentoringCard p={p} locale={locale}>
          {p.viewer.canAssignMentor ? (
            <AssignMentorForm
              action={assignMentorAction}
              projectId={p.id}
              experts={experts}
              current={p.mentor?.name ?? null}
            />
          ) : null}
        </MentoringCard>
      </div>
    </>
  );
}
