import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { JobAutoRefresh, JobProgress } from '@/components/jobs/job-parts';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listJobRuns } from '@/server/jobs/job-runs';
import { JobStatusBadge, jobTitle } from './job-title';

/** 后台任务: the long work the signed-in person started, newest first, with progress while it runs. */
export default async function JobsPage() {
  const actor = await requirePermission('read:job:own');
  const [jobs, t, locale] = await Promise.all([
    listJobRuns(db(), actor),
    getTranslations('jobs'),
    getLocale().then(asLocale),
  ]);
  const titles = await Promise.all(jobs.map((j) => jobTitle(j)));
  const active = jobs.some((j) => j.status === 'QUEUED' || j.status === 'RUNNING');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('description')} />
      <JobAutoRefresh active={active} />
      {jobs.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table caption={t('title')} head={[t('kind'), t('status'), t('progress'), t('startedAt'), '']}>
          {jobs.map((j, i) => (
            <tr key={j.id}>
              <Td>{titles[i]}</Td>
              <Td>
                <JobStatusBadge status={j.status} />
              </Td>
              <Td>
                <JobProgress done={j.progressDone} total={j.progressTotal} />
              </Td>
              <Td>{formatDateTime(j.createdAt, locale)}</Td>
              <Td>
                <Link className="text-brand-800 underline" href={`/jobs/${j.id}`}>
                  {t('open')}
                </Link>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
