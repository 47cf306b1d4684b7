import Link from 'next/link';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { listPublicCalls } from '@/server/calls/public-calls';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicCalls'))('title') };
}

export default async function PublicCallsPage() {
  const [calls, t, locale] = await Promise.all([listPublicCalls(db()), getTranslations(), getLocale().then(asLocale)]);
  const order = { OPEN: 0, UPCOMING: 1, CLOSED: 2, REVIEWING: 3, DECIDED: 4, ARCHIVED: 5 } as const;
  const sorted = [...calls].sort(
    (a, b) => order[a.phase] - order[b.phase] || a.closesAt.getTime() - b.closesAt.getTime(),
  );
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('publicCalls.title')}</h1>
        <p className="mt-1 text-slate-700">{t('publicCalls.lead')}</p>
      </div>
      {sorted.length === 0 ? (
        <EmptyState title={t('publicCalls.empty')} />
      ) : (
        <Table
          caption={t('publicCalls.title')}
          head={[t('publicCalls.call'), t('publicCalls.program'), t('publicCalls.window'), t('publicCalls.phase')]}
        >
          {sorted.map((c) => (
            <tr key={c.id}>
              <Td>
                <Link href={`/calls/${c.id}`} className="text-brand-800 underline">
                  {localized(locale, c.title, c.titleEn)}
                </Link>
                {c._count.challenges ? (
                  <div className="text-xs text-slate-600">
                    {t('publicCalls.challenges', { count: c._count.challenges })}
                  </div>
                ) : null}
              </Td>
              <Td>{localized(locale, c.program.name, c.program.nameEn)}</Td>
              <Td className="whitespace-nowrap text-xs">
                {formatDateTime(c.opensAt, locale)}
                <br />
                {formatDateTime(c.closesAt, locale)}
              </Td>
              <Td>
                <Badge tone={c.phase === 'OPEN' ? 'green' : c.phase === 'UPCOMING' ? 'blue' : 'slate'}>
                  {t(`board.phase.${c.phase}`)}
                </Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
