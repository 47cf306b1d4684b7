import { useTranslations } from 'next-intl';
import type { RecommendationCheck } from '@/domain/application/recommendation';
import { cn } from '@/lib/cn';

export interface QuotaState {
  quota: number;
  recommended: number;
  recommendedYouth: number;
  minYouthShareBp: number | null;
}

const pct = (bp: number) => (bp / 100).toFixed(1);
const shareBp = (youth: number, total: number) => (total === 0 ? 0 : Math.floor((youth * 10_000) / total));

/** A bar for a count against a limit; the part a pending batch would add is shown hatched. */
function Bar({
  label,
  now,
  adding,
  max,
  over,
}: {
  label: string;
  now: number;
  adding: number;
  max: number;
  over: boolean;
}) {
  const width = (n: number) => `${max === 0 ? (n > 0 ? 100 : 0) : Math.min(100, (n / max) * 100)}%`;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={now + adding}
      className="relative h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={cn('absolute inset-y-0 left-0 opacity-40', over ? 'bg-accent-600' : 'bg-brand-700')}
        style={{ width: width(now + adding) }}
      />
      <div
        className={cn('absolute inset-y-0 left-0', over ? 'bg-accent-600' : 'bg-brand-700')}
        style={{ width: width(now) }}
      />
    </div>
  );
}

/**
 * 限额 and the youth-track share of one call for one institution, now and — given a check of a pending batch made
 * with checkRecommendation, the rule the server applies — after it. Works in server and client components.
 */
export function QuotaGauge({
  state,
  check,
  afterLabel,
}: {
  state: QuotaState;
  check?: RecommendationCheck;
  afterLabel?: string;
}) {
  const t = useTranslations();
  const adding = check ? check.after.recommended - state.recommended : 0;
  const recommended = check ? check.after.recommended : state.recommended;
  const youth = check ? check.after.youth : state.recommendedYouth;
  const over = recommended > state.quota;
  const min = state.minYouthShareBp;
  const low = min !== null && recommended > 0 && youth * 10_000 < min * recommended;
  return (
    <div className="flex flex-col gap-3 text-sm">
      {check && afterLabel ? <p className="font-medium text-slate-800">{afterLabel}</p> : null}
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap justify-between gap-2">
          <span className="text-slate-600">{t('vetting.quota')}</span>
          <span className={cn('tabular-nums', over && 'font-medium text-accent-600')}>
            {t('vetting.quotaUsed', { recommended, quota: state.quota })}
          </span>
        </div>
        <Bar label={t('vetting.quota')} now={state.recommended} adding={adding} max={state.quota} over={over} />
      </div>
      <div className="flex flex-wrap justify-between gap-2">
        <span className="text-slate-600">{t('vetting.youthShare')}</span>
        <span className={cn('tabular-nums', low && 'font-medium text-accent-600')}>
          {min === null
            ? t('vetting.noYouthRule')
            : recommended === 0
              ? t('vetting.youthShareNone', { min: min / 100 })
              : t('vetting.youthShareValue', {
                  share: pct(shareBp(youth, recommended)),
                  youth,
                  recommended,
                  min: min / 100,
                })}
        </span>
      </div>
      {check?.problems.length ? (
        <ul className="flex flex-col gap-1" aria-live="polite">
          {check.problems.map((p) => (
            <li key={p.code} className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900">
              {t(`errors.${p.code}`, p.params)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
