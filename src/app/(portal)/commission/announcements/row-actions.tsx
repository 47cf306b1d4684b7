'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { publishAnnouncementAction, withdrawAnnouncementAction } from './actions';

export function AnnouncementRowActions({
  id,
  version,
  status,
  title,
}: {
  id: string;
  version: number;
  status: string;
  title: string;
}) {
  const t = useTranslations('announcements');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: typeof publishAnnouncementAction) =>
    startTransition(async () => {
      setError(null);
      const result = await action({ id, version });
      if (!result.ok) setError(result.message);
      router.refresh();
    });
  return (
    <div className="flex flex-col gap-1">
      {status === 'DRAFT' ? (
        <Button
          size="sm"
          pending={pending}
          onClick={() => run(publishAnnouncementAction)}
          aria-label={`${t('publish')}：${title}`}
        >
          {t('publish')}
        </Button>
      ) : null}
      {status === 'PUBLISHED' ? (
        <Button
          size="sm"
          variant="secondary"
          pending={pending}
          aria-label={`${t('withdraw')}：${title}`}
          onClick={() => {
            if (window.confirm(t('confirmWithdraw'))) run(withdrawAnnouncementAction);
          }}
        >
          {t('withdraw')}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-accent-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
