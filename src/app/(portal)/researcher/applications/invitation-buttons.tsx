'use client';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { respondToInvitationAction } from './actions';

/** Accept or decline joining someone's team; the answer counts against 限项 once confirmed. */
export function InvitationButtons({ memberId, subject }: { memberId: string; subject: string }) {
  const t = useTranslations('applications');
  const [pending, setPending] = useState<'accept' | 'decline' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  async function answer(accept: boolean) {
    if (busy.current) return;
    busy.current = true;
    setPending(accept ? 'accept' : 'decline');
    setError(null);
    const r = await respondToInvitationAction({ memberId, accept }).catch(() => null);
    busy.current = false;
    setPending(null);
    if (!r) setError(t('networkError'));
    else if (!r.ok) setError(r.message);
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button
          size="sm"
          pending={pending === 'accept'}
          aria-label={`${t('accept')}：${subject}`}
          onClick={() => answer(true)}
        >
          {t('accept')}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          pending={pending === 'decline'}
          aria-label={`${t('decline')}：${subject}`}
          onClick={() => answer(false)}
        >
          {t('decline')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-accent-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
