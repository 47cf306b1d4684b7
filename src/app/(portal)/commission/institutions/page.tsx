import { getTranslations } from 'next-intl/server';
import { InstitutionTable } from '@/components/institution-table';
import { PageHeader } from '@/components/ui/card';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listInstitutions } from '@/server/institutions/list-institutions';

/** Commission staff read the directory; only the system admin edits it. */
export default async function InstitutionDirectoryPage() {
  const actor = await requirePermission('read:institution:all');
  const rows = await listInstitutions(db(), actor);
  const t = await getTranslations('institutions');
  return (
    <>
      <PageHeader title={t('directoryTitle')} description={t('description')} />
      <InstitutionTable rows={rows} />
    </>
  );
}
