'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZCreditRecord, ZRevokeCredit, type TCreditRecord } from '@/lib/validation/talent';
import { addCreditRecordAction, revokeCreditRecordAction } from './actions';

/** Records a finding against a person, identified by the email of their account. */
export function AddCreditRecordDialog({ today }: { today: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const blank: TCreditRecord = {
    email: '',
    finding: '',
    decidedBy: '',
    startsOn: today,
    endsOn: '',
    barsApplications: true,
    barsReviewing: true,
  };
  const form = useForm<TCreditRecord>({ resolver: formResolver(ZCreditRecord) as never, defaultValues: blank });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    const added = await send(() => addCreditRecordAction(form.getValues()));
    if (added) {
      form.reset(blank);
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('credit.add')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('credit.addSubmit')}
      formError={formError}
    >
      <Field label={t('credit.email')} hint={t('credit.emailHint')} error={errorText(e.email?.message)} required>
        <input type="email" autoComplete="off" className={inputClass} {...form.register('email')} />
      </Field>
      <Field label={t('credit.finding')} hint={t('credit.findingHint')} error={errorText(e.finding?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('finding')} />
      </Field>
      <Field
        label={t('credit.decidedBy')}
        hint={t('credit.decidedByHint')}
        error={errorText(e.decidedBy?.message)}
        required
      >
        <input className={inputClass} {...form.register('decidedBy')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('credit.startsOn')} error={errorText(e.startsOn?.message)} required>
          <input type="date" className={inputClass} {...form.register('startsOn')} />
        </Field>
        <Field label={t('credit.endsOn')} hint={t('credit.endsOnHint')} error={errorText(e.endsOn?.message)}>
          <input type="date" className={inputClass} {...form.register('endsOn')} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('credit.bars')}</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="size-4" {...form.register('barsApplications')} />
          {t('credit.barsApplications')}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="size-4" {...form.register('barsReviewing')} />
          {t('credit.barsReviewing')}
        </label>
        <p className="text-xs text-slate-600">{t('credit.barsHint')}</p>
      </fieldset>
    </DialogForm>
  );
}

/** Revokes a record (overturned on appeal, recorded in error); the reason stays with the record and the audit log. */
export function RevokeCreditRecordDialog({ id, person, startsOn }: { id: string; person: string; startsOn: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<{ id: string; reason: string }>({
    resolver: formResolver(ZRevokeCredit) as never,
    defaultValues: { id, reason: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const revoked = await send(() => revokeCreditRecordAction(form.getValues()));
    if (revoked) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('credit.revokeTitle', { person, date: startsOn })}
      triggerLabel={t('credit.revoke')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('credit.revokeSubmit')}
      formError={formError}
    >
      <p className="text-sm text-slate-700">{t('credit.revokeExplain')}</p>
      <Field label={t('credit.revokeReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}
