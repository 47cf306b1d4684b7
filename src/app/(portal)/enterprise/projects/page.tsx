import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectList } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listProjects } from '@/server/projects/projects';

// 揭榜项目: the teams working on the enterprise's challenges.
export default async function EnterpriseProjectsPage() {
  const actor = await requirePermission('read:project:institution');
  const [rows, t, locale] = await Promise.all([
    listProjects(db(), actor),
    getTranslations('projects'),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('enterpriseTitle')} description={t('enterpriseDescription')} />
      <ProjectList rows={rows} base="/enterprise/projects" locale={locale} empty={t('emptyEnterprise')} />
    </>
  );
}
