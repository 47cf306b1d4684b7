'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/** Re-reads the page every second while the job is queued or running; stops once it has finished. */
export function JobAutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

/** A progress bar screen readers announce: "任务进度 120 / 400". */
export function JobProgress({ done, total }: { done: number; total: number }) {
  const t = useTranslations('jobs');
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('progressText', { done, total })}
        className="h-2.5 w-48 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm text-slate-700 tabular-nums">{t('progressText', { done, total })}</span>
    </div>
  );
}
