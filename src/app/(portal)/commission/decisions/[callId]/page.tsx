import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DecisionStatusBadge, OutcomeBadge } from '@/components/decisions/status-badges';
import { ExportLinks } from '@/components/exports/export-links';
import { Alert, Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { fenToWan } from '@/domain/money';
import { asLocale } from '@/i18n/config';
import { formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getDecisionDesk } from '@/server/decisions/decisions';
import { ApproveNonConsensusDialog, DecideDialog, PublishForm } from './decision-forms';
import { orNotFound } from '@/lib/or-not-found';

const PANEL_TONE = { PASSED: 'green', FAILED: 'red' } as const;

/**
 * One call's decision desk: applications ranked by mail-review score with the panel's result, the fiscal request,
 * the non-consensus flag, the challenge and the draft decision; drafting, the second approval of the special route,
 * and releasing the batch with its public notice.
 */
export default async function DecisionDeskPage({ params }: { params: Promise<{ callId: string }> }) {
  const actor = await requirePermission('manage:decision:all');
  const { callId } = await params;
  const desk = await orNotFound(getDecisionDesk(db(), actor, callId));
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const callTitle = localized(locale, desk.call.title, desk.call.titleEn);
  const subjectOf = (id: string) => {
    const row = desk.rows.find((r) => r.id === id || r.challenge?.id === id);
    if (!row) return '';
    return row.id === id ? (row.code ?? row.title) : row.challenge!.title;
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('decisions.deskTitle', { call: callTitle })}
        description={t(desk.hasPanel ? 'decisions.deskAfterPanel' : 'decisions.deskAfterReview')}
        actions={
          <span className="flex flex-wrap items-center gap-3">
            <ExportLinks kind="decisions" filters={{ callId }} />
            <Link href="/commission/decisions" className="text-sm text-brand-700 underline">
              {t('decisions.backToCalls')}
            </Link>
          </span>
        }
      />

      {desk.rows.length === 0 ? (
        <EmptyState title={t('decisions.deskEmpty')}>{t('decisions.deskEmptyHint')}</EmptyState>
      ) : (
        <Table
          caption={t('decisions.deskTitle', { call: callTitle })}
          head={[
            t('decisions.colRank'),
            t('decisions.colApplication'),
            t('decisions.colApplicant'),
            t('decisions.colScore'),
            t('decisions.colPanel'),
            t('decisions.colRequested'),
            t('decisions.colFlag'),
            t('decisions.colChallenge'),
            t('decisions.colDecision'),
            t('decisions.colActions'),
          ]}
        >
          {desk.rows.map((r) => {
            const d = r.decision;
            const subject = r.code ?? r.title;
            return (
              <tr key={r.id}>
                <Td className="text-right tabular-nums">{r.rank ?? '—'}</Td>
                <Td className="max-w-80 min-w-48">
                  <span className="block font-mono text-xs text-slate-600">{r.code ?? '—'}</span>
                  {r.title || '—'}
                  {r.ready ? null : (
                    <span className="block text-xs text-slate-600">{t(`enums.applicationStatus.${r.status}`)}</span>
                  )}
                </Td>
                <Td className="min-w-32">
                  {r.applicantName}
                  <span className="block text-xs text-slate-600">{r.institutionName}</span>
                </Td>
                <Td className="text-right tabular-nums">{r.weightedMean?.toFixed(2) ?? '—'}</Td>
                <Td className="whitespace-nowrap">
                  {r.panelResult ? (
                    <Badge tone={PANEL_TONE[r.panelResult]}>{t(`decisions.panelResult.${r.panelResult}`)}</Badge>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  {formatGrant(r.requestedFiscalFen, locale)}
                </Td>
                <Td className="whitespace-nowrap">{r.flag ? t(`enums.nonConsensusStatus.${r.flag.status}`) : '—'}</Td>
                <Td className="min-w-32">
                  {r.challenge ? (
                    <>
                      {r.challenge.title}
                      <span className="block text-xs text-slate-600">
                        {r.challenge.selectionMode === 'HORSE_RACE'
                          ? t('decisions.horseRace', { teams: r.challenge.teamCount })
                          : t('decisions.singleWinner')}
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td className="min-w-40">
                  {d ? (
                    <div className="flex flex-col gap-1">
                      <div className="flex flex-wrap gap-1">
                        <OutcomeBadge outcome={d.outcome} label={t(`enums.DecisionOutcome.${d.outcome}`)} />
                        <DecisionStatusBadge status={d.status} label={t(`enums.DecisionStatus.${d.status}`)} />
                      </div>
                      {d.awardedFiscalFen !== null ? (
                        <span className="tabular-nums">{formatGrant(d.awardedFiscalFen, locale)}</span>
                      ) : null}
                      {d.route === 'NON_CONSENSUS' ? (
                        <span className="text-xs text-slate-700">
                          {t('enums.DecisionRoute.NON_CONSENSUS')} ·{' '}
                          {d.approval ? t('decisions.approved') : t('decisions.awaitingApproval')}
                        </span>
                      ) : null}
                      {d.supersedesId ? (
                        <span className="text-xs text-slate-700">{t('decisions.redecide')}</span>
                      ) : null}
                    </div>
                  ) : (
                    <span className="text-slate-600">{t('decisions.undecided')}</span>
                  )}
                </Td>
                <Td>
                  <div className="flex flex-col items-start gap-1">
                    {r.ready && (!d || (d.status === 'DRAFT' && !d.approval)) ? (
                      <DecideDialog
                        applicationId={r.id}
                        subject={subject}
                        requestedWan={fenToWan(r.requestedFiscalFen)}
                        routed={r.flag?.status === 'ROUTED'}
                        current={
                          d
                            ? {
                                version: d.version,
                                outcome: d.outcome,
                                route: d.route,
                                awardedWan: d.awardedFiscalFen === null ? '' : fenToWan(d.awardedFiscalFen),
                                conditions: d.conditions ?? '',
                                reasons: d.reasons,
                              }
                            : null
                        }
                      />
                    ) : null}
                    {d && d.status === 'DRAFT' && d.route === 'NON_CONSENSUS' && d.outcome === 'FUND' && !d.approval ? (
                      d.decidedById === actor.userId ? (
                        <span className="text-xs text-slate-700">{t('decisions.needsSecondPerson')}</span>
                      ) : (
                        <ApproveNonConsensusDialog decisionId={d.id} version={d.version} subject={subject} />
                      )
                    ) : null}
                  </div>
                </Td>
              </tr>
            );
          })}
        </Table>
      )}

      <Card title={t('decisions.publishTitle')}>
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            {t('decisions.publishExplain', { drafts: desk.publish.drafts, awaiting: desk.publish.awaiting })}
          </p>
          {desk.publish.issues.length ? (
            <Alert tone="warning">
              <p className="font-medium">{t('decisions.publishBlocked')}</p>
              <ul className="mt-1 list-disc pl-5">
                {desk.publish.issues.map((issue, i) => {
                  const subject = subjectOf(issue.field.split('.')[1] ?? '');
                  return (
                    <li key={i}>
                      {subject ? `${subject}：` : ''}
                      {t(`errors.${issue.code}`, issue.params ?? {})}
                    </li>
                  );
                })}
              </ul>
            </Alert>
          ) : null}
          {desk.publish.drafts > 0 ? (
            <PublishForm
              callId={desk.call.id}
              defaultTitle={t('decisions.defaultNoticeTitle', { call: desk.call.title })}
              drafts={desk.publish.drafts}
            />
          ) : (
            <p className="text-sm text-slate-600">{t('decisions.nothingToPublish')}</p>
          )}
        </div>
      </Card>
    </div>
  );
}
