'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { markReadAction } from '@/app/actions/notifications';

/** A notification's title: opening it marks it read and goes where the person acts on it. */
export function OpenNotification({ id, link, label }: { id: string; link: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <a
      href={link}
      className="font-medium text-brand-800 underline"
      aria-busy={busy}
      onClick={async (e) => {
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        const r = await markReadAction({ id }).catch(() => null);
        router.push(r && r.ok ? r.data.link : link);
      }}
    >
      {label}
    </a>
  );
}
