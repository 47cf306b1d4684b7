import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import type { ReaderApplication } from './application-view';

/** The office's decisions on an application, newest first, each naming the version it was made on. */
export async function InstitutionReviewHistory({ reviews }: { reviews: ReaderApplication['reviews'] }) {
  const [t, locale] = await Promise.all([getTranslations('applicationView'), getLocale().then(asLocale)]);
  if (reviews.length === 0) return <p className="text-sm text-slate-600">{t('noReviews')}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {reviews.map((r, i) => (
        <li key={i} className="border-l-2 border-slate-200 pl-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={r.outcome === 'RECOMMEND' ? 'green' : 'amber'}>{t(`reviewOutcome.${r.outcome}`)}</Badge>
            <span className="text-xs text-slate-600">
              {formatDateTime(r.decidedAt, locale)} · {t('onVersion', { number: r.versionNo })}
            </span>
          </div>
          {r.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{r.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Formal checks, newest first, with their reasons in the reader's language (inactive reasons included). */
export async function FormalCheckHistory({
  checks,
  reasons,
}: {
  checks: ReaderApplication['formalChecks'];
  reasons: { code: string; label: string; labelEn: string }[];
}) {
  const [t, locale] = await Promise.all([getTranslations('applicationView'), getLocale().then(asLocale)]);
  if (checks.length === 0) return <p className="text-sm text-slate-600">{t('noChecks')}</p>;
  const label = (code: string) => {
    const r = reasons.find((x) => x.code === code);
    return r ? localized(locale, r.label, r.labelEn) : code;
  };
  return (
    <ol className="flex flex-col gap-3">
      {checks.map((c, i) => (
        <li key={i} className="border-l-2 border-slate-200 pl-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={c.outcome === 'PASS' ? 'green' : 'red'}>{t(`checkOutcome.${c.outcome}`)}</Badge>
            <span className="text-xs text-slate-600">{formatDateTime(c.checkedAt, locale)}</span>
          </div>
          {c.reasonCodes.length ? (
            <div className="mt-1">
              <span className="text-slate-600">{t('reasons')}：</span>
              <ul className="inline">
                {c.reasonCodes.map((code, j) => (
                  <li key={code} className="inline">
                    {j > 0 ? '；' : ''}
                    {label(code)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {c.comment ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{c.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}
