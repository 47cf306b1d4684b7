import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssignmentStatusBadge } from '@/components/review/assignment-status-badge';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listOwnAssignments } from '@/server/review/expert-work';

// 评审任务: what the expert is asked to review, open ones first by due date. International experts read it in English.
export default async function ReviewerAssignmentsPage() {
  const actor = await requirePermission('review:assignment:own');
  const [rows, t, locale] = await Promise.all([
    listOwnAssignments(db(), actor),
    getTranslations('reviewer'),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table caption={t('title')} head={[t('code'), t('project'), t('call'), t('due'), t('status'), '']}>
          {rows.map((r) => {
            const title = localized(locale, r.title, r.titleEn) || r.code || '—';
            return (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">{r.code ?? '—'}</Td>
                <Td>
                  <Link href={`/reviewer/assignments/${r.id}`} className="font-medium text-brand-700 underline">
                    {title}
                  </Link>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {r.blind ? <Badge tone="slate">{t('blindBadge')}</Badge> : null}
                    {r.remindersSent > 0 && r.status !== 'SUBMITTED' ? (
                      <Badge tone="amber">{t('reminded', { count: r.remindersSent })}</Badge>
                    ) : null}
                    {r.reviewStatus === 'DRAFT' ? <Badge tone="blue">{t('draftSaved')}</Badge> : null}
                  </div>
                </Td>
                <Td>{localized(locale, r.call.title, r.call.titleEn)}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(r.dueAt, locale)}</Td>
                <Td>
                  <AssignmentStatusBadge status={r.status} />
                </Td>
                <Td>
                  <Link href={`/reviewer/assignments/${r.id}`} className="text-brand-700 underline">
                    {t('open')}
                    <span className="sr-only">：{title}</span>
                  </Link>
                </Td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
