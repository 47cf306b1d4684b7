import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { creditRecordStatus } from '@/domain/credit/record-status';
import { toBeijingInput } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { formatCalendarDate, formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listCreditRecords } from '@/server/credit/credit-records';
import { AddCreditRecordDialog, RevokeCreditRecordDialog } from './credit-dialogs';

export default async function CreditRecordsPage() {
  const actor = await requirePermission('manage:credit:all');
  const [records, t, locale] = await Promise.all([
    listCreditRecords(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const now = new Date();
  const tone = { ACTIVE: 'red', PENDING: 'amber', EXPIRED: 'slate', REVOKED: 'slate' } as const;
  return (
    <>
      <PageHeader
        title={t('credit.title')}
        description={t('credit.description')}
        actions={<AddCreditRecordDialog today={toBeijingInput(now).slice(0, 10)} />}
      />
      {records.length === 0 ? (
        <EmptyState title={t('credit.empty')}>{t('credit.emptyHint')}</EmptyState>
      ) : (
        <Table
          caption={t('credit.title')}
          head={[
            t('credit.person'),
            t('credit.institution'),
            t('credit.finding'),
            t('credit.decidedBy'),
            t('credit.period'),
            t('credit.bars'),
            t('credit.status'),
            t('credit.recordedBy'),
            t('common.actions'),
          ]}
        >
          {records.map((r) => {
            const status = creditRecordStatus(r, now);
            const institution = r.user.researcherProfile?.institution;
            // A restriction is shown as binding only while it can bind.
            const barTone = status === 'ACTIVE' || status === 'PENDING' ? 'red' : 'slate';
            return (
              <tr key={r.id}>
                <Td>
                  <div className="font-medium">{r.user.name}</div>
                  <div className="text-xs whitespace-nowrap text-slate-600">{r.user.email}</div>
                </Td>
                <Td className="min-w-32">
                  {institution ? localized(locale, institution.name, institution.nameEn) : '—'}
                </Td>
                <Td className="max-w-80 min-w-48 whitespace-pre-line">{r.finding}</Td>
                <Td className="min-w-32">{r.decidedBy}</Td>
                <Td className="text-xs whitespace-nowrap">
                  <div>{t('credit.from', { date: formatCalendarDate(r.startsOn) })}</div>
                  <div>
                    {r.endsOn ? t('credit.until', { date: formatCalendarDate(r.endsOn) }) : t('credit.indefinite')}
                  </div>
                </Td>
                <Td className="whitespace-nowrap">
                  <div className="flex flex-col items-start gap-1">
                    {r.barsApplications ? <Badge tone={barTone}>{t('credit.barsApplicationsShort')}</Badge> : null}
                    {r.barsReviewing ? <Badge tone={barTone}>{t('credit.barsReviewingShort')}</Badge> : null}
                    {!r.barsApplications && !r.barsReviewing ? (
                      <span className="text-xs text-slate-600">{t('credit.barsNone')}</span>
                    ) : null}
                  </div>
                </Td>
                <Td className="min-w-28">
                  <Badge tone={tone[status]}>{t(`credit.statuses.${status}`)}</Badge>
                  {r.revokedAt ? (
                    <div className="mt-1 text-xs text-slate-600">
                      <div className="whitespace-nowrap">{formatDateTime(r.revokedAt, locale)}</div>
                      <div>{t('credit.revokedBecause', { reason: r.revokeReason ?? '' })}</div>
                    </div>
                  ) : null}
                </Td>
                <Td>
                  <div>{r.recordedBy.name}</div>
                  <div className="text-xs whitespace-nowrap text-slate-600">{formatDateTime(r.createdAt, locale)}</div>
                </Td>
                <Td>
                  {r.revokedAt ? null : (
                    <RevokeCreditRecordDialog
                      id={r.id}
                      person={r.user.name}
                      startsOn={formatCalendarDate(r.startsOn)}
                    />
                  )}
                </Td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
