import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { listInstitutions } from '@/server/institutions/list-institutions';

type Row = Awaited<ReturnType<typeof listInstitutions>>[number];

export async function InstitutionTable({ rows, actions }: { rows: Row[]; actions?: (row: Row) => React.ReactNode }) {
  const t = await getTranslations();
  if (rows.length === 0) return <EmptyState title={t('institutions.empty')} />;
  const head = [
    t('institutions.name'),
    t('institutions.kind'),
    t('institutions.affiliation'),
    t('institutions.creditCode'),
    t('institutions.researchers'),
    t('institutions.status'),
    ...(actions ? [t('common.actions')] : []),
  ];
  return (
    <Table caption={t('institutions.title')} head={head}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>
            <div className="font-medium">{r.name}</div>
            {r.aliases.length ? <div className="text-xs text-slate-600">{r.aliases.join('、')}</div> : null}
          </Td>
          <Td>{t(`enums.institutionKind.${r.kind}`)}</Td>
          <Td>{t(`enums.affiliation.${r.affiliation}`)}</Td>
          <Td className="font-mono text-xs">{r.creditCode}</Td>
          <Td>{r._count.researcherProfiles}</Td>
          <Td>
            {r.active ? (
              <Badge tone="green">{t('institutions.activeYes')}</Badge>
            ) : (
              <Badge>{t('institutions.activeNo')}</Badge>
            )}
          </Td>
          {actions ? <Td>{actions(r)}</Td> : null}
        </tr>
      ))}
    </Table>
  );
}
