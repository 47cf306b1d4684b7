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
import { inputClass } from '@/components/ui/styles';
import { ZHonour, type THonour } from '@/lib/validation/talent';
import { addHonourAction } from './actions';

export function AddHonourDialog() {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  // An empty year box: the schema names it ("enter a number") rather than the form inventing a year.
  const blank = { name: '', grantedBy: '', year: '' as unknown as number } satisfies THonour;
  const form = useForm<THonour>({ resolver: formResolver(ZHonour) as never, defaultValues: blank });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    const added = await send(() => addHonourAction(form.getValues()));
    if (added) {
      form.reset(blank);
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('talent.addHonour')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('talent.add')}
      formError={formError}
    >
      <Field
        label={t('talent.honourName')}
        hint={t('talent.honourNameHint')}
        error={errorText(e.name?.message)}
        required
      >
        <input className={inputClass} {...form.register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('talent.grantedBy')} error={errorText(e.grantedBy?.message)}>
          <input className={inputClass} {...form.register('grantedBy')} />
        </Field>
        <Field label={t('talent.year')} error={errorText(e.year?.message)} required>
          <input
            type="number"
            inputMode="numeric"
            min={1950}
            max={2100}
            className={inputClass}
            {...form.register('year', { valueAsNumber: true })}
          />
        </Field>
      </div>
    </DialogForm>
  );
}
