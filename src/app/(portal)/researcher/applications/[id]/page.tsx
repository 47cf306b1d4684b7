import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { Alert, PageHeader } from '@/components/ui/card';
import { isEditable } from '@/domain/application/transitions';
import { fenToWan } from '@/domain/money';
import { ZProgramRules } from '@/domain/program/rules';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getOwnApplication, listOwnAvoidances } from '@/server/applications/applicant';
import { describeCheck } from '@/server/applications/check-view';
import { currentDisciplines, currentExpenditureCategories } from '@/server/reference/taxonomy';
import { getTalentRecord } from '@/server/researchers/talent-record';
import { ApplicationEditor } from './editor';
import { SubmittedApplication } from './submitted';

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('create:application:own');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const loaded = await getOwnApplication(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  // Not the person's own project application: perhaps a platform application they direct, which they read only.
  if (!loaded) return <SubmittedApplication id={id} />;
  const { app, check } = loaded;
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);

  if (!isEditable(app.status)) return <SubmittedApplication id={app.id} />;

  const [talent, disciplines, categories, checkView, avoidances] = await Promise.all([
    getTalentRecord(db(), actor),
    currentDisciplines(db()),
    currentExpenditureCategories(db()),
    describeCheck(check),
    listOwnAvoidances(db(), actor, app.id),
  ]);
  const rules = ZProgramRules.parse(app.ruleVersion.rules);
  const content = (app.content ?? {}) as Record<string, string>;
  const fundingOf = (source: string) => {
    const row = app.funding.find((f) => f.source === source);
    return row ? fenToWan(row.amountFen) : '';
  };
  const pledged = app.challenge
    ? app.challenge.pledges.filter((p) => p.source === 'ENTERPRISE').reduce((s, p) => s + p.amountFen, 0n)
    : null;

  return (
    <>
      <PageHeader
        title={app.title || t('applications.untitled')}
        description={`${localized(locale, app.call.program.name, app.call.program.nameEn)} · ${localized(locale, app.call.title, app.call.titleEn)}`}
        actions={<ApplicationStatusBadge status={app.status} />}
      />
      {app.status === 'RETURNED' && app.returnComment ? (
        <div className="mb-4">
          <Alert tone="warning">
            {t('applications.issue', { label: t('applications.returnedBanner'), message: app.returnComment })}
          </Alert>
        </div>
      ) : null}
      <ApplicationEditor
        key={app.id}
        applicationId={app.id}
        status={app.status}
        deadline={formatDateTime(check.deadline, locale)}
        challenge={
          app.challenge
            ? {
                title: app.challenge.title,
                fiscalWan: fenToWan(app.challenge.fiscalFen),
                pledgedWan: fenToWan(pledged ?? 0n),
              }
            : null
        }
        rules={{
          budget: rules.budget,
          abstractEnRequired: rules.abstractEnRequired,
          representativeWorksMax: rules.representativeWorksMax,
          attachments: rules.requiredAttachments.map((s) => ({
            key: s.key,
            label: localized(locale, s.label, s.labelEn),
            required: s.required,
            maxMb: s.maxMb,
          })),
          blindReview: rules.mailReview?.blind ?? false,
        }}
        disciplines={disciplines.map((d) => ({
          code: d.code,
          name: localized(locale, d.name, d.nameEn),
          level: d.level,
        }))}
        categories={categories.map((c) => ({
          code: c.code,
          name: localized(locale, c.name, c.nameEn),
          isIndirect: c.isIndirect,
        }))}
        works={talent.works.map((w) => ({ id: w.id, title: w.title, year: w.year, venue: w.venue, type: w.type }))}
        members={app.members.map((m) => ({
          id: m.id,
          name: m.user.name,
          email: m.user.email,
          institution: m.user.researcherProfile?.institution.name ?? '',
          responsibility: m.responsibility,
          monthsPerYear: m.monthsPerYear,
          confirmation: m.confirmation,
        }))}
        attachments={app.attachments.map((a) => ({ slotKey: a.slotKey, id: a.file.id, filename: a.file.filename }))}
        avoidances={avoidances.map((a) => ({ name: a.name, institutionName: a.institutionName, reason: a.reason }))}
        pledgedEnterpriseWan={pledged === null ? null : fenToWan(pledged)}
        initialCheck={checkView}
        serverUpdatedAt={app.updatedAt.toISOString()}
        initial={{
          id: app.id,
          version: app.version,
          title: app.title,
          titleEn: app.titleEn,
          disciplineCode: app.disciplineCode ?? '',
          keywords: app.keywords.join('，'),
          abstract: app.abstract,
          abstractEn: app.abstractEn,
          content: {
            researchContent: content.researchContent ?? '',
            innovation: content.innovation ?? '',
            plan: content.plan ?? '',
            outcomes: content.outcomes ?? '',
          },
          durationMonths: app.durationMonths,
          budgetMode: app.budgetMode,
          lumpSumWan: app.lumpSumFen === null ? '' : fenToWan(app.lumpSumFen),
          lumpSumPlan: app.lumpSumPlan,
          budgetLines: app.budgetLines.map((l) => ({
            categoryCode: l.categoryCode,
            amountWan: fenToWan(l.amountFen),
            justification: l.justification,
          })),
          funding: {
            fiscalWan: fundingOf('FISCAL'),
            enterpriseWan: fundingOf('ENTERPRISE'),
            institutionWan: fundingOf('INSTITUTION'),
          },
          workIds: app.works.map((w) => w.work.id),
        }}
      />
    </>
  );
}
