import { getLocale, getTranslations } from 'next-intl/server';
import { ProjectList } from '@/components/projects/project-views';
import { Button } from '@/components/ui/button';
import { ExportLinks } from '@/components/exports/export-links';
import { PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { PROJECT_STATUSES } from '@/domain/project/transitions';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { ZProjectFilters } from '@/lib/validation/projects';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listProjects, projectFilterOptions } from '@/server/projects/projects';

// 项目管理: every funded project, filtered by status and program (a plain GET form: the filters are in the URL).
export default async function CommissionProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission('manage:project:all');
  const raw = await searchParams;
  const filters = ZProjectFilters.parse({
    status: typeof raw.status === 'string' && raw.status ? raw.status : undefined,
    programId: typeof raw.programId === 'string' && raw.programId ? raw.programId : undefined,
  });
  const [rows, programs, t, tStatus, locale] = await Promise.all([
    listProjects(db(), actor, filters),
    projectFilterOptions(db(), actor),
    getTranslations('projects'),
    getTranslations('enums.ProjectStatus'),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader
        title={t('allTitle')}
        description={t('allDescription')}
        actions={
          <span className="flex flex-wrap gap-2">
            <ExportLinks kind="projects" filters={{ status: filters.status, programId: filters.programId }} />
            <ExportLinks kind="budgets" filters={{ programId: filters.programId }} />
            <ExportLinks kind="tranches" filters={{}} />
          </span>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t('filters')}>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('status')}
          <select name="status" defaultValue={filters.status ?? ''} className={inputClass}>
            <option value="">{t('any')}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t('program')}
          <select name="programId" defaultValue={filters.programId ?? ''} className={inputClass}>
            <option value="">{t('any')}</option>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {localized(locale, p.name, p.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t('filter')}
        </Button>
      </form>
      <ProjectList rows={rows} base="/commission/projects" locale={locale} empty={t('emptyAll')} />
    </>
  );
}
