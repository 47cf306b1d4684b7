import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { Facts, Prose } from '@/components/applications/prose';
import { PlatformApplicationSections } from '@/components/platforms/platform-application-sections';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { budgetRulesOf, computeBudget, type BudgetRules } from '@/domain/application/budget';
import { MAX_FEN } from '@/domain/money';
import { ZProgramRules } from '@/domain/program/rules';
import { asLocale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import { db } from '@/server/db';
import type { ApplicationSnapshot } from '@/server/applications/applicant';
import type { getApplicationForReader } from '@/server/applications/review-side';
import { currentDisciplines, currentExpenditureCategories } from '@/server/reference/taxonomy';

export type ReaderApplication = Awaited<ReturnType<typeof getApplicationForReader>>;

const SECTIONS = ['researchContent', 'innovation', 'plan', 'outcomes'] as const;
const SOURCES = ['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const;

/**
 * One submitted application as its frozen snapshot shows it, for every reader (office, commission staff, the
 * applicant): what was submitted, never the live draft. Reader-specific parts (decisions, ID numbers) stay with
 * the pages. `snapshot` is usually `app.snapshot` (the latest version); a page may pass an older version's.
 */
export async function ApplicationView({
  app,
  snapshot,
  blindPdf = false,
}: {
  app: ReaderApplication;
  snapshot: ApplicationSnapshot | null;
  /** Also offer the blind copy experts read (commission staff). */
  blindPdf?: boolean;
}) {
  const [t, tAll, locale, disciplines, categories] = await Promise.all([
    getTranslations('applicationView'),
    getTranslations(),
    getLocale().then(asLocale),
    currentDisciplines(db()),
    currentExpenditureCategories(db()),
  ]);
  if (!snapshot) return <EmptyState title={t('notGiven')} />;
  const s = snapshot;
  const rules = ZProgramRules.safeParse(app.call.ruleVersion?.rules);
  const money = (fen: bigint) => formatGrant(fen, locale);
  const yesNo = (v: boolean) => (v ? tAll('common.yes') : tAll('common.no'));

  // The sums only: the budget passed its checks when it was submitted, against the rules of that moment.
  const budgetRules: BudgetRules = rules.success
    ? budgetRulesOf(rules.data)
    : { modes: [s.budget.mode], minFen: 0n, maxFen: MAX_FEN, indirectMaxShareBp: 10_000 };
  const budget = computeBudget(
    s.budget.mode,
    s.budget.lines.map((l) => ({ categoryCode: l.categoryCode, amountFen: BigInt(l.amountFen) })),
    s.budget.lumpSumFen === null ? null : BigInt(s.budget.lumpSumFen),
    s.budget.funding.map((f) => ({ source: f.source, amountFen: BigInt(f.amountFen) })),
    budgetRules,
    {
      indirectCodes: categories.filter((c) => c.isIndirect).map((c) => c.code),
      knownCodes: categories.map((c) => c.code),
      pledgedEnterpriseFen: null,
    },
  );
  const categoryName = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? localized(locale, c.name, c.nameEn) : code;
  };
  const discipline = s.disciplineCode ? disciplines.find((d) => d.code === s.disciplineCode) : undefined;
  const slotLabel = (key: string) => {
    const slot = rules.success ? rules.data.requiredAttachments.find((a) => a.key === key) : undefined;
    return slot ? localized(locale, slot.label, slot.labelEn) : key;
  };
  const content = (s.content ?? {}) as Record<string, string | undefined>;
  const latestNo = app.versions[0]?.number;

  const facts: [string, ReactNode][] = [
    [t('code'), app.code ?? '—'],
    [t('status'), <ApplicationStatusBadge key="status" status={app.status} />],
    [t('program'), localized(locale, s.call.program.name, s.call.program.nameEn)],
    [t('call'), localized(locale, s.call.title, s.call.titleEn)],
    ...(s.challenge ? [[t('challenge'), s.challenge.title] as [string, ReactNode]] : []),
    [t('applicant'), s.applicant.name],
    [t('institution'), s.applicant.institution],
    [t('department'), s.applicant.department ?? '—'],
    [t('professionalTitle'), s.applicant.title ? tAll(`enums.title.${s.applicant.title}`) : '—'],
    [t('degree'), s.applicant.degree ? tAll(`enums.degree.${s.applicant.degree}`) : '—'],
    [t('orcid'), s.applicant.orcid ?? '—'],
    [t('ageOnDeadline'), s.applicant.ageOnDeadline === null ? '—' : t('ageValue', { age: s.applicant.ageOnDeadline })],
    [t('youthTrack'), s.applicant.youthTrack ? <Badge tone="green">{yesNo(true)}</Badge> : yesNo(false)],
    [t('duration'), s.durationMonths ? t('months', { months: s.durationMonths }) : '—'],
    [t('rulesVersion'), t('rulesVersionValue', { number: s.rulesVersion })],
  ];

  return (
    <div className="flex flex-col gap-6">
      <PdfLinks applicationId={app.id} blind={blindPdf} />
      <Card title={t('factsTitle')}>
        <Facts rows={facts} />
      </Card>

      <Card title={t('projectTitle')}>
        <div className="flex flex-col gap-4">
          <div>
            <p className="text-lg font-semibold text-slate-900">{s.title || t('notGiven')}</p>
            {s.titleEn ? (
              <p className="text-sm text-slate-700" lang="en">
                <span className="sr-only">{tAll('common.labelled', { label: t('titleEn'), value: '' })}</span>
                {s.titleEn}
              </p>
            ) : null}
          </div>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-slate-600">{t('discipline')}</dt>
            <dd>
              {s.disciplineCode
                ? `${s.disciplineCode}${discipline ? ` ${localized(locale, discipline.name, discipline.nameEn)}` : ''}`
                : '—'}
            </dd>
            <dt className="text-slate-600">{t('keywords')}</dt>
            <dd>
              {s.keywords.length ? (
                <ul className="flex flex-wrap gap-1">
                  {s.keywords.map((k) => (
                    <li key={k}>
                      <Badge>{k}</Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </dd>
          </dl>
          <section>
            <h3 className="mb-1 text-sm font-semibold text-slate-800">{t('abstract')}</h3>
            <Prose text={s.abstract} empty={t('notGiven')} />
          </section>
          {s.abstractEn ? (
            <section lang="en">
              <h3 className="mb-1 text-sm font-semibold text-slate-800">{t('abstractEn')}</h3>
              <Prose text={s.abstractEn} empty={t('notGiven')} />
            </section>
          ) : null}
        </div>
      </Card>

      {s.platform ? (
        // A platform application (issue 7): its own sections instead of a project's research content.
        <PlatformApplicationSections platform={s.platform} />
      ) : (
        <Card title={t('contentTitle')}>
          <div className="flex flex-col gap-5">
            {SECTIONS.map((key) => (
              <section key={key}>
                <h3 className="mb-1 text-sm font-semibold text-slate-800">{t(`sections.${key}`)}</h3>
                <Prose text={content[key]} empty={t('notGiven')} />
              </section>
            ))}
          </div>
        </Card>
      )}

      <Card title={t('budgetTitle')}>
        <div className="flex flex-col gap-4">
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_auto]">
            <dt className="text-slate-600">{t('budgetMode')}</dt>
            <dd>{tAll(`rules.budgetModeNames.${s.budget.mode}`)}</dd>
          </dl>
          {s.budget.mode === 'LINE_ITEM' ? (
            <>
              <Table caption={t('budgetTitle')} head={[t('category'), t('amount'), t('justification')]}>
                {s.budget.lines.map((l, i) => (
                  <tr key={i}>
                    <Td>{categoryName(l.categoryCode)}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{money(BigInt(l.amountFen))}</Td>
                    <Td className="whitespace-pre-wrap">{l.justification || '—'}</Td>
                  </tr>
                ))}
              </Table>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_auto]">
                <dt className="text-slate-600">{t('directTotal')}</dt>
                <dd className="tabular-nums">{money(budget.directFen)}</dd>
                <dt className="text-slate-600">{t('indirectTotal')}</dt>
                <dd className="tabular-nums">
                  {money(budget.indirectFen)}
                  <span className="ml-2 text-xs text-slate-600">
                    {t('indirectShare', { share: (budget.indirectShareBp / 100).toFixed(2) })}
                  </span>
                </dd>
                <dt className="font-medium text-slate-800">{t('budgetTotal')}</dt>
                <dd className="font-medium tabular-nums">{money(budget.totalFen)}</dd>
              </dl>
            </>
          ) : (
            <>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[9rem_auto]">
                <dt className="font-medium text-slate-800">{t('lumpSum')}</dt>
                <dd className="font-medium tabular-nums">{money(budget.totalFen)}</dd>
              </dl>
              {s.platform ? null : (
                <section>
                  <h3 className="mb-1 text-sm font-semibold text-slate-800">{t('lumpSumPlan')}</h3>
                  <Prose text={s.budget.lumpSumPlan} empty={t('notGiven')} />
                </section>
              )}
            </>
          )}
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('fundingTitle')}</h3>
            <Table caption={t('fundingTitle')} head={[t('source'), t('amount')]}>
              {SOURCES.filter((src) => s.budget.funding.some((f) => f.source === src)).map((src) => (
                <tr key={src}>
                  <Td>{t(`fundingSources.${src}`)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{money(budget.bySource[src])}</Td>
                </tr>
              ))}
              <tr>
                <Td className="font-medium">{t('fundingTotal')}</Td>
                <Td className="text-right font-medium whitespace-nowrap tabular-nums">
                  {money(budget.fundingTotalFen)}
                </Td>
              </tr>
            </Table>
          </section>
        </div>
      </Card>

      <Card title={t('membersTitle')}>
        {s.members.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noMembers')}</p>
        ) : (
          <div className="flex flex-col gap-2">
            <Table
              caption={t('membersTitle')}
              head={[
                t('memberName'),
                t('memberInstitution'),
                t('professionalTitle'),
                t('responsibility'),
                t('monthsPerYear'),
                t('confirmation'),
              ]}
            >
              {s.members.map((m, i) => (
                <tr key={i}>
                  <Td>{m.name}</Td>
                  <Td>{m.institution ?? '—'}</Td>
                  <Td>{m.title ? tAll(`enums.title.${m.title}`) : '—'}</Td>
                  <Td>{m.responsibility}</Td>
                  <Td className="tabular-nums">{m.monthsPerYear}</Td>
                  <Td>
                    {/* Submission is refused while any member has not confirmed: every member of a version has. */}
                    <Badge tone="green">{t('confirmed')}</Badge>
                  </Td>
                </tr>
              ))}
            </Table>
            <p className="text-xs text-slate-600">{t('confirmedNote')}</p>
          </div>
        )}
      </Card>

      <Card title={t('worksTitle')}>
        {s.works.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noWorks')}</p>
        ) : (
          <ol className="flex flex-col gap-4">
            {s.works.map((w, i) => (
              <li key={i} className="rounded-md border border-slate-200 p-3 text-sm">
                <div className="flex flex-wrap items-baseline gap-2">
                  <Badge tone="blue">{t(`workTypes.${w.type}`)}</Badge>
                  <span className="font-medium text-slate-900">{w.title}</span>
                  {w.year ? <span className="text-slate-600 tabular-nums">{w.year}</span> : null}
                </div>
                <p className="mt-1 text-slate-700">{[w.authors, w.venue, w.identifier].filter(Boolean).join(' · ')}</p>
                {w.citation ? <p className="mt-1 text-xs text-slate-600">{w.citation}</p> : null}
                <div className="mt-2 rounded bg-slate-50 p-2">
                  <p className="text-xs font-medium text-slate-700">{t('contribution')}</p>
                  <Prose text={w.contributionStatement} empty={t('notGiven')} />
                </div>
                {w.evidenceFileId ? (
                  <a
                    href={`/api/files/${w.evidenceFileId}`}
                    className="mt-2 inline-block text-brand-700 underline"
                    aria-label={t('downloadEvidence', { title: w.title })}
                  >
                    {t('evidence')}
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title={t('attachmentsTitle')}>
        {s.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noAttachments')}</p>
        ) : (
          <Table caption={t('attachmentsTitle')} head={[t('attachmentSlot'), t('file'), t('sha256')]}>
            {s.attachments.map((a) => (
              <tr key={a.slotKey}>
                <Td>{slotLabel(a.slotKey)}</Td>
                <Td>
                  <a href={`/api/files/${a.fileId}`} className="break-all text-brand-700 underline">
                    {a.filename}
                  </a>
                </Td>
                <Td className="font-mono text-xs">{a.sha256.slice(0, 12)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('versionsTitle')}>
        {app.versions.length === 0 ? (
          <Alert tone="info">{t('notGiven')}</Alert>
        ) : (
          <Table caption={t('versionsTitle')} head={[t('version'), t('submittedAt'), t('sha256')]}>
            {app.versions.map((v) => (
              <tr key={v.number}>
                <Td className="whitespace-nowrap">
                  {t('versionLabel', { number: v.number })}
                  {v.number === latestNo ? (
                    <span className="ml-2">
                      <Badge tone="blue">{t('latest')}</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{formatDateTime(v.submittedAt, locale)}</Td>
                <Td className="font-mono text-xs">
                  <span title={v.snapshotSha256}>{v.snapshotSha256.slice(0, 12)}</span>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}

/** The printable application (申报书 PDF, watermarked with the viewer and the time); staff also get the blind copy. */
async function PdfLinks({ applicationId, blind }: { applicationId: string; blind: boolean }) {
  const t = await getTranslations('documents');
  return (
    <p className="flex flex-wrap gap-4 text-sm">
      <a className="text-brand-800 underline" href={`/api/applications/${applicationId}/pdf`} download>
        {t('downloadPdf')}
      </a>
      {blind ? (
        <a className="text-brand-800 underline" href={`/api/applications/${applicationId}/pdf?blind=1`} download>
          {t('downloadBlindPdf')}
        </a>
      ) : null}
    </p>
  );
}
