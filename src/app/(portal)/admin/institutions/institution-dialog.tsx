'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { INSTITUTION_KINDS } from '@/domain/auth/roles';
import {
  INSTITUTION_AFFILIATIONS,
  ZCreateInstitution,
  ZUpdateInstitution,
  type TUpdateInstitution,
} from '@/lib/validation/institutions';
import { createInstitutionAction, updateInstitutionAction } from './actions';

type Values = Omit<TUpdateInstitution, 'id' | 'version'> & { id?: string; version?: number };

/** Create (no `existing`) or edit an institution, in one form. */
export function InstitutionDialog({ existing }: { existing?: TUpdateInstitution }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const blank: Values = {
    name: '',
    nameEn: '',
    aliases: '',
    kind: 'RESEARCH_UNIVERSITY',
    affiliation: 'MUNICIPAL',
    creditCode: '',
    active: true,
  };
  const form = useForm<Values>({
    // One form for both: the edit schema adds id, version and active to the create schema.
    resolver: formResolver(existing ? ZUpdateInstitution : ZCreateInstitution) as unknown as Resolver<Values>,
    defaultValues: existing ?? blank,
  });
  const { register, handleSubmit, formState, reset } = form;
  const { send, formError } = useActionForm(form);
  const onSubmit = handleSubmit(async () => {
    const values = form.getValues();
    const ok = existing
      ? await send(() => updateInstitutionAction(values))
      : await send(() => createInstitutionAction(values));
    if (ok) {
      if (!existing) reset(blank);
      setOpen(false);
      router.refresh();
    }
  });
  const e = formState.errors;
  const title = existing
    ? t('common.labelled', { label: t('common.edit'), value: existing.name })
    : t('institutions.new');
  return (
    <DialogForm
      title={title}
      triggerLabel={existing ? t('common.edit') : undefined}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={formState.isSubmitting}
      submitLabel={t('common.save')}
      formError={formError}
    >
      <Field label={t('institutions.name')} error={errorText(e.name?.message)} required>
        <input className={inputClass} {...register('name')} />
      </Field>
      <Field label={t('institutions.nameEn')} error={errorText(e.nameEn?.message)}>
        <input className={inputClass} {...register('nameEn')} />
      </Field>
      <Field
        label={t('institutions.aliases')}
        hint={t('institutions.aliasesHint')}
        error={errorText(e.aliases?.message)}
      >
        <input className={inputClass} {...register('aliases')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('institutions.kind')} error={errorText(e.kind?.message)} required>
          <select className={inputClass} {...register('kind')}>
            {INSTITUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`enums.institutionKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('institutions.affiliation')} error={errorText(e.affiliation?.message)} required>
          <select className={inputClass} {...register('affiliation')}>
            {INSTITUTION_AFFILIATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`enums.affiliation.${a}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={t('institutions.creditCode')}
        hint={t('institutions.creditCodeHint')}
        error={errorText(e.creditCode?.message)}
        required
      >
        <input className={`${inputClass} font-mono uppercase`} maxLength={24} {...register('creditCode')} />
      </Field>
      {existing ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="h-4 w-4" {...register('active')} />
          {t('institutions.active')}
        </label>
      ) : null}
    </DialogForm>
  );
}
