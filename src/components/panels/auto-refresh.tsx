'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Re-reads the page from the server every few seconds while a meeting is in session, so the chair sees votes arrive
 * and members see the next item open. router.refresh() keeps what is typed in the page's forms.
 */
export function AutoRefresh({ seconds = 5, label }: { seconds?: number; label: string }) {
  const router = useRouter();
  useEffect(() => {
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, seconds * 1000);
    return () => window.clearInterval(id);
  }, [router, seconds]);
  return <p className="text-xs text-slate-600">{label}</p>;
}
