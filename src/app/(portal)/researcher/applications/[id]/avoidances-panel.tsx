'use client';
import { useTranslations } from 'next-intl';
import { useFieldArray, useForm } from 'react-hook-form';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { MAX_AVOIDANCES, ZSaveAvoidances, type TSaveAvoidances } from '@/lib/validation/applications';
import { saveAvoidancesAction } from '../actions';

export interface AvoidanceView {
  name: string;
  institutionName: string;
  reason: string;
}

/**
 * 申请回避的专家: up to three people the applicant asks not to review, each with a reason. Saved with its own button
 * (not by the draft's autosave); only commission staff ever read the list.
 */
export function AvoidancesPanel({ applicationId, avoidances }: { applicationId: string; avoidances: AvoidanceView[] }) {
  const t = useTranslations('applications');
  const errorText = useErrorText();
  const form = useForm<TSaveAvoidances>({
    resolver: formResolver(ZSaveAvoidances),
    defaultValues: { applicationId, avoidances },
  });
  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const rows = useFieldArray({ control, name: 'avoidances' });
  const { send, formError, notice } = useActionForm(form);
  const err = (path: string) => errorText(errorAt(errors, path));

  const save = handleSubmit(async () => {
    const values = form.getValues();
    if (await send(() => saveAvoidancesAction(values), t('avoidancesSaved'))) reset(values);
  });

  return (
    <Card title={t('sectionAvoidances')}>
      <form id="f-avoidances" onSubmit={save} noValidate className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t('avoidancesHint', { max: MAX_AVOIDANCES })}</p>
        <FormStatus error={formError} notice={isDirty ? null : notice} />
        {err('avoidances') ? (
          <p role="alert" className="text-sm text-accent-600">
            {err('avoidances')}
          </p>
        ) : null}
        {rows.fields.length === 0 ? <p className="text-sm text-slate-600">{t('noAvoidances')}</p> : null}
        {rows.fields.map((row, i) => (
          <fieldset
            key={row.id}
            id={`f-avoidances.${i}`}
            className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2"
          >
            <legend className="px-1 text-sm font-medium text-slate-800">{t('avoidanceLegend', { n: i + 1 })}</legend>
            <Field label={t('avoidanceName', { n: i + 1 })} error={err(`avoidances.${i}.name`)} required>
              <input className={inputClass} autoComplete="off" {...register(`avoidances.${i}.name`)} />
            </Field>
            <Field label={t('avoidanceInstitution', { n: i + 1 })} error={err(`avoidances.${i}.institutionName`)}>
              <input className={inputClass} autoComplete="off" {...register(`avoidances.${i}.institutionName`)} />
            </Field>
            <Field
              className="sm:col-span-2"
              label={t('avoidanceReason', { n: i + 1 })}
              error={err(`avoidances.${i}.reason`)}
              required
            >
              <textarea className={textareaClass} rows={2} {...register(`avoidances.${i}.reason`)} />
            </Field>
            {/* A duplicate is about the whole row, not one of its fields. */}
            {errorAt(errors, `avoidances.${i}`) ? (
              <p role="alert" className="text-sm text-accent-600 sm:col-span-2">
                {err(`avoidances.${i}`)}
              </p>
            ) : null}
            <div className="sm:col-span-2">
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={t('removeAvoidance', { n: i + 1 })}
                onClick={() => rows.remove(i)}
              >
                {t('remove')}
              </Button>
            </div>
          </fieldset>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={rows.fields.length >= MAX_AVOIDANCES}
            onClick={() => rows.append({ name: '', institutionName: '', reason: '' })}
          >
            {t('addAvoidance')}
          </Button>
          <Button type="submit" size="sm" pending={isSubmitting}>
            {t('saveAvoidances')}
          </Button>
          {isDirty ? <span className="text-sm text-slate-600">{t('avoidancesUnsaved')}</span> : null}
        </div>
      </form>
    </Card>
  );
}
