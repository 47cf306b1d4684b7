import { getLocale, getTranslations } from 'next-intl/server';
import { AssessCheckForm, OpenCheckForm, ResumeProjectForm } from '@/components/project-lifecycle/check-forms';
import { ChecksView } from '@/components/project-lifecycle/checks-view';
import { orNotFound } from '@/lib/or-not-found';
import { SectionTitle } from '@/components/project-lifecycle/section-title';
import { Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { beijingToday, getProjectChecks } from '@/server/projects/checks';
import { assessCheckAction, openCheckAction, resumeProjectAction } from './actions';

// 检查 for staff: open an annual check or the mid-term of an active project, assess the reports submitted.
export default async function CommissionChecksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:all');
  const { projectId } = await params;
  const data = await orNotFound(getProjectChecks(db(), actor, projectId));
  const [t, locale] = await Promise.all([getTranslations('projectLifecycle'), getLocale().then(asLocale)]);
  const underWay = data.checks.some((c) => c.status !== 'ASSESSED');
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle title={t('sectionTitle', { section: t('checksTitle'), title: data.project.title })} />
      {data.project.status === 'ACTIVE' && !underWay ? (
        <Card title={t('openCheckTitle')}>
          <OpenCheckForm
            action={openCheckAction}
            projectId={data.project.id}
            version={data.project.version}
            year={Number(beijingToday(new Date()).slice(0, 4))}
          />
        </Card>
      ) : null}
      {data.project.status === 'SUSPENDED' ? (
        <Card title={t('resumeTitle')}>
          <ResumeProjectForm action={resumeProjectAction} projectId={data.project.id} version={data.project.version} />
        </Card>
      ) : null}
      <ChecksView
        data={data}
        locale={locale}
        actions={(c) =>
          c.status === 'SUBMITTED' ? (
            <AssessCheckForm
              action={assessCheckAction}
              checkId={c.id}
              version={c.version}
              raceTeam={data.raceTeam && c.kind === 'MIDTERM'}
            />
          ) : null
        }
      />
    </div>
  );
}
