'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { errorAt } from '@/components/forms/error-at';
import { FormStatus } from '@/components/forms/form-status';
import { PercentInput, WanInput } from '@/components/forms/unit-inputs';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { INSTITUTION_KINDS } from '@/domain/auth/roles';
import { TITLE_LEVELS } from '@/domain/people/title';
import { AFFILIATIONS, BUDGET_MODES, type ProgramRules } from '@/domain/program/rules';
import { DEFAULT_NON_CONSENSUS, NON_CONSENSUS_MEASURES } from '@/domain/review/non-consensus';
import { ZSaveProgramRules, type TSaveProgramRules } from '@/lib/validation/programs';
import { saveProgramRulesAction } from '../actions';

type Form = TSaveProgramRules & { rules: ProgramRules };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      <div className="mt-2 flex flex-col gap-4">{children}</div>
    </fieldset>
  );
}

function Check({ label, ...props }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" className="h-4 w-4" {...props} />
      {label}
    </label>
  );
}

/** A set of checkboxes for one list-valued rule, with the list's error under it. */
function CheckGroup<T extends string>({
  legend,
  options,
  label,
  selected,
  onChange,
  error,
}: {
  legend: string;
  options: readonly T[];
  label: (option: T) => string;
  selected: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((o) => (
          <Check
            key={o}
            label={label(o)}
            checked={selected.includes(o)}
            onChange={(ev) =>
              onChange(ev.target.checked ? [...selected.filter((x) => x !== o), o] : selected.filter((x) => x !== o))
            }
          />
        ))}
      </div>
      {error ? (
        <p className="text-sm text-accent-600" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * The program's rules as a form. Saving creates the next rules version; calls already published keep theirs.
 * Shares are typed as percentages and money in 万元; both are stored exactly (basis points, fen).
 */
export function RulesEditor({
  programId,
  version,
  rules,
}: {
  programId: string;
  version: number;
  rules: ProgramRules;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<Form>({
    resolver: formResolver(ZSaveProgramRules) as never,
    defaultValues: { programId, currentVersion: version, rules },
  });
  const { register, control, setValue, formState, handleSubmit } = form;
  const { send, formError, notice } = useActionForm(form);
  const criteria = useFieldArray({ control, name: 'rules.reviewForm.criteria' });
  const attachments = useFieldArray({ control, name: 'rules.requiredAttachments' });
  const r = useWatch({ control, name: 'rules' });
  const e = formState.errors;
  const err = (path: string) => errorText(errorAt(e as FieldErrors, path));
  const weightSum = (r.reviewForm?.criteria ?? []).reduce(
    (s, c) => s + (Number.isFinite(c.weightBp) ? c.weightBp : 0),
    0,
  );

  const onSubmit = handleSubmit(async () => {
    const saved = await send(() => saveProgramRulesAction(form.getValues()), t('programs.rulesSaved'));
    if (saved) {
      setValue('currentVersion', saved.number);
      router.refresh();
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t('programs.rulesTitle')}>
      <FormStatus error={formError} notice={notice} />

      <Section title={t('rules.sectionEligibility')}>
        <div role="radiogroup" aria-label={t('rules.applicantKind')} className="flex flex-wrap gap-4">
          {(['PERSON', 'INSTITUTION'] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="radio" value={k} {...register('rules.applicantKind')} />
              {t(`rules.applicantKinds.${k}`)}
            </label>
          ))}
        </div>
        {err('rules.applicantKind') ? (
          <p className="text-sm text-accent-600" role="alert">
            {err('rules.applicantKind')}
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="flex flex-col gap-2">
            <Check
              label={t('rules.ageLimitOn')}
              checked={r.age !== null}
              onChange={(ev) =>
                setValue('rules.age', ev.target.checked ? { maxExclusive: 45 } : null, { shouldDirty: true })
              }
            />
            {r.age ? (
              <Field label={t('rules.ageLimitValue')} error={err('rules.age.maxExclusive')}>
                <input
                  type="number"
                  className={inputClass}
                  {...register('rules.age.maxExclusive', { valueAsNumber: true })}
                />
              </Field>
            ) : null}
          </div>
          <div className="flex flex-col gap-2">
            <Check
              label={t('rules.youthTrackOn')}
              checked={r.youthTrack !== null}
              onChange={(ev) =>
                setValue('rules.youthTrack', ev.target.checked ? { maxAgeExclusive: 35, minShareBp: 8000 } : null, {
                  shouldDirty: true,
                })
              }
            />
            {r.youthTrack ? (
              <>
                <Field label={t('rules.youthAge')} error={err('rules.youthTrack.maxAgeExclusive')}>
                  <input
                    type="number"
                    className={inputClass}
                    {...register('rules.youthTrack.maxAgeExclusive', { valueAsNumber: true })}
                  />
                </Field>
                <Field label={t('rules.youthShare')} error={err('rules.youthTrack.minShareBp')}>
                  {(p) => (
                    <Controller
                      control={control}
                      name="rules.youthTrack.minShareBp"
                      render={({ field }) => <PercentInput {...p} value={field.value} onChange={field.onChange} />}
                    />
                  )}
                </Field>
              </>
            ) : null}
          </div>
          <Field label={t('rules.minTitle')} error={err('rules.minTitle')}>
            <select className={inputClass} {...register('rules.minTitle', { setValueAs: (v) => (v ? v : null) })}>
              <option value="">{t('rules.noMinimum')}</option>
              {TITLE_LEVELS.filter((l) => l !== 'NONE').map((l) => (
                <option key={l} value={l}>
                  {t(`enums.title.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <CheckGroup
          legend={t('rules.institutions')}
          options={INSTITUTION_KINDS}
          label={(k) => t(`enums.institutionKind.${k}`)}
          selected={r.institutionKinds}
          onChange={(next) => setValue('rules.institutionKinds', next, { shouldDirty: true })}
          error={err('rules.institutionKinds')}
        />
        <CheckGroup
          legend={t('rules.affiliations')}
          options={AFFILIATIONS}
          label={(a) => t(`enums.affiliation.${a}`)}
          selected={r.affiliations}
          onChange={(next) => setValue('rules.affiliations', next, { shouldDirty: true })}
          error={err('rules.affiliations')}
        />
      </Section>

      <Section title={t('rules.sectionLimits')}>
        <div className="grid gap-4 sm:grid-cols-4">
          <Field label={t('rules.maxAsPi')} error={err('rules.limits.maxAsPi')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.limits.maxAsPi', { valueAsNumber: true })}
            />
          </Field>
          <Field label={t('rules.maxAsMember')} error={err('rules.limits.maxAsMember')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.limits.maxAsMember', { valueAsNumber: true })}
            />
          </Field>
          <Field label={t('rules.defaultQuota')} error={err('rules.quota.defaultPerInstitution')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.quota.defaultPerInstitution', { valueAsNumber: true })}
            />
          </Field>
          <div className="flex items-end">
            <Check label={t('rules.noCurrentProject')} {...register('rules.limits.noCurrentProject')} />
          </div>
        </div>
      </Section>

      <Section title={t('rules.sectionBudget')}>
        <CheckGroup
          legend={t('rules.budgetModes')}
          options={BUDGET_MODES}
          label={(m) => t(`rules.budgetModeNames.${m}`)}
          selected={r.budget.modes}
          onChange={(next) => setValue('rules.budget.modes', next, { shouldDirty: true })}
          error={err('rules.budget.modes')}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('rules.budgetMin')} error={err('rules.budget.minFen')}>
            {(p) => (
              <Controller
                control={control}
                name="rules.budget.minFen"
                render={({ field }) => <WanInput {...p} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
          <Field label={t('rules.budgetMax')} error={err('rules.budget.maxFen')}>
            {(p) => (
              <Controller
                control={control}
                name="rules.budget.maxFen"
                render={({ field }) => <WanInput {...p} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
          <Field label={t('rules.indirectShare')} error={err('rules.budget.indirectMaxShareBp')}>
            {(p) => (
              <Controller
                control={control}
                name="rules.budget.indirectMaxShareBp"
                render={({ field }) => <PercentInput {...p} value={field.value} onChange={field.onChange} />}
              />
            )}
          </Field>
          <Field label={t('rules.durationMin')} error={err('rules.budget.durationMonths.min')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.budget.durationMonths.min', { valueAsNumber: true })}
            />
          </Field>
          <Field label={t('rules.durationMax')} error={err('rules.budget.durationMonths.max')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.budget.durationMonths.max', { valueAsNumber: true })}
            />
          </Field>
        </div>
      </Section>

      <Section title={t('rules.sectionStages')}>
        <div className="flex flex-wrap gap-4">
          <Check label={t('rules.stageNames.formalCheck')} {...register('rules.stages.formalCheck')} />
          <Check
            label={t('rules.stageNames.mailReview')}
            checked={r.stages.mailReview}
            onChange={(ev) => {
              setValue('rules.stages.mailReview', ev.target.checked, { shouldDirty: true });
              setValue(
                'rules.mailReview',
                ev.target.checked
                  ? {
                      expertsPerApplication: 3,
                      minInternationalShareBp: 0,
                      blind: false,
                      nonConsensus: { ...DEFAULT_NON_CONSENSUS },
                    }
                  : null,
              );
            }}
          />
          <Check
            label={t('rules.stageNames.panel')}
            checked={r.stages.panel}
            onChange={(ev) => {
              setValue('rules.stages.panel', ev.target.checked, { shouldDirty: true });
              setValue('rules.panel', ev.target.checked ? { passRuleBp: 6667 } : null);
            }}
          />
        </div>
        {err('rules.stages') ? (
          <p className="text-sm text-accent-600" role="alert">
            {err('rules.stages')}
          </p>
        ) : null}
        {r.mailReview ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t('rules.expertsPerApplication')} error={err('rules.mailReview.expertsPerApplication')}>
              <input
                type="number"
                className={inputClass}
                {...register('rules.mailReview.expertsPerApplication', { valueAsNumber: true })}
              />
            </Field>
            <Field label={t('rules.internationalShare')} error={err('rules.mailReview.minInternationalShareBp')}>
              {(p) => (
                <Controller
                  control={control}
                  name="rules.mailReview.minInternationalShareBp"
                  render={({ field }) => <PercentInput {...p} value={field.value} onChange={field.onChange} />}
                />
              )}
            </Field>
            <div className="flex items-end">
              <Check label={t('rules.blind')} {...register('rules.mailReview.blind')} />
            </div>
            <Field label={t('rules.nonConsensusMeasure')} error={err('rules.mailReview.nonConsensus.measure')}>
              <select className={inputClass} {...register('rules.mailReview.nonConsensus.measure')}>
                {NON_CONSENSUS_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`rules.nonConsensusMeasures.${m}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              className="sm:col-span-2"
              label={t('rules.nonConsensusThreshold')}
              hint={t('rules.nonConsensusHint')}
              error={err('rules.mailReview.nonConsensus.threshold')}
            >
              <input
                type="number"
                step="0.01"
                min="0.01"
                inputMode="decimal"
                className={inputClass}
                {...register('rules.mailReview.nonConsensus.threshold', { valueAsNumber: true })}
              />
            </Field>
          </div>
        ) : null}
        {r.panel ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t('rules.passRule')} hint={t('rules.passRuleHint')} error={err('rules.panel.passRuleBp')}>
              {(p) => (
                <Controller
                  control={control}
                  name="rules.panel.passRuleBp"
                  render={({ field }) => <PercentInput {...p} value={field.value} onChange={field.onChange} />}
                />
              )}
            </Field>
          </div>
        ) : null}
      </Section>

      <Section title={t('rules.sectionReviewForm')}>
        <p className={`text-sm ${weightSum === 10_000 ? 'text-slate-700' : 'text-accent-600'}`} aria-live="polite">
          {t('rules.weightTotal', { sum: weightSum / 100 })}
        </p>
        {err('rules.reviewForm.criteria') ? (
          <p className="text-sm text-accent-600" role="alert">
            {err('rules.reviewForm.criteria')}
          </p>
        ) : null}
        {criteria.fields.map((c, i) => (
          <div
            key={c.id}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[8rem_1fr_1fr_7rem_auto] sm:items-end"
          >
            <Field label={`${t('rules.criterionKey')} ${i + 1}`} error={err(`rules.reviewForm.criteria.${i}.key`)}>
              <input className={inputClass} {...register(`rules.reviewForm.criteria.${i}.key`)} />
            </Field>
            <Field label={t('rules.criterionLabel')} error={err(`rules.reviewForm.criteria.${i}.label`)}>
              <input className={inputClass} {...register(`rules.reviewForm.criteria.${i}.label`)} />
            </Field>
            <Field label={t('rules.criterionLabelEn')} error={err(`rules.reviewForm.criteria.${i}.labelEn`)}>
              <input className={inputClass} {...register(`rules.reviewForm.criteria.${i}.labelEn`)} />
            </Field>
            <Field label={t('rules.weight')} error={err(`rules.reviewForm.criteria.${i}.weightBp`)}>
              {(p) => (
                <Controller
                  control={control}
                  name={`rules.reviewForm.criteria.${i}.weightBp`}
                  render={({ field }) => <PercentInput {...p} value={field.value} onChange={field.onChange} />}
                />
              )}
            </Field>
            <Button type="button" variant="ghost" size="sm" onClick={() => criteria.remove(i)}>
              {t('common.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() =>
              criteria.append({ key: `criterion_${criteria.fields.length + 1}`, label: '', labelEn: '', weightBp: 0 })
            }
          >
            {t('rules.addCriterion')}
          </Button>
        </div>
        <div className="grid gap-4 sm:grid-cols-4">
          <Field label={t('rules.scaleMin')} error={err('rules.reviewForm.scaleMin')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.reviewForm.scaleMin', { valueAsNumber: true })}
            />
          </Field>
          <Field label={t('rules.scaleMax')} error={err('rules.reviewForm.scaleMax')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.reviewForm.scaleMax', { valueAsNumber: true })}
            />
          </Field>
          <Field label={t('rules.commentMinChars')} error={err('rules.reviewForm.commentMinChars')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.reviewForm.commentMinChars', { valueAsNumber: true })}
            />
          </Field>
          <div className="flex items-end">
            <Check label={t('rules.recommendationRequired')} {...register('rules.reviewForm.recommendationRequired')} />
          </div>
        </div>
      </Section>

      <Section title={t('rules.sectionOther')}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('rules.representativeWorksMax')} error={err('rules.representativeWorksMax')}>
            <input
              type="number"
              className={inputClass}
              {...register('rules.representativeWorksMax', { valueAsNumber: true })}
            />
          </Field>
          <div className="flex items-end">
            <Check label={t('rules.abstractEnRequired')} {...register('rules.abstractEnRequired')} />
          </div>
          <div className="flex items-end">
            <Check label={t('rules.mentorRequired')} {...register('rules.mentorRequired')} />
          </div>
        </div>
        <h3 className="text-sm font-medium">{t('rules.requiredAttachments')}</h3>
        {attachments.fields.map((a, i) => (
          <div
            key={a.id}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[8rem_1fr_1fr_6rem_auto_auto] sm:items-end"
          >
            <Field label={`${t('rules.attachmentKey')} ${i + 1}`} error={err(`rules.requiredAttachments.${i}.key`)}>
              <input className={inputClass} {...register(`rules.requiredAttachments.${i}.key`)} />
            </Field>
            <Field label={t('rules.attachmentLabel')} error={err(`rules.requiredAttachments.${i}.label`)}>
              <input className={inputClass} {...register(`rules.requiredAttachments.${i}.label`)} />
            </Field>
            <Field label={t('rules.attachmentLabelEn')} error={err(`rules.requiredAttachments.${i}.labelEn`)}>
              <input className={inputClass} {...register(`rules.requiredAttachments.${i}.labelEn`)} />
            </Field>
            <Field label={t('rules.maxMb')} error={err(`rules.requiredAttachments.${i}.maxMb`)}>
              <input
                type="number"
                className={inputClass}
                {...register(`rules.requiredAttachments.${i}.maxMb`, { valueAsNumber: true })}
              />
            </Field>
            <div className="flex items-end pb-2">
              <Check label={t('rules.attachmentRequired')} {...register(`rules.requiredAttachments.${i}.required`)} />
            </div>
            <Button type="button" variant="ghost" size="sm" onClick={() => attachments.remove(i)}>
              {t('common.remove')}
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() =>
              attachments.append({
                key: `attachment_${attachments.fields.length + 1}`,
                label: '',
                labelEn: '',
                required: false,
                maxMb: 10,
              })
            }
          >
            {t('rules.addAttachment')}
          </Button>
        </div>
      </Section>

      <div className="sticky bottom-0 flex items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {formState.isSubmitting ? t('common.saving') : t('programs.saveRules')}
        </Button>
        <span className="text-sm text-slate-600">{t('programs.saveRulesHint')}</span>
      </div>
    </form>
  );
}
