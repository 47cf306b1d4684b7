import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { parseMsg } from '@/lib/validation/messages';
import type { ProjectDetail } from '@/server/projects/projects';

// The read-only pieces of the project pages, shared by every role's pages: the list, the header facts, the task
// book, the team, the mentoring entries and the money. What a role may see was decided by the module (getProject);
// these only show it. Status is always written out, never shown by colour alone.

type ProjectStatus = ProjectDetail['status'];
const STATUS_TONE: Record<ProjectStatus, 'slate' | 'green' | 'red' | 'amber' | 'blue'> = {
  TASK_BOOK_DRAFT: 'amber',
  TASK_BOOK_CONFIRMED: 'blue',
  ACTIVE: 'green',
  MIDTERM_REVIEW: 'blue',
  SUSPENDED: 'red',
  ACCEPTANCE: 'blue',
  CLOSED: 'slate',
  CUT: 'slate',
  TERMINATED: 'red',
};

export async function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const t = await getTranslations('enums.ProjectStatus');
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

export interface ProjectListRow {
  id: string;
  code: string;
  title: string;
  status: ProjectStatus;
  awardedFiscalFen: bigint;
  startDate: Date;
  endDate: Date;
  pi: { name: string };
  institution: { name: string };
  program: { name: string; nameEn: string };
  confirmations: string[];
  taskBookStatus: string | null;
}

export async function ProjectList({
  rows,
  base,
  locale,
  empty,
}: {
  rows: ProjectListRow[];
  base: string;
  locale: Locale;
  empty: string;
}) {
  const t = await getTranslations('projects');
  if (rows.length === 0) return <EmptyState title={empty} />;
  return (
    <Table
      caption={t('listCaption')}
      head={[t('code'), t('title'), t('program'), t('pi'), t('institution'), t('period'), t('fiscal'), t('status')]}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <Td className="whitespace-nowrap">{r.code}</Td>
          <Td>
            <Link href={`${base}/${r.id}`} className="font-medium text-brand-700 underline">
              {r.title}
            </Link>
            {r.taskBookStatus === 'DRAFT' ? (
              <div className="mt-1 text-xs text-slate-600">{t('confirmedBy', { count: r.confirmations.length })}</div>
            ) : null}
          </Td>
          <Td>{localized(locale, r.program.name, r.program.nameEn)}</Td>
          <Td>{r.pi.name}</Td>
          <Td>{r.institution.name}</Td>
          <Td className="whitespace-nowrap">
            {r.startDate.toISOString().slice(0, 10)} — {r.endDate.toISOString().slice(0, 10)}
          </Td>
          <Td className="whitespace-nowrap">{formatGrant(r.awardedFiscalFen, locale)}</Td>
          <Td>
            <ProjectStatusBadge status={r.status} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}

export async function ProjectFacts({ p, locale }: { p: ProjectDetail; locale: Locale }) {
  const t = await getTranslations('projects');
  const tMode = await getTranslations('enums.BudgetMode');
  const facts: [string, ReactNode][] = [
    [t('code'), p.code],
    [t('status'), <ProjectStatusBadge key="s" status={p.status} />],
    [t('program'), localized(locale, p.program.name, p.program.nameEn)],
    [t('pi'), p.pi.name],
    [t('institution'), p.institution.name],
    [t('period'), `${p.startDate} — ${p.endDate}`],
    [t('fiscal'), formatGrant(p.awardedFiscalFen, locale)],
    [t('budgetMode'), tMode(p.budgetMode)],
  ];
  if (p.challenge) {
    facts.push([t('challenge'), localized(locale, p.challenge.title, p.challenge.titleEn)]);
    if (p.challenge.selectionMode === 'HORSE_RACE') facts.push([t('selection'), t('horseRace')]);
  }
  if (p.applicationCode) facts.push([t('applicationCode'), p.applicationCode]);
  if (p.terminatedReason) facts.push([t('terminatedReason'), p.terminatedReason]);
  return (
    <Card title={t('factsTitle')}>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {facts.map(([k, v]) => (
          <div key={k} className="flex gap-2">
            <dt className="shrink-0 text-slate-600">{k}</dt>
            <dd className="text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export async function MembersCard({ p }: { p: ProjectDetail }) {
  const t = await getTranslations('projects');
  if (p.members.length === 0) return null;
  return (
    <Card title={t('membersTitle')}>
      <Table caption={t('membersTitle')} head={[t('memberName'), t('memberRole'), t('memberFrom'), t('memberTo')]}>
        {p.members.map((m) => (
          <tr key={m.id}>
            <Td>{m.name}</Td>
            <Td>{m.memberRole === 'PI' ? t('rolePi') : m.memberRole === 'MEMBER' ? t('roleMember') : m.memberRole}</Td>
            <Td>{m.fromDate.toISOString().slice(0, 10)}</Td>
            <Td>{m.toDate ? m.toDate.toISOString().slice(0, 10) : t('current')}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** The task book: confirmations, what still blocks confirmation, the text, KPIs, milestones and budget. */
export async function TaskBookView({
  p,
  locale,
  showContent = true,
  actions,
}: {
  p: ProjectDetail;
  locale: Locale;
  showContent?: boolean;
  actions?: ReactNode;
}) {
  const t = await getTranslations('projects.taskBook');
  const tErr = await getTranslations('errors');
  const tTb = await getTranslations('enums.TaskBookStatus');
  const tCmp = await getTranslations('enums.TargetComparator');
  const tAtt = await getTranslations('enums.KpiAttainment');
  const tMs = await getTranslations('enums.MilestoneStatus');
  const tSrc = await getTranslations('enums.FundingSourceKind');
  const tDoc = await getTranslations('documents.taskBook');
  const tb = p.taskBook;
  if (!tb) return <EmptyState title={t('none')} />;
  const categoryName = (code: string | null) => {
    if (!code) return t('lumpSum');
    const c = p.categories.find((x) => x.code === code);
    return c ? localized(locale, c.name, c.nameEn) : code;
  };
  const parties = [
    ['PI', t('partyPi'), tb.piConfirmedAt],
    ['INSTITUTION', t('partyInstitution'), tb.institutionConfirmedAt],
    ['COMMISSION', t('partyCommission'), tb.commissionConfirmedAt],
  ] as const;
  return (
    <div className="flex flex-col gap-6">
      <Card
        title={t('title', { n: tb.number })}
        actions={<Badge tone={tb.status === 'CONFIRMED' ? 'green' : 'amber'}>{tTb(tb.status)}</Badge>}
      >
        <p className="mb-3 text-sm">
          <a className="text-brand-800 underline" href={`/api/projects/${p.id}/task-book/pdf`} download>
            {tDoc('download')}
          </a>
        </p>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('confirmationsTitle')}</h3>
        <ul className="mb-3 flex flex-col gap-1 text-sm">
          {parties.map(([key, label, at]) => (
            <li key={key}>
              {label}：{at ? t('confirmedAt', { at: formatDateTime(at, locale) }) : t('notConfirmed')}
            </li>
          ))}
        </ul>
        {tb.issues.length ? (
          <Alert tone="warning">
            <p className="font-medium">{t('issuesTitle')}</p>
            <ul className="mt-1 list-disc pl-5">
              {tb.issues.map((i, n) => {
                const { key, params } = parseMsg(`${i.code}`);
                return <li key={n}>{tErr.has(key) ? tErr(key, { ...params, ...(i.params ?? {}) }) : key}</li>;
              })}
            </ul>
          </Alert>
        ) : null}
        {actions ? <div className="mt-3 flex flex-wrap gap-3">{actions}</div> : null}
      </Card>

      {showContent && tb.content ? (
        <Card title={t('contentTitle')}>
          <dl className="flex flex-col gap-3 text-sm">
            {(['goals', 'plan', 'outputs'] as const).map((k) => (
              <div key={k}>
                <dt className="font-medium text-slate-800">{t(k)}</dt>
                <dd className="mt-1 whitespace-pre-wrap text-slate-900">{tb.content![k] || '—'}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}

      <Card title={t('kpisTitle')}>
        {tb.kpis.length === 0 ? (
          <EmptyState title={t('noKpis')} />
        ) : (
          <Table
            caption={t('kpisTitle')}
            head={[t('kpiName'), t('kpiComparator'), t('kpiTarget'), t('kpiUnit'), t('kpiMethod'), t('attainment')]}
          >
            {tb.kpis.map((k) => (
              <tr key={k.id}>
                <Td>
                  {k.name}
                  {k.challengeTargetId ? <div className="text-xs text-slate-600">{t('fromChallenge')}</div> : null}
                </Td>
                <Td>{tCmp(k.comparator)}</Td>
                <Td>{k.targetValue}</Td>
                <Td>{k.unit}</Td>
                <Td>{k.acceptanceMethod}</Td>
                <Td>{tAtt(k.attainment)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('milestonesTitle')}>
        {tb.milestones.length === 0 ? (
          <EmptyState title={t('noMilestones')} />
        ) : (
          <Table caption={t('milestonesTitle')} head={[t('milestone'), t('dueDate'), t('milestoneStatus')]}>
            {tb.milestones.map((m) => (
              <tr key={m.id}>
                <Td>
                  {m.title}
                  {m.isRaceCut ? <div className="text-xs text-slate-600">{t('raceCut')}</div> : null}
                </Td>
                <Td className="whitespace-nowrap">{m.dueDate}</Td>
                <Td>{tMs(m.status)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      {tb.budget.length ? (
        <Card title={t('budgetTitle')}>
          <Table caption={t('budgetTitle')} head={[t('year'), t('source'), t('category'), t('amount')]}>
            {tb.budget.map((b, i) => (
              <tr key={i}>
                <Td>{b.year}</Td>
                <Td>{tSrc(b.source)}</Td>
                <Td>{categoryName(b.categoryCode)}</Td>
                <Td className="whitespace-nowrap">{formatGrant(b.amountFen, locale)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      ) : null}
    </div>
  );
}

export async function MentoringCard({
  p,
  locale,
  children,
}: {
  p: ProjectDetail;
  locale: Locale;
  children?: ReactNode;
}) {
  const t = await getTranslations('projects.mentor');
  const tKind = await getTranslations('enums.MentoringKind');
  if (!p.mentorRequired && !p.mentor && p.mentoringEntries.length === 0 && !children) return null;
  const milestone = (id: string | null) => p.taskBook?.milestones.find((m) => m.id === id)?.title ?? null;
  return (
    <Card title={t('title')}>
      <p className="mb-3 text-sm text-slate-800">
        {p.mentor ? t('current', { name: p.mentor.name, from: p.mentor.fromDate }) : t('noneYet')}
      </p>
      {children}
      {p.mentoringEntries.length ? (
        <ol className="mt-4 flex flex-col gap-3">
          {p.mentoringEntries.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-medium text-slate-900">
                {e.occurredOn} · {tKind(e.kind)}
                {milestone(e.milestoneId) ? ` · ${milestone(e.milestoneId)}` : ''}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-800">{e.body}</p>
              <p className="mt-1 text-xs text-slate-600">
                {e.mentorName} · {formatDateTime(e.createdAt, locale)}
                {e.visibleToPi ? '' : ` · ${t('hiddenFromPi')}`}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t('noEntries')}</p>
      )}
    </Card>
  );
}

type Tranche = ProjectDetail['tranches'][number];
type Report = ProjectDetail['expenditures'][number];

/** Per payer: planned, live, paid, cancelled and what a race cut moved — and whether it adds up. */
export async function MoneyView({
  p,
  locale,
  trancheActions,
  reportActions,
}: {
  p: ProjectDetail;
  locale: Locale;
  trancheActions?: (t: Tranche) => ReactNode;
  reportActions?: (r: Report) => ReactNode;
}) {
  const t = await getTranslations('projects.money');
  const tSrc = await getTranslations('enums.FundingSourceKind');
  const tTr = await getTranslations('enums.TrancheStatus');
  const tEx = await getTranslations('enums.ExpenditureStatus');
  const tMode = await getTranslations('enums.ExpenditureMode');
  const money = (fen: bigint) => formatGrant(fen, locale);
  return (
    <div className="flex flex-col gap-6">
      <Card title={t('reconciliationTitle')}>
        {p.reconciliation.length === 0 ? (
          <EmptyState title={t('noPlan')} />
        ) : (
          <Table
            caption={t('reconciliationTitle')}
            head={[t('source'), t('planned'), t('live'), t('paid'), t('cancelled'), t('moved'), t('check')]}
          >
            {p.reconciliation.map((r) => (
              <tr key={`${r.source}:${r.sourceInstitutionId ?? ''}`}>
                <Td>{tSrc(r.source)}</Td>
                <Td className="whitespace-nowrap">{money(r.plannedFen)}</Td>
                <Td className="whitespace-nowrap">{money(r.liveFen)}</Td>
                <Td className="whitespace-nowrap">{money(r.paidFen)}</Td>
                <Td className="whitespace-nowrap">{money(r.cancelledFen)}</Td>
                <Td className="whitespace-nowrap">
                  {r.movedInFen || r.movedOutFen
                    ? t('movedInOut', { moveIn: money(r.movedInFen), moveOut: money(r.movedOutFen) })
                    : '—'}
                </Td>
                <Td>
                  {r.problems.length === 0 ? (
                    <Badge tone="green">{t('reconciled')}</Badge>
                  ) : (
                    <Badge tone="amber">{r.problems.map((x) => t(`problem.${x}`)).join('；')}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('tranchesTitle')}>
        {p.tranches.length === 0 ? (
          <EmptyState title={t('noTranches')} />
        ) : (
          <Table
            caption={t('tranchesTitle')}
            head={[t('tranche'), t('source'), t('plannedDate'), t('amount'), t('status'), t('paymentReference'), '']}
          >
            {p.tranches.map((tr) => (
              <tr key={tr.id}>
                <Td>{t('trancheN', { n: tr.ordinal })}</Td>
                <Td>
                  {tSrc(tr.source)}
                  {tr.sourceInstitution ? (
                    <div className="text-xs text-slate-600">{tr.sourceInstitution.name}</div>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">{tr.plannedDate.toISOString().slice(0, 10)}</Td>
                <Td className="whitespace-nowrap">{money(tr.amountFen)}</Td>
                <Td>
                  {tTr(tr.status)}
                  {tr.cancelledReason ? <div className="text-xs text-slate-600">{tr.cancelledReason}</div> : null}
                </Td>
                <Td>{tr.paymentReference ?? '—'}</Td>
                <Td>
                  <div className="flex flex-wrap gap-2">{trancheActions?.(tr)}</div>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      {reportActions || p.expenditures.length ? (
        <Card title={t('reportsTitle')}>
          {p.expenditures.length === 0 ? (
            <EmptyState title={t('noReports')} />
          ) : (
            <Table
              caption={t('reportsTitle')}
              head={[t('year'), t('mode'), t('totalSpent'), t('status'), t('submittedAt'), '']}
            >
              {p.expenditures.map((r) => (
                <tr key={r.id}>
                  <Td>
                    {r.year}
                    {r.isFinal ? <div className="text-xs text-slate-600">{t('finalReport')}</div> : null}
                  </Td>
                  <Td>{tMode(r.mode)}</Td>
                  <Td className="whitespace-nowrap">{money(r.totalSpentFen)}</Td>
                  <Td>
                    {tEx(r.status)}
                    {r.returnReason && r.status === 'RETURNED' ? (
                      <div className="text-xs text-slate-600">{t('returnedBecause', { reason: r.returnReason })}</div>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(r.submittedAt, locale)}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">{reportActions?.(r)}</div>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ) : null}
    </div>
  );
}
