import { getTranslations } from 'next-intl/server';
import { loadProjectPage } from '@/components/projects/load-project';
import { ActionButton, CancelTrancheForm, MarkPaidForm, ReturnReportForm } from '@/components/projects/project-forms';
import { MoneyView } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import {
  acceptExpenditureAction,
  approveTrancheAction,
  cancelTrancheAction,
  markPaidAction,
  returnExpenditureAction,
} from '../../actions';

// 经费: staff approve planned tranches, record fiscal payments, cancel unpaid tranches with a reason, and accept or
// return the expenditure reports the institution has signed.
export default async function CommissionProjectMoneyPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { p, locale } = await loadProjectPage('manage:project:all', projectId);
  const t = await getTranslations('projects');
  const tEnums = await getTranslations('enums');
  return (
    <>
      <PageHeader title={t('money.title', { title: p.title })} description={t('money.description')} />
      <MoneyView
        p={p}
        locale={locale}
        trancheActions={(tr) => {
          const subject = t('money.trancheOf', { source: tEnums(`FundingSourceKind.${tr.source}`), n: tr.ordinal });
          return (
            <>
              {tr.status === 'PLANNED' ? (
                <ActionButton
                  action={approveTrancheAction}
                  input={{ trancheId: tr.id, version: tr.version }}
                  label={t('money.approve')}
                  accessibleLabel={t('money.approveLabel', { subject })}
                />
              ) : null}
              {tr.status === 'APPROVED' && tr.source === 'FISCAL' ? (
                <MarkPaidForm action={markPaidAction} trancheId={tr.id} version={tr.version} subject={subject} />
              ) : null}
              {tr.status === 'PLANNED' || tr.status === 'APPROVED' ? (
                <CancelTrancheForm
                  action={cancelTrancheAction}
                  trancheId={tr.id}
                  version={tr.version}
                  subject={subject}
                />
              ) : null}
            </>
          );
        }}
        reportActions={(r) =>
          r.status === 'INSTITUTION_SIGNED' ? (
            <>
              <ActionButton
                action={acceptExpenditureAction}
                input={{ reportId: r.id, version: r.version }}
                label={t('money.accept')}
                accessibleLabel={t('money.acceptLabel', { year: r.year })}
              />
              <ReturnReportForm
                action={returnExpenditureAction}
                reportId={r.id}
                version={r.version}
                subject={t('money.reportOf', { year: r.year })}
              />
            </>
          ) : null
        }
      />
    </>
  );
}
