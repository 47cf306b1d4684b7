import { getLocale, getTranslations } from 'next-intl/server';
import { ChecksView } from '@/components/project-lifecycle/checks-view';
import { orNotFound } from '@/lib/or-not-found';
import { SectionTitle } from '@/components/project-lifecycle/section-title';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectChecks } from '@/server/projects/checks';

// 检查 for the institution office: its institution's projects, read-only.
export default async function OfficeChecksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:institution');
  const { projectId } = await params;
  const data = await orNotFound(getProjectChecks(db(), actor, projectId));
  const [t, locale] = await Promise.all([getTranslations('projectLifecycle'), getLocale().then(asLocale)]);
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle title={t('sectionTitle', { section: t('checksTitle'), title: data.project.title })} />
      <ChecksView data={data} locale={locale} />
    </div>
  );
}
