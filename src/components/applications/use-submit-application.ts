'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import type { CheckView } from '@/server/applications/check-view';

/** A v4 UUID that also works where crypto.randomUUID does not (pages served over plain http to a LAN address). */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Submitting an application from its editor (the researcher's project or the office's platform): one idempotency
 * key per page load, so a double click or a retried request makes one version; a second click while one is in flight
 * does nothing. `before` runs first (the researcher's editor flushes its autosave) and may call the submission off;
 * field errors from the server replace the check panel's errors, keeping its warnings.
 */
export function useSubmitApplication({
  id,
  action,
  setCheck,
  before,
  onSubmitted,
}: {
  id: string;
  action: (input: { id: string; idempotencyKey: string }) => Promise<ActionResult<unknown>>;
  setCheck: (update: (c: CheckView) => CheckView) => void;
  before?: () => Promise<boolean>;
  onSubmitted?: () => void;
}) {
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [key] = useState(newKey);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const busy = useRef(false);

  async function submit() {
    if (busy.current) return;
    busy.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (before && !(await before())) {
        setConfirmOpen(false);
        return;
      }
      const r = await action({ id, idempotencyKey: key }).catch(() => null);
      setConfirmOpen(false);
      if (r?.ok) {
        onSubmitted?.();
        router.refresh();
        return;
      }
      if (!r) setSubmitError(tErrors('INTERNAL'));
      else {
        setSubmitError(r.message);
        if (r.fieldErrors) {
          const fieldErrors = r.fieldErrors;
          setCheck((c) => ({
            errors: Object.entries(fieldErrors).map(([field, message]) => ({ field, message })),
            warnings: c.warnings,
          }));
        }
      }
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }

  return { submit, submitting, submitError, confirmOpen, setConfirmOpen };
}
