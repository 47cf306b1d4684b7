import type { ReactNode } from 'react';

/** The one table pattern: scrolls sideways on a phone, caption for screen readers. */
export function Table({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="data-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 text-left font-medium whitespace-nowrap text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A cell of a Table. Its padding, alignment and colour come from the table (`.data-table` in globals.css), not from
 * classes on every cell: a list page of 100 rows × 15 columns repeated them 1,500 times, twice (HTML and the RSC
 * payload), about a fifth of the page (issue 10, docs/PERFORMANCE.md). `className` adds to them or overrides them.
 */
export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={className || undefined}>{children}</td>;
}
