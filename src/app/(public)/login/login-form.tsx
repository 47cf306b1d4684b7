'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyAccountLocaleAction } from '@/app/actions/locale';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { useErrorText } from '@/components/forms/use-error-text';
import { ZLogin, type TLogin } from '@/lib/validation/users';

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations('login');
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: formResolver(ZLogin), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn('credentials', { redirect: false, email: values.email, password: values.password });
    if (!result || result.error) {
      const [code, minutes] = (result?.error ?? '').split(':');
      setFormError(
        code === 'LOCKED'
          ? t('locked', { minutes: minutes || '15' })
          : code === 'NO_ROLES'
            ? t('noRoles')
            : code === 'CredentialsSignin'
              ? t('badCredentials')
              : t('failed'),
      );
      return;
    }
    await applyAccountLocaleAction();
    // A full navigation: the new session cookie and language apply to everything that renders next.
    window.location.assign(next);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-5 flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label={t('email')} error={errorText(errors.email?.message)} required>
        <input type="email" autoComplete="username" className={inputClass} {...register('email')} />
      </Field>
      <Field label={t('password')} error={errorText(errors.password?.message)} required>
        <input type="password" autoComplete="current-password" className={inputClass} {...register('password')} />
      </Field>
      <Button type="submit" pending={isSubmitting} className="mt-2 w-full">
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
