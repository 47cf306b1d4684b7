import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptanceView } from '@/components/project-lifecycle/acceptance-view';
import { orNotFound } from '@/lib/or-not-found';
import { SectionTitle } from '@/components/project-lifecycle/section-title';
import { asLocale } from '@/i18n/config';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProjectAcceptance } from '@/server/projects/acceptance';

// 结题验收 for the institution office: its institution's projects, read-only.
export default async function OfficeAcceptancePage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requirePermission('manage:project:institution');
  const { projectId } = await params;
  const data = await orNotFound(getProjectAcceptance(db(), actor, projectId));
  const [t, locale] = await Promise.all([getTranslations('projectLifecycle'), getLocale().then(asLocale)]);
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle title={t('sectionTitle', { section: t('acceptanceTitle'), title: data.project.title })} />
      <AcceptanceView data={data} locale={locale} />
    </div>
  );
}
