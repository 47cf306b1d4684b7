'use client';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { verifyAuditChainAction } from './actions';

export function VerifyChainButton() {
  const t = useTranslations('audit');
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await verifyAuditChainAction();
            if (!r.ok) return setMessage({ tone: 'error', text: r.message });
            setMessage(
              r.data.brokenAt
                ? { tone: 'error', text: t('verifyBroken', { id: r.data.brokenAt, problem: r.data.problem ?? '' }) }
                : {
                    tone: 'success',
                    text: t('verifyOk', { events: r.data.events, head: r.data.headHash.slice(0, 16) }),
                  },
            );
          })
        }
      >
        {t('verify')}
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
