'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { createChallengeAction, updateChallengeAction } from '@/app/actions/challenges';
import { errorAt } from '@/components/forms/error-at';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useSharedVersion } from './version-context';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZChallengeDraft, ZUpdateChallenge, type TChallengeDraft } from '@/lib/validation/challenges';

export type ChallengeFormValues = TChallengeDraft & { id?: string; version?: number };

/**
 * A challenge (榜单), drafted by its issuer or by commission staff. Money in 万元; targets each with unit and
 * acceptance method. A draft may be saved incomplete; proposing checks completeness and marks what is missing.
 */
export function ChallengeForm({
  initial,
  fields,
  showPledge,
  afterCreate,
}: {
  initial: ChallengeFormValues;
  fields: { id: string; name: string }[];
  /** The issuer's own co-funding pledge (enterprise issuers). */
  showPledge: boolean;
  /** Where to go after creating a new draft (the id is appended). */
  afterCreate: string;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const editing = Boolean(initial.id);
  const form = useForm<ChallengeFormValues>({
    resolver: formResolver(editing ? ZUpdateChallenge : ZChallengeDraft) as unknown as Resolver<ChallengeFormValues>,
    defaultValues: initial,
  });
  const { register, control, formState, handleSubmit, setValue } = form;
  const { send, formError, notice } = useActionForm(form);
  const targets = useFieldArray({ control, name: 'targets' });
  const deliverables = useFieldArray({ control, name: 'deliverables' });
  const mode = useWatch({ control, name: 'selectionMode' });
  const targetValues = useWatch({ control, name: 'targets' });
  const err = (path: string) => errorText(errorAt(formState.errors as FieldErrors, path));
  const num = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) };

  const shared = useSharedVersion();
  const onSubmit = handleSubmit(async () => {
    const values = { ...form.getValues(), ...(shared ? { version: shared.version } : {}) };
    if (editing) {
      const saved = await send(() => updateChallengeAction(values), t('challenges.saved'));
      if (saved) {
        setValue('version', saved.version);
        shared?.learn(saved.version);
        router.refresh();
      }
    } else {
      const created = await send(() => createChallengeAction(values));
      if (created) router.push(`${afterCreate}/${created.id}`);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t('challenges.formTitle')}>
      <FormStatus error={formError} notice={notice} />
      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-base font-semibold">{t('challenges.sectionProblem')}</legend>
        <div className="grid gap-4 sm:grid-cols-[16rem_1fr]">
          <Field label={t('challenges.field')} error={err('fieldId')} required>
            <select className={inputClass} {...register('fieldId')}>
              <option value="">{t('challenges.chooseField')}</option>
              {fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('challenges.title')} error={err('title')} required>
            <input className={inputClass} {...register('title')} />
          </Field>
        </div>
        <Field label={t('challenges.titleEn')} error={err('titleEn')}>
          <input className={inputClass} {...register('titleEn')} />
        </Field>
        <Field label={t('challenges.problem')} hint={t('challenges.problemHint')} error={err('problem')}>
          <textarea className={textareaClass} rows={6} {...register('problem')} />
        </Field>
        <Field label={t('challenges.problemEn')} error={err('problemEn')}>
          <textarea className={textareaClass} rows={4} {...register('problemEn')} />
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-base font-semibold">{t('challenges.sectionTargets')}</legend>
        {err('targets') ? (
          <p className="text-sm text-accent-600" role="alert">
            {err('targets')}
          </p>
        ) : null}
        {targets.fields.map((f, i) => (
          <div key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-3 md:grid-cols-6">
            <Field
              label={`${t('challenges.targetName')} ${i + 1}`}
              error={err(`targets.${i}.name`)}
              className="md:col-span-2"
              required
            >
              <input className={inputClass} {...register(`targets.${i}.name`)} />
            </Field>
            <Field label={t('challenges.comparator')} error={err(`targets.${i}.comparator`)}>
              <select className={inputClass} {...register(`targets.${i}.comparator`)}>
                {(['GTE', 'LTE', 'EQ', 'RANGE'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`challenges.comparators.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('challenges.targetValue')} error={err(`targets.${i}.targetValue`)} required>
              <input className={inputClass} {...register(`targets.${i}.targetValue`)} />
            </Field>
            <Field label={t('challenges.unit')} error={err(`targets.${i}.unit`)} required>
              <input className={inputClass} {...register(`targets.${i}.unit`)} />
            </Field>
            <div className="flex items-end">
              <Button type="button" variant="ghost" size="sm" onClick={() => targets.remove(i)}>
                {t('common.remove')}
              </Button>
            </div>
            {targetValues?.[i]?.comparator === 'RANGE' ? (
              <>
                <Field label={t('challenges.targetMin')} error={err(`targets.${i}.targetMin`)}>
                  <input className={inputClass} inputMode="decimal" {...register(`targets.${i}.targetMin`)} />
                </Field>
                <Field label={t('challenges.targetMax')} error={err(`targets.${i}.targetMax`)}>
                  <input className={inputClass} inputMode="decimal" {...register(`targets.${i}.targetMax`)} />
                </Field>
              </>
            ) : null}
            <Field
              label={t('challenges.acceptance')}
              error={err(`targets.${i}.acceptanceMethod`)}
              className="md:col-span-6"
              required
            >
              <input className={inputClass} {...register(`targets.${i}.acceptanceMethod`)} />
            </Field>
            <Field label={t('challenges.targetNameEn')} error={err(`targets.${i}.nameEn`)} className="md:col-span-3">
              <input className={inputClass} {...register(`targets.${i}.nameEn`)} />
            </Field>
            <Field
              label={t('challenges.acceptanceEn')}
              error={err(`targets.${i}.acceptanceMethodEn`)}
              className="md:col-span-3"
            >
              <input className={inputClass} {...register(`targets.${i}.acceptanceMethodEn`)} />
            </Field>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() =>
              targets.append({
                name: '',
                nameEn: '',
                unit: '',
                comparator: 'GTE',
                targetValue: '',
                targetMin: '',
                targetMax: '',
                acceptanceMethod: '',
                acceptanceMethodEn: '',
              })
            }
          >
            {t('challenges.addTarget')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-base font-semibold">{t('challenges.sectionDeliverables')}</legend>
        {err('deliverables') ? (
          <p className="text-sm text-accent-600" role="alert">
            {err('deliverables')}
          </p>
        ) : null}
        {deliverables.fields.map((f, i) => (
          <div key={f.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <Field label={`${t('challenges.deliverable')} ${i + 1}`} error={err(`deliverables.${i}.name`)} required>
              <input className={inputClass} {...register(`deliverables.${i}.name`)} />
            </Field>
            <Field label={t('challenges.deliverableEn')} error={err(`deliverables.${i}.nameEn`)}>
              <input className={inputClass} {...register(`deliverables.${i}.nameEn`)} />
            </Field>
            <Button type="button" variant="ghost" size="sm" onClick={() => deliverables.remove(i)}>
              {t('common.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => deliverables.append({ name: '', nameEn: '' })}
          >
            {t('challenges.addDeliverable')}
          </Button>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-base font-semibold">{t('challenges.sectionTerms')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('challenges.fiscalWan')} hint={t('calls.wanHint')} error={err('fiscalWan')} required>
            <input className={inputClass} inputMode="decimal" {...register('fiscalWan')} />
          </Field>
          {showPledge ? (
            <Field label={t('challenges.pledgeWan')} hint={t('challenges.pledgeHint')} error={err('pledgeWan')}>
              <input className={inputClass} inputMode="decimal" {...register('pledgeWan')} />
            </Field>
          ) : null}
          <Field label={t('challenges.duration')} error={err('durationMonths')} required>
            <input type="number" className={inputClass} {...register('durationMonths', { valueAsNumber: true })} />
          </Field>
        </div>
        <div role="radiogroup" aria-label={t('challenges.selectionMode')} className="flex flex-wrap gap-4">
          {(['SINGLE', 'HORSE_RACE'] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                value={m}
                {...register('selectionMode', {
                  onChange: (e) => {
                    if (e.target.value === 'SINGLE') {
                      setValue('teamCount', 1);
                      setValue('cutAfterMonths', null);
                      setValue('keepAfterCut', null);
                    } else if (form.getValues('teamCount') < 2) {
                      setValue('teamCount', 2);
                    }
                  },
                })}
              />
              {t(`challenges.modes.${m}`)}
            </label>
          ))}
        </div>
        {mode === 'HORSE_RACE' ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t('challenges.teamCount')} error={err('teamCount')} required>
              <input type="number" className={inputClass} {...register('teamCount', { valueAsNumber: true })} />
            </Field>
            <Field label={t('challenges.cutAfterMonths')} error={err('cutAfterMonths')} required>
              <input type="number" className={inputClass} {...register('cutAfterMonths', num)} />
            </Field>
            <Field label={t('challenges.keepAfterCut')} error={err('keepAfterCut')} required>
              <input type="number" className={inputClass} {...register('keepAfterCut', num)} />
            </Field>
          </div>
        ) : null}
        <Field
          label={t('challenges.chiefScientist')}
          hint={t('challenges.chiefScientistHint')}
          error={err('chiefScientistRequirements')}
        >
          <textarea className={textareaClass} rows={3} {...register('chiefScientistRequirements')} />
        </Field>
        <Field label={t('challenges.chiefScientistEn')} error={err('chiefScientistRequirementsEn')}>
          <textarea className={textareaClass} rows={2} {...register('chiefScientistRequirementsEn')} />
        </Field>
      </fieldset>

      <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {formState.isSubmitting
            ? t('common.saving')
            : editing
              ? t('challenges.saveDraft')
              : t('challenges.createDraft')}
        </Button>
        <span className="text-sm text-slate-600">{t('challenges.draftHint')}</span>
      </div>
    </form>
  );
}
