import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cancelJobAction } from '@/app/actions/jobs';
import { JobAutoRefresh, JobProgress } from '@/components/jobs/job-parts';
import { ActionButton } from '@/components/projects/project-forms';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { EXPORT_RESULT_RETENTION_DAYS, exportResultExpiresAt } from '@/domain/exports';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getJobRun } from '@/server/jobs/job-runs';
import { JobStatusBadge, jobTitle } from '../job-title';
import { RowErrorText } from './row-error-text';

interface Summary {
  callId?: string;
  filledSlots?: number;
  openSlots?: number;
  rows?: number;
  created?: number;
  updated?: number;
  filename?: string;
  expiredAt?: string;
  fileError?: string;
  errors?: { row: number; column: string; code: string }[];
}

/** One background job: progress while it runs (the page refreshes itself), then its result or what went wrong. */
export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('read:job:own');
  const { id } = await params;
  const job = await getJobRun(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const [t, ti, te, locale, title] = await Promise.all([
    getTranslations('jobs'),
    getTranslations('imports'),
    getTranslations('errors'),
    getLocale().then(asLocale),
    jobTitle(job),
  ]);
  const active = job.status === 'QUEUED' || job.status === 'RUNNING';
  const summary = (job.resultSummary ?? {}) as Summary;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={title}
        description={
          <Link className="text-brand-800 underline" href="/jobs">
            {t('back')}
          </Link>
        }
      />
      <JobAutoRefresh active={active} />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">{t('status')}</dt>
          <dd>
            <JobStatusBadge status={job.status} />
          </dd>
          <dt className="text-slate-600">{t('progress')}</dt>
          <dd>
            <JobProgress done={job.progressDone} total={job.progressTotal} />
          </dd>
          <dt className="text-slate-600">{t('startedAt')}</dt>
          <dd>{formatDateTime(job.createdAt, locale)}</dd>
          {job.finishedAt ? (
            <>
              <dt className="text-slate-600">{t('finishedAt')}</dt>
              <dd>{formatDateTime(job.finishedAt, locale)}</dd>
            </>
          ) : null}
        </dl>
        {active ? (
          <div className="mt-4 flex flex-col gap-2">
            <p className="text-sm text-slate-600">{t('refreshing')}</p>
            <ActionButton
              action={cancelJobAction}
              input={{ id: job.id }}
              label={t('cancel')}
              done={t('cancelled')}
              variant="secondary"
            />
          </div>
        ) : null}
      </Card>

      {job.status === 'SUCCEEDED' && job.kind === 'EXPORT' && job.resultFileId ? (
        <Alert tone="success">
          <span className="flex flex-wrap items-center gap-3">
            {t('rows', { rows: summary.rows ?? 0 })}
            <a className="font-medium text-brand-800 underline" href={`/api/files/${job.resultFileId}`} download>
              {t('download')}
            </a>
            {job.finishedAt ? (
              <span className="text-slate-700">
                {t('keptUntil', { at: formatDateTime(exportResultExpiresAt(job.finishedAt), locale) })}
              </span>
            ) : null}
          </span>
        </Alert>
      ) : null}
      {job.status === 'SUCCEEDED' && job.kind === 'EXPORT' && !job.resultFileId && summary.expiredAt ? (
        <Alert tone="warning">{t('resultExpired', { days: EXPORT_RESULT_RETENTION_DAYS })}</Alert>
      ) : null}
      {job.status === 'SUCCEEDED' && job.kind === 'ASSIGNMENT' ? (
        <Alert tone="success">
          <span className="flex flex-wrap items-center gap-3">
            {t('assignmentDone', { filled: summary.filledSlots ?? 0, open: summary.openSlots ?? 0 })}
            <Link className="font-medium text-brand-800 underline" href={`/commission/review/${summary.callId}`}>
              {t('assignmentOpen')}
            </Link>
          </span>
        </Alert>
      ) : null}
      {job.status === 'SUCCEEDED' && job.kind === 'EXPERT_IMPORT' ? (
        <Alert tone="success">
          {ti('expertsImported', {
            rows: summary.rows ?? 0,
            created: summary.created ?? 0,
            updated: summary.updated ?? 0,
          })}
        </Alert>
      ) : null}
      {job.status === 'FAILED' ? (
        <div role="alert" className="flex flex-col gap-3">
          <p className="font-medium text-accent-600">
            {summary.fileError
              ? ti(`fileErrors.${summary.fileError as 'empty'}`)
              : job.error && te.has(job.error)
                ? te(job.error)
                : te('jobUnexpected')}
          </p>
          {summary.errors?.length ? (
            <Table caption={ti('failed')} head={[ti('row'), ti('column'), ti('problem')]}>
              {summary.errors.map((e, i) => (
                <tr key={i}>
                  <Td>{e.row || '—'}</Td>
                  <Td>{ti(`columns.${e.column as 'email'}`)}</Td>
                  <Td>
                    <RowErrorText code={e.code} />
                  </Td>
                </tr>
              ))}
            </Table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
