import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExportLinks } from '@/components/exports/export-links';
import { JobAutoRefresh, JobProgress } from '@/components/jobs/job-parts';
import { Alert, Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { REVIEW_ASSIGNMENT_STATUSES } from '@/domain/review/assignment-status';
import { toBeijingInput } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { assignmentJobOf } from '@/server/review/assignment-jobs';
import { requirePermission } from '@/server/auth/session';
import { getCallReview, markOverdueAssignments } from '@/server/review/staff-review';
import { explainConflict } from '../conflict-text';
import {
  AggregateForm,
  DecideRunForm,
  DetectConflictsForm,
  DismissConflictDialog,
  ProposeRunForm,
  RemovePairButton,
} from './desk-controls';

type RunSummary = {
  applications: number;
  eligibleExperts: number;
  openSlots: number;
  filledSlots: number;
  totalAffinity: number;
  shortfalls: { applicationId: string; missing: number; reason: string }[];
};
type RunOptions = { required?: number; minInternational?: number; maxPairProbability?: number | null };

/** A proposal of thousands of pairs is looked at in the matrix (status 拟分配); the desk shows the first ones. */
const PAIRS_SHOWN = 500;

export default async function CallReviewPage({ params }: { params: Promise<{ callId: string }> }) {
  const actor = await requirePermission('assign:review:all');
  const { callId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(callId)) notFound();
  // The overdue sweep runs here until the job queue (issue 8) schedules it: the desk never shows a late one as on time.
  await markOverdueAssignments(db(), callId);
  const review = await getCallReview(db(), actor, callId).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!review) notFound();
  const [t, locale, solving] = await Promise.all([
    getTranslations(),
    getLocale().then(asLocale),
    assignmentJobOf(db(), actor, callId),
  ]);
  const { call, rules, counts, pendingRun, lastRuns, conflicts, shortfalls } = review;
  const solvingNow = solving && (solving.status === 'QUEUED' || solving.status === 'RUNNING') ? solving : null;
  const mail = rules.mailReview;
  const summary = pendingRun ? (pendingRun.summary as unknown as RunSummary) : null;
  const options = pendingRun ? ((pendingRun.options ?? {}) as RunOptions) : null;
  const appHref = (id: string) => `/commission/review/${callId}/applications/${id}`;
  const day = 86_400_000;
  const defaultDue = `${toBeijingInput(new Date(new Date().getTime() + 21 * day)).slice(0, 11)}17:00`;
  const shownStatuses = REVIEW_ASSIGNMENT_STATUSES.filter((s) => s !== 'PROPOSED' || (counts[s] ?? 0) > 0);
  const flagCount = (s: string) => review.nonConsensus[s] ?? 0;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={localized(locale, call.title, call.titleEn)}
        description={localized(locale, call.program.name, call.program.nameEn)}
        actions={
          <>
            <Badge tone={call.status === 'REVIEWING' ? 'blue' : 'slate'}>{t(`calls.statuses.${call.status}`)}</Badge>
            <Link href="/commission/review" className="text-sm text-brand-700 underline">
              {t('review.backToCalls')}
            </Link>
          </>
        }
      />
      <div className="flex flex-wrap gap-4">
        <ExportLinks kind="assignments" filters={{ callId }} />
        <ExportLinks kind="reviews" filters={{ callId }} />
      </div>

      <Card title={t('review.progressTitle')}>
        <div className="grid gap-6 lg:grid-cols-2">
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {shownStatuses.map((s) => (
              <div key={s} className="rounded-md border border-slate-200 px-3 py-2">
                <dt className="text-xs text-slate-600">{t(`enums.reviewAssignmentStatus.${s}`)}</dt>
                <dd
                  className={`text-xl font-semibold tabular-nums ${s === 'OVERDUE' && counts[s] ? 'text-red-800' : 'text-slate-900'}`}
                >
                  {counts[s] ?? 0}
                </dd>
              </div>
            ))}
          </dl>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('review.requirementTitle')}</h3>
            {mail ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">{t('review.expertsPerApplication')}</dt>
                <dd>{mail.expertsPerApplication}</dd>
                <dt className="text-slate-600">{t('review.internationalShare')}</dt>
                <dd>{`${mail.minInternationalShareBp / 100}%`}</dd>
                <dt className="text-slate-600">{t('review.blindMode')}</dt>
                <dd>{mail.blind ? t('review.blindYes') : t('review.blindNo')}</dd>
                <dt className="text-slate-600">{t('review.nonConsensusRule')}</dt>
                <dd>
                  {t(`review.measure.${mail.nonConsensus.measure}`)} &gt; {mail.nonConsensus.threshold}
                  {t('review.nonConsensusRuleSupport')}
                </dd>
              </dl>
            ) : (
              <Alert tone="warning">{t('errors.noMailReview')}</Alert>
            )}
          </div>
        </div>
      </Card>

      <Card title={t('review.conflictsTitle')}>
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">{t('review.conflictsHint')}</p>
          <DetectConflictsForm callId={call.id} />
          {conflicts.length === 0 ? (
            <EmptyState title={t('review.conflictsEmpty')} />
          ) : (
            <Table
              caption={t('review.conflictsTitle')}
              head={[
                t('review.colApplication'),
                t('review.colExpert'),
                t('review.colReason'),
                t('review.colExplanation'),
                t('review.colConflictState'),
              ]}
            >
              {conflicts.map((c) => {
                const subject = `${c.application.code ?? '—'} · ${c.expert.name}`;
                return (
                  <tr key={c.id}>
                    <Td className="min-w-48">
                      <span className="font-mono text-xs">{c.application.code ?? '—'}</span>
                      <div className="text-xs text-slate-700">{c.application.title}</div>
                    </Td>
                    <Td className="whitespace-nowrap">{c.expert.name}</Td>
                    <Td className="whitespace-nowrap">
                      <Badge tone={c.dismissedAt ? 'slate' : 'red'}>{t(`enums.conflictReason.${c.reason}`)}</Badge>
                    </Td>
                    <Td className="max-w-96 min-w-48 text-xs">{explainConflict(t, c.reason, c.detail) || '—'}</Td>
                    <Td className="min-w-40">
                      {c.dismissedAt ? (
                        <div className="text-xs text-slate-700">
                          <div className="font-medium">
                            {t('review.dismissedAt', { time: formatDateTime(c.dismissedAt, locale) })}
                          </div>
                          <div>{c.dismissedReason}</div>
                        </div>
                      ) : c.dismissible ? (
                        <DismissConflictDialog conflictId={c.id} subject={subject} />
                      ) : (
                        <span className="text-xs text-slate-600">{t('review.conflictStands')}</span>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </Table>
          )}
          {conflicts.length >= 500 ? <p className="text-xs text-slate-600">{t('review.conflictsTruncated')}</p> : null}
        </div>
      </Card>

      <Card title={t('review.assignmentTitle')}>
        {!mail ? (
          <Alert tone="warning">{t('errors.noMailReview')}</Alert>
        ) : pendingRun && summary ? (
          <div className="flex flex-col gap-4">
            <Alert tone="info">{t('review.pendingRunNotice')}</Alert>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
              <dt className="text-slate-600">{t('review.runCreatedAt')}</dt>
              <dd>{formatDateTime(pendingRun.createdAt, locale)}</dd>
              <dt className="text-slate-600">{t('review.runApplications')}</dt>
              <dd className="tabular-nums">{summary.applications}</dd>
              <dt className="text-slate-600">{t('review.runEligibleExperts')}</dt>
              <dd className="tabular-nums">{summary.eligibleExperts}</dd>
              <dt className="text-slate-600">{t('review.runSlots')}</dt>
              <dd className="tabular-nums">
                {t('review.runSlotsValue', { filled: summary.filledSlots, open: summary.openSlots })}
              </dd>
              <dt className="text-slate-600">{t('review.runTotalAffinity')}</dt>
              <dd className="tabular-nums">{summary.totalAffinity.toFixed(2)}</dd>
              <dt className="text-slate-600">{t('review.maxPairProbability')}</dt>
              <dd>{options?.maxPairProbability ? options.maxPairProbability : t('review.optimal')}</dd>
            </dl>
            {summary.shortfalls.length ? (
              <div className="flex flex-col gap-2">
                <h3 className="text-sm font-semibold text-slate-800">
                  {t('review.shortfallsTitle', { count: summary.shortfalls.length })}
                </h3>
                <Table
                  caption={t('review.shortfallsTitle', { count: summary.shortfalls.length })}
                  head={[t('review.colApplication'), t('review.colMissing'), t('review.colReason')]}
                >
                  {shortfalls.map((s) => {
                    const a = s.application;
                    return (
                      <tr key={s.applicationId}>
                        <Td className="min-w-48">
                          <Link href={appHref(s.applicationId)} className="text-brand-800 underline">
                            <span className="font-mono text-xs">{a?.code ?? '—'}</span> {a?.title}
                          </Link>
                        </Td>
                        <Td className="text-right tabular-nums">{s.missing}</Td>
                        <Td className="text-xs">{t(`review.shortfallReason.${s.reason}`)}</Td>
                      </tr>
                    );
                  })}
                </Table>
              </div>
            ) : (
              <p className="text-sm text-slate-700">{t('review.noShortfalls')}</p>
            )}
            <div className="flex flex-col gap-2">
              <h3 className="text-sm font-semibold text-slate-800">
                {t('review.pairsTitle', { count: pendingRun.assignments.length })}
              </h3>
              {pendingRun.assignments.length === 0 ? (
                <EmptyState title={t('review.pairsEmpty')} />
              ) : (
                <Table
                  caption={t('review.pairsTitle', { count: pendingRun.assignments.length })}
                  head={[
                    t('review.colApplication'),
                    t('review.colExpert'),
                    t('review.colInternational'),
                    t('review.colAffinity'),
                    '',
                  ]}
                >
                  {pendingRun.assignments.slice(0, PAIRS_SHOWN).map((p) => (
                    <tr key={p.id}>
                      <Td className="min-w-48">
                        <Link href={appHref(p.application.id)} className="text-brand-800 underline">
                          <span className="font-mono text-xs">{p.application.code ?? '—'}</span> {p.application.title}
                        </Link>
                      </Td>
                      <Td className="whitespace-nowrap">{p.expert.name}</Td>
                      <Td>
                        {p.expert.expertProfile && p.expert.expertProfile.country !== 'CN' ? (
                          <>
                            {t('common.yes')}
                            <span className="ml-1 text-xs text-slate-600">{p.expert.expertProfile.country}</span>
                          </>
                        ) : (
                          t('common.no')
                        )}
                      </Td>
                      <Td className="text-right tabular-nums">{p.affinity?.toFixed(2) ?? '—'}</Td>
                      <Td>
                        <RemovePairButton
                          assignmentId={p.id}
                          subject={`${p.application.code ?? ''} ${p.expert.name}`}
                        />
                      </Td>
                    </tr>
                  ))}
                </Table>
              )}
              {pendingRun.assignments.length > PAIRS_SHOWN ? (
                <p className="text-xs text-slate-600">{t('review.pairsTruncated', { shown: PAIRS_SHOWN })}</p>
              ) : null}
            </div>
            <p className="text-sm text-slate-700">{t('review.adjustHint')}</p>
            <DecideRunForm runId={pendingRun.id} />
          </div>
        ) : solvingNow ? (
          <div className="flex flex-col gap-3" role="status">
            <JobAutoRefresh active />
            <p className="text-sm text-slate-700">{t('jobs.assignmentRunning')}</p>
            <JobProgress done={solvingNow.progressDone} total={solvingNow.progressTotal} />
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            {solving?.status === 'FAILED' ? (
              <Alert tone="warning">
                {t('jobs.assignmentFailed', {
                  reason:
                    solving.error && t.has(`errors.${solving.error}`)
                      ? t(`errors.${solving.error}`)
                      : t('errors.jobUnexpected'),
                })}
              </Alert>
            ) : null}
            <p className="text-sm text-slate-700">{t('review.proposeHint')}</p>
            <ProposeRunForm callId={call.id} defaultDue={defaultDue} />
          </div>
        )}
        {lastRuns.length ? (
          <div className="mt-6 flex flex-col gap-2">
            <h3 className="text-sm font-semibold text-slate-800">{t('review.lastRunsTitle')}</h3>
            <ul className="flex flex-col gap-1 text-sm text-slate-700">
              {lastRuns.map((r) => {
                const s = r.summary as unknown as Partial<RunSummary> | null;
                return (
                  <li key={r.id}>
                    {t('review.lastRun', {
                      time: formatDateTime(r.createdAt, locale),
                      status: t(`review.runStatus.${r.status}`),
                      filled: s?.filledSlots ?? 0,
                      open: s?.openSlots ?? 0,
                    })}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card title={t('review.aggregationTitle')}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-700">
            {t('review.aggregationState', {
              scored: review.scoredApplications,
              detected: flagCount('DETECTED'),
              routed: flagCount('ROUTED'),
              dismissed: flagCount('DISMISSED'),
            })}
          </p>
          <AggregateForm callId={call.id} />
        </div>
      </Card>
    </div>
  );
}
