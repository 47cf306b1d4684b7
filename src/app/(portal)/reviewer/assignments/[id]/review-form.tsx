'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useAutosave } from '@/components/forms/use-autosave';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  CONFIDENCES,
  commentMinChars,
  RECOMMENDATIONS,
  REVIEW_LANGUAGES,
  weightedScore,
  type ReviewForm as Form,
} from '@/domain/review/scoring';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { saveReviewDraftAction, submitReviewAction } from '../actions';
import { ConflictChoice } from './invitation-response';

/** What the inputs hold: scores as the select's strings ('' = not yet scored). */
interface Values {
  scores: Record<string, string>;
  recommendation: string;
  confidence: string;
  commentToApplicant: string;
  confidentialComment: string;
  language: 'zh' | 'en';
  nonConsensusSupport: boolean;
  nonConsensusReason: string;
}

export interface ReviewDraftView {
  version: number;
  scores: Record<string, number | null>;
  recommendation: string | null;
  confidence: string | null;
  commentToApplicant: string;
  confidentialComment: string;
  language: string;
  nonConsensusSupport: boolean;
  nonConsensusReason: string;
}

const toInput = (assignmentId: string, values: Values, version: number) => ({
  assignmentId,
  version,
  scores: Object.fromEntries(Object.entries(values.scores).map(([k, v]) => [k, v === '' ? null : Number(v)])),
  recommendation: values.recommendation || null,
  confidence: values.confidence || null,
  commentToApplicant: values.commentToApplicant,
  confidentialComment: values.confidentialComment,
  language: values.language,
  nonConsensusSupport: values.nonConsensusSupport,
  nonConsensusReason: values.nonConsensusReason,
});

const backupKey = (id: string) => `jingyan:review-draft:${id}`;
const chars = (s: string) => [...s.trim()].length;

/**
 * The program's review form: each criterion on the program's scale (weights shown), the overall recommendation,
 * confidence, the comment to the applicant and the confidential one, and the non-consensus flag with its reason.
 * Drafts save themselves two seconds after typing stops (and live in this browser until the server has them);
 * submitting asks the conflict declaration again and freezes the review. The server checks everything once more.
 */
export function ReviewForm({
  assignmentId,
  form: rules,
  draft,
  defaultLanguage,
}: {
  assignmentId: string;
  form: Form;
  draft: ReviewDraftView | null;
  defaultLanguage: 'zh' | 'en';
}) {
  const t = useTranslations('reviewer');
  const tEnum = useTranslations('enums');
  const tErrors = useTranslations('errors');
  const locale = asLocale(useLocale());
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<Values>({
    defaultValues: {
      scores: Object.fromEntries(
        rules.criteria.map((c) => [c.key, draft?.scores[c.key] == null ? '' : String(draft.scores[c.key])]),
      ),
      recommendation: draft?.recommendation ?? '',
      confidence: draft?.confidence ?? '',
      commentToApplicant: draft?.commentToApplicant ?? '',
      confidentialComment: draft?.confidentialComment ?? '',
      language: (draft?.language as 'zh' | 'en' | undefined) ?? defaultLanguage,
      nonConsensusSupport: draft?.nonConsensusSupport ?? false,
      nonConsensusReason: draft?.nonConsensusReason ?? '',
    },
  });
  const save = useCallback(
    (values: Values, version: number) => saveReviewDraftAction(toInput(assignmentId, values, version)),
    [assignmentId],
  );
  const {
    state: saveState,
    flush,
    currentVersion,
  } = useAutosave({
    form,
    backupKey: backupKey(assignmentId),
    initialVersion: draft?.version ?? 0,
    save,
    networkMessage: tErrors('INTERNAL'),
  });

  // The submission: its own small form inside the dialog, for the declaration.
  const declaration = useForm<{ conflict?: 'NONE' | 'DECLARED'; conflictStatement: string }>({
    defaultValues: { conflictStatement: '' },
  });
  const { send, formError } = useActionForm(form);
  const [open, setOpen] = useState(false);
  const onSubmit = declaration.handleSubmit(async (d) => {
    if (!d.conflict) {
      declaration.setError('conflict', { type: 'required', message: 'required' });
      return;
    }
    if (!(await flush())) {
      setOpen(false);
      return;
    }
    const result = await send(() =>
      submitReviewAction({
        ...toInput(assignmentId, form.getValues(), currentVersion()),
        conflict: d.conflict,
        conflictStatement: d.conflictStatement,
      }),
    );
    setOpen(false);
    if (result) {
      window.localStorage.removeItem(backupKey(assignmentId));
      router.refresh();
    }
  });

  const [scores, language, support, comment] = useWatch({
    control: form.control,
    name: ['scores', 'language', 'nonConsensusSupport', 'commentToApplicant'],
  });
  const numeric = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v === '' ? null : Number(v)]));
  const score = weightedScore(rules, numeric);
  const minComment = commentMinChars(rules, language);
  const errors = form.formState.errors;
  const scale = Array.from({ length: rules.scaleMax - rules.scaleMin + 1 }, (_, i) => rules.scaleMin + i);

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="flex flex-col gap-4" aria-label={t('formTitle')}>
      {saveState.kind === 'stale' ? <Alert tone="warning">{t('staleBanner')}</Alert> : null}
      {saveState.kind === 'error' || saveState.kind === 'unauthenticated' ? (
        <Alert tone="error">{t('saveFailed', { message: saveState.message })}</Alert>
      ) : null}
      <FormStatus error={formError} />
      <p className="text-xs text-slate-600">{t('scale', { min: rules.scaleMin, max: rules.scaleMax })}</p>
      {rules.criteria.map((c) => (
        <Field
          key={c.key}
          label={localized(locale, c.label, c.labelEn)}
          hint={t('weight', { weight: c.weightBp / 100 })}
          required
          error={errorText(errors.scores?.[c.key]?.message)}
        >
          <select className={inputClass} {...form.register(`scores.${c.key}`)}>
            <option value="">{t('notScored')}</option>
            {scale.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
      ))}
      <p className="text-sm font-medium text-slate-800" aria-live="polite">
        {t('labelValue', { label: t('weightedScore'), value: score.ok ? score.value.toFixed(2) : '—' })}
      </p>
      <Field
        label={t('recommendation')}
        required={rules.recommendationRequired}
        error={errorText(errors.recommendation?.message)}
      >
        <select className={inputClass} {...form.register('recommendation')}>
          <option value="">{t('notScored')}</option>
          {RECOMMENDATIONS.map((r) => (
            <option key={r} value={r}>
              {tEnum(`reviewRecommendation.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('confidence')} required error={errorText(errors.confidence?.message)}>
        <select className={inputClass} {...form.register('confidence')}>
          <option value="">{t('notScored')}</option>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {tEnum(`reviewConfidence.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('language')} error={errorText(errors.language?.message)}>
        <select className={inputClass} {...form.register('language')}>
          {REVIEW_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('commentToApplicant')}
        hint={`${t('commentHint', { min: minComment })} (${chars(comment)})`}
        required
        error={errorText(errors.commentToApplicant?.message)}
      >
        <textarea className={textareaClass} rows={8} {...form.register('commentToApplicant')} />
      </Field>
      <Field
        label={t('confidentialComment')}
        hint={t('confidentialHint')}
        error={errorText(errors.confidentialComment?.message)}
      >
        <textarea className={textareaClass} rows={3} {...form.register('confidentialComment')} />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 h-4 w-4 shrink-0" {...form.register('nonConsensusSupport')} />
        {t('nonConsensusSupport')}
      </label>
      {support ? (
        <Field
          label={t('nonConsensusReason')}
          hint={t('nonConsensusHint')}
          required
          error={errorText(errors.nonConsensusReason?.message)}
        >
          <textarea className={textareaClass} rows={3} {...form.register('nonConsensusReason')} />
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={t('submitTitle')}
          description={t('submitHint')}
          closeLabel={t('cancel')}
          trigger={
            <Button type="button" disabled={saveState.kind === 'stale'}>
              {t('submit')}
            </Button>
          }
        >
          <div className="flex flex-col gap-4">
            <ConflictChoice
              register={declaration.register as never}
              error={errorText(declaration.formState.errors.conflict?.message)}
            />
            <Field label={t('conflictStatement')}>
              <textarea className={textareaClass} rows={2} {...declaration.register('conflictStatement')} />
            </Field>
            <div className="flex gap-3">
              <Button type="button" onClick={() => void onSubmit()} pending={declaration.formState.isSubmitting}>
                {t('confirmSubmit')}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                {t('cancel')}
              </Button>
            </div>
          </div>
        </Dialog>
        <span className="text-xs text-slate-600" aria-live="polite">
          {saveState.kind === 'saving'
            ? t('saving')
            : saveState.kind === 'saved'
              ? t('savedAt', { time: formatDateTime(saveState.at, locale) })
              : null}
        </span>
      </div>
    </form>
  );
}
