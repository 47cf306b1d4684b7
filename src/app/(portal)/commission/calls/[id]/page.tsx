import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { checkCallTransition, type CallTransition } from '@/domain/program/call';
import { ZProgramRules } from '@/domain/program/rules';
import { toBeijingInput } from '@/domain/time';
import { RulesSummary } from '@/components/rules-summary';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { fenToWan } from '@/domain/money';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getCallForStaff } from '@/server/calls/calls';
import { CallForm } from '../call-form';
import { CallTransitionButton, ExtendDeadlineForm, ImportQuotasForm, QuotasEditor } from '../call-controls';

const NEXT: Partial<Record<string, CallTransition>> = {
  DRAFT: 'publish',
  OPEN: 'close',
  CLOSED: 'start_review',
  REVIEWING: 'decide',
  DECIDED: 'archive',
};

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('manage:call:all');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const call = await getCallForStaff(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const rules = ZProgramRules.parse(call.program.currentRules?.rules);
  const institutions = await db().institution.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, kind: true, affiliation: true },
  });
  const quotaOf = new Map(call.quotas.map((q) => [q.institutionId, q.maxRecommended]));
  const rows = institutions
    .map((i) => ({
      institutionId: i.id,
      name: i.name,
      eligible: rules.institutionKinds.includes(i.kind) && rules.affiliations.includes(i.affiliation),
      maxRecommended: quotaOf.get(i.id) ?? 0,
    }))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible));
  const next = NEXT[call.status];
  const blocked = next ? checkCallTransition(call, next, new Date()) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={call.title}
        description={localized(locale, call.program.name, call.program.nameEn)}
        actions={<Badge tone={call.status === 'OPEN' ? 'green' : 'slate'}>{t(`calls.statuses.${call.status}`)}</Badge>}
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          {call.status === 'DRAFT' ? (
            <CallForm
              initial={{
                id: call.id,
                version: call.version,
                year: call.year,
                title: call.title,
                titleEn: call.titleEn,
                guide: call.guide,
                guideEn: call.guideEn,
                opensAt: toBeijingInput(call.opensAt),
                closesAt: toBeijingInput(call.closesAt),
                institutionReviewClosesAt: call.institutionReviewClosesAt
                  ? toBeijingInput(call.institutionReviewClosesAt)
                  : '',
                plannedAwards: call.plannedAwards,
                fiscalEnvelopeWan: call.fiscalEnvelopeFen ? fenToWan(call.fiscalEnvelopeFen) : '',
              }}
            />
          ) : (
            <Card title={t('calls.published')}>
              <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-slate-600">{t('calls.opensAt')}</dt>
                <dd>{formatDateTime(call.opensAt, locale)}</dd>
                <dt className="text-slate-600">{t('calls.closesAt')}</dt>
                <dd>{formatDateTime(call.closesAt, locale)}</dd>
                <dt className="text-slate-600">{t('calls.rules')}</dt>
                <dd>{call.ruleVersion ? t('calls.pinned', { number: call.ruleVersion.number }) : '—'}</dd>
              </dl>
              <Link href={`/calls/${call.id}`} className="mt-3 inline-block text-sm text-brand-700 underline">
                {t('calls.viewPublic')}
              </Link>
            </Card>
          )}
          {call.status === 'DRAFT' || call.status === 'OPEN' ? (
            <Card title={t('calls.quotas')}>
              <QuotasEditor callId={call.id} version={call.version} rows={rows} />
            </Card>
          ) : null}
          {call.status === 'DRAFT' || call.status === 'OPEN' ? (
            <Card title={t('imports.quotasTitle')}>
              <ImportQuotasForm callId={call.id} version={call.version} />
            </Card>
          ) : null}
          {call.challenges.length ? (
            <Card title={t('calls.challenges')}>
              <ul className="list-disc pl-5 text-sm">
                {call.challenges.map((c) => (
                  <li key={c.id}>
                    <Link href={`/commission/challenges/${c.id}`} className="text-brand-700 underline">
                      {c.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
        <div className="flex flex-col gap-6">
          {next ? (
            <Card title={t('calls.nextStep')}>
              <CallTransitionButton
                id={call.id}
                version={call.version}
                transition={next}
                disabledReason={blocked && blocked.code !== 'wrongState' ? t(`errors.${blocked.code}`) : undefined}
              />
            </Card>
          ) : null}
          {call.status === 'OPEN' ? (
            <Card title={t('calls.extend')}>
              <ExtendDeadlineForm id={call.id} version={call.version} closesAt={toBeijingInput(call.closesAt)} />
            </Card>
          ) : null}
          <Card
            title={t('calls.rulesFor', { number: call.ruleVersion?.number ?? call.program.currentRules?.number ?? 0 })}
          >
            <RulesSummary
              rules={call.ruleVersion ? ZProgramRules.parse(call.ruleVersion.rules) : rules}
              locale={locale}
            />
            <Link
              href={`/commission/programs/${call.program.id}`}
              className="mt-3 inline-block text-sm text-brand-700 underline"
            >
              {t('calls.editRules')}
            </Link>
          </Card>
        </div>
      </div>
    </div>
  );
}
