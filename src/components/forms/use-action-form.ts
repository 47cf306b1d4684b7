'use client';
import { useRef, useState } from 'react';

import type { ActionResult } from '@/lib/errors';

/**
 * Sends a react-hook-form's values to a server action and puts the answer where the person looks: field errors on
 * their fields, everything else in one message above the form. The typed values are never reset on failure.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any react-hook-form instance, whatever its value types
export function useActionForm(form: { setError: (name: any, error: { type: string; message: string }) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A double click fires two submits before React re-renders the disabled button: the second must not send.
  const inFlight = useRef(false);

  async function send<R>(call: () => Promise<ActionResult<R>>, successNotice?: string): Promise<R | undefined> {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setFormError(null);
    setNotice(null);
    let result: ActionResult<R>;
    try {
      result = await call();
    } catch {
      // The network or the server went away: keep everything typed and say so.
      setFormError('__network__');
      return undefined;
    } finally {
      inFlight.current = false;
    }
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(field, { type: 'server', message });
      }
      setFormError(result.message);
      return undefined;
    }
    if (successNotice) setNotice(successNotice);
    return result.data;
  }

  return { send, formError, notice, setNotice };
}
