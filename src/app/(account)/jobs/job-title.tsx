import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { EXPORT_KINDS, type ExportKind } from '@/domain/exports';

type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
const TONE = { QUEUED: 'slate', RUNNING: 'blue', SUCCEEDED: 'green', FAILED: 'red', CANCELLED: 'amber' } as const;

export async function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = await getTranslations('jobs');
  return <Badge tone={TONE[status]}>{t(`statuses.${status}`)}</Badge>;
}

/** "后台导出：项目" / "专家导入：experts.xlsx" — what the job is, in the reader's language. */
export async function jobTitle(job: {
  kind: 'EXPERT_IMPORT' | 'EXPORT' | 'ASSIGNMENT';
  params: unknown;
}): Promise<string> {
  const t = await getTranslations('jobs');
  const params = (job.params ?? {}) as { kind?: string; filename?: string; callTitle?: string };
  if (job.kind === 'ASSIGNMENT') return t('assignmentTitle', { call: params.callTitle ?? '' });
  if (job.kind === 'EXPORT') {
    const list = (EXPORT_KINDS as readonly string[]).includes(params.kind ?? '')
      ? t(`lists.${params.kind as ExportKind}`)
      : String(params.kind);
    return t('exportTitle', { list });
  }
  return t('importTitle', { file: params.filename ?? '' });
}
