import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listReviewCalls } from '@/server/review/staff-review';

/** The assignment states the hub counts, in the order an invitation moves through them. */
const COUNTED = ['INVITED', 'ACCEPTED', 'SUBMITTED', 'OVERDUE', 'DECLINED'] as const;

export default async function ReviewCallsPage() {
  const actor = await requirePermission('assign:review:all');
  const [calls, t, locale] = await Promise.all([
    listReviewCalls(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('review.title')} description={t('review.description')} />
      {calls.length === 0 ? (
        <EmptyState title={t('review.empty')}>{t('review.emptyHint')}</EmptyState>
      ) : (
        <Table
          caption={t('review.title')}
          head={[
            t('review.colCall'),
            t('review.colProgram'),
            t('review.colStatus'),
            t('review.colApplications'),
            ...COUNTED.map((s) => t(`enums.reviewAssignmentStatus.${s}`)),
          ]}
        >
          {calls.map((c) => (
            <tr key={c.id}>
              <Td className="max-w-96 min-w-56">
                <Link href={`/commission/review/${c.id}`} className="text-brand-800 underline">
                  {localized(locale, c.title, c.titleEn)}
                </Link>
              </Td>
              <Td className="min-w-40">{localized(locale, c.program.name, c.program.nameEn)}</Td>
              <Td className="whitespace-nowrap">
                <Badge tone={c.status === 'REVIEWING' ? 'blue' : 'slate'}>{t(`calls.statuses.${c.status}`)}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{c.applications}</Td>
              {COUNTED.map((s) => (
                <Td
                  key={s}
                  className={`text-right tabular-nums ${s === 'OVERDUE' && c.assignments[s] ? 'font-semibold text-red-800' : ''}`}
                >
                  {c.assignments[s] ?? 0}
                </Td>
              ))}
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
