import { getLocale, getTranslations } from 'next-intl/server';
import {
  CompleteLongCycleForm,
  DecideAcceptanceForm,
  EvaluationForm,
} from '@/components/project-lifecycle/acceptance-forms';
import { AcceptanceView } from '@/components/project-lifecycle/acceptance-view';
import { orNotFound } from '@/lib/or-not-found';
import { SectionTitle } from '@/components/project-lifecycle/section-title';
import { Card } from '@/components/ui/card';
import { LONG_CYCLE_YEARS } from '@/domain/project/evaluation';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectAcceptance } from '@/server/projects/acceptance';
import { completeLongCycleAction, decideAcceptanceAction, recordEvaluationAction } from './actions';

// 结题验收 for staff: the decision on a submitted final report, the performance evaluation, the long-cycle review.
export default async function CommissionAcceptancePage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:all');
  const { projectId } = await params;
  const data = await orNotFound(getProjectAcceptance(db(), actor, projectId));
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const a = data.acceptance;
  const decidable =
    data.project.status === 'ACCEPTANCE' && a && (a.status === 'SUBMITTED' || a.status === 'UNDER_REVIEW');
  const evaluable = data.project.status === 'ACCEPTANCE' || data.project.status === 'CLOSED';
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle
        title={t('projectLifecycle.sectionTitle', {
          section: t('projectLifecycle.acceptanceTitle'),
          title: data.project.title,
        })}
      />
      {decidable ? (
        <Card title={t('projectLifecycle.decideAcceptanceTitle')}>
          <DecideAcceptanceForm
            action={decideAcceptanceAction}
            projectId={data.project.id}
            version={a.version}
            defaultYearsHint={t('projectLifecycle.longCycleYearsHint', {
              category: t(`enums.EvaluationCategory.${data.category}`),
              years: LONG_CYCLE_YEARS[data.category],
            })}
          />
        </Card>
      ) : null}
      {evaluable ? (
        <div>
          <EvaluationForm action={recordEvaluationAction} projectId={data.project.id} />
        </div>
      ) : null}
      <AcceptanceView
        data={data}
        locale={locale}
        longCycleActions={(l) =>
          l.status === 'SCHEDULED' ? (
            <CompleteLongCycleForm
              action={completeLongCycleAction}
              evaluationId={l.id}
              version={l.version}
              date={formatCalendarDate(l.scheduledFor)}
            />
          ) : null
        }
      />
    </div>
  );
}
