'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZDecideNonConsensus, ZRateReview } from '@/lib/validation/review';
import { decideNonConsensusAction, rateReviewAction } from '../../../actions';

type DecisionForm = { flagId: string; version: number; decision?: 'ROUTE' | 'DISMISS'; justification: string };

/** Route to the non-consensus channel or dismiss, in writing either way; the button pressed is the decision. */
export function DecideNonConsensusForm({ flagId, version }: { flagId: string; version: number }) {
  const t = useTranslations('review');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<DecisionForm>({
    resolver: formResolver(ZDecideNonConsensus) as never,
    defaultValues: { flagId, version, justification: '' },
  });
  const { send, formError } = useActionForm(form);
  const [deciding, setDeciding] = useState<'ROUTE' | 'DISMISS' | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setDeciding(values.decision ?? null);
    if (await send(() => decideNonConsensusAction(values))) router.refresh();
    setDeciding(null);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('decisionTitle')}>
      <FormStatus error={formError} />
      <Field
        label={t('justification')}
        hint={t('justificationHint')}
        error={errorText(form.formState.errors.justification?.message)}
        required
      >
        <textarea className={textareaClass} rows={5} {...form.register('justification')} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          pending={deciding === 'ROUTE'}
          disabled={deciding !== null}
          onClick={() => form.setValue('decision', 'ROUTE')}
        >
          {t('route')}
        </Button>
        <Button
          type="submit"
          variant="secondary"
          pending={deciding === 'DISMISS'}
          disabled={deciding !== null}
          onClick={() => form.setValue('decision', 'DISMISS')}
        >
          {t('dismissFlag')}
        </Button>
      </div>
    </form>
  );
}

/** 评审质量 1–5: feeds the expert's credit record (src/server/review/expert-work.ts refreshExpertCredit). */
export function RateReviewForm({
  reviewId,
  current,
  expertName,
}: {
  reviewId: string;
  current: number | null;
  expertName: string;
}) {
  const t = useTranslations('review');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<{ reviewId: string; rating?: number }>({
    resolver: formResolver(ZRateReview) as never,
    defaultValues: { reviewId, rating: current ?? undefined },
  });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => rateReviewAction(form.getValues()), t('ratedNotice'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <FormStatus error={formError} notice={notice} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('rating')} error={errorText(form.formState.errors.rating?.message)} className="w-40">
          <select
            className={inputClass}
            {...form.register('rating', { setValueAs: (v) => (v === '' || v === undefined ? undefined : Number(v)) })}
          >
            <option value="">{t('ratingNone')}</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {t(`ratingScale.${n}`)}
              </option>
            ))}
          </select>
        </Field>
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          aria-label={t('rateLabel', { expert: expertName })}
          pending={form.formState.isSubmitting}
        >
          {t('rate')}
        </Button>
      </div>
    </form>
  );
}
