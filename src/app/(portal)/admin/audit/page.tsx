import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { searchAudit } from '@/server/audit/search-audit';
import { VerifyChainButton } from './verify-chain-button';

const ACTION_GROUPS = [
  ['auth.', 'loginEvents'],
  ['user.', 'userEvents'],
  ['institution.', 'institutionEvents'],
  ['security_policy.', 'policyEvents'],
  ['announcement.', 'announcementEvents'],
  ['profile.', 'profileEvents'],
  ['program.', 'programEvents'],
  ['call.', 'callEvents'],
  ['challenge.', 'challengeEvents'],
] as const;

/** Dates in the filter are Beijing calendar days. */
const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((d) => new Date(`${d}T00:00:00+08:00`))
  .optional()
  .catch(undefined);

const ZAuditQuery = z.object({
  action: z
    .enum(ACTION_GROUPS.map(([prefix]) => prefix) as [string, ...string[]])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  from: zDay,
  to: zDay,
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission('read:audit:all');
  const raw = await searchParams;
  const query = ZAuditQuery.parse(raw);
  const result = await searchAudit(db(), actor, {
    action: query.action,
    q: query.q || null,
    from: query.from ?? null,
    to: query.to ? new Date(query.to.getTime() + 86_400_000) : null,
    before: query.before ? BigInt(query.before) : null,
  });
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const keep = new URLSearchParams(
    Object.entries({ action: raw.action, q: raw.q, from: raw.from, to: raw.to }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const olderHref = result.nextBefore ? `?${new URLSearchParams([...keep, ['before', result.nextBefore]])}` : null;
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} actions={<VerifyChainButton />} />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('audit.filterAction')}</span>
          <select name="action" defaultValue={raw.action ?? ''} className={`${inputClass} w-44`}>
            <option value="">{t('audit.allActions')}</option>
            {ACTION_GROUPS.map(([prefix, label]) => (
              <option key={prefix} value={prefix}>
                {t(`audit.${label}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('audit.filterQ')}</span>
          <input name="q" defaultValue={raw.q ?? ''} className={`${inputClass} w-56`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('audit.from')}</span>
          <input type="date" name="from" defaultValue={raw.from ?? ''} className={`${inputClass} w-40`} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('audit.to')}</span>
          <input type="date" name="to" defaultValue={raw.to ?? ''} className={`${inputClass} w-40`} />
        </label>
        <button
          type="submit"
          className="h-10 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-100"
        >
          {t('common.search')}
        </button>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <Table
          caption={t('audit.title')}
          head={[
            '#',
            t('audit.time'),
            t('audit.actor'),
            t('audit.action'),
            t('audit.entity'),
            t('audit.summary'),
            t('audit.ip'),
          ]}
        >
          {result.rows.map((e) => (
            <tr key={e.id}>
              <Td className="text-xs text-slate-600">{e.id}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(e.occurredAt, locale)}</Td>
              <Td>
                <div>{e.actorName ?? t('audit.system')}</div>
                {e.actorRole ? <div className="text-xs text-slate-600">{t(`roles.${e.actorRole}`)}</div> : null}
              </Td>
              <Td>
                {t.has(`auditActions.${e.action}`) ? <div>{t(`auditActions.${e.action}`)}</div> : null}
                <div className="font-mono text-xs text-slate-600">{e.action}</div>
              </Td>
              <Td className="text-xs">
                {e.entityType}
                {e.entityId ? <div className="font-mono text-slate-600">{e.entityId}</div> : null}
              </Td>
              <Td className="max-w-md text-xs break-all">
                <code>{JSON.stringify(e.summary)}</code>
              </Td>
              <Td className="text-xs">{e.ip ?? '—'}</Td>
            </tr>
          ))}
        </Table>
      )}
      <nav className="mt-3 flex gap-4 text-sm" aria-label={t('audit.title')}>
        {query.before ? (
          <Link href={`?${keep}`} className="text-brand-700 underline">
            {t('audit.newest')}
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className="text-brand-700 underline">
            {t('audit.older')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
