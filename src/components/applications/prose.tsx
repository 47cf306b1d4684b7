import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

// The two reading blocks of an application, shared by every reader's view of one (staff, office, applicant, expert).

/** Plain text as typed: paragraphs and line breaks kept, nothing interpreted as markup. */
export function Prose({ text, empty }: { text: string | null | undefined; empty: string }) {
  if (!text || !text.trim()) return <p className="text-sm text-slate-500">{empty}</p>;
  return <p className="text-sm leading-7 break-words whitespace-pre-wrap text-slate-900">{text}</p>;
}

/** Label–value pairs; `wide` puts two pairs on a line on large screens. */
export function Facts({ rows, wide = true }: { rows: [string, ReactNode][]; wide?: boolean }) {
  return (
    <dl
      className={cn('grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]', wide && 'lg:grid-cols-[9rem_1fr_9rem_1fr]')}
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
