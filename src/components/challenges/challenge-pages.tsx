import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CHALLENGE_STATUSES, type ChallengeStatus } from '@/domain/challenge/challenge';
import { fenToWan } from '@/domain/money';
import { Alert, Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  getChallengeForEdit,
  listChallengeApplicants,
  listChallengeCalls,
  listChallengeFields,
  listChallengesForActor,
} from '@/server/challenges/challenges';
import { ChallengeActions } from './challenge-actions';
import { ChallengeForm } from './challenge-form';
import { VersionProvider } from './version-context';

// The challenge pages of both sides — an enterprise under /enterprise/challenges, commission staff under
// /commission/challenges — are the same pages; the server modules scope what each actor sees.

const TONE: Record<ChallengeStatus, 'slate' | 'blue' | 'green' | 'amber' | 'red'> = {
  DRAFT: 'slate',
  PROPOSED: 'blue',
  UNDER_REVIEW: 'amber',
  PUBLISHED: 'green',
  CLOSED: 'slate',
  AWARDED: 'green',
  UNAWARDED: 'slate',
  WITHDRAWN: 'red',
};

export async function ChallengeListPage({
  actor,
  basePath,
  status,
}: {
  actor: Actor;
  basePath: string;
  status?: string;
}) {
  const filter = CHALLENGE_STATUSES.find((s) => s === status);
  const [rows, t, locale] = await Promise.all([
    listChallengesForActor(db(), actor, { status: filter }),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const staff = actor.role === 'COMMISSION_STAFF';
  return (
    <>
      <PageHeader
        title={staff ? t('challenges.staffTitle') : t('challenges.issuerTitle')}
        description={staff ? t('challenges.staffLead') : t('challenges.issuerLead')}
        actions={
          <Link
            href={`${basePath}/new`}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('challenges.new')}
          </Link>
        }
      />
      <nav aria-label={t('challenges.statusFilter')} className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link
          href={basePath}
          aria-current={!filter ? 'page' : undefined}
          className="rounded border border-slate-300 px-3 py-1 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          {t('challenges.allStatuses')}
        </Link>
        {CHALLENGE_STATUSES.map((s) => (
          <Link
            key={s}
            href={`${basePath}?status=${s}`}
            aria-current={filter === s ? 'page' : undefined}
            className="rounded border border-slate-300 px-3 py-1 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t(`challenges.statuses.${s}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={t('challenges.empty')} />
      ) : (
        <Table
          caption={t('challenges.staffTitle')}
          head={[
            t('challenges.title'),
            t('challenges.field'),
            ...(staff ? [t('board.issuer')] : []),
            t('board.funding'),
            t('challenges.status'),
            t('challenges.updatedAt'),
          ]}
        >
          {rows.map((c) => (
            <tr key={c.id}>
              <Td>
                <Link href={`${basePath}/${c.id}`} className="text-brand-800 underline">
                  {c.title}
                </Link>
              </Td>
              <Td>{localized(locale, c.field.name, c.field.nameEn)}</Td>
              {staff ? <Td>{c.issuer?.name ?? t('board.commission')}</Td> : null}
              <Td className="whitespace-nowrap">{formatGrant(c.totalFundingFen, locale)}</Td>
              <Td>
                <Badge tone={TONE[c.status]}>{t(`challenges.statuses.${c.status}`)}</Badge>
              </Td>
              <Td className="text-xs whitespace-nowrap">{formatDateTime(c.updatedAt, locale)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

export async function NewChallengePage({ actor, basePath }: { actor: Actor; basePath: string }) {
  const [fields, t, locale] = await Promise.all([
    listChallengeFields(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('challenges.new')} description={t('challenges.newLead')} />
      <ChallengeForm
        fields={fields.map((f) => ({ id: f.id, name: localized(locale, f.name, f.nameEn) }))}
        showPledge={actor.role === 'ENTERPRISE'}
        afterCreate={basePath}
        initial={{
          fieldId: '',
          title: '',
          titleEn: '',
          problem: '',
          problemEn: '',
          deliverables: [{ name: '', nameEn: '' }],
          targets: [
            {
              name: '',
              nameEn: '',
              unit: '',
              comparator: 'GTE',
              targetValue: '',
              targetMin: '',
              targetMax: '',
              acceptanceMethod: '',
              acceptanceMethodEn: '',
            },
          ],
          durationMonths: 36,
          fiscalWan: '',
          selectionMode: 'SINGLE',
          teamCount: 1,
          cutAfterMonths: null,
          keepAfterCut: null,
          chiefScientistRequirements: '',
          chiefScientistRequirementsEn: '',
          pledgeWan: '',
        }}
      />
    </>
  );
}

export async function EditChallengePage({ actor, id }: { actor: Actor; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const found = await getChallengeForEdit(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const { challenge, side, editable, issuerName } = found;
  const [fields, calls, applicants, t, locale] = await Promise.all([
    listChallengeFields(db()),
    side === 'STAFF' ? listChallengeCalls(db(), actor) : Promise.resolve([]),
    // Teams apply once the challenge is published into a call.
    challenge.callId ? listChallengeApplicants(db(), actor, challenge.id) : Promise.resolve(null),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const pledge = challenge.pledges.find(
    (p) =>
      p.source === 'ENTERPRISE' && p.sourceInstitutionId === challenge.issuerInstitutionId && p.status !== 'WITHDRAWN',
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={challenge.title}
        description={`${issuerName ?? t('board.commission')} · ${formatGrant(challenge.totalFundingFen, locale)}`}
        actions={<Badge tone={TONE[challenge.status]}>{t(`challenges.statuses.${challenge.status}`)}</Badge>}
      />
      {found.topic ? (
        <p className="text-sm">
          <Link href={`/commission/committee/topics/${found.topic.id}`} className="text-brand-800 underline">
            {t('committee.fromTopic', { title: found.topic.title })}
          </Link>
        </p>
      ) : null}
      {challenge.returnReason && challenge.status === 'DRAFT' ? (
        <Alert tone="warning">
          {t('common.labelled', { label: t('challenges.returnedWith'), value: challenge.returnReason })}
        </Alert>
      ) : null}
      {challenge.status === 'PUBLISHED' ? (
        <Alert tone="success">
          {t('challenges.isPublished')}{' '}
          <Link href={`/challenges/${challenge.id}`} className="underline">
            {t('challenges.viewPublic')}
          </Link>
        </Alert>
      ) : null}
      {applicants ? (
        <Card title={t('challenges.applicantsTitle')}>
          {!applicants.visible ? (
            <p className="text-sm text-slate-700">
              {t('challenges.applicantsAfterDeadline', {
                closesAt: applicants.closesAt ? formatDateTime(applicants.closesAt, locale) : '—',
              })}
            </p>
          ) : applicants.applications.length === 0 ? (
            <EmptyState title={t('challenges.applicantsNone')} />
          ) : (
            <div className="flex flex-col gap-2">
              <p className="text-sm text-slate-700">
                {t('challenges.applicantsCount', { count: applicants.applications.length })}
              </p>
              <Table
                caption={t('challenges.applicantsTitle')}
                head={[
                  t('challenges.colCode'),
                  t('challenges.colTitle'),
                  t('challenges.colPi'),
                  t('challenges.colInstitution'),
                  t('challenges.colTeam'),
                  t('challenges.colStage'),
                  t('challenges.colSubmitted'),
                ]}
              >
                {applicants.applications.map((a) => (
                  <tr key={a.id}>
                    <Td>{a.code}</Td>
                    <Td>{a.title}</Td>
                    <Td>{a.applicant.name}</Td>
                    <Td>{localized(locale, a.institution.name, a.institution.nameEn)}</Td>
                    <Td>{a._count.members + 1}</Td>
                    <Td>{t(`enums.applicationStatus.${a.status}`)}</Td>
                    <Td>{a.submittedAt ? formatDateTime(a.submittedAt, locale) : '—'}</Td>
                  </tr>
                ))}
              </Table>
            </div>
          )}
        </Card>
      ) : null}
      <VersionProvider serverVersion={challenge.version}>
        <ChallengeActions
          id={challenge.id}
          version={challenge.version}
          status={challenge.status}
          side={side}
          calls={calls.map((c) => ({
            id: c.id,
            title: `${c.title}（${t('calls.closesAt')} ${formatDateTime(c.closesAt, locale)}）`,
          }))}
        />
        {editable ? (
          <ChallengeForm
            fields={fields.map((f) => ({ id: f.id, name: localized(locale, f.name, f.nameEn) }))}
            showPledge={challenge.issuerInstitutionId !== null}
            afterCreate=""
            initial={{
              id: challenge.id,
              version: challenge.version,
              fieldId: challenge.fieldId,
              title: challenge.title,
              titleEn: challenge.titleEn,
              problem: challenge.problem,
              problemEn: challenge.problemEn,
              deliverables: (challenge.deliverables as { name: string; nameEn?: string }[]).map((d) => ({
                name: d.name,
                nameEn: d.nameEn ?? '',
              })),
              targets: challenge.targets.map((x) => ({
                name: x.name,
                nameEn: x.nameEn,
                unit: x.unit,
                comparator: x.comparator,
                targetValue: x.targetValue,
                targetMin: x.targetMin ?? '',
                targetMax: x.targetMax ?? '',
                acceptanceMethod: x.acceptanceMethod,
                acceptanceMethodEn: x.acceptanceMethodEn,
              })),
              durationMonths: challenge.durationMonths,
              fiscalWan: fenToWan(challenge.fiscalFen),
              selectionMode: challenge.selectionMode,
              teamCount: challenge.teamCount,
              cutAfterMonths: challenge.cutAfterMonths,
              keepAfterCut: challenge.keepAfterCut,
              chiefScientistRequirements: challenge.chiefScientistRequirements,
              chiefScientistRequirementsEn: challenge.chiefScientistRequirementsEn,
              pledgeWan: pledge ? fenToWan(pledge.amountFen) : '',
            }}
          />
        ) : (
          <Alert tone="info">
            {t('challenges.readOnly')}{' '}
            {challenge.status === 'PUBLISHED' ? null : <span>{t(`challenges.statuses.${challenge.status}`)}</span>}
          </Alert>
        )}
      </VersionProvider>
    </div>
  );
}
