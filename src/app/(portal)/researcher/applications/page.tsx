import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listInvitations, listOwnApplications, listStartableCalls } from '@/server/applications/applicant';
import { InvitationButtons } from './invitation-buttons';
import { StartApplicationForm } from './start-form';

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ challenge?: string }> }) {
  const actor = await requirePermission('create:application:own');
  const [apps, invitations, calls, t, locale, query] = await Promise.all([
    listOwnApplications(db(), actor),
    listInvitations(db(), actor),
    listStartableCalls(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
    searchParams,
  ]);
  const pending = invitations.filter((i) => i.confirmation === 'PENDING');
  return (
    <>
      <PageHeader title={t('applications.title')} description={t('applications.description')} />
      <div className="flex flex-col gap-6">
        {pending.length > 0 ? (
          <Card title={t('applications.invitations')}>
            <ul className="divide-y divide-slate-100">
              {pending.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium text-slate-900">{i.application.title || t('applications.untitled')}</p>
                    <p className="text-sm text-slate-600">
                      {t('applications.invitedBy', {
                        name: i.application.applicant.name,
                        call: i.application.call.title,
                      })}
                      {i.responsibility
                        ? ` · ${t('applications.issue', { label: t('applications.responsibility'), message: i.responsibility })}`
                        : ''}
                    </p>
                  </div>
                  <InvitationButtons memberId={i.id} subject={i.application.title || i.application.applicant.name} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        <Card title={t('applications.mine')}>
          {apps.length === 0 ? (
            <EmptyState title={t('applications.empty')}>{t('applications.emptyHint')}</EmptyState>
          ) : (
            <Table
              caption={t('applications.mine')}
              head={[
                t('applications.code'),
                t('applications.titleColumn'),
                t('applications.call'),
                t('applications.status'),
                t('applications.updatedAt'),
              ]}
            >
              {apps.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap">{a.code ?? '—'}</Td>
                  <Td>
                    <Link
                      className="font-medium text-brand-700 hover:underline"
                      href={`/researcher/applications/${a.id}`}
                    >
                      {a.title || t('applications.untitled')}
                    </Link>
                    {a.kind === 'PLATFORM' ? (
                      // A platform application of the institution that names this person its director: read-only.
                      <p className="mt-1 text-xs text-slate-600">{t('platformApply.directedBadge')}</p>
                    ) : null}
                    {a.status === 'RETURNED' && a.returnComment ? (
                      <p className="mt-1 text-xs text-amber-800">
                        {t('applications.issue', { label: t('applications.returnedWith'), message: a.returnComment })}
                      </p>
                    ) : null}
                    {a.status === 'FORMAL_CHECK_FAILED' && a.formalChecks[0] ? (
                      <p className="mt-1 text-xs text-red-800">
                        {t('applications.issue', {
                          label: t('applications.formalCheckFailedWith'),
                          message: a.formalChecks[0].comment || a.formalChecks[0].reasonCodes.join(', '),
                        })}
                      </p>
                    ) : null}
                  </Td>
                  <Td>
                    {localized(locale, a.call.title, a.call.titleEn)}
                    <p className="text-xs text-slate-600">
                      {t('applications.closesAt', { at: formatDateTime(a.call.closesAt, locale) })}
                    </p>
                  </Td>
                  <Td>
                    <ApplicationStatusBadge status={a.status} />
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(a.updatedAt, locale)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title={t('applications.start')}>
          {calls.length === 0 ? (
            <EmptyState title={t('applications.noOpenCalls')} />
          ) : (
            <StartApplicationForm
              initialChallengeId={query.challenge ?? null}
              calls={calls.map((c) => ({
                id: c.id,
                title: localized(locale, c.title, c.titleEn),
                program: localized(locale, c.program.name, c.program.nameEn),
                closesAt: formatDateTime(c.closesAt, locale),
                needsChallenge: c.program.kind === 'KEY_CHALLENGE',
                challenges: c.challenges.map((ch) => ({ id: ch.id, title: localized(locale, ch.title, ch.titleEn) })),
              }))}
            />
          )}
        </Card>
      </div>
    </>
  );
}
