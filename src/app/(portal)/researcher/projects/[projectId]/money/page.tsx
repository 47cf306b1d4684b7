import { getTranslations } from 'next-intl/server';
import { categoryOptions, loadProjectPage, projectYears } from '@/components/projects/load-project';
import { ExpenditureForm } from '@/components/projects/project-forms';
import { MoneyView } from '@/components/projects/project-views';
import { Card, PageHeader } from '@/components/ui/card';
import { fenToWan } from '@/domain/money';
import { fileExpenditureAction } from '../../actions';

// 经费: the project's tranches by source and their reconciliation, and the PI's yearly expenditure reports (a
// returned or draft report opens in the form again).
export default async function ResearcherProjectMoneyPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { p, locale } = await loadProjectPage('manage:project:own', projectId);
  const t = await getTranslations('projects');
  const tSrc = await getTranslations('enums.FundingSourceKind');
  const mode = p.budgetMode === 'LINE_ITEM' ? 'LINE_ITEM' : 'SIMPLIFIED';
  const sources = (['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const)
    .filter((s) => s === 'FISCAL' || p.pledged[s] > 0n)
    .map((s) => ({ value: s, label: tSrc(s) }));
  const open = p.expenditures.find((r) => r.status === 'RETURNED' || r.status === 'DRAFT');
  return (
    <>
      <PageHeader title={t('money.title', { title: p.title })} description={t('money.description')} />
      <div className="flex flex-col gap-6">
        <MoneyView p={p} locale={locale} reportActions={() => null} />
        {p.viewer.canFileExpenditure ? (
          <Card title={open ? t('money.editReport', { year: open.year }) : t('money.fileReport')}>
            {open?.returnReason && open.status === 'RETURNED' ? (
              <p className="mb-3 text-sm text-slate-700">{t('money.returnedBecause', { reason: open.returnReason })}</p>
            ) : null}
            <ExpenditureForm
              key={open?.id ?? 'new'}
              action={fileExpenditureAction}
              projectId={p.id}
              mode={mode}
              years={open ? [open.year] : projectYears(p)}
              categories={categoryOptions(p, locale)}
              sources={sources}
              initial={
                open
                  ? {
                      projectId: p.id,
                      version: open.version,
                      year: open.year,
                      totalSpentWan: fenToWan(open.totalSpentFen),
                      statement: open.statement ?? '',
                      lines: open.lines.map((l) => ({
                        categoryCode: l.categoryCode,
                        source: l.source,
                        amountWan: fenToWan(l.amountFen),
                      })),
                      submit: false,
                    }
                  : undefined
              }
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
