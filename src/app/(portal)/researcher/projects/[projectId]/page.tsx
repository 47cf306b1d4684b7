import { getTranslations } from 'next-intl/server';
import { RaceOutcome } from '@/components/project-lifecycle/race-outcome';
import { db } from '@/server/db';
import { getRaceOutcomeForProject } from '@/server/projects/horse-race';
import { categoryOptions, loadProjectPage, projectYears } from '@/components/projects/load-project';
import { ActionButton } from '@/components/projects/project-forms';
import { MembersCard, MentoringCard, ProjectFacts, TaskBookView } from '@/components/projects/project-views';
import { TaskBookEditor } from '@/components/projects/task-book-editor';
import { Alert, PageHeader } from '@/components/ui/card';
import { fenToWan } from '@/domain/money';
import {
  confirmTaskBookAction,
  saveBudgetAction,
  saveContentAction,
  saveKpisAction,
  saveMilestonesAction,
} from '../actions';

// 项目概览与任务书: the PI edits the draft task book and confirms it; team members read it. The responsible expert's
// opinions meant for the PI are at the bottom.
export default async function ResearcherProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, p, locale } = await loadProjectPage('manage:project:own', projectId);
  const race = await getRaceOutcomeForProject(db(), actor, p.id);
  const t = await getTranslations('projects');
  const tSrc = await getTranslations('enums.FundingSourceKind');
  const tb = p.taskBook;
  const sources = (['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const)
    .filter((s) => s === 'FISCAL' || p.pledged[s] > 0n)
    .map((s) => ({ value: s, label: tSrc(s) }));
  return (
    <>
      <PageHeader title={p.title} description={t('detailDescription', { code: p.code })} />
      <div className="flex flex-col gap-6">
        <ProjectFacts p={p} locale={locale} />
        {race ? <RaceOutcome outcome={race} /> : null}
        {p.viewer.canEditTaskBook ? <Alert tone="info">{t('taskBook.editClears')}</Alert> : null}
        <TaskBookView
          p={p}
          locale={locale}
          showContent={!p.viewer.canEditTaskBook}
          actions={
            p.viewer.canConfirm && tb ? (
              <ActionButton
                action={confirmTaskBookAction}
                input={{ projectId: p.id, version: tb.version }}
                label={t('taskBook.confirm')}
                done={t('taskBook.confirmedNotice')}
              />
            ) : p.viewer.hasConfirmed && tb?.status === 'DRAFT' ? (
              <p className="text-sm text-slate-700">{t('taskBook.youConfirmed')}</p>
            ) : null
          }
        />
        {p.viewer.canEditTaskBook && tb && tb.content ? (
          <TaskBookEditor
            projectId={p.id}
            version={tb.version}
            content={tb.content}
            kpis={tb.kpis}
            milestones={tb.milestones}
            budget={tb.budget.map((b) => ({
              year: b.year,
              source: b.source,
              categoryCode: b.categoryCode,
              amountWan: fenToWan(b.amountFen),
            }))}
            lineItem={p.budgetMode === 'LINE_ITEM'}
            years={projectYears(p)}
            categories={categoryOptions(p, locale)}
            sources={sources}
            actions={{
              content: saveContentAction,
              kpis: saveKpisAction,
              milestones: saveMilestonesAction,
              budget: saveBudgetAction,
            }}
          />
        ) : null}
        <MembersCard p={p} />
        <MentoringCard p={p} locale={locale} />
      </div>
    </>
  );
}
