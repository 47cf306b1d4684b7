import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import type { Permission } from '@/domain/auth/permissions';
import { beijingDate } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getPlatform, listPlatforms } from '@/server/platforms/platforms';
import type { TPlatformFilters } from '@/lib/validation/platform-record';
import { PlatformList, PlatformRecordView, PlatformStatusBadge } from './record-views';

// The list and detail pages of the platform record, one per role segment: the page names its permission and where
// its links go; the module scopes what the actor sees (another institution's platform is a 404).

export async function PlatformListPage({
  permission,
  base,
  title,
  description,
  empty,
  filters,
  actions,
}: {
  permission: Permission;
  base: string;
  title: string;
  description: string;
  empty: string;
  filters?: TPlatformFilters;
  actions?: React.ReactNode;
}) {
  const actor = await requirePermission(permission);
  const [rows, locale] = await Promise.all([listPlatforms(db(), actor, filters), getLocale().then(asLocale)]);
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <PlatformList rows={rows} base={base} locale={locale} empty={empty} />
    </>
  );
}

export async function PlatformDetailPage({
  permission,
  platformId,
  base,
  projectBase,
}: {
  permission: Permission;
  platformId: string;
  /** The role's platform list. */
  base: string;
  /** The role's project pages (/office/projects …). */
  projectBase: string;
}) {
  const actor = await requirePermission(permission);
  const [record, t, locale] = await Promise.all([
    orNotFound(getPlatform(db(), actor, platformId)),
    getTranslations('platforms'),
    getLocale().then(asLocale),
  ]);
  // A project manager is not on the platform's project team: only the director, the office and staff open it.
  const projectHref =
    actor.role === 'RESEARCHER' && !record.viewer.isDirector ? null : `${projectBase}/${record.project.id}`;
  return (
    <>
      <PageHeader
        title={localized(locale, record.name, record.nameEn)}
        description={record.host}
        actions={
          <>
            <PlatformStatusBadge status={record.status} />
            <Link href={base} className="text-sm text-brand-700 underline">
              {t('back')}
            </Link>
          </>
        }
      />
      <PlatformRecordView record={record} locale={locale} projectHref={projectHref} today={beijingDate(new Date())} />
    </>
  );
}
