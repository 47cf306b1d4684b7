'use client';
import type { ExportKind } from '@/domain/exports';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { importExpertsAction, startExportAction } from '@/app/actions/jobs';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

/** 专家导入: upload the sheet; the import runs as a background job and this page moves to its progress. */
export function ImportExpertsForm() {
  const t = useTranslations('imports');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      aria-label={t('expertsTitle')}
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (pending) return;
        setPending(true);
        setError(null);
        const r = await importExpertsAction(new FormData(e.currentTarget)).catch(() => null);
        if (r?.ok) {
          router.push(`/jobs/${r.data.id}`);
          return;
        }
        setError(r ? (Object.values(r.fieldErrors ?? {})[0] ?? r.message) : t('failed'));
        setPending(false);
      }}
    >
      <p className="text-sm text-slate-700">
        {t('expertsHint')}{' '}
        <a className="text-brand-800 underline" href="/api/imports/experts/template" download>
          {t('expertsTemplate')}
        </a>
      </p>
      <label className="flex flex-col gap-1 text-sm">
        {t('file')}
        <input
          type="file"
          name="file"
          required
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
      </label>
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t('startImport')}
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}

/** 后台导出: the same list and filters as the download links, made into a file while the person does other work. */
export function BackgroundExportButton({
  kind,
  filters,
}: {
  kind: ExportKind;
  filters: Record<string, string | undefined>;
}) {
  const t = useTranslations('jobs');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex flex-col gap-1">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        title={t('backgroundHint')}
        onClick={async () => {
          if (pending) return;
          setPending(true);
          setError(null);
          const r = await startExportAction({ kind, format: 'xlsx', filters }).catch(() => null);
          if (r?.ok) {
            router.push(`/jobs/${r.data.id}`);
            return;
          }
          setError(r?.message ?? t('statuses.FAILED'));
          setPending(false);
        }}
      >
        {t('background')}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </span>
  );
}
