'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZChangePassword, type TChangePassword } from '@/lib/validation/users';
import { changePasswordAction } from './actions';

export function ChangePasswordForm({ policyHint, mustChange }: { policyHint: string; mustChange: boolean }) {
  const router = useRouter();
  const t = useTranslations();
  const errorText = useErrorText();
  const blank: TChangePassword = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const form = useForm<TChangePassword>({ resolver: formResolver(ZChangePassword), defaultValues: blank });
  const { send, formError, notice } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    const done = await send(() => changePasswordAction(values), t('account.changed'));
    if (done) {
      form.reset(blank);
      // After a forced change the portal opens; otherwise stay and show the confirmation.
      if (mustChange) router.push('/dashboard');
    }
  });
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <FormStatus error={formError} notice={notice} />
      <Field label={t('account.current')} error={errorText(e.currentPassword?.message)} required>
        <input
          type="password"
          autoComplete="current-password"
          className={inputClass}
          {...form.register('currentPassword')}
        />
      </Field>
      <Field label={t('account.new')} hint={policyHint} error={errorText(e.newPassword?.message)} required>
        <input type="password" autoComplete="new-password" className={inputClass} {...form.register('newPassword')} />
      </Field>
      <Field label={t('account.confirm')} error={errorText(e.confirmPassword?.message)} required>
        <input
          type="password"
          autoComplete="new-password"
          className={inputClass}
          {...form.register('confirmPassword')}
        />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
