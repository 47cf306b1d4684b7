'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { DisciplineOptions, type DisciplineOption } from '@/components/forms/discipline-options';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { LanguagesFieldset } from '@/components/review/languages-fieldset';
import { ZExpertProfile, type TExpertProfile } from '@/lib/validation/review';
import { saveExpertProfileAction } from './actions';

const TITLES = ['SENIOR', 'ASSOCIATE_SENIOR', 'INTERMEDIATE', 'JUNIOR', 'NONE'] as const;

interface Options {
  disciplines: DisciplineOption[];
  institutions: { id: string; name: string }[];
  /** EXPERT-role holders not yet in the pool: whom the create dialog may add. */
  candidates: { id: string; name: string; email: string }[];
}

// Every row has an edit dialog; the ~700 disciplines and the institution list travel to the browser once, here,
// instead of once per row.
const OptionsContext = createContext<Options>({ disciplines: [], institutions: [], candidates: [] });

export function ExpertFormOptions({ children, ...options }: Options & { children: ReactNode }) {
  return <OptionsContext.Provider value={options}>{children}</OptionsContext.Provider>;
}

/** The form's fields in the order they appear, for the summary that names each field needing attention. */
const FIELDS = [
  'userId',
  'institutionId',
  'institutionName',
  'country',
  'languages',
  'nameVariants',
  'disciplineCodes',
  'keywords',
  'title',
  'loadLimitPerCall',
  'unavailableFrom',
  'unavailableUntil',
  'active',
  'affiliations',
] as const satisfies readonly (keyof TExpertProfile)[];

/** A list field (codes, keywords) reports per item: its first item's message stands for the field. */
function messageOf(errors: FieldErrors<TExpertProfile>, field: keyof TExpertProfile): string | undefined {
  const e = errors[field] as { message?: string } | ({ message?: string } | undefined)[] | undefined;
  return Array.isArray(e) ? e.find((item) => item?.message)?.message : e?.message;
}

/** Add (no `existing`: choose a person holding the EXPERT role) or edit an expert's pool entry, in one form. */
export function ExpertDialog({ existing, name }: { existing?: TExpertProfile; name?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const errorText = useErrorText();
  const router = useRouter();
  const { disciplines, institutions, candidates } = useContext(OptionsContext);
  const [open, setOpen] = useState(false);
  const [picker, setPicker] = useState('');
  const blank: TExpertProfile = {
    userId: '',
    institutionId: undefined,
    institutionName: '',
    country: 'CN',
    languages: ['zh'],
    nameVariants: '',
    disciplineCodes: '',
    keywords: '',
    title: undefined,
    loadLimitPerCall: 10,
    unavailableFrom: '',
    unavailableUntil: '',
    active: true,
    affiliations: [],
  };
  const form = useForm<TExpertProfile>({ resolver: formResolver(ZExpertProfile), defaultValues: existing ?? blank });
  const { register, handleSubmit, formState, getValues, setValue, control } = form;
  const { send, formError } = useActionForm(form);
  const errors = formState.errors;
  const former = useFieldArray({ control, name: 'affiliations' });

  const onSubmit = handleSubmit(async () => {
    // What was typed goes to the server, which parses it with the same schema; a failure keeps every field.
    const saved = await send(() => saveExpertProfileAction(getValues()));
    if (saved) {
      if (!existing) form.reset(blank);
      setOpen(false);
      router.refresh();
    }
  });

  const label = (field: (typeof FIELDS)[number]) => t(`experts.fields.${field}`);
  const err = (field: keyof TExpertProfile) => {
    const message = messageOf(errors, field);
    // The schema's generic "maximum below minimum" reads oddly for a date window: say which date is wrong.
    if (field === 'unavailableUntil' && message === 'maxBelowMin') return t('experts.untilBeforeFrom');
    // An empty choice fails as "not a valid id"; what the person needs to hear is "choose someone".
    if (field === 'userId' && message === 'invalid' && !getValues('userId')) return t('experts.chooseExpert');
    return errorText(message);
  };
  const invalid = FIELDS.filter((f) => messageOf(errors, f) !== undefined).map(label);
  const summary = invalid.length
    ? t('experts.fixFields', { fields: new Intl.ListFormat(locale, { type: 'conjunction' }).format(invalid) })
    : null;

  const [typedCodes, institutionId] = useWatch({ control, name: ['disciplineCodes', 'institutionId'] });
  const codes = (typedCodes ?? '').split(/[,，;；、\s]+/).filter(Boolean);
  const known = new Map(disciplines.map((d) => [d.code, d.name]));
  const addDiscipline = (code: string) => {
    setPicker('');
    if (!code || codes.includes(code)) return;
    setValue('disciplineCodes', [...codes, code].join(', '), { shouldDirty: true });
  };

  const title = existing ? t('common.labelled', { label: t('common.edit'), value: name ?? '' }) : t('experts.add');
  return (
    <DialogForm
      title={title}
      triggerLabel={existing ? t('common.edit') : undefined}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={formState.isSubmitting}
      submitLabel={t('common.save')}
      formError={summary ?? formError}
    >
      {existing ? null : (
        <Field label={label('userId')} hint={t('experts.userIdHint')} error={err('userId')} required>
          <select className={inputClass} {...register('userId')}>
            <option value="">{candidates.length ? t('experts.choose') : t('experts.noCandidates')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{c.email}）
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={label('institutionId')} hint={t('experts.institutionIdHint')} error={err('institutionId')}>
          <select className={inputClass} {...register('institutionId', { setValueAs: (v) => (v ? v : null) })}>
            <option value="">{t('experts.outsideDirectory')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </Field>
        {institutionId ? null : (
          <Field
            label={label('institutionName')}
            hint={t('experts.institutionNameHint')}
            error={err('institutionName')}
          >
            <input className={inputClass} {...register('institutionName')} />
          </Field>
        )}
        <Field label={label('country')} hint={t('experts.countryHint')} error={err('country')} required>
          <input className={`${inputClass} uppercase`} maxLength={2} autoComplete="off" {...register('country')} />
        </Field>
        <Field label={label('title')} error={err('title')}>
          <select className={inputClass} {...register('title', { setValueAs: (v) => (v ? v : null) })}>
            <option value="">{t('experts.choose')}</option>
            {TITLES.map((v) => (
              <option key={v} value={v}>
                {t(`enums.title.${v}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <LanguagesFieldset
        legend={label('languages')}
        names={{ zh: t('experts.languageNames.zh'), en: t('experts.languageNames.en') }}
        registration={register('languages')}
        error={err('languages')}
      />
      <Field label={label('disciplineCodes')} hint={t('experts.disciplineCodesHint')} error={err('disciplineCodes')}>
        <input className={`${inputClass} font-mono`} autoComplete="off" {...register('disciplineCodes')} />
      </Field>
      {codes.length ? (
        <ul className="-mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" aria-label={t('experts.chosen')}>
          {codes.map((c) => (
            <li key={c}>
              <span className="font-mono">{c}</span> {known.get(c) ?? t('experts.unknownCode')}
            </li>
          ))}
        </ul>
      ) : null}
      <Field label={t('experts.addDiscipline')}>
        <select className={inputClass} value={picker} onChange={(e) => addDiscipline(e.target.value)}>
          <option value="">{t('experts.addDisciplineChoose')}</option>
          <DisciplineOptions disciplines={disciplines} />
        </select>
      </Field>
      <Field label={label('keywords')} hint={t('experts.keywordsHint')} error={err('keywords')}>
        <input className={inputClass} {...register('keywords')} />
      </Field>
      <Field label={label('nameVariants')} hint={t('experts.nameVariantsHint')} error={err('nameVariants')}>
        <input className={inputClass} {...register('nameVariants')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label={label('loadLimitPerCall')}
          hint={t('experts.loadLimitHint')}
          error={err('loadLimitPerCall')}
          required
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            className={inputClass}
            {...register('loadLimitPerCall', { valueAsNumber: true })}
          />
        </Field>
        <Field label={label('unavailableFrom')} error={err('unavailableFrom')}>
          <input type="date" className={inputClass} {...register('unavailableFrom')} />
        </Field>
        <Field label={label('unavailableUntil')} error={err('unavailableUntil')}>
          <input type="date" className={inputClass} {...register('unavailableUntil')} />
        </Field>
      </div>
      <p className="-mt-2 text-xs text-slate-600">{t('experts.availabilityHint')}</p>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">{label('affiliations')}</legend>
        <p className="-mt-1 text-xs text-slate-600">{t('experts.affiliationsHint')}</p>
        {former.fields.map((f, i) => (
          <div key={f.id} className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_10rem_auto]">
            <Field
              label={t('experts.affiliationName', { n: i + 1 })}
              error={errorText(errors.affiliations?.[i]?.institutionName?.message)}
              required
            >
              <input className={inputClass} {...register(`affiliations.${i}.institutionName`)} />
            </Field>
            <Field
              label={t('experts.affiliationFrom', { n: i + 1 })}
              error={errorText(errors.affiliations?.[i]?.fromDate?.message)}
              required
            >
              <input type="date" className={inputClass} {...register(`affiliations.${i}.fromDate`)} />
            </Field>
            <Field
              label={t('experts.affiliationTo', { n: i + 1 })}
              error={
                errors.affiliations?.[i]?.toDate?.message === 'maxBelowMin'
                  ? t('experts.affiliationToBeforeFrom')
                  : errorText(errors.affiliations?.[i]?.toDate?.message)
              }
            >
              <input type="date" className={inputClass} {...register(`affiliations.${i}.toDate`)} />
            </Field>
            <button
              type="button"
              className="h-10 rounded-md border border-slate-300 px-3 text-sm text-slate-700 hover:bg-slate-100"
              onClick={() => former.remove(i)}
            >
              {t('experts.removeAffiliation')}
              <span className="sr-only"> {i + 1}</span>
            </button>
          </div>
        ))}
        {former.fields.length < 10 ? (
          <div>
            <button
              type="button"
              className="h-9 rounded-md border border-slate-300 px-3 text-sm text-brand-800 hover:bg-slate-100"
              onClick={() => former.append({ institutionName: '', fromDate: '', toDate: '' })}
            >
              {t('experts.addAffiliation')}
            </button>
          </div>
        ) : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="size-4" {...register('active')} />
        {label('active')}
      </label>
    </DialogForm>
  );
}
