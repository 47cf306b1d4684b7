import type { ExportKind } from '@/domain/exports';
import { getTranslations } from 'next-intl/server';
import { BackgroundExportButton } from '@/components/jobs/start-job-forms';

const linkClass =
  'inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100';

/** "导出 Excel / 导出 CSV" for a staff list, carrying the page's filters (the file holds what the page shows). */
export async function ExportLinks({
  kind,
  filters,
}: {
  kind: ExportKind;
  filters: Record<string, string | undefined>;
}) {
  const [t, tj] = await Promise.all([getTranslations('exports'), getTranslations('jobs')]);
  const query = (format: string) =>
    new URLSearchParams({
      format,
      ...Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => !!e[1])),
    }).toString();
  return (
    // Several lists may export from one page: each group is named by its list.
    <span role="group" aria-label={tj(`lists.${kind}`)} className="flex flex-wrap gap-2">
      <a className={linkClass} href={`/api/exports/${kind}?${query('xlsx')}`} download>
        {t('excel')}
      </a>
      <a className={linkClass} href={`/api/exports/${kind}?${query('csv')}`} download>
        {t('csv')}
      </a>
      <BackgroundExportButton kind={kind} filters={filters} />
    </span>
  );
}
