import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { DomainError } from '@/lib/errors';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listNonConsensus } from '@/server/review/staff-review';

const FLAG_TONE = { DETECTED: 'amber', ROUTED: 'blue', DISMISSED: 'slate' } as const;

export default async function NonConsensusListPage({ params }: { params: Promise<{ callId: string }> }) {
  const actor = await requirePermission('manage:review:all');
  const { callId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(callId)) notFound();
  const [flags, t] = await Promise.all([
    listNonConsensus(db(), actor, callId).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
      throw e;
    }),
    getTranslations(),
  ]);
  return (
    <>
      <PageHeader
        title={t('review.nonConsensusTitle')}
        description={t('review.nonConsensusDescription')}
        actions={
          <Link href={`/commission/review/${callId}`} className="text-sm text-brand-700 underline">
            {t('review.backToDesk')}
          </Link>
        }
      />
      {flags.length === 0 ? (
        <EmptyState title={t('review.nonConsensusEmpty')}>{t('review.nonConsensusEmptyHint')}</EmptyState>
      ) : (
        <Table
          caption={t('review.nonConsensusTitle')}
          head={[
            t('review.colCode'),
            t('review.colTitle'),
            t('review.colApplicant'),
            t('review.colInstitution'),
            t('review.colDispersion'),
            t('review.colWeightedMean'),
            t('review.colRank'),
            t('review.colSupporters'),
            t('review.colStatus'),
          ]}
        >
          {flags.map((f) => (
            <tr key={f.id}>
              <Td className="font-mono text-xs whitespace-nowrap">{f.application.code ?? '—'}</Td>
              <Td className="max-w-80 min-w-48">
                <Link href={`/commission/review/${callId}/non-consensus/${f.id}`} className="text-brand-800 underline">
                  {f.application.title || f.application.code || '—'}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{f.application.applicant.name}</Td>
              <Td className="min-w-32">{f.application.institution.name}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                {t('review.dispersionValue', {
                  measure: t(`review.measure.${f.measure}`),
                  dispersion: f.dispersion.toFixed(2),
                  threshold: f.threshold.toFixed(2),
                })}
              </Td>
              <Td className="text-right tabular-nums">{f.weightedMean?.toFixed(2) ?? '—'}</Td>
              <Td className="text-right tabular-nums">{f.rank ?? '—'}</Td>
              <Td className="text-right tabular-nums">{f.supportingReviewIds.length}</Td>
              <Td className="whitespace-nowrap">
                <Badge tone={FLAG_TONE[f.status]}>{t(`enums.nonConsensusStatus.${f.status}`)}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
