'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { LanguagesFieldset } from '@/components/review/languages-fieldset';
import { ZOwnExpertProfile, type TOwnExpertProfile } from '@/lib/validation/review';
import { updateOwnExpertProfileAction } from './actions';

const FIELDS = ['languages', 'keywords', 'nameVariants', 'unavailableFrom', 'unavailableUntil'] as const;

/** What an expert keeps themselves; the rest of the pool entry is the commission's. */
export function OwnExpertProfileForm({ initial }: { initial: TOwnExpertProfile }) {
  const t = useTranslations();
  const locale = useLocale();
  const errorText = useErrorText();
  const form = useForm({ resolver: formResolver(ZOwnExpertProfile), defaultValues: initial });
  const {
    register,
    handleSubmit,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = form;
  const { send, formError, notice } = useActionForm(form);

  const onSubmit = handleSubmit(async () => {
    // Send what was typed (the server parses it with the same schema), not the client's transformed copy.
    const data = await send(() => updateOwnExpertProfileAction(getValues()), t('expertProfile.saved'));
    if (data) setValue('version', data.version);
  });

  // List fields report per item: the first item's message stands for the field.
  const messageOf = (k: (typeof FIELDS)[number]) => {
    const e = errors[k] as { message?: string } | ({ message?: string } | undefined)[] | undefined;
    return Array.isArray(e) ? e.find((item) => item?.message)?.message : e?.message;
  };
  const err = (k: (typeof FIELDS)[number]) => {
    const message = messageOf(k);
    // The schema's generic "maximum below minimum" reads oddly for a date window: say which date is wrong.
    if (k === 'unavailableUntil' && message === 'maxBelowMin') return t('expertProfile.untilBeforeFrom');
    return errorText(message);
  };
  const invalid = FIELDS.filter((f) => messageOf(f) !== undefined).map((f) => t(`expertProfile.fields.${f}`));
  const summary = invalid.length
    ? t('expertProfile.fixFields', { fields: new Intl.ListFormat(locale, { type: 'conjunction' }).format(invalid) })
    : null;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="own-expert-profile"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="own-expert-profile" className="text-base font-semibold text-slate-900">
        {t('expertProfile.yours')}
      </h2>
      <FormStatus error={summary ?? formError} notice={notice} />
      <LanguagesFieldset
        legend={t('expertProfile.fields.languages')}
        names={{ zh: t('expertProfile.languageNames.zh'), en: t('expertProfile.languageNames.en') }}
        registration={register('languages')}
        hint={t('expertProfile.languagesHint')}
        error={err('languages')}
      />
      <Field label={t('expertProfile.fields.keywords')} hint={t('expertProfile.keywordsHint')} error={err('keywords')}>
        <input className={inputClass} {...register('keywords')} />
      </Field>
      <Field
        label={t('expertProfile.fields.nameVariants')}
        hint={t('expertProfile.nameVariantsHint')}
        error={err('nameVariants')}
      >
        <input className={inputClass} {...register('nameVariants')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('expertProfile.fields.unavailableFrom')} error={err('unavailableFrom')}>
          <input type="date" className={inputClass} {...register('unavailableFrom')} />
        </Field>
        <Field label={t('expertProfile.fields.unavailableUntil')} error={err('unavailableUntil')}>
          <input type="date" className={inputClass} {...register('unavailableUntil')} />
        </Field>
      </div>
      <p className="-mt-2 text-xs text-slate-600">{t('expertProfile.availabilityHint')}</p>
      <div>
        <Button type="submit" pending={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
