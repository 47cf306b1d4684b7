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
import { PROGRAM_KINDS } from '@/domain/program/rules';
import { ZCreateProgram, type TCreateProgram } from '@/lib/validation/programs';
import { createProgramAction } from './actions';

export function CreateProgramDialog() {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const blank: TCreateProgram = { code: '', name: '', nameEn: '', kind: 'GENERAL', description: '', descriptionEn: '' };
  const form = useForm<TCreateProgram>({ resolver: formResolver(ZCreateProgram) as never, defaultValues: blank });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    const created = await send(() => createProgramAction(form.getValues()));
    if (created) {
      setOpen(false);
      form.reset(blank);
      router.push(`/commission/programs/${created.id}`);
    }
  });
  return (
    <DialogForm
      title={t('programs.new')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('common.create')}
      formError={formError}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('programs.code')} hint={t('programs.codeHint')} error={errorText(e.code?.message)} required>
          <input
            className={`${inputClass} font-mono uppercase`}
            {...form.register('code', { setValueAs: (v: string) => v.toUpperCase() })}
          />
        </Field>
        <Field label={t('programs.kind')} hint={t('programs.kindHint')} error={errorText(e.kind?.message)} required>
          <select className={inputClass} {...form.register('kind')}>
            {PROGRAM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`programs.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('programs.name')} error={errorText(e.name?.message)} required>
          <input className={inputClass} {...form.register('name')} />
        </Field>
        <Field label={t('programs.nameEn')} error={errorText(e.nameEn?.message)} required>
          <input className={inputClass} {...form.register('nameEn')} />
        </Field>
      </div>
      <Field label={t('programs.descriptionField')} error={errorText(e.description?.message)}>
        <textarea className={textareaClass} rows={3} {...form.register('description')} />
      </Field>
    </DialogForm>
  );
}
