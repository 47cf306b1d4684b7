'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZRespondToInvitation, type TRespondToInvitation } from '@/lib/validation/review';
import { respondAction } from '../actions';

type Accept = Extract<TRespondToInvitation, { response: 'ACCEPT' }>;
type Decline = Extract<TRespondToInvitation, { response: 'DECLINE' }>;

/** The conflict-of-interest choice, never pre-selected: the expert states it (NIH's rule), the server records it. */
export function ConflictChoice({
  register,
  error,
}: {
  register: ReturnType<typeof useForm<{ conflict?: 'NONE' | 'DECLARED' }>>['register'];
  error?: string;
}) {
  const t = useTranslations('reviewer');
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {t('declarationLegend')}
        <span className="text-accent-600" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="mt-2 flex flex-col gap-2">
        {(['NONE', 'DECLARED'] as const).map((c) => (
          <label key={c} className="flex items-start gap-2 text-sm">
            <input type="radio" value={c} className="mt-0.5 h-4 w-4 shrink-0" {...register('conflict')} />
            {t(c === 'NONE' ? 'declareNone' : 'declareConflict')}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-accent-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Accept (with the declaration) or decline (with a reason and, if they like, a suggested replacement). */
export function InvitationResponse({ assignmentId }: { assignmentId: string }) {
  const t = useTranslations('reviewer');
  const errorText = useErrorText();
  const router = useRouter();
  const accept = useForm<Accept>({
    resolver: formResolver(ZRespondToInvitation) as never,
    defaultValues: { assignmentId, response: 'ACCEPT', conflictStatement: '' },
  });
  const decline = useForm<Decline>({
    resolver: formResolver(ZRespondToInvitation) as never,
    defaultValues: { assignmentId, response: 'DECLINE', declineReason: '', suggestedExpert: '' },
  });
  const acceptSend = useActionForm(accept);
  const declineSend = useActionForm(decline);
  const onAccept = accept.handleSubmit(async (values) => {
    if (await acceptSend.send(() => respondAction(values))) router.refresh();
  });
  const onDecline = decline.handleSubmit(async (values) => {
    if (await declineSend.send(() => respondAction(values), t('declinedNotice'))) router.refresh();
  });
  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onAccept} noValidate className="flex flex-col gap-4" aria-label={t('accept')}>
        <FormStatus error={acceptSend.formError} notice={acceptSend.notice} />
        <ConflictChoice
          register={accept.register as never}
          error={errorText(accept.formState.errors.conflict?.message)}
        />
        <Field label={t('conflictStatement')} error={errorText(accept.formState.errors.conflictStatement?.message)}>
          <textarea className={textareaClass} rows={2} {...accept.register('conflictStatement')} />
        </Field>
        <div>
          <Button type="submit" pending={accept.formState.isSubmitting}>
            {t('accept')}
          </Button>
        </div>
      </form>
      <form
        onSubmit={onDecline}
        noValidate
        className="flex flex-col gap-4 border-t border-slate-200 pt-4"
        aria-label={t('declineTitle')}
      >
        <h3 className="text-sm font-semibold text-slate-800">{t('declineTitle')}</h3>
        <FormStatus error={declineSend.formError} notice={declineSend.notice} />
        <Field label={t('declineReason')} required error={errorText(decline.formState.errors.declineReason?.message)}>
          <input className={inputClass} {...decline.register('declineReason')} />
        </Field>
        <Field
          label={t('suggestedExpert')}
          hint={t('suggestedHint')}
          error={errorText(decline.formState.errors.suggestedExpert?.message)}
        >
          <input className={inputClass} {...decline.register('suggestedExpert')} />
        </Field>
        <div>
          <Button type="submit" variant="secondary" pending={decline.formState.isSubmitting}>
            {t('decline')}
          </Button>
        </div>
      </form>
    </div>
  );
}
