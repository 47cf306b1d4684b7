import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listPrograms } from '@/server/programs/programs';
import { CreateProgramDialog } from './create-program-dialog';

export default async function ProgramsPage() {
  const actor = await requirePermission('manage:program:all');
  const [programs, t, locale] = await Promise.all([
    listPrograms(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader
        title={t('programs.title')}
        description={t('programs.description')}
        actions={<CreateProgramDialog />}
      />
      {programs.length === 0 ? (
        <EmptyState title={t('programs.empty')} />
      ) : (
        <Table
          caption={t('programs.title')}
          head={[
            t('programs.code'),
            t('programs.name'),
            t('programs.kind'),
            t('programs.rulesVersion'),
            t('programs.calls'),
          ]}
        >
          {programs.map((p) => (
            <tr key={p.id}>
              <Td className="font-mono text-xs">{p.code}</Td>
              <Td>
                <Link href={`/commission/programs/${p.id}`} className="text-brand-800 underline">
                  {localized(locale, p.name, p.nameEn)}
                </Link>
                {!p.active ? <Badge>{t('institutions.activeNo')}</Badge> : null}
              </Td>
              <Td>{t(`programs.kinds.${p.kind}`)}</Td>
              <Td className="text-xs">
                {p.currentRules
                  ? t('programs.versionLine', {
                      number: p.currentRules.number,
                      at: formatDateTime(p.currentRules.createdAt, locale),
                    })
                  : '—'}
              </Td>
              <Td>{p._count.calls}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
