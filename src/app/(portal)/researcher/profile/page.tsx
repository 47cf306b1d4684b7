import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { formatCalendarDate } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getOwnProfile } from '@/server/researchers/profile';
import { ProfileForm } from './profile-form';

export default async function ProfilePage() {
  const actor = await requirePermission('update:profile:own');
  const profile = await getOwnProfile(db(), actor);
  const t = await getTranslations('profile');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ProfileForm
        institutionName={profile.institution.name}
        initial={{
          version: profile.version,
          department: profile.department ?? '',
          gender: profile.gender ?? undefined,
          birthDate: profile.birthDate ? formatCalendarDate(profile.birthDate) : '',
          title: profile.title ?? undefined,
          degree: profile.degree ?? undefined,
          disciplineCodes: profile.disciplineCodes.join(', '),
          keywords: profile.keywords.join(', '),
          orcid: profile.orcid ?? '',
          phone: profile.phone ?? '',
        }}
      />
    </>
  );
}
