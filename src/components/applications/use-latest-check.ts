'use client';
import { useCallback, useState } from 'react';
import type { CheckView } from '@/server/applications/check-view';

/**
 * The pre-submission check an application editor shows: the latest one, from the server render (a member or
 * attachment change re-renders the page with a fresh one) or from the last save or submit answer, whichever came
 * after. Shared by the researcher's and the office's editors.
 */
export function useLatestCheck(initialCheck: CheckView) {
  const [answered, setAnswered] = useState<{ after: CheckView; check: CheckView } | null>(null);
  const check = answered && answered.after === initialCheck ? answered.check : initialCheck;
  const setCheck = useCallback(
    (next: CheckView | ((c: CheckView) => CheckView)) =>
      setAnswered((a) => {
        const current = a && a.after === initialCheck ? a.check : initialCheck;
        return { after: initialCheck, check: typeof next === 'function' ? next(current) : next };
      }),
    [initialCheck],
  );
  return [check, setCheck] as const;
}
