'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/lib/cn';

const TABS = [
  { segment: '', key: 'overview' },
  { segment: 'money', key: 'money' },
  { segment: 'checks', key: 'checks' },
  { segment: 'changes', key: 'changes' },
  { segment: 'acceptance', key: 'acceptance' },
] as const;

type Segment = (typeof TABS)[number]['segment'];

/**
 * The project's sections: 概览/任务书, 经费, 检查, 变更, 验收 under one base URL (/researcher/projects/[id] …). A role
 * that has no business in a section (an enterprise's money beyond its own tranches) hides it with `only`.
 */
export function ProjectTabs({ base, only }: { base: string; only?: readonly Segment[] }) {
  const t = useTranslations('projects.tabs');
  const pathname = usePathname();
  const tabs = only ? TABS.filter((tab) => only.includes(tab.segment)) : TABS;
  return (
    <nav aria-label={t('label')} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const href = tab.segment ? `${base}/${tab.segment}` : base;
          const current = tab.segment ? pathname.startsWith(href) : pathname === base;
          return (
            <li key={tab.key}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-block border-b-2 px-3 py-2 text-sm font-medium',
                  current
                    ? 'border-brand-700 text-brand-800'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
