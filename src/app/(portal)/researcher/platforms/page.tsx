import { getTranslations } from 'next-intl/server';
import { PlatformListPage } from '@/components/platforms/record-page';

// 我的平台: the platforms the researcher directs or is a project manager (项目经理人) of.
export default async function ResearcherPlatformsPage() {
  const t = await getTranslations('platforms');
  return (
    <PlatformListPage
      permission="manage:platform:own"
      base="/researcher/platforms"
      title={t('researcherTitle')}
      description={t('researcherDescription')}
      empty={t('emptyOwn')}
    />
  );
}
