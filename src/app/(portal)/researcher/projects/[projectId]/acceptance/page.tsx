import { getLocale, getTranslations } from 'next-intl/server';
import { FinalReportForm } from '@/components/project-lifecycle/acceptance-forms';
import { AcceptanceView } from '@/components/project-lifecycle/acceptance-view';
import { orNotFound } from '@/lib/or-not-found';
import { SectionTitle } from '@/components/project-lifecycle/section-title';
import { Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectAcceptance } from '@/server/projects/acceptance';
import { saveFinalReportAction, submitFinalReportAction } from './actions';

// 结题验收 for the PI: the final report form while the project runs (and again after a deferral); the record after.
export default async function ResearcherAcceptancePage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:own');
  const { projectId } = await params;
  const data = await orNotFound(getProjectAcceptance(db(), actor, projectId));
  const [t, locale] = await Promise.all([getTranslations('projectLifecycle'), getLocale().then(asLocale)]);
  const editable =
    data.isPi && data.project.status === 'ACTIVE' && (!data.acceptance || data.acceptance.status === 'DRAFT');
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle title={t('sectionTitle', { section: t('acceptanceTitle'), title: data.project.title })} />
      {editable ? (
        <Card title={t('finalReportTitle')}>
          <FinalReportForm
            save={saveFinalReportAction}
            submit={submitFinalReportAction}
            projectId={data.project.id}
            version={data.acceptance?.version ?? 0}
            finalReport={data.acceptance?.finalReport ?? ''}
            kpis={data.kpis}
            works={data.works.map((w) => ({ id: w.id, label: `${w.title}（${w.user.name}，${w.year}）` }))}
            linked={data.outputs.map((w) => w.id)}
          />
        </Card>
      ) : null}
      <AcceptanceView data={data} locale={locale} />
    </div>
  );
}
