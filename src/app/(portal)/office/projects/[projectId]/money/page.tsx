import { getTranslations } from 'next-intl/server';
import { loadProjectPage } from '@/components/projects/load-project';
import { ActionButton, MarkPaidForm } from '@/components/projects/project-forms';
import { MoneyView } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { markPaidAction, signExpenditureAction } from '../../actions';

// 经费: the office signs submitted expenditure reports and records the payment of its own matching tranches.
export default async function OfficeProjectMoneyPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, p, locale } = await loadProjectPage('manage:project:institution', projectId);
  const t = await getTranslations('projects');
  const tEnums = await getTranslations('enums');
  return (
    <>
      <PageHeader title={t('money.title', { title: p.title })} description={t('money.description')} />
      <MoneyView
        p={p}
        locale={locale}
        trancheActions={(tr) =>
          tr.status === 'APPROVED' && tr.source === 'INSTITUTION' && tr.sourceInstitutionId === actor.institutionId ? (
            <MarkPaidForm
              action={markPaidAction}
              trancheId={tr.id}
              version={tr.version}
              subject={t('money.trancheOf', { source: tEnums(`FundingSourceKind.${tr.source}`), n: tr.ordinal })}
            />
          ) : null
        }
        reportActions={(r) =>
          r.status === 'SUBMITTED' ? (
            <ActionButton
              action={signExpenditureAction}
              input={{ reportId: r.id, version: r.version }}
              label={t('money.sign')}
              accessibleLabel={t('money.signLabel', { year: r.year })}
            />
          ) : null
        }
      />
    </>
  );
}
