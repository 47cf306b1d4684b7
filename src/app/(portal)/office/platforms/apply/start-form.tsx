'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useForm, useWatch } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZStartPlatformApplication, type TStartPlatformApplication } from '@/lib/validation/platforms';
import { startPlatformApplicationAction } from './actions';

/** Choose an open platform call and name the director; starting twice for the same director opens the same draft. */
export function StartPlatformForm({ calls }: { calls: { id: string; label: string; full: boolean }[] }) {
  const t = useTranslations('platformApply');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TStartPlatformApplication>({
    resolver: formResolver(ZStartPlatformApplication),
    defaultValues: { callId: calls[0]?.id ?? '', directorEmail: '' },
  });
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = form;
  const { send, formError } = useActionForm(form);
  const callId = useWatch({ control, name: 'callId' });
  const chosen = calls.find((c) => c.id === callId);

  const onSubmit = handleSubmit(async (values) => {
    const data = await send(() => startPlatformApplicationAction(values));
    if (data) router.push(`/office/platforms/apply/${data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
      <FormStatus error={formError} />
      <Field label={t('chooseCall')} error={errorText(errors.callId?.message)} required>
        <select className={inputClass} {...register('callId')}>
          {calls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      {chosen?.full ? <p className="text-sm text-amber-800">{t('quotaFullHint')}</p> : null}
      <Field
        label={t('fields.directorEmail')}
        hint={t('directorHint')}
        error={errorText(errors.directorEmail?.message)}
        required
      >
        <input className={inputClass} type="email" autoComplete="off" {...register('directorEmail')} />
      </Field>
      <div>
        <Button type="submit" pending={isSubmitting || (isSubmitSuccessful && !formError)}>
          {t('startButton')}
        </Button>
      </div>
    </form>
  );
}
