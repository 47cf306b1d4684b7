import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AssignmentStatusBadge } from '@/components/review/assignment-status-badge';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { ReviewAssignmentStatus } from '@/domain/review/assignment-status';
import { ZMatrixQuery, type TMatrixQuery } from '@/lib/validation/review';
import { DomainError } from '@/lib/errors';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getReviewMatrix } from '@/server/review/staff-review';

const FLAG_TONE = { DETECTED: 'amber', ROUTED: 'blue', DISMISSED: 'slate' } as const;
const fixed = (n: number | null) => (n === null ? '—' : n.toFixed(2));

// 评审矩阵: one page of 100 applications, sorted in SQL (src/server/review/staff-review.ts); server-rendered with no
// client state, so a call of 2,000 applications costs two queries and one render per page.
export default async function ReviewMatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ callId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission('manage:review:all');
  const { callId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(callId)) notFound();
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === 'string' && raw[k] ? raw[k] : undefined);
  // Anything malformed in the address falls back to the default (rank, first page), never an error page.
  const query = ZMatrixQuery.parse({ sort: one('sort'), dir: one('dir'), page: one('page') });
  const [m, t] = await Promise.all([
    getReviewMatrix(db(), actor, callId, query).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
      throw e;
    }),
    getTranslations(),
  ]);
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  const href = (sort: TMatrixQuery['sort'], dir: string | undefined, page: number) =>
    `?${new URLSearchParams({ sort, ...(dir ? { dir } : {}), page: String(page) })}`;
  // A header sorts by its column (in the column's natural direction); clicking the current column flips it.
  const sortHeader = (sort: TMatrixQuery['sort'], label: string) => {
    const current = m.sort === sort;
    const nextDir = current ? (m.dir === 'asc' ? 'desc' : 'asc') : undefined;
    return (
      <Link href={href(sort, nextDir, 1)} className="text-brand-800 underline">
        {label}
        {current ? (
          <>
            <span aria-hidden="true">{m.dir === 'asc' ? ' ▲' : ' ▼'}</span>
            <span className="sr-only">{t(m.dir === 'asc' ? 'review.sortedAsc' : 'review.sortedDesc')}</span>
          </>
        ) : null}
      </Link>
    );
  };
  const slots = Math.max(0, ...m.rows.map((r) => r.cells.length));
  return (
    <>
      <PageHeader
        title={t('review.matrixTitle')}
        description={t('review.matrixDescription')}
        actions={
          <Link href={`/commission/review/${callId}`} className="text-sm text-brand-700 underline">
            {t('review.backToDesk')}
          </Link>
        }
      />
      {m.rows.length === 0 ? (
        <EmptyState title={t('review.matrixEmpty')} />
      ) : (
        <Table
          caption={t('review.matrixTitle')}
          head={[
            sortHeader('code', t('review.colCode')),
            sortHeader('reviewCount', t('review.colReviews')),
            sortHeader('rawMean', t('review.colRawMean')),
            sortHeader('weightedMean', t('review.colWeightedMean')),
            sortHeader('normalisedMean', t('review.colNormalisedMean')),
            sortHeader('rank', t('review.colRank')),
            t('review.colPercentile'),
            sortHeader('range', t('review.colRange')),
            sortHeader('stdDev', t('review.colStdDev')),
            ...Array.from({ length: slots }, (_, i) => t('review.colExpertN', { n: i + 1 })),
            t('review.colNonConsensus'),
          ]}
        >
          {m.rows.map((r) => (
            <tr key={r.id}>
              <Td className="min-w-48">
                <Link
                  href={`/commission/review/${callId}/applications/${r.id}`}
                  className="font-mono text-xs text-brand-800 underline"
                >
                  {r.code ?? '—'}
                </Link>
                <div className="line-clamp-2 text-xs text-slate-700">{r.title}</div>
              </Td>
              <Td className="text-right tabular-nums">{r.reviewCount ?? 0}</Td>
              <Td className="text-right tabular-nums">{fixed(r.rawMean)}</Td>
              <Td className="text-right font-medium tabular-nums">{fixed(r.weightedMean)}</Td>
              <Td className="text-right tabular-nums">{fixed(r.normalisedMean)}</Td>
              <Td className="text-right tabular-nums">{r.rank ?? '—'}</Td>
              <Td className="text-right tabular-nums">
                {r.percentileBp === null ? '—' : `${(r.percentileBp / 100).toFixed(1)}%`}
              </Td>
              <Td className="text-right tabular-nums">{fixed(r.range)}</Td>
              <Td className="text-right tabular-nums">{fixed(r.stdDev)}</Td>
              {Array.from({ length: slots }, (_, i) => {
                const c = r.cells[i];
                return (
                  <Td key={i} className="min-w-32 text-xs">
                    {c ? (
                      <div className="flex flex-col items-start gap-0.5">
                        <span className="font-medium whitespace-nowrap">{c.expertName}</span>
                        {c.submitted ? (
                          <>
                            <span className="whitespace-nowrap tabular-nums">
                              {t('review.cellScore', {
                                weighted: fixed(c.weightedScore),
                                normalised: fixed(c.normalisedScore),
                              })}
                            </span>
                            <span className="whitespace-nowrap">
                              {c.recommendation ? t(`review.recommendationShort.${c.recommendation}`) : '—'}
                              {c.nonConsensusSupport ? (
                                <span className="ml-1 font-semibold text-amber-900">{t('review.supportMark')}</span>
                              ) : null}
                            </span>
                          </>
                        ) : (
                          <AssignmentStatusBadge status={c.status as ReviewAssignmentStatus} />
                        )}
                      </div>
                    ) : null}
                  </Td>
                );
              })}
              <Td className="whitespace-nowrap">
                {r.flag ? (
                  <Badge tone={FLAG_TONE[r.flag as keyof typeof FLAG_TONE] ?? 'slate'}>
                    {t(`enums.nonConsensusStatus.${r.flag}`)}
                  </Badge>
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <nav
        className="mt-3 flex items-center gap-3 text-sm"
        aria-label={t('common.pageOf', { page: m.page, pages, total: m.total })}
      >
        <span>{t('common.pageOf', { page: m.page, pages, total: m.total })}</span>
        {m.page > 1 ? (
          <Link href={href(m.sort, m.dir, m.page - 1)} className="text-brand-700 underline">
            {t('common.previous')}
          </Link>
        ) : null}
        {m.page < pages ? (
          <Link href={href(m.sort, m.dir, m.page + 1)} className="text-brand-700 underline">
            {t('common.next')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
