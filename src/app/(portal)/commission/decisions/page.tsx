import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listDecisionCalls } from '@/server/decisions/decisions';

/** 立项决定: the calls whose applications are at the decision stage, and how far their decisions have come. */
export default async function DecisionCallsPage() {
  const actor = await requirePermission('manage:decision:all');
  const [calls, t, locale] = await Promise.all([
    listDecisionCalls(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader
        title={t('decisions.title')}
        description={t('decisions.description')}
        actions={
          <Link href="/commission/decisions/non-consensus" className="text-sm text-brand-700 underline">
            {t('decisions.nonConsensusReport')}
          </Link>
        }
      />
      {calls.length === 0 ? (
        <EmptyState title={t('decisions.empty')}>{t('decisions.emptyHint')}</EmptyState>
      ) : (
        <Table
          caption={t('decisions.title')}
          head={[
            t('decisions.colCall'),
            t('decisions.colProgram'),
            t('decisions.colStage'),
            t('decisions.colAtStage'),
            t('enums.DecisionStatus.DRAFT'),
            t('enums.DecisionStatus.IN_NOTICE'),
            t('enums.DecisionStatus.FINAL'),
          ]}
        >
          {calls.map((c) => (
            <tr key={c.id}>
              <Td className="max-w-96 min-w-56">
                <Link href={`/commission/decisions/${c.id}`} className="text-brand-800 underline">
                  {localized(locale, c.title, c.titleEn)}
                </Link>
              </Td>
              <Td className="min-w-40">{localized(locale, c.program.name, c.program.nameEn)}</Td>
              <Td className="whitespace-nowrap">{t(c.hasPanel ? 'decisions.afterPanel' : 'decisions.afterReview')}</Td>
              <Td className="text-right tabular-nums">{c.atDecisionStage}</Td>
              <Td className="text-right tabular-nums">{c.decisions.DRAFT ?? 0}</Td>
              <Td className="text-right tabular-nums">{(c.decisions.IN_NOTICE ?? 0) + (c.decisions.PUBLISHED ?? 0)}</Td>
              <Td className="text-right tabular-nums">{c.decisions.FINAL ?? 0}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
