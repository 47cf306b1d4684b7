import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PlatformListPage } from '@/components/platforms/record-page';
import { can } from '@/domain/auth/permissions';
import { requirePermission } from '@/server/auth/session';

// 本单位平台: the platforms the office's institution hosts (applying for a new one is /office/platforms/apply).
export default async function OfficePlatformsPage() {
  const actor = await requirePermission('manage:platform:institution');
  const t = await getTranslations('platforms');
  return (
    <PlatformListPage
      permission="manage:platform:institution"
      base="/office/platforms"
      title={t('officeTitle')}
      description={t('officeDescription')}
      empty={t('emptyInstitution')}
      actions={
        can(actor.role, 'apply:platform:institution') ? (
          <Link href="/office/platforms/apply" className="text-sm text-brand-700 underline">
            {t('applyLink')}
          </Link>
        ) : null
      }
    />
  );
}
