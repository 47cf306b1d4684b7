'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { textareaClass } from '@/components/ui/styles';
import { asLocale } from '@/i18n/config';
import { localized } from '@/lib/format';
import { ZFormalCheck } from '@/lib/validation/applications';
import { formalCheckAction, revealApplicantIdNumberAction } from '../actions';

type Reason = { code: string; label: string; labelEn: string };
type CheckForm = { id: string; outcome?: 'PASS' | 'FAIL'; reasonCodes: string[]; comment: string };

/** Pass or fail; failing needs at least one of the active reasons (the schema says so, as the server does). */
export function FormalCheckForm({ id, reasons }: { id: string; reasons: Reason[] }) {
  const t = useTranslations();
  const locale = asLocale(useLocale());
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<CheckForm>({
    resolver: formResolver(ZFormalCheck) as never,
    defaultValues: { id, reasonCodes: [], comment: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const [outcome, chosen] = useWatch({ control: form.control, name: ['outcome', 'reasonCodes'] });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    // A pass carries no reasons, even if some were ticked before switching to pass.
    const input = { ...values, reasonCodes: values.outcome === 'PASS' ? [] : values.reasonCodes };
    if (await send(() => formalCheckAction(input), t('formalCheck.savedNotice'))) router.refresh();
  });
  const setChosen = (next: string[]) =>
    form.setValue('reasonCodes', next, { shouldValidate: form.formState.isSubmitted });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('formalCheck.decisionTitle')}>
      <FormStatus error={formError} notice={notice} />
      <fieldset aria-invalid={errors.outcome ? true : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          {t('formalCheck.outcome')}
          <span className="text-accent-600" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        <div className="mt-2 flex gap-6">
          {(['PASS', 'FAIL'] as const).map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm">
              <input type="radio" value={o} className="h-4 w-4" {...form.register('outcome')} />
              {t(o === 'PASS' ? 'formalCheck.pass' : 'formalCheck.fail')}
            </label>
          ))}
        </div>
        {errors.outcome?.message ? (
          <p role="alert" className="mt-1 text-sm text-accent-600">
            {errorText(errors.outcome.message)}
          </p>
        ) : null}
      </fieldset>
      {outcome === 'FAIL' ? (
        <fieldset aria-describedby="reasons-hint">
          <legend className="text-sm font-medium text-slate-800">
            {t('formalCheck.reasons')}
            <span className="text-accent-600" aria-hidden="true">
              {' '}
              *
            </span>
          </legend>
          <p id="reasons-hint" className="text-xs text-slate-600">
            {t('formalCheck.reasonsHint')}
          </p>
          {reasons.length === 0 ? (
            <div className="mt-2">
              <Alert tone="warning">{t('formalCheck.noActiveReasons')}</Alert>
            </div>
          ) : (
            <div className="mt-2 flex flex-col gap-2">
              {reasons.map((r) => (
                <label key={r.code} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5 h-4 w-4"
                    checked={chosen.includes(r.code)}
                    onChange={(e) =>
                      setChosen(
                        e.target.checked
                          ? [...chosen.filter((c) => c !== r.code), r.code]
                          : chosen.filter((c) => c !== r.code),
                      )
                    }
                  />
                  {localized(locale, r.label, r.labelEn)}
                </label>
              ))}
            </div>
          )}
          {errors.reasonCodes?.message ? (
            <p role="alert" className="mt-1 text-sm text-accent-600">
              {errorText(errors.reasonCodes.message)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Field
        label={t('formalCheck.comment')}
        hint={t('formalCheck.commentHint')}
        error={errorText(errors.comment?.message)}
      >
        <textarea className={textareaClass} rows={4} {...form.register('comment')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('formalCheck.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The masked number, and the full one on request — each request is a separate, audited reading. */
export function IdNumberReveal({ applicationId, masked }: { applicationId: string; masked: string | null }) {
  const t = useTranslations('formalCheck');
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <p className="text-sm text-slate-600">{t('idNone')}</p>;
  const onSubmit = form.handleSubmit(async () => {
    const result = await send(() => revealApplicantIdNumberAction({ applicationId }));
    if (result) setFull(result.idNumber);
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('idTitle')}>
      <FormStatus error={formError} />
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">{t('idMaskedLabel')}</dt>
        <dd className="font-mono">{masked}</dd>
        {full ? (
          <>
            <dt className="text-slate-600">{t('idFullLabel')}</dt>
            <dd className="font-mono" aria-live="polite">
              {full}
            </dd>
          </>
        ) : null}
      </dl>
      {full ? null : (
        <div className="flex flex-col gap-1">
          <div>
            <Button type="submit" variant="secondary" size="sm" pending={form.formState.isSubmitting}>
              {t('reveal')}
            </Button>
          </div>
          <p className="text-xs text-slate-600">{t('revealHint')}</p>
        </div>
      )}
    </form>
  );
}
