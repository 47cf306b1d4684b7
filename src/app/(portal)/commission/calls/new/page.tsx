import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { suggestedCallWindow } from '@/domain/time';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listPrograms } from '@/server/programs/programs';
import { CallForm } from '../call-form';

export default async function NewCallPage({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const actor = await requirePermission('manage:call:all');
  const [{ programId }, programs, t, locale] = await Promise.all([
    searchParams,
    listPrograms(db(), actor),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const active = programs.filter((p) => p.active);
  const window = suggestedCallWindow(new Date());
  return (
    <>
      <PageHeader title={t('calls.new')} description={t('calls.newLead')} />
      <CallForm
        programs={active.map((p) => ({ id: p.id, name: localized(locale, p.name, p.nameEn) }))}
        initial={{
          programId: active.some((p) => p.id === programId) ? programId : active[0]?.id,
          year: new Date().getUTCFullYear() + 1,
          title: '',
          titleEn: '',
          guide: '',
          guideEn: '',
          ...window,
          institutionReviewClosesAt: '',
          plannedAwards: null,
          fiscalEnvelopeWan: '',
        }}
      />
    </>
  );
}
