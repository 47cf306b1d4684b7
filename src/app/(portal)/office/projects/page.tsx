import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectList } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listProjects } from '@/server/projects/projects';

// 本单位项目: the funded projects of the office's institution.
export default async function OfficeProjectsPage() {
  const actor = await requirePermission('manage:project:institution');
  const [rows, t, locale] = await Promise.all([
    listProjects(db(), actor),
    getTranslations('projects'),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('officeTitle')} description={t('officeDescription')} />
      <ProjectList rows={rows} base="/office/projects" locale={locale} empty={t('emptyInstitution')} />
    </>
  );
}
