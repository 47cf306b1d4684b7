import { getTranslations } from 'next-intl/server';
import { InstitutionTable } from '@/components/institution-table';
import { PageHeader } from '@/components/ui/card';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listInstitutions } from '@/server/institutions/list-institutions';
import { InstitutionDialog } from './institution-dialog';

export default async function ManageInstitutionsPage() {
  const actor = await requirePermission('manage:institution:all');
  const rows = await listInstitutions(db(), actor);
  const t = await getTranslations('institutions');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<InstitutionDialog />} />
      <InstitutionTable
        rows={rows}
        actions={(r) => (
          <InstitutionDialog
            existing={{
              id: r.id,
              version: r.version,
              name: r.name,
              nameEn: r.nameEn ?? '',
              aliases: r.aliases.join('，'),
              kind: r.kind,
              affiliation: r.affiliation,
              creditCode: r.creditCode,
              active: r.active,
            }}
          />
        )}
      />
    </>
  );
}
