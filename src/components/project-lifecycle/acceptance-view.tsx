import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime } from '@/lib/format';
import type { getProjectAcceptance } from '@/server/projects/acceptance';

export type AcceptanceData = Awaited<ReturnType<typeof getProjectAcceptance>>;
export type LongCycleRow = AcceptanceData['longCycle'][number];

const RESULT_TONE = { PASSED: 'green', PASSED_WITH_CONDITIONS: 'blue', FAILED: 'red', DEFERRED: 'amber' } as const;

/** The acceptance record as everyone reads it: report, KPI attainment, outputs, decision, evaluations, long cycle. */
export async function AcceptanceView({
  data,
  locale,
  longCycleActions,
}: {
  data: AcceptanceData;
  locale: Locale;
  longCycleActions?: (row: LongCycleRow) => ReactNode;
}) {
  const t = await getTranslations();
  const a = data.acceptance;
  const finalReport = data.finalReports[0];
  return (
    <div className="flex flex-col gap-4">
      <Card
        title={t('projectLifecycle.finalReportTitle')}
        actions={
          a ? (
            <span className="flex gap-2">
              <Badge tone={a.status === 'DECIDED' ? 'green' : 'amber'}>{t(`enums.AcceptanceStatus.${a.status}`)}</Badge>
              {a.result ? <Badge tone={RESULT_TONE[a.result]}>{t(`enums.AcceptanceResult.${a.result}`)}</Badge> : null}
            </span>
          ) : null
        }
      >
        <div className="flex flex-col gap-3 text-sm">
          <p>
            {t('common.labelled', {
              label: t('projectLifecycle.finalExpenditure'),
              value: finalReport
                ? `${finalReport.year} · ${t(`enums.ExpenditureStatus.${finalReport.status}`)}`
                : t('projectLifecycle.finalExpenditureNone'),
            })}
          </p>
          {a ? (
            <>
              <p className="break-words whitespace-pre-wrap text-slate-900">{a.finalReport}</p>
              {a.submittedAt ? <p className="text-xs text-slate-600">{formatDateTime(a.submittedAt, locale)}</p> : null}
              {a.expertOpinion ? (
                <div>
                  <h3 className="font-medium text-slate-800">{t('projectLifecycle.expertOpinion')}</h3>
                  <p className="break-words whitespace-pre-wrap text-slate-900">{a.expertOpinion}</p>
                  <p className="text-xs text-slate-600">{formatDateTime(a.decidedAt, locale)}</p>
                </div>
              ) : null}
            </>
          ) : (
            <EmptyState title={t('projectLifecycle.noAcceptance')} />
          )}
        </div>
      </Card>

      <Table
        caption={t('projectLifecycle.kpisCaption')}
        head={[
          t('projectLifecycle.kpi'),
          t('projectLifecycle.target'),
          t('projectLifecycle.attainedValue'),
          t('projectLifecycle.attainment'),
        ]}
      >
        {data.kpis.map((k) => (
          <tr key={k.id}>
            <Td>{k.name}</Td>
            <Td>
              {k.targetValue} {k.unit}
            </Td>
            <Td>{k.attainedValue ?? '—'}</Td>
            <Td>{t(`enums.KpiAttainment.${k.attainment}`)}</Td>
          </tr>
        ))}
      </Table>

      <Card title={t('projectLifecycle.outputs')}>
        {data.outputs.length ? (
          <ul className="flex list-disc flex-col gap-1 pl-5 text-sm">
            {data.outputs.map((w) => (
              <li key={w.id}>
                {w.title}（{w.user.name}，{w.year}）
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t('common.none')}</p>
        )}
      </Card>

      <Card
        title={t('projectLifecycle.evaluationTitle')}
        actions={
          <span className="text-sm text-slate-700">
            {t('projectLifecycle.evaluationCategory', { category: t(`enums.EvaluationCategory.${data.category}`) })}
          </span>
        }
      >
        {data.evaluations.length ? (
          <ul className="flex flex-col gap-3 text-sm">
            {data.evaluations.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 px-3 py-2">
                <p className="flex flex-wrap gap-2">
                  <Badge tone="blue">{t(`enums.EvaluationGrade.${e.grade}`)}</Badge>
                  <span>{t(`enums.EvaluationCategory.${e.category}`)}</span>
                  <span>
                    {t(e.international ? 'projectLifecycle.internationalYes' : 'projectLifecycle.internationalNo')}
                  </span>
                  <span className="text-slate-600">{formatDateTime(e.evaluatedAt, locale)}</span>
                </p>
                <p className="mt-1 whitespace-pre-wrap">
                  {t('common.labelled', { label: t('projectLifecycle.teamAssessment'), value: e.teamAssessment })}
                </p>
                <p className="whitespace-pre-wrap">
                  {t('common.labelled', {
                    label: t('projectLifecycle.individualAssessment'),
                    value: e.individualAssessment,
                  })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t('projectLifecycle.noEvaluations')}</p>
        )}
      </Card>

      <Card title={t('projectLifecycle.longCycleTitle')}>
        {data.longCycle.length ? (
          <ul className="flex flex-col gap-3 text-sm">
            {data.longCycle.map((l) => (
              <li key={l.id} className="flex flex-col gap-1 rounded-md border border-slate-200 px-3 py-2">
                <p className="flex flex-wrap gap-2">
                  <Badge tone={l.status === 'DONE' ? 'green' : 'amber'}>{t(`enums.LongCycleStatus.${l.status}`)}</Badge>
                  <span>
                    {t('common.labelled', {
                      label: t('projectLifecycle.scheduledFor'),
                      value: formatCalendarDate(l.scheduledFor),
                    })}
                  </span>
                  <span>
                    {t(l.international ? 'projectLifecycle.internationalYes' : 'projectLifecycle.internationalNo')}
                  </span>
                  {l.grade ? <Badge tone="blue">{t(`enums.EvaluationGrade.${l.grade}`)}</Badge> : null}
                </p>
                {l.findings ? <p className="whitespace-pre-wrap">{l.findings}</p> : null}
                {longCycleActions?.(l)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t('projectLifecycle.noLongCycle')}</p>
        )}
      </Card>
    </div>
  );
}
