import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { listAvoidancesForStaff } from '@/server/applications/review-side';

export type StaffAvoidance = Awaited<ReturnType<typeof listAvoidancesForStaff>>[number];

/**
 * 申请人要求回避的专家 as commission staff see them, with the pool expert a request was matched to. Only staff pages
 * render this (the list comes from listAvoidancesForStaff); it is not part of the snapshot other readers see.
 */
export async function AvoidanceList({ avoidances }: { avoidances: StaffAvoidance[] }) {
  const [t, tAll] = await Promise.all([getTranslations('applicationView'), getTranslations()]);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-slate-600">{t('avoidancesStaffOnly')}</p>
      {avoidances.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noAvoidances')}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {avoidances.map((a) => (
            <li key={a.ordinal} className="rounded-md border border-slate-200 p-3 text-sm">
              <p className="font-medium break-words text-slate-900">
                {a.name || t('avoidanceNoName')}
                {a.institutionName ? <span className="font-normal text-slate-600"> · {a.institutionName}</span> : null}
              </p>
              <p className="mt-1 break-words whitespace-pre-wrap text-slate-800">
                {tAll('common.labelled', { label: t('avoidanceReason'), value: a.reason })}
              </p>
              <p className="mt-2">
                {a.expert ? (
                  <Badge tone="amber">{t('avoidanceMatched', { name: a.expert.name })}</Badge>
                ) : (
                  <span className="text-xs text-slate-600">{t('avoidanceUnmatched')}</span>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
