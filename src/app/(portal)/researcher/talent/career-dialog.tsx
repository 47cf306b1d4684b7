'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZCareerEntry, type TCareerEntry } from '@/lib/validation/talent';
import { addCareerEntryAction } from './actions';

export function AddCareerDialog() {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const blank: TCareerEntry = { kind: 'EDUCATION', organization: '', role: '', startsOn: '', endsOn: '' };
  const form = useForm<TCareerEntry>({ resolver: formResolver(ZCareerEntry) as never, defaultValues: blank });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const onSubmit = form.handleSubmit(async () => {
    const added = await send(() => addCareerEntryAction(form.getValues()));
    if (added) {
      form.reset(blank);
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('talent.addCareer')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('talent.add')}
      formError={formError}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('talent.careerKind')} error={errorText(e.kind?.message)} required>
          <select className={inputClass} {...form.register('kind')}>
            <option value="EDUCATION">{t('talent.kinds.EDUCATION')}</option>
            <option value="WORK">{t('talent.kinds.WORK')}</option>
          </select>
        </Field>
        <Field
          label={kind === 'WORK' ? t('talent.employer') : t('talent.school')}
          error={errorText(e.organization?.message)}
          required
        >
          <input className={inputClass} {...form.register('organization')} />
        </Field>
        <Field
          label={kind === 'WORK' ? t('talent.position') : t('talent.degreeAndMajor')}
          hint={kind === 'WORK' ? t('talent.positionHint') : t('talent.degreeAndMajorHint')}
          error={errorText(e.role?.message)}
          className="sm:col-span-2"
          required
        >
          <input className={inputClass} {...form.register('role')} />
        </Field>
        <Field label={t('talent.startsOn')} error={errorText(e.startsOn?.message)} required>
          <input type="date" className={inputClass} {...form.register('startsOn')} />
        </Field>
        <Field label={t('talent.endsOn')} hint={t('talent.endsOnHint')} error={errorText(e.endsOn?.message)}>
          <input type="date" className={inputClass} {...form.register('endsOn')} />
        </Field>
      </div>
    </DialogForm>
  );
}
