'use client';
import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { REVIEW_LANGUAGES, type ReviewLanguage } from '@/domain/review/scoring';

/** The languages an expert reads and reviews in: one checkbox each, required, with its error announced. */
export function LanguagesFieldset({
  legend,
  names,
  registration,
  hint,
  error,
}: {
  legend: string;
  names: Record<ReviewLanguage, string>;
  /** `register('languages')` of the form. */
  registration: UseFormRegisterReturn;
  hint?: string;
  error?: string;
}) {
  const errorId = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">
        {legend}
        <span className="text-accent-600" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="flex flex-wrap gap-4">
        {REVIEW_LANGUAGES.map((l) => (
          <label key={l} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="size-4" value={l} {...registration} />
            {names[l]}
          </label>
        ))}
      </div>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      {error ? (
        <p id={errorId} className="text-sm text-accent-600" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
