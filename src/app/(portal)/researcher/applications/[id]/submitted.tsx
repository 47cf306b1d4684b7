import { getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { PublishedDecision } from '@/components/decisions/published-decision';
import { Alert, PageHeader } from '@/components/ui/card';
import { canTransitionApplication } from '@/domain/application/transitions';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getApplicationForReader } from '@/server/applications/review-side';
import { getPublishedDecisionForApplication } from '@/server/decisions/decisions';
import { orNotFound } from '@/lib/or-not-found';
import { WithdrawDialog } from '@/components/applications/withdraw-dialog';
import { withdrawApplicationAction } from '../actions';

/** A submitted application as its applicant sees it: the frozen version the office and the commission read. */
export async function SubmittedApplication({ id }: { id: string }) {
  const actor = await requirePermission('create:application:own');
  const [app, decision, t] = await Promise.all([
    orNotFound(getApplicationForReader(db(), actor, id)),
    orNotFound(getPublishedDecisionForApplication(db(), actor, id)),
    getTranslations('applications'),
  ]);
  // A platform application is its institution's: the director it names reads it, the office withdraws it.
  const withdrawable = app.kind === 'PROJECT' && canTransitionApplication(app.status, 'withdraw', 'PI');
  return (
    <>
      <PageHeader
        title={app.snapshot?.title || t('untitled')}
        description={app.code ?? undefined}
        actions={
          <>
            <ApplicationStatusBadge status={app.status} />
            {withdrawable ? (
              <WithdrawDialog ns="applications" id={app.id} withdraw={withdrawApplicationAction} />
            ) : null}
          </>
        }
      />
      {app.status === 'SUBMITTED' ? (
        <div className="mb-4">
          <Alert tone="success">{t('submittedBanner')}</Alert>
        </div>
      ) : null}
      {decision ? (
        <div className="mb-6">
          <PublishedDecision decision={decision} projectHref={(projectId) => `/researcher/projects/${projectId}`} />
        </div>
      ) : null}
      <ApplicationView app={app} snapshot={app.snapshot} />
    </>
  );
}
