import { getTranslations } from 'next-intl/server';
import { Alert, Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { formatCalendarDate } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getTalentRecord } from '@/server/researchers/talent-record';
import { AddCareerDialog } from './career-dialog';
import { AddHonourDialog } from './honour-dialog';
import { IdNumberSection } from './id-number-section';
import { RemoveButton } from './remove-button';
import { WorkDialog, type WorkView } from './work-dialog';

export default async function TalentRecordPage() {
  const actor = await requirePermission('update:profile:own');
  const [record, t] = await Promise.all([getTalentRecord(db(), actor), getTranslations()]);
  const works: WorkView[] = record.works.map((w) => ({
    id: w.id,
    version: w.version,
    type: w.type,
    title: w.title,
    authors: w.authors,
    venue: w.venue,
    year: w.year,
    identifier: w.identifier,
    citation: w.citation,
    contributionStatement: w.contributionStatement,
    evidenceFile: w.evidenceFile,
    applicationCount: w._count.applications,
  }));
  const period = (startsOn: Date, endsOn: Date | null) =>
    t('talent.period', {
      start: formatCalendarDate(startsOn),
      end: endsOn ? formatCalendarDate(endsOn) : t('talent.present'),
    });

  return (
    <>
      <PageHeader title={t('talent.title')} description={t('talent.description')} />
      <div className="flex flex-col gap-6">
        <Card title={t('talent.idNumberSection')}>
          <IdNumberSection masked={record.idNumberMasked} />
        </Card>

        <Card title={t('talent.careerSection')} actions={<AddCareerDialog />}>
          {record.careers.length === 0 ? (
            <EmptyState title={t('talent.careerEmpty')}>{t('talent.careerEmptyHint')}</EmptyState>
          ) : (
            <Table
              caption={t('talent.careerSection')}
              head={[
                t('talent.careerKind'),
                t('talent.organization'),
                t('talent.roleColumn'),
                t('talent.periodColumn'),
                t('common.actions'),
              ]}
            >
              {record.careers.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <Badge tone={c.kind === 'EDUCATION' ? 'blue' : 'slate'}>{t(`talent.kinds.${c.kind}`)}</Badge>
                  </Td>
                  <Td>{c.organization}</Td>
                  <Td>{c.role}</Td>
                  <Td className="whitespace-nowrap">{period(c.startsOn, c.endsOn)}</Td>
                  <Td>
                    <RemoveButton
                      kind="career"
                      id={c.id}
                      subject={`${c.organization} ${c.role}`}
                      confirmText={t('talent.confirmRemoveCareer', { organization: c.organization })}
                    />
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title={t('talent.honourSection')} actions={<AddHonourDialog />}>
          {record.honours.length === 0 ? (
            <EmptyState title={t('talent.honourEmpty')}>{t('talent.honourEmptyHint')}</EmptyState>
          ) : (
            <Table
              caption={t('talent.honourSection')}
              head={[t('talent.honourName'), t('talent.grantedBy'), t('talent.year'), t('common.actions')]}
            >
              {record.honours.map((h) => (
                <tr key={h.id}>
                  <Td>{h.name}</Td>
                  <Td>{h.grantedBy || '—'}</Td>
                  <Td className="whitespace-nowrap">{String(h.year)}</Td>
                  <Td>
                    <RemoveButton
                      kind="honour"
                      id={h.id}
                      subject={h.name}
                      confirmText={t('talent.confirmRemoveHonour', { name: h.name })}
                    />
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title={t('talent.workSection')} actions={<WorkDialog />}>
          <div className="mb-4">
            <Alert tone="info">{t('talent.whyWorks')}</Alert>
          </div>
          {works.length === 0 ? (
            <EmptyState title={t('talent.workEmpty')}>{t('talent.workEmptyHint')}</EmptyState>
          ) : (
            <ol className="flex flex-col gap-4">
              {works.map((w) => (
                <li key={w.id}>
                  <article aria-labelledby={`work-${w.id}`} className="rounded-md border border-slate-200 p-4">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone="blue">{t(`talent.workTypes.${w.type}`)}</Badge>
                          <span className="text-sm text-slate-700">
                            {t('talent.yearValue', { year: String(w.year) })}
                          </span>
                          {w.applicationCount > 0 ? (
                            <Badge tone="amber">{t('talent.citedBy', { count: w.applicationCount })}</Badge>
                          ) : null}
                        </div>
                        <h3 id={`work-${w.id}`} className="mt-1 font-semibold text-slate-900">
                          {w.title}
                        </h3>
                        <p className="text-sm text-slate-700">{w.authors}</p>
                      </div>
                      <div className="flex items-start gap-2">
                        <WorkDialog key={`${w.id}-${w.version}`} work={w} />
                        <RemoveButton
                          kind="work"
                          id={w.id}
                          subject={w.title}
                          confirmText={t('talent.confirmDeleteWork', { title: w.title })}
                        />
                      </div>
                    </div>
                    <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                      <dt className="text-slate-600">{t('talent.venue')}</dt>
                      <dd className="text-slate-900">{w.venue || '—'}</dd>
                      <dt className="text-slate-600">{t('talent.identifier')}</dt>
                      <dd className={w.identifier ? 'font-mono break-all text-slate-900' : 'text-slate-900'}>
                        {w.identifier || '—'}
                      </dd>
                      {w.citation ? (
                        <>
                          <dt className="text-slate-600">{t('talent.citation')}</dt>
                          <dd className="text-slate-900">{w.citation}</dd>
                        </>
                      ) : null}
                      <dt className="text-slate-600">{t('talent.evidence')}</dt>
                      <dd>
                        {w.evidenceFile ? (
                          <a href={`/api/files/${w.evidenceFile.id}`} className="break-all text-brand-800 underline">
                            {w.evidenceFile.filename}
                          </a>
                        ) : (
                          <span className="text-slate-600">{t('talent.noEvidence')}</span>
                        )}
                      </dd>
                    </dl>
                    <div className="mt-3 rounded-md bg-slate-50 p-3">
                      <p className="text-xs font-medium text-slate-600">{t('talent.contributionStatement')}</p>
                      <p className="mt-1 text-sm whitespace-pre-line text-slate-900">{w.contributionStatement}</p>
                    </div>
                  </article>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
