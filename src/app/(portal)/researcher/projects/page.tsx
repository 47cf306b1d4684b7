import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectList } from '@/components/projects/project-views';
import { PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listProjects } from '@/server/projects/projects';

// 我的项目: the projects the researcher leads or belongs to.
export default async function ResearcherProjectsPage() {
  const actor = await requirePermission('manage:project:own');
  const [rows, t, locale] = await Promise.all([
    listProjects(db(), actor),
    getTranslations('projects'),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('mineTitle')} description={t('mineDescription')} />
      <ProjectList rows={rows} base="/researcher/projects" locale={locale} empty={t('emptyMine')} />
    </>
  );
}
