'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { deleteWorkAction, removeCareerEntryAction, removeHonourAction } from './actions';

const ACTIONS = { career: removeCareerEntryAction, honour: removeHonourAction, work: deleteWorkAction } as const;

/**
 * Removes one entry after the person confirms; a refusal (a work cited by a submitted application) is shown next to
 * the button in the server's words.
 */
export function RemoveButton({
  kind,
  id,
  subject,
  confirmText,
}: {
  kind: keyof typeof ACTIONS;
  id: string;
  /** What is removed, for the button's accessible name ("删除：…"). */
  subject: string;
  confirmText: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        type="button"
        size="sm"
        variant="ghost"
        className="text-accent-600 hover:bg-red-50"
        pending={pending}
        aria-label={t('talent.removeLabel', { subject })}
        onClick={() => {
          if (!window.confirm(confirmText)) return;
          startTransition(async () => {
            setError(null);
            try {
              const result = await ACTIONS[kind]({ id });
              if (!result.ok) setError(result.message);
            } catch {
              setError(t('errors.INTERNAL'));
            }
            router.refresh();
          });
        }}
      >
        {t('talent.remove')}
      </Button>
      {error ? (
        <p role="alert" className="max-w-60 text-right text-xs text-accent-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
