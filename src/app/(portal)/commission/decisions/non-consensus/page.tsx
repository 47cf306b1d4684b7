import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DecisionStatusBadge } from '@/components/decisions/status-badges';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listNonConsensusDecisions } from '@/server/decisions/decisions';

/** 非共识项目, reported separately: every decision by the special route, who proposed and approved it, on what. */
export default async function NonConsensusReportPage() {
  const actor = await requirePermission('manage:decision:all');
  const [rows, t, locale] = await Promise.all([
    listNonConsensusDecisions(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader
        title={t('decisions.nonConsensusTitle')}
        description={t('decisions.nonConsensusDescription')}
        actions={
          <Link href="/commission/decisions" className="text-sm text-brand-700 underline">
            {t('decisions.backToCalls')}
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t('decisions.nonConsensusEmpty')} />
      ) : (
        <Table
          caption={t('decisions.nonConsensusTitle')}
          head={[
            t('decisions.colApplication'),
            t('decisions.colApplicant'),
            t('decisions.colCall'),
            t('decisions.colAwarded'),
            t('decisions.colStatus'),
            t('decisions.colProposer'),
            t('decisions.colApproval'),
            t('decisions.colNominating'),
            t('decisions.colCredit'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="max-w-72 min-w-48">
                <span className="block font-mono text-xs text-slate-600">{r.application.code ?? '—'}</span>
                {r.application.title}
              </Td>
              <Td className="min-w-32">
                {r.application.applicantName}
                <span className="block text-xs text-slate-600">{r.application.institutionName}</span>
              </Td>
              <Td className="min-w-40">{localized(locale, r.call.title, r.call.titleEn)}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                {r.awardedFiscalFen !== null ? formatGrant(r.awardedFiscalFen, locale) : '—'}
                <span className="block text-xs text-slate-600">
                  {t('decisions.ofRequested', { requested: formatGrant(r.requestedFiscalFen, locale) })}
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                <DecisionStatusBadge status={r.status} label={t(`enums.DecisionStatus.${r.status}`)} />
              </Td>
              <Td className="whitespace-nowrap">{r.proposerName}</Td>
              <Td className="max-w-80 min-w-56">
                {r.approval ? (
                  <>
                    <span className="block">
                      {t('decisions.approvedBy', {
                        name: r.approval.approverName,
                        time: formatDateTime(r.approval.approvedAt, locale),
                      })}
                    </span>
                    <span className="block text-xs break-words whitespace-pre-wrap text-slate-700">
                      {r.approval.justification}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-600">{t('decisions.awaitingApproval')}</span>
                )}
              </Td>
              <Td className="min-w-32">{r.approval?.nominatingExperts.join('、') || '—'}</Td>
              <Td className="min-w-32">
                {r.approval
                  ? r.approval.sanctionInForce
                    ? t('decisions.creditSanction')
                    : t('decisions.creditRecords', { count: r.approval.creditRecords })
                  : '—'}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
