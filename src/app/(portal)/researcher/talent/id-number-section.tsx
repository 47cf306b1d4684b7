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
import { ZIdNumber } from '@/lib/validation/talent';
import { revealIdNumberAction, setIdNumberAction } from './actions';

/**
 * The ID number: the page carries only its masked form; the full number is fetched when its owner asks for it, and
 * the input for a new one is never filled with the stored number.
 */
export function IdNumberSection({ masked }: { masked: string | null }) {
  const t = useTranslations('talent');
  const errorText = useErrorText();
  const router = useRouter();
  const [full, setFull] = useState<string | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const [revealing, startReveal] = useTransition();
  const [showTyped, setShowTyped] = useState(false);
  const form = useForm<{ idNumber: string }>({
    resolver: formResolver(ZIdNumber) as never,
    defaultValues: { idNumber: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const saved = await send(() => setIdNumberAction(form.getValues()), t('idNumberSaved'));
    if (saved) {
      form.reset({ idNumber: '' });
      setFull(null);
      setShowTyped(false);
      router.refresh();
    }
  });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        {masked ? (
          <p className="text-sm text-slate-800" aria-live="polite">
            {t('idNumberOnFile')} <span className="font-mono text-base tracking-wider">{full ?? masked}</span>
          </p>
        ) : (
          <p className="text-sm text-slate-600">{t('idNumberNone')}</p>
        )}
        {masked ? (
          full ? (
            <Button type="button" size="sm" variant="secondary" onClick={() => setFull(null)}>
              {t('hideIdNumber')}
            </Button>
          ) : (
            <Button
              type="button"
              size="sm"
              variant="secondary"
              pending={revealing}
              onClick={() =>
                startReveal(async () => {
                  setRevealError(null);
                  try {
                    const result = await revealIdNumberAction();
                    if (result.ok) setFull(result.data.idNumber);
                    else setRevealError(result.message);
                  } catch {
                    setRevealError('__network__');
                  }
                })
              }
            >
              {t('revealIdNumber')}
            </Button>
          )
        ) : null}
      </div>
      {revealError ? <FormStatus error={revealError} /> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 border-t border-slate-100 pt-4">
        <FormStatus error={formError} notice={notice} />
        <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
          <Field
            label={masked ? t('newIdNumber') : t('idNumber')}
            hint={t('idNumberHint')}
            error={errorText(form.formState.errors.idNumber?.message)}
            className="w-full max-w-sm"
            required
          >
            <input
              type={showTyped ? 'text' : 'password'}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={22}
              className={`${inputClass} font-mono`}
              {...form.register('idNumber')}
            />
          </Field>
          <div className="flex gap-2 sm:mt-7">
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-pressed={showTyped}
              onClick={() => setShowTyped((v) => !v)}
            >
              {showTyped ? t('hideTyped') : t('showTyped')}
            </Button>
            <Button type="submit" size="sm" pending={form.formState.isSubmitting}>
              {masked ? t('replaceIdNumber') : t('setIdNumber')}
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
