import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/projects/project-forms';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/i18n/config';
import { fenToWan } from '@/domain/money';
import { STABLE_SUPPORT_SETTINGS } from '@/domain/platform/evaluation';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import type { PlatformListRow, PlatformRecord } from '@/server/platforms/platforms';
import { acceptPlatformReportAction, transitionPlatformProjectAction } from '@/app/actions/platform-record';
import {
  AppointManagerForm,
  CenterProjectForm,
  DecideEvaluationForm,
  DirectionsForm,
  EndManagerForm,
  EvaluationForm,
  OpenEvaluationForm,
  ReportForm,
  ReturnReportForm,
} from './record-forms';

// The platform record (平台档案) as every role sees it. What the actor may see and do was decided by the module
// (getPlatform's `viewer`); this only shows it and offers the forms that go with it. Status is always written out.

type Status = PlatformRecord['status'];
const STATUS_TONE: Record<Status, 'slate' | 'green' | 'red' | 'amber' | 'blue'> = {
  ACTIVE: 'green',
  UNDER_EVALUATION: 'blue',
  SUSPENDED: 'red',
  CLOSED: 'slate',
};

export async function PlatformStatusBadge({ status }: { status: Status }) {
  const t = await getTranslations('platforms.status');
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

export async function PlatformList({
  rows,
  base,
  locale,
  empty,
}: {
  rows: PlatformListRow[];
  base: string;
  locale: Locale;
  empty: string;
}) {
  const t = await getTranslations('platforms');
  const tk = await getTranslations('programs.kinds');
  const tg = await getTranslations('enums.EvaluationGrade');
  if (rows.length === 0) return <EmptyState title={empty} />;
  return (
    <Table
      caption={t('listCaption')}
      head={[
        t('name'),
        t('kind'),
        t('host'),
        t('director'),
        t('statusLabel'),
        t('grade'),
        t('stableSupport'),
        t('established'),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>
            <Link href={`${base}/${r.id}`} className="font-medium text-brand-800 underline">
              {localized(locale, r.name, r.nameEn)}
            </Link>
            <div className="text-xs text-slate-500">{r.project.code}</div>
          </Td>
          <Td>{tk(r.kind)}</Td>
          <Td>{r.hostInstitution.name}</Td>
          <Td>{r.director.name}</Td>
          <Td>
            <PlatformStatusBadge status={r.status} />
          </Td>
          <Td>{r.currentGrade ? tg(r.currentGrade) : '—'}</Td>
          <Td className="whitespace-nowrap">
            {t('perYear', { amount: formatGrant(r.stableSupportFenPerYear, locale) })}
          </Td>
          <Td className="whitespace-nowrap">{r.establishedOn}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** The whole record with the forms the viewer may use. `projectHref` is the role's project page, if it has one. */
export async function PlatformRecordView({
  record: p,
  locale,
  projectHref,
  today,
}: {
  record: PlatformRecord;
  locale: Locale;
  projectHref: string | null;
  today: string;
}) {
  const t = await getTranslations('platforms');
  const tk = await getTranslations('programs.kinds');
  const tg = await getTranslations('enums.EvaluationGrade');
  const tr = await getTranslations('platforms.reportStatus');
  const ts = await getTranslations('enums.TrancheStatus');
  const v = p.viewer;
  const thisYear = Number(today.slice(0, 4));
  const firstYear = Number(p.establishedOn.slice(0, 4));
  const reportYears = Array.from({ length: Math.max(0, thisYear - firstYear + 1) }, (_, i) => firstYear + i).filter(
    (y) => !p.reports.some((r) => r.year === y),
  );
  const openManagers = p.managers.filter((m) => m.endedOn === null);
  const managerOptions = (v.office ? openManagers : openManagers.filter((m) => v.ownAppointments.includes(m.id))).map(
    (m) => ({ value: m.id, label: m.name }),
  );
  const draft = p.evaluations.find((e) => e.status === 'DRAFT') ?? null;
  const open = p.status !== 'CLOSED';
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('overview')}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t('kind')}</dt>
            <dd>{tk(p.kind)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('statusLabel')}</dt>
            <dd>
              <PlatformStatusBadge status={p.status} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('host')}</dt>
            <dd>{p.host}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('director')}</dt>
            <dd>{p.director}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('established')}</dt>
            <dd>{p.establishedOn}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('grade')}</dt>
            <dd>{p.currentGrade ? tg(p.currentGrade) : t('notEvaluated')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('stableSupport')}</dt>
            <dd>{t('perYear', { amount: formatGrant(p.stableSupportFenPerYear, locale) })}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('project')}</dt>
            <dd>
              {projectHref ? (
                <Link href={projectHref} className="text-brand-800 underline">
                  {p.project.code}
                </Link>
              ) : (
                p.project.code
              )}{' '}
              · {t('awarded', { amount: formatGrant(p.project.awardedFiscalFen, locale) })} · {p.project.startDate} –{' '}
              {p.project.endDate}
            </dd>
          </div>
        </dl>
      </Card>

      <Card title={t('partners')}>
        {p.partners.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noPartners')}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {p.partners.map((x) => (
              <li key={x.id}>
                <span className="font-medium">{x.institution}</span> · {t(`partnerRole.${x.role}`)}
                {x.contribution ? ` · ${x.contribution}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('directions')}>
        {v.canEditDirections && open ? (
          <DirectionsForm
            platformId={p.id}
            version={p.version}
            directions={p.directions.map((d) => ({
              id: d.id,
              title: d.title,
              titleEn: d.titleEn,
              leadName: d.leadName,
              description: d.description,
              active: d.active,
            }))}
          />
        ) : p.directions.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noDirections')}</p>
        ) : (
          <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm">
            {p.directions.map((d) => (
              <li key={d.id} className={d.active ? '' : 'text-slate-500'}>
                <span className="font-medium">{localized(locale, d.title, d.titleEn)}</span>
                {d.leadName ? ` · ${t('leadIs', { name: d.leadName })}` : ''}
                {d.active ? '' : ` · ${t('inactive')}`}
                {d.description ? <p className="text-slate-700">{d.description}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title={t('members')}>
        {p.members.length === 0 ? (
          <p className="text-sm text-slate-700">{t('noMembers')}</p>
        ) : (
          <Table caption={t('members')} head={[t('memberName'), t('memberRole'), t('memberFrom'), t('memberTo')]}>
            {p.members.map((m) => (
              <tr key={m.id}>
                <Td>{m.name}</Td>
                <Td>{m.memberRole === 'PI' ? t('memberDirector') : t('memberMember')}</Td>
                <Td>{m.fromDate}</Td>
                <Td>{m.toDate ?? '—'}</Td>
              </tr>
            ))}
          </Table>
        )}
        {projectHref ? (
          <p className="mt-2 text-xs text-slate-600">
            <Link href={projectHref} className="underline">
              {t('membersOnProject')}
            </Link>
          </p>
        ) : null}
      </Card>

      {p.managersEnabled ? (
        <Card title={t('managers')}>
          {p.managers.length === 0 ? (
            <p className="text-sm text-slate-700">{t('noManagers')}</p>
          ) : (
            <Table caption={t('managers')} head={[t('managerName'), t('appointedOn'), t('endedOn'), t('remit'), '']}>
              {p.managers.map((m) => (
                <tr key={m.id}>
                  <Td>{m.name}</Td>
                  <Td>{m.appointedOn}</Td>
                  <Td>{m.endedOn ?? t('serving')}</Td>
                  <Td>{m.remit || '—'}</Td>
                  <Td>
                    {v.canManageManagers && m.endedOn === null ? (
                      <EndManagerForm managerId={m.id} version={m.version} name={m.name} today={today} />
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
          {v.canManageManagers && open ? (
            <div className="mt-4">
              <AppointManagerForm platformId={p.id} today={today} />
            </div>
          ) : null}
        </Card>
      ) : null}

      {p.managersEnabled ? (
        <Card
          title={t('centerProjects')}
          actions={
            v.canRegisterProjects && open && managerOptions.length > 0 ? (
              <CenterProjectForm platformId={p.id} managers={managerOptions} />
            ) : null
          }
        >
          <p className="mb-3 text-sm">
            {t('centerBudget', {
              count: p.centerBudget.count,
              total: formatGrant(p.centerBudget.totalFen, locale),
              active: formatGrant(p.centerBudget.activeFen, locale),
            })}
          </p>
          {p.centerProjects.length === 0 ? (
            <p className="text-sm text-slate-700">{t('noCenterProjects')}</p>
          ) : (
            <Table
              caption={t('centerProjects')}
              head={[
                t('centerProjectTitle'),
                t('projectManager'),
                t('leadName'),
                t('budgetWan'),
                t('dates'),
                t('statusLabel'),
                '',
              ]}
            >
              {p.centerProjects.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <span className="font-medium">{c.title}</span>
                    {c.summary ? <p className="text-xs text-slate-600">{c.summary}</p> : null}
                  </Td>
                  <Td>{c.managerName}</Td>
                  <Td>{c.leadName}</Td>
                  <Td className="whitespace-nowrap">{formatGrant(c.budgetFen, locale)}</Td>
                  <Td className="whitespace-nowrap">
                    {c.startsOn} – {c.endsOn}
                  </Td>
                  <Td>{t(`centerStatus.${c.status}`)}</Td>
                  <Td>
                    {c.editable && open ? (
                      <div className="flex flex-col gap-2">
                        <CenterProjectForm
                          platformId={p.id}
                          managers={
                            managerOptions.some((m) => m.value === c.projectManagerId)
                              ? managerOptions
                              : [{ value: c.projectManagerId, label: c.managerName }, ...managerOptions]
                          }
                          initial={{
                            id: c.id,
                            version: c.version,
                            projectManagerId: c.projectManagerId,
                            title: c.title,
                            leadName: c.leadName,
                            budgetWan: fenToWan(c.budgetFen),
                            startsOn: c.startsOn,
                            endsOn: c.endsOn,
                            summary: c.summary,
                          }}
                        />
                        <ActionButton
                          action={transitionPlatformProjectAction}
                          input={{ id: c.id, version: c.version, transition: 'complete' }}
                          label={t('completeCenterProject')}
                          accessibleLabel={`${t('completeCenterProject')}：${c.title}`}
                          variant="secondary"
                        />
                        <ActionButton
                          action={transitionPlatformProjectAction}
                          input={{ id: c.id, version: c.version, transition: 'terminate' }}
                          label={t('terminateCenterProject')}
                          accessibleLabel={`${t('terminateCenterProject')}：${c.title}`}
                          variant="secondary"
                        />
                      </div>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ) : null}

      <Card title={t('reports')}>
        {p.reports.length === 0 ? <p className="text-sm text-slate-700">{t('noReports')}</p> : null}
        <div className="flex flex-col gap-4">
          {p.reports.map((r) => (
            <section
              key={r.id}
              aria-label={t('reportOfYear', { year: r.year })}
              className="rounded-md border border-slate-200 p-3"
            >
              <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
                {t('reportOfYear', { year: r.year })}{' '}
                <Badge tone={r.status === 'ACCEPTED' ? 'green' : r.status === 'RETURNED' ? 'red' : 'blue'}>
                  {tr(r.status)}
                </Badge>
                {r.submittedAt ? (
                  <span className="text-xs font-normal text-slate-500">
                    {t('submittedAt', { at: formatDateTime(r.submittedAt, locale) })}
                  </span>
                ) : null}
              </h3>
              {r.returnReason && r.status === 'RETURNED' ? (
                <Alert tone="warning">{t('returnedBecause', { reason: r.returnReason })}</Alert>
              ) : null}
              {v.canWriteReports && open && (r.status === 'DRAFT' || r.status === 'RETURNED') ? (
                <ReportForm
                  platformId={p.id}
                  years={[r.year]}
                  initial={{
                    year: r.year,
                    version: r.version,
                    content: r.content,
                    fileId: r.fileId,
                    filename: r.filename,
                  }}
                />
              ) : (
                <dl className="mt-2 flex flex-col gap-2 text-sm">
                  {(['summary', 'outputs', 'talent', 'openness', 'fundingNote'] as const).map((s) =>
                    r.content[s] ? (
                      <div key={s}>
                        <dt className="text-slate-600">{t(`section.${s}`)}</dt>
                        <dd className="whitespace-pre-line">{r.content[s]}</dd>
                      </div>
                    ) : null,
                  )}
                  {r.fileId ? (
                    <div>
                      <dt className="text-slate-600">{t('reportFile')}</dt>
                      <dd>
                        <a href={`/api/files/${r.fileId}`} className="break-all text-brand-800 underline">
                          {r.filename}
                        </a>
                      </dd>
                    </div>
                  ) : null}
                </dl>
              )}
              {v.staff && r.status === 'SUBMITTED' ? (
                <div className="mt-3 flex flex-wrap gap-3">
                  <ActionButton
                    action={acceptPlatformReportAction}
                    input={{ reportId: r.id, version: r.version }}
                    label={t('acceptReport')}
                    accessibleLabel={t('acceptReportOfYear', { year: r.year })}
                    done={t('reportAccepted')}
                  />
                  <ReturnReportForm reportId={r.id} version={r.version} year={r.year} />
                </div>
              ) : null}
            </section>
          ))}
          {v.canWriteReports && open && reportYears.length > 0 ? (
            <section aria-label={t('newReport')} className="rounded-md border border-dashed border-slate-300 p-3">
              <h3 className="mb-2 text-sm font-semibold">{t('newReport')}</h3>
              <ReportForm platformId={p.id} years={reportYears} />
            </section>
          ) : null}
        </div>
      </Card>

      <Card title={t('evaluations')}>
        <p className="mb-3 text-xs text-slate-600">
          {t('supportRule', {
            up: STABLE_SUPPORT_SETTINGS.byGrade.EXCELLENT.changeBp / 100,
            down: -STABLE_SUPPORT_SETTINGS.byGrade.PASS.changeBp / 100,
            years: STABLE_SUPPORT_SETTINGS.defaultPeriodYears,
          })}
        </p>
        {p.evaluations.length === 0 ? <p className="text-sm text-slate-700">{t('noEvaluations')}</p> : null}
        <div className="flex flex-col gap-4">
          {p.evaluations.map((e) => (
            <section
              key={e.id}
              aria-label={t('evaluationOf', { from: e.periodFrom, to: e.periodTo })}
              className="rounded-md border border-slate-200 p-3 text-sm"
            >
              <h3 className="font-semibold">
                {t('evaluationOf', { from: e.periodFrom, to: e.periodTo })} ·{' '}
                {e.status === 'DRAFT'
                  ? t('evaluationDraft')
                  : t('evaluationDecidedAt', { at: formatDateTime(e.decidedAt, locale) })}
              </h3>
              {e.status === 'DECIDED' ? (
                <p className="mt-1">
                  {t('evaluationResult', {
                    grade: e.grade ? tg(e.grade) : '—',
                    decision: e.supportDecision ? t(`supportDecision.${e.supportDecision}`) : '—',
                    amount: formatGrant(e.nextPeriodFenPerYear ?? 0n, locale),
                    years: e.nextPeriodYears,
                  })}
                </p>
              ) : null}
              {e.report && !(v.staff && e.status === 'DRAFT') ? (
                <p className="mt-1 whitespace-pre-line text-slate-700">{e.report}</p>
              ) : null}
              {v.staff && e.status === 'DRAFT' ? (
                <div className="mt-3 flex flex-col gap-4">
                  <EvaluationForm
                    evaluationId={e.id}
                    version={e.version}
                    grade={e.grade}
                    report={e.report}
                    nextPeriodYears={e.nextPeriodYears}
                  />
                  {e.proposal ? (
                    <Alert tone="info">
                      {t('proposal', {
                        decision: t(`supportDecision.${e.proposal.decision}`),
                        amount: formatGrant(e.proposal.fenPerYear, locale),
                        basis: formatGrant(e.proposal.basisFen, locale),
                        years: e.nextPeriodYears,
                      })}
                    </Alert>
                  ) : null}
                  <DecideEvaluationForm evaluationId={e.id} version={e.version} />
                </div>
              ) : null}
            </section>
          ))}
          {v.staff && !draft && (p.status === 'ACTIVE' || p.status === 'SUSPENDED') ? (
            <section aria-label={t('openEvaluation')} className="rounded-md border border-dashed border-slate-300 p-3">
              <h3 className="mb-2 text-sm font-semibold">{t('openEvaluation')}</h3>
              <OpenEvaluationForm
                platformId={p.id}
                version={p.version}
                periodFrom={p.establishedOn}
                periodTo={`${Math.max(firstYear, thisYear - 1)}-12-31`}
              />
            </section>
          ) : null}
        </div>
        {p.stableSupportTranches.length > 0 ? (
          <div className="mt-4">
            <Table caption={t('supportTranches')} head={[t('plannedDate'), t('amount'), t('statusLabel')]}>
              {p.stableSupportTranches.map((x) => (
                <tr key={x.id}>
                  <Td>{x.plannedDate}</Td>
                  <Td>{formatGrant(x.amountFen, locale)}</Td>
                  <Td>
                    {ts(x.status)} · {t('stableSupportLabel')}
                  </Td>
                </tr>
              ))}
            </Table>
          </div>
        ) : null}
      </Card>
    </div>
  );
}

/** The public page's list: name, kind, host and directions — nothing else. */
export async function PublicPlatformList({
  rows,
  locale,
}: {
  rows: {
    id: string;
    name: string;
    nameEn: string;
    kind: PlatformRecord['kind'];
    hostInstitution: { name: string; nameEn: string | null };
    directions: { id: string; title: string; titleEn: string }[];
  }[];
  locale: Locale;
}) {
  const t = await getTranslations('platforms');
  const tk = await getTranslations('programs.kinds');
  if (rows.length === 0) return <EmptyState title={t('publicEmpty')} />;
  return (
    <Table caption={t('publicTitle')} head={[t('name'), t('kind'), t('host'), t('directions')]}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>
            <Link href={`/platforms/${r.id}`} className="font-medium text-brand-800 underline">
              {localized(locale, r.name, r.nameEn)}
            </Link>
          </Td>
          <Td>{tk(r.kind)}</Td>
          <Td>{localized(locale, r.hostInstitution.name, r.hostInstitution.nameEn)}</Td>
          <Td>{r.directions.map((d) => localized(locale, d.title, d.titleEn)).join('、') || '—'}</Td>
        </tr>
      ))}
    </Table>
  );
}
