import { getTranslations } from 'next-intl/server';
import { PlatformListPage } from '@/components/platforms/record-page';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/styles';
import { PROGRAM_KINDS } from '@/domain/program/rules';
import { isPlatformKind, PLATFORM_STATUSES } from '@/domain/platform/platform';
import { ZPlatformFilters } from '@/lib/validation/platform-record';

// 平台管理: every funded platform, filtered by kind and status (search params, so a filtered list can be linked).
export default async function CommissionPlatformsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = ZPlatformFilters.parse(await searchParams);
  const t = await getTranslations('platforms');
  const tk = await getTranslations('programs.kinds');
  const ts = await getTranslations('platforms.status');
  return (
    <>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t('filters')}>
        <label className="flex flex-col gap-1 text-sm">
          {t('kind')}
          <select name="kind" defaultValue={filters.kind ?? ''} className={inputClass}>
            <option value="">{t('anyKind')}</option>
            {PROGRAM_KINDS.filter(isPlatformKind).map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('statusLabel')}
          <select name="status" defaultValue={filters.status ?? ''} className={inputClass}>
            <option value="">{t('anyStatus')}</option>
            {PLATFORM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" size="sm">
          {t('filter')}
        </Button>
      </form>
      <PlatformListPage
        permission="manage:platform:all"
        base="/commission/platforms"
        title={t('staffTitle')}
        description={t('staffDescription')}
        empty={t('emptyAll')}
        filters={filters}
      />
    </>
  );
}
