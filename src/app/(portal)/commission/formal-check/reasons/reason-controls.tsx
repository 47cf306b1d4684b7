'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZFormalCheckReason } from '@/lib/validation/applications';
import { createFormalCheckReasonAction, setFormalCheckReasonActiveAction } from '../actions';

const BLANK = { code: '', label: '', labelEn: '' };

export function AddReasonDialog() {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({ resolver: formResolver(ZFormalCheckReason), defaultValues: BLANK });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => createFormalCheckReasonAction(values))) {
      form.reset(BLANK);
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('formalCheck.addReason')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('common.create')}
      formError={formError}
    >
      <Field
        label={t('formalCheck.reasonCode')}
        hint={t('formalCheck.reasonCodeHint')}
        error={errorText(e.code?.message)}
        required
      >
        <input className={`${inputClass} font-mono`} autoComplete="off" {...form.register('code')} />
      </Field>
      <Field label={t('formalCheck.reasonLabel')} error={errorText(e.label?.message)} required>
        <input className={inputClass} {...form.register('label')} />
      </Field>
      <Field label={t('formalCheck.reasonLabelEn')} error={errorText(e.labelEn?.message)} required>
        <input className={inputClass} lang="en" {...form.register('labelEn')} />
      </Field>
    </DialogForm>
  );
}

/** Activate or deactivate one reason; the button names the reason's code for screen readers and tests. */
export function ReasonActiveToggle({ id, code, active }: { id: string; code: string; active: boolean }) {
  const t = useTranslations('formalCheck');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => setFormalCheckReasonActiveAction({ id, active: !active }))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1">
      <div>
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          pending={form.formState.isSubmitting}
          aria-label={t(active ? 'deactivateLabel' : 'activateLabel', { code })}
        >
          {t(active ? 'deactivate' : 'activate')}
        </Button>
      </div>
      {formError ? (
        <p role="alert" className="text-xs text-accent-600">
          {formError === '__network__' ? tErrors('INTERNAL') : formError}
        </p>
      ) : null}
    </form>
  );
}
