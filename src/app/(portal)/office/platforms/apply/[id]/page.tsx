import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationView } from '@/components/applications/application-view';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { Alert, PageHeader } from '@/components/ui/card';
import { canTransitionApplication, isEditable } from '@/domain/application/transitions';
import { fenToWan } from '@/domain/money';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { orNotFound } from '@/lib/or-not-found';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { describeCheck } from '@/server/applications/check-view';
import { getApplicationForReader } from '@/server/applications/review-side';
import { getPlatformApplication } from '@/server/platforms/application';
import { currentDisciplines } from '@/server/reference/taxonomy';
import { PlatformEditor, type YearRow } from './editor';
import { WithdrawDialog } from '@/components/applications/withdraw-dialog';
import { withdrawPlatformApplicationAction } from '../actions';

/** One platform application of the office: the editor while it is a draft, else the submitted version read-only. */
export default async function PlatformApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('apply:platform:institution');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const loaded = await orNotFound(getPlatformApplication(db(), actor, id));
  const { app } = loaded;
  const [t, locale] = await Promise.all([getTranslations('platformApply'), getLocale().then(asLocale)]);
  const withdrawable = canTransitionApplication(app.status, 'withdraw', 'OFFICE');

  if (!isEditable(app.status)) {
    // Submitted (or withdrawn after submission): what the office reads is the frozen version, as staff do.
    const reader = await orNotFound(getApplicationForReader(db(), actor, id));
    return (
      <>
        <PageHeader
          title={app.title || t('untitled')}
          description={app.code ?? undefined}
          actions={
            <>
              <ApplicationStatusBadge status={app.status} />
              {withdrawable ? (
                <WithdrawDialog ns="platformApply" id={app.id} withdraw={withdrawPlatformApplicationAction} />
              ) : null}
            </>
          }
        />
        {app.status === 'INSTITUTION_APPROVED' ? (
          <div className="mb-4">
            <Alert tone="success">{t('submittedBanner')}</Alert>
          </div>
        ) : null}
        <ApplicationView app={reader} snapshot={reader.snapshot} />
      </>
    );
  }

  const [disciplines, checkView] = await Promise.all([currentDisciplines(db()), describeCheck(loaded.check)]);
  // The period's years, and any year already budgeted outside it (kept, so nothing typed is lost; the check flags it).
  const years = [...new Set([...loaded.years, ...loaded.yearBudgets.map((r) => r.year)])].sort((a, b) => a - b);
  const amount = (year: number, source: string) => {
    const row = loaded.yearBudgets.find((r) => r.year === year && r.source === source);
    return row ? fenToWan(row.amountFen) : '';
  };
  const yearRows: YearRow[] = years.map((year) => ({
    year,
    fiscalWan: amount(year, 'FISCAL'),
    enterpriseWan: amount(year, 'ENTERPRISE'),
    institutionWan: amount(year, 'INSTITUTION'),
  }));

  return (
    <>
      <PageHeader
        title={app.title || t('untitled')}
        description={`${localized(locale, app.call.program.name, app.call.program.nameEn)} · ${localized(locale, app.call.title, app.call.titleEn)}`}
        actions={
          <>
            <ApplicationStatusBadge status={app.status} />
            {withdrawable ? (
              <WithdrawDialog ns="platformApply" id={app.id} withdraw={withdrawPlatformApplicationAction} />
            ) : null}
          </>
        }
      />
      {app.status === 'RETURNED' && app.returnComment ? (
        <div className="mb-4">
          <Alert tone="warning">{t('returnedBanner', { comment: app.returnComment })}</Alert>
        </div>
      ) : null}
      <PlatformEditor
        // Kept mounted across saves, so text typed while a save is in flight is never replaced; re-mounted only when
        // the budget's years change (a new building period), so the year table's rows carry their years.
        key={`${app.id}:${years.join(',')}`}
        applicationId={app.id}
        status={app.status}
        kind={app.call.program.kind}
        deadline={formatDateTime(app.call.closesAt, locale)}
        quota={loaded.quota}
        durationRange={loaded.rules.budget.durationMonths}
        fiscalRange={{
          min: fenToWan(BigInt(loaded.rules.budget.minFen)),
          max: fenToWan(BigInt(loaded.rules.budget.maxFen)),
        }}
        disciplines={disciplines.map((d) => ({
          code: d.code,
          name: localized(locale, d.name, d.nameEn),
          level: d.level,
        }))}
        institutions={loaded.institutions.map((i) => ({
          id: i.id,
          name: localized(locale, i.name, i.nameEn),
          enterprise: i.kind === 'ENTERPRISE',
        }))}
        members={app.members.map((m) => ({
          id: m.id,
          name: m.user.name,
          email: m.user.email,
          institution: m.user.researcherProfile?.institution.name ?? '',
          responsibility: m.responsibility,
          monthsPerYear: m.monthsPerYear,
          confirmation: m.confirmation,
        }))}
        attachmentSlots={loaded.rules.requiredAttachments.map((s) => ({
          key: s.key,
          label: localized(locale, s.label, s.labelEn),
          required: s.required,
          maxMb: s.maxMb,
        }))}
        attachments={app.attachments.map((a) => ({ slotKey: a.slotKey, id: a.file.id, filename: a.file.filename }))}
        initialCheck={checkView}
        initial={{
          id: app.id,
          version: app.version,
          title: app.title,
          titleEn: app.titleEn,
          disciplineCode: app.disciplineCode ?? '',
          keywords: app.keywords.join('，'),
          abstract: app.abstract,
          abstractEn: app.abstractEn,
          durationMonths: app.durationMonths,
          directorEmail: app.applicant.email,
          content: loaded.content,
          partners: loaded.partners.map((p) => ({
            institutionId: p.institutionId,
            role: p.role,
            contribution: p.contribution,
          })),
          yearBudget: yearRows,
        }}
      />
    </>
  );
}
