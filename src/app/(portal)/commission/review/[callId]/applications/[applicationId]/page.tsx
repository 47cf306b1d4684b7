import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { AssignmentStatusBadge } from '@/components/review/assignment-status-badge';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Table, Td } from '@/components/ui/table';
import { ASSIGNMENT_TRANSITIONS } from '@/domain/review/assignment-status';
import { toBeijingInput } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listCandidates } from '@/server/review/staff-review';
import { CancelAssignmentDialog, InviteDialog, RemindButton } from './assignment-controls';
import { OPEN_ASSIGNMENT_STATUSES } from '@/domain/review/assignment-status';

const CANCELLABLE: readonly string[] = ASSIGNMENT_TRANSITIONS.cancel.from;

export default async function ApplicationAssignmentPage({
  params,
}: {
  params: Promise<{ callId: string; applicationId: string }>;
}) {
  const actor = await requirePermission('assign:review:all');
  const { callId, applicationId } = await params;
  const view = await listCandidates(db(), actor, applicationId).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  // An application of another call under this call's address is not found here either.
  if (!view || view.application.callId !== callId) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const { application, assignments, candidates } = view;
  const code = application.code ?? '—';
  // New invitations default to the due date the others already have, so one application's experts finish together.
  const open = assignments.find((a) => OPEN_ASSIGNMENT_STATUSES.includes(a.status));
  const day = 86_400_000;
  const defaultDue = open
    ? toBeijingInput(open.dueAt).slice(0, 16)
    : `${toBeijingInput(new Date(new Date().getTime() + 21 * day)).slice(0, 11)}17:00`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={application.title || code}
        description={code}
        actions={
          <>
            <ApplicationStatusBadge status={application.status} />
            <Link href={`/commission/review/${callId}`} className="text-sm text-brand-700 underline">
              {t('review.backToDesk')}
            </Link>
          </>
        }
      />

      <Card title={t('review.assignmentsTitle')}>
        {assignments.length === 0 ? (
          <EmptyState title={t('review.assignmentsEmpty')} />
        ) : (
          <Table
            caption={t('review.assignmentsTitle')}
            head={[
              t('review.colExpert'),
              t('review.colStatus'),
              t('review.colDue'),
              t('review.colSeen'),
              t('review.colReminders'),
              t('review.colReviewStatus'),
              t('common.actions'),
            ]}
          >
            {assignments.map((a) => (
              <tr key={a.id}>
                <Td className="whitespace-nowrap">{a.expertName}</Td>
                <Td className="whitespace-nowrap">
                  <AssignmentStatusBadge status={a.status} />
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(a.dueAt, locale)}</Td>
                <Td>{a.seen ? t('common.yes') : t('common.no')}</Td>
                <Td className="text-right tabular-nums">{a.remindersSent}</Td>
                <Td className="whitespace-nowrap">
                  {a.reviewStatus ? t(`review.reviewStatus.${a.reviewStatus}`) : '—'}
                </Td>
                <Td>
                  <div className="flex flex-wrap items-start gap-2">
                    {OPEN_ASSIGNMENT_STATUSES.includes(a.status) ? (
                      <RemindButton assignmentId={a.id} expertName={a.expertName} />
                    ) : null}
                    {CANCELLABLE.includes(a.status) ? (
                      <CancelAssignmentDialog assignmentId={a.id} expertName={a.expertName} />
                    ) : null}
                  </div>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('review.candidatesTitle')}>
        <p className="mb-3 text-sm text-slate-700">{t('review.candidatesHint')}</p>
        {candidates.length === 0 ? (
          <EmptyState title={t('review.candidatesEmpty')} />
        ) : (
          <Table
            caption={t('review.candidatesTitle')}
            head={[
              t('review.colExpert'),
              t('review.colAffinity'),
              t('review.colLoad'),
              t('review.colLanguage'),
              t('review.colConflicts'),
              t('common.actions'),
            ]}
          >
            {candidates.map((c) => {
              const full = c.load >= c.loadLimit;
              const blocked = c.conflicts.length > 0 || full;
              const reasonId = `invite-blocked-${c.userId}`;
              return (
                <tr key={c.userId}>
                  <Td className="min-w-40">
                    <div className="font-medium">{c.name}</div>
                    <div className="text-xs text-slate-600">
                      {[c.institutionName, c.country].filter(Boolean).join(' · ')}
                    </div>
                  </Td>
                  <Td className="text-right tabular-nums">{c.affinity.toFixed(2)}</Td>
                  <Td className={`whitespace-nowrap tabular-nums ${full ? 'font-semibold text-red-800' : ''}`}>
                    {`${c.load} / ${c.loadLimit}`}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {c.readsLanguage ? t('review.languageOk') : <Badge tone="amber">{t('review.languageNo')}</Badge>}
                  </Td>
                  <Td>
                    {c.conflicts.length ? (
                      <div className="flex flex-wrap gap-1">
                        {c.conflicts.map((r) => (
                          <Badge key={r} tone="red">
                            {t(`enums.conflictReason.${r}`)}
                          </Badge>
                        ))}
                      </div>
                    ) : (
                      <span className="text-xs text-slate-600">{t('common.none')}</span>
                    )}
                  </Td>
                  <Td className="min-w-32">
                    {blocked ? (
                      <div className="flex flex-col items-start gap-1">
                        <Button size="sm" variant="secondary" disabled aria-describedby={reasonId}>
                          {t('review.invite')}
                        </Button>
                        <span id={reasonId} className="text-xs text-red-800">
                          {c.conflicts.length ? t('review.inviteBlockedConflict') : t('review.inviteBlockedLoad')}
                        </span>
                      </div>
                    ) : (
                      <InviteDialog
                        applicationId={application.id}
                        expertUserId={c.userId}
                        expertName={c.name}
                        code={code}
                        defaultDue={defaultDue}
                      />
                    )}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Card>
    </div>
  );
}
