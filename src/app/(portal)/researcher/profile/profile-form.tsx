'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZResearcherProfile, type TResearcherProfile } from '@/lib/validation/profile';
import { updateProfileAction } from './actions';

export function ProfileForm({ initial, institutionName }: { initial: TResearcherProfile; institutionName: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const form = useForm({ resolver: formResolver(ZResearcherProfile), defaultValues: initial });
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const { send, formError, notice } = useActionForm(form);

  const onSubmit = handleSubmit(async () => {
    // Send what was typed (the server parses it with the same schema), not the client's transformed copy.
    const data = await send(() => updateProfileAction(form.getValues()), t('profile.saved'));
    if (data) setValue('version', data.version);
  });

  // List fields (codes, keywords) report per item: show the first item's message on the field.
  const err = (k: keyof TResearcherProfile) => {
    const e = errors[k] as { message?: string } | ({ message?: string } | undefined)[] | undefined;
    const message = Array.isArray(e) ? e.find((item) => item?.message)?.message : e?.message;
    return errorText(message);
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex max-w-3xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <FormStatus error={formError} notice={notice} />
      <Field label={t('profile.institution')} hint={t('profile.institutionHint')}>
        <input className={inputClass} value={institutionName} readOnly disabled />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('profile.department')} error={err('department')}>
          <input className={inputClass} {...register('department')} />
        </Field>
        <Field label={t('profile.gender')} error={err('gender')}>
          <select className={inputClass} {...register('gender', { setValueAs: (v) => (v === '' ? null : v) })}>
            <option value="">{t('profile.choose')}</option>
            <option value="MALE">{t('enums.gender.MALE')}</option>
            <option value="FEMALE">{t('enums.gender.FEMALE')}</option>
          </select>
        </Field>
        <Field label={t('profile.birthDate')} hint={t('profile.birthDateHint')} error={err('birthDate')}>
          <input type="date" className={inputClass} {...register('birthDate')} />
        </Field>
        <Field label={t('profile.titleField')} error={err('title')}>
          <select className={inputClass} {...register('title', { setValueAs: (v) => (v === '' ? null : v) })}>
            <option value="">{t('profile.choose')}</option>
            {(['SENIOR', 'ASSOCIATE_SENIOR', 'INTERMEDIATE', 'JUNIOR', 'NONE'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`enums.title.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('profile.degree')} error={err('degree')}>
          <select className={inputClass} {...register('degree', { setValueAs: (v) => (v === '' ? null : v) })}>
            <option value="">{t('profile.choose')}</option>
            {(['DOCTORATE', 'MASTER', 'BACHELOR', 'OTHER'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`enums.degree.${v}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('profile.orcid')} hint={t('profile.orcidHint')} error={err('orcid')}>
          <input className={inputClass} inputMode="text" {...register('orcid')} />
        </Field>
        <Field label={t('profile.phone')} hint={t('profile.phoneHint')} error={err('phone')}>
          <input type="tel" autoComplete="tel" className={inputClass} {...register('phone')} />
        </Field>
      </div>
      <Field
        label={t('profile.disciplineCodes')}
        hint={t('profile.disciplineCodesHint')}
        error={err('disciplineCodes')}
      >
        <input className={inputClass} {...register('disciplineCodes')} />
      </Field>
      <Field label={t('profile.keywords')} hint={t('profile.keywordsHint')} error={err('keywords')}>
        <input className={inputClass} {...register('keywords')} />
      </Field>
      <input type="hidden" {...register('version', { valueAsNumber: true })} />
      <div>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
