import { getLocale, getTranslations } from 'next-intl/server';
import { ProgressForm } from '@/components/project-lifecycle/check-forms';
import { ChecksView } from '@/components/project-lifecycle/checks-view';
import { orNotFound } from '@/lib/or-not-found';
import { SectionTitle } from '@/components/project-lifecycle/section-title';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectChecks } from '@/server/projects/checks';
import { submitProgressAction } from './actions';

// 检查 for the PI (and, read-only, current members): the report form on each check not yet assessed.
export default async function ResearcherChecksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:own');
  const { projectId } = await params;
  const data = await orNotFound(getProjectChecks(db(), actor, projectId));
  const [t, locale] = await Promise.all([getTranslations('projectLifecycle'), getLocale().then(asLocale)]);
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle title={t('sectionTitle', { section: t('checksTitle'), title: data.project.title })} />
      <ChecksView
        data={data}
        locale={locale}
        actions={(c) =>
          data.isPi && c.status !== 'ASSESSED' ? (
            <ProgressForm
              action={submitProgressAction}
              checkId={c.id}
              version={c.version}
              kpis={data.kpis}
              milestones={data.milestones.map((m) => ({
                id: m.id,
                title: m.title,
                due: formatCalendarDate(m.dueDate),
                status: m.status,
              }))}
              initial={c.progress}
            />
          ) : null
        }
      />
    </div>
  );
}
