'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZSecurityPolicy, type TSecurityPolicy } from '@/lib/validation/security';
import { unlockAccountAction, updateSecurityPolicyAction } from './actions';

const FIELDS = [
  'passwordMinLength',
  'passwordMinClasses',
  'maxFailedLogins',
  'lockoutMinutes',
  'idleTimeoutMinutes',
  'sessionMaxHours',
] as const;

export function PolicyForm({ initial }: { initial: TSecurityPolicy }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm({ resolver: formResolver(ZSecurityPolicy), defaultValues: initial });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const data = await send(() => updateSecurityPolicyAction(form.getValues()), t('security.saved'));
    if (data) {
      form.setValue('version', data.version);
      router.refresh();
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field
            key={f}
            label={t(`security.${f}`)}
            hint={f === 'passwordMinClasses' ? t('security.passwordMinClassesHint') : undefined}
            error={errorText(form.formState.errors[f]?.message)}
            required
          >
            <input
              type="number"
              inputMode="numeric"
              className={inputClass}
              {...form.register(f, { valueAsNumber: true })}
            />
          </Field>
        ))}
      </div>
      <input type="hidden" {...form.register('version', { valueAsNumber: true })} />
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

export function UnlockButton({ id, email }: { id: string; email: string }) {
  const t = useTranslations('security');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        aria-label={`${t('unlock')}：${email}`}
        onClick={() =>
          startTransition(async () => {
            const result = await unlockAccountAction({ id });
            if (!result.ok) setError(result.message);
            router.refresh();
          })
        }
      >
        {t('unlock')}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-accent-600">
          {error}
        </p>
      ) : null}
    </>
  );
}
