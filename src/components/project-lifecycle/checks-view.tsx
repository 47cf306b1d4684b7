import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import type { Locale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime } from '@/lib/format';
import type { getProjectChecks } from '@/server/projects/checks';

export type ChecksData = Awaited<ReturnType<typeof getProjectChecks>>;
export type CheckRow = ChecksData['checks'][number];

const STATUS_TONE = { OPEN: 'amber', SUBMITTED: 'blue', ASSESSED: 'green' } as const;

/** Every check of a project, newest first: the PI's report per KPI and the assessment; `actions` adds a role's forms. */
export async function ChecksView({
  data,
  locale,
  actions,
}: {
  data: ChecksData;
  locale: Locale;
  actions?: (check: CheckRow) => ReactNode;
}) {
  const t = await getTranslations();
  if (data.checks.length === 0) return <EmptyState title={t('projectLifecycle.noChecks')} />;
  const kpiName = (id: string) => data.kpis.find((k) => k.id === id)?.name ?? '—';
  const milestone = (id: string) => data.milestones.find((m) => m.id === id);
  return (
    <div className="flex flex-col gap-4">
      {data.checks.map((c) => (
        <Card
          key={c.id}
          title={t('projectLifecycle.checkNumber', { kind: t(`enums.CheckKind.${c.kind}`), year: c.year })}
          actions={<Badge tone={STATUS_TONE[c.status]}>{t(`enums.CheckStatus.${c.status}`)}</Badge>}
        >
          <div className="flex flex-col gap-3 text-sm">
            {c.milestone ? (
              <p className="text-slate-700">
                {t('common.labelled', {
                  label: t('projectLifecycle.milestone'),
                  value: t('projectLifecycle.milestoneStatusLabel', {
                    title: c.milestone.title,
                    due: formatCalendarDate(c.milestone.dueDate),
                  }),
                })}
              </p>
            ) : null}
            {c.progress ? (
              <section aria-label={t('projectLifecycle.progress')} className="flex flex-col gap-2">
                <h3 className="font-medium text-slate-800">{t('projectLifecycle.progressSummary')}</h3>
                <p className="break-words whitespace-pre-wrap text-slate-900">{c.progress.summary}</p>
                <ul className="flex flex-col gap-1">
                  {c.progress.kpis.map((k) => (
                    <li key={k.kpiId} className="rounded border border-slate-200 px-3 py-2">
                      <span className="font-medium">{kpiName(k.kpiId)}</span>{' '}
                      <Badge tone={k.onTrack ? 'green' : 'amber'}>
                        {t(k.onTrack ? 'projectLifecycle.onTrackYes' : 'projectLifecycle.onTrackNo')}
                      </Badge>
                      <p className="mt-1 break-words whitespace-pre-wrap text-slate-800">{k.progress}</p>
                    </li>
                  ))}
                </ul>
                {c.progress.milestones.length ? (
                  <ul className="flex flex-wrap gap-2">
                    {c.progress.milestones.map((m) => (
                      <li key={m.milestoneId}>
                        {milestone(m.milestoneId)?.title ?? '—'}：{t(`enums.MilestoneStatus.${m.status}`)}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="text-xs text-slate-600">{formatDateTime(c.submittedAt, locale)}</p>
              </section>
            ) : (
              <p className="text-slate-700">{t('projectLifecycle.waitingForReport')}</p>
            )}
            {c.status === 'ASSESSED' ? (
              <section
                aria-label={t('projectLifecycle.assessment')}
                className="flex flex-col gap-1 border-t border-slate-100 pt-3"
              >
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  <dt className="text-slate-600">{t('projectLifecycle.score')}</dt>
                  <dd className="tabular-nums">{c.score?.toFixed(2) ?? '—'}</dd>
                  <dt className="text-slate-600">{t('projectLifecycle.outcome')}</dt>
                  <dd>{c.outcome ? t(`enums.CheckOutcome.${c.outcome}`) : t('projectLifecycle.outcomeNone')}</dd>
                  <dt className="text-slate-600">{t('projectLifecycle.assessedBy')}</dt>
                  <dd>
                    {c.assessedBy ?? '—'} · {formatDateTime(c.assessedAt, locale)}
                  </dd>
                </dl>
                {c.raceRank ? <p>{t('projectLifecycle.raceRank', { rank: c.raceRank })}</p> : null}
                <p className="break-words whitespace-pre-wrap text-slate-900">{c.assessment}</p>
              </section>
            ) : c.status === 'SUBMITTED' ? (
              <p className="text-slate-700">{t('projectLifecycle.waitingForAssessment')}</p>
            ) : null}
            {actions?.(c)}
          </div>
        </Card>
      ))}
    </div>
  );
}
