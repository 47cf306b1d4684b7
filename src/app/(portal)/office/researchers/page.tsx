import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listInstitutionResearchers } from '@/server/researchers/profile';

export default async function OfficeResearchersPage() {
  const actor = await requirePermission('read:researcher:institution');
  const rows = await listInstitutionResearchers(db(), actor);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('office.researchersTitle')} description={t('office.researchersDescription')} />
      {rows.length === 0 ? (
        <EmptyState title={t('office.empty')} />
      ) : (
        <Table
          caption={t('office.researchersTitle')}
          head={[
            t('office.name'),
            t('office.email'),
            t('office.department'),
            t('office.title'),
            t('office.completeness'),
          ]}
        >
          {rows.map((r) => (
            <tr key={r.userId}>
              <Td>
                <Link href={`/office/researchers/${r.userId}`} className="text-brand-700 underline">
                  {r.user.name}
                </Link>
              </Td>
              <Td>{r.user.email}</Td>
              <Td>{r.department ?? '—'}</Td>
              <Td>{r.title ? t(`enums.title.${r.title}`) : '—'}</Td>
              <Td>
                {r.missing.length === 0 ? (
                  <Badge tone="green">{t('office.complete')}</Badge>
                ) : (
                  <Badge tone="amber">{t('office.missing', { count: r.missing.length })}</Badge>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
