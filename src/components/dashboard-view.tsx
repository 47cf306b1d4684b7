import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Card, EmptyState, PageHeader, Stat } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDate, formatDateTime, localized } from '@/lib/format';
import type { Actor } from '@/server/auth/actor';
import type { Dashboard } from '@/server/dashboard/get-dashboard';

/** Each role's dashboard: what to do next first, then the latest announcements. */
export async function DashboardView({ actor, data }: { actor: Actor; data: Dashboard }) {
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('dashboard.welcome', { name: actor.name })}
        description={t('dashboard.roleLine', { role: t(`roles.${actor.role}`) })}
      />
      <RoleBody data={data} />
      <Card title={t('dashboard.announcements')}>
        {data.announcements.length === 0 ? (
          <EmptyState title={t('home.noAnnouncements')} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.announcements.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <Link href={`/announcements/${a.id}`} className="text-sm text-brand-800 hover:underline">
                  {a.title}
                </Link>
                <span className="text-xs text-slate-600">{formatDate(a.publishedAt, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

async function RoleBody({ data }: { data: Dashboard }) {
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  switch (data.kind) {
    case 'RESEARCHER':
      return (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title={t('dashboard.todo')}>
            <p className="text-sm text-slate-700">
              {t('common.labelled', {
                label: t('dashboard.researcher.institution'),
                value: data.institutionName ?? '—',
              })}
            </p>
            <p className="mt-2 text-sm text-slate-800">
              {data.missingProfileFields.length > 0
                ? t('dashboard.researcher.profileIncomplete', {
                    count: data.missingProfileFields.length,
                    fields: data.missingProfileFields
                      .map((f) => t(`profile.${f === 'title' ? 'titleField' : f}`))
                      .join('、'),
                  })
                : t('dashboard.researcher.profileComplete')}
            </p>
            <Button asChild variant="secondary" size="sm" className="mt-3">
              <Link href="/researcher/profile">{t('dashboard.researcher.completeProfile')}</Link>
            </Button>
            {data.applications.returned + data.applications.drafts + data.applications.invitations > 0 ? (
              <ul className="mt-4 flex flex-col gap-1 text-sm text-slate-800">
                {data.applications.returned > 0 ? (
                  <li className="text-amber-800">
                    {t('dashboard.researcher.returned', { count: data.applications.returned })}
                  </li>
                ) : null}
                {data.applications.drafts > 0 ? (
                  <li>{t('dashboard.researcher.drafts', { count: data.applications.drafts })}</li>
                ) : null}
                {data.applications.invitations > 0 ? (
                  <li>{t('dashboard.researcher.invitations', { count: data.applications.invitations })}</li>
                ) : null}
              </ul>
            ) : null}
            <Button asChild size="sm" className="mt-3">
              <Link href="/researcher/applications">{t('dashboard.researcher.myApplications')}</Link>
            </Button>
          </Card>
          <Card title={t('dashboard.researcher.openCalls')}>
            {data.openCalls.length === 0 ? (
              <EmptyState title={t('dashboard.researcher.noCalls')} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {data.openCalls.map((c) => (
                  <li key={c.id} className="py-2">
                    <Link href={`/calls/${c.id}`} className="text-sm text-brand-800 hover:underline">
                      {localized(locale, c.title, c.titleEn)}
                    </Link>
                    <p className="text-xs text-slate-600">
                      {t('dashboard.closesAt', { at: formatDateTime(c.closesAt, locale) })}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-slate-600">{t('dashboard.researcher.applyHint')}</p>
          </Card>
        </div>
      );
    case 'INSTITUTION_OFFICE':
      return (
        <div className="grid gap-4 md:grid-cols-3">
          <Stat
            label={t('dashboard.office.researchers')}
            value={data.researchers}
            hint={data.institutionName ?? undefined}
          />
          <Stat label={t('dashboard.office.incomplete')} value={data.incompleteProfiles} />
          <Card title={t('dashboard.office.quotas')} className="md:col-span-3">
            {data.quotas.length === 0 ? (
              <EmptyState title={t('dashboard.office.noQuotas')} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {data.quotas.map((q) => (
                  <li key={q.call.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                    <Link href={`/calls/${q.call.id}`} className="text-brand-800 hover:underline">
                      {q.call.title}
                    </Link>
                    <span>
                      {t('dashboard.office.quotaLine', { max: q.maxRecommended })}
                      {q.call.institutionReviewClosesAt
                        ? ` · ${t('dashboard.office.recommendBy', { at: formatDateTime(q.call.institutionReviewClosesAt, locale) })}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('dashboard.office.pending')}>
            {data.awaitingVetting === 0 ? (
              <EmptyState title={t('dashboard.office.noPending')} />
            ) : (
              <p className="text-sm text-slate-800">
                {t('dashboard.office.pendingCount', { count: data.awaitingVetting })}
              </p>
            )}
            <div className="mt-3 flex flex-wrap gap-2">
              <Button asChild size="sm">
                <Link href="/office/applications">{t('dashboard.office.vet')}</Link>
              </Button>
              <Button asChild variant="secondary" size="sm">
                <Link href="/office/researchers">{t('dashboard.office.viewResearchers')}</Link>
              </Button>
            </div>
          </Card>
        </div>
      );
    case 'COMMISSION_STAFF':
      return (
        <div className="grid gap-4 md:grid-cols-5">
          <Stat
            label={t('dashboard.staff.institutions')}
            value={data.institutionsByKind.reduce((s, g) => s + g.count, 0)}
            hint={data.institutionsByKind.map((g) => `${t(`enums.institutionKind.${g.kind}`)} ${g.count}`).join(' · ')}
          />
          <Stat label={t('dashboard.staff.researchers')} value={data.researchers} />
          <Stat label={t('dashboard.staff.drafts')} value={data.draftAnnouncements} />
          <Stat label={t('dashboard.staff.challengesToReview')} value={data.proposedChallenges} />
          <Stat label={t('dashboard.staff.awaitingFormalCheck')} value={data.awaitingFormalCheck} />
          <Card title={t('dashboard.staff.calls')} className="md:col-span-5">
            {data.openCalls.length === 0 ? (
              <EmptyState title={t('dashboard.staff.noCalls')} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {data.openCalls.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                    <Link href={`/commission/calls/${c.id}`} className="text-brand-800 hover:underline">
                      {c.title}
                    </Link>
                    <span className="text-xs text-slate-600">
                      {t('dashboard.closesAt', { at: formatDateTime(c.closesAt, locale) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-3 flex flex-wrap gap-2">
              <Button asChild variant="secondary" size="sm">
                <Link href="/commission/formal-check?status=INSTITUTION_APPROVED">
                  {t('dashboard.staff.formalCheck')}
                </Link>
              </Button>
              <Button asChild variant="secondary" size="sm">
                <Link href="/commission/challenges?status=PROPOSED">{t('dashboard.staff.reviewChallenges')}</Link>
              </Button>
              <Button asChild variant="secondary" size="sm">
                <Link href="/commission/calls">{t('dashboard.staff.manageCalls', { drafts: data.draftCalls })}</Link>
              </Button>
              <Button asChild variant="secondary" size="sm">
                <Link href="/commission/announcements">{t('dashboard.staff.manageAnnouncements')}</Link>
              </Button>
            </div>
          </Card>
        </div>
      );
    case 'SYSTEM_ADMIN':
      return (
        <div className="grid gap-4 md:grid-cols-4">
          <Stat label={t('dashboard.sysadmin.users')} value={data.users} />
          <Stat label={t('dashboard.sysadmin.disabled')} value={data.disabled} />
          <Stat label={t('dashboard.sysadmin.institutions')} value={data.institutions} />
          <Card title={t('dashboard.sysadmin.byRole')}>
            <ul className="text-sm text-slate-800">
              {data.usersByRole.map((r) => (
                <li key={r.role} className="flex justify-between gap-2">
                  <span>{t(`roles.${r.role}`)}</span>
                  <span>{r.count}</span>
                </li>
              ))}
            </ul>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button asChild variant="secondary" size="sm">
                <Link href="/admin/users">{t('dashboard.sysadmin.manageUsers')}</Link>
              </Button>
              <Button asChild variant="secondary" size="sm">
                <Link href="/admin/institutions">{t('dashboard.sysadmin.manageInstitutions')}</Link>
              </Button>
            </div>
          </Card>
        </div>
      );
    case 'SECURITY_ADMIN':
      return (
        <div className="grid gap-4 md:grid-cols-3">
          <Stat label={t('dashboard.secadmin.locked')} value={data.locked} />
          <Stat label={t('dashboard.secadmin.failing')} value={data.failing} />
          <Card title={t('dashboard.secadmin.policy')}>
            <p className="text-sm text-slate-800">
              {t('dashboard.secadmin.policyLine', {
                min: data.policy.passwordMinLength,
                classes: data.policy.passwordMinClasses,
                max: data.policy.maxFailedLogins,
                lock: data.policy.lockoutMinutes,
                idle: data.policy.idleTimeoutMinutes,
              })}
            </p>
            <Button asChild variant="secondary" size="sm" className="mt-3">
              <Link href="/admin/security">{t('dashboard.secadmin.editPolicy')}</Link>
            </Button>
          </Card>
        </div>
      );
    case 'AUDIT_ADMIN':
      return (
        <div className="grid gap-4 md:grid-cols-3">
          <Stat label={t('dashboard.auditor.events')} value={data.events24h} />
          <Stat label={t('dashboard.auditor.failedLogins')} value={data.failedLogins24h} />
          <Card>
            <Button asChild variant="secondary" size="sm">
              <Link href="/admin/audit">{t('dashboard.auditor.openLog')}</Link>
            </Button>
          </Card>
        </div>
      );
    case 'EXPERT':
      return (
        <div className="grid gap-4 md:grid-cols-3">
          <Stat label={t('dashboard.expert.invited')} value={data.invited} />
          <Stat
            label={t('dashboard.expert.toSubmit')}
            value={data.toSubmit}
            hint={
              data.nextDue ? t('dashboard.expert.nextDue', { at: formatDateTime(data.nextDue, locale) }) : undefined
            }
          />
          <Stat label={t('dashboard.expert.overdue')} value={data.overdue} />
          <Card title={t('dashboard.expert.invitations')} className="md:col-span-3">
            {data.invited + data.toSubmit === 0 ? <EmptyState title={t('dashboard.expert.noInvitations')} /> : null}
            <div className={data.invited + data.toSubmit === 0 ? 'mt-3' : ''}>
              <Button asChild size="sm">
                <Link href="/reviewer/assignments">{t('dashboard.expert.open')}</Link>
              </Button>
            </div>
          </Card>
        </div>
      );
    case 'COMMITTEE_MEMBER':
      return (
        <Card title={t('dashboard.committee.topics')}>
          <EmptyState title={t('dashboard.committee.noTopics')} />
        </Card>
      );
    case 'ENTERPRISE':
      return (
        <Card title={t('dashboard.enterprise.challenges')}>
          {data.challengesByStatus.length === 0 ? (
            <EmptyState title={t('dashboard.enterprise.noChallenges')} />
          ) : (
            <ul className="flex flex-wrap gap-4 text-sm">
              {data.challengesByStatus.map((g) => (
                <li key={g.status}>
                  {t('common.labelled', { label: t(`challenges.statuses.${g.status}`), value: g.count })}
                </li>
              ))}
            </ul>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <Button asChild size="sm">
              <Link href="/enterprise/challenges/new">{t('challenges.new')}</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/enterprise/challenges">{t('nav.myChallenges')}</Link>
            </Button>
          </div>
        </Card>
      );
  }
}
