import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { publicCallPhase } from '@/domain/program/call';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listCalls } from '@/server/calls/calls';

export default async function CallsPage() {
  const actor = await requirePermission('manage:call:all');
  const [calls, t, locale] = await Promise.all([listCalls(db(), actor), getTranslations(), getLocale().then(asLocale)]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title={t('calls.title')}
        description={t('calls.description')}
        actions={
          <Link
            href="/commission/calls/new"
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('calls.new')}
          </Link>
        }
      />
      {calls.length === 0 ? (
        <EmptyState title={t('calls.empty')} />
      ) : (
        <Table
          caption={t('calls.title')}
          head={[t('calls.callTitle'), t('calls.program'), t('calls.window'), t('calls.status'), t('calls.rules')]}
        >
          {calls.map((c) => {
            const phase = publicCallPhase(c, now);
            return (
              <tr key={c.id}>
                <Td>
                  <Link href={`/commission/calls/${c.id}`} className="text-brand-800 underline">
                    {c.title}
                  </Link>
                </Td>
                <Td>{localized(locale, c.program.name, c.program.nameEn)}</Td>
                <Td className="text-xs whitespace-nowrap">
                  {formatDateTime(c.opensAt, locale)}
                  <br />
                  {formatDateTime(c.closesAt, locale)}
                </Td>
                <Td>
                  <Badge tone={c.status === 'DRAFT' ? 'slate' : phase === 'OPEN' ? 'green' : 'blue'}>
                    {t(`calls.statuses.${c.status}`)}
                  </Badge>
                  {c.status === 'OPEN' && phase !== 'OPEN' ? (
                    <div className="text-xs text-slate-600">{t(`board.phase.${phase}`)}</div>
                  ) : null}
                </Td>
                <Td className="text-xs">{c.ruleVersion ? `v${c.ruleVersion.number}` : t('calls.notPinned')}</Td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
