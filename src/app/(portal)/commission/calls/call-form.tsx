'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, type Resolver } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZCreateCall, ZUpdateCall, type TCreateCall } from '@/lib/validation/calls';
import { createCallAction, updateCallAction } from './actions';

export type CallFormValues = Omit<TCreateCall, 'programId'> & { programId?: string; id?: string; version?: number };

/** Create a draft call, or edit one (published calls are not edited; their deadline is extended instead). */
export function CallForm({
  initial,
  programs,
}: {
  initial: CallFormValues;
  programs?: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const editing = Boolean(initial.id);
  const form = useForm<CallFormValues>({
    resolver: formResolver(editing ? ZUpdateCall : ZCreateCall) as unknown as Resolver<CallFormValues>,
    defaultValues: initial,
  });
  const { register, formState, handleSubmit, setValue } = form;
  const { send, formError, notice } = useActionForm(form);
  const e = formState.errors;
  const onSubmit = handleSubmit(async () => {
    const values = form.getValues();
    if (editing) {
      const saved = await send(() => updateCallAction(values), t('calls.saved'));
      if (saved) {
        setValue('version', saved.version);
        router.refresh();
      }
    } else {
      const created = await send(() => createCallAction(values));
      if (created) router.push(`/commission/calls/${created.id}`);
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
      aria-label={t('calls.formTitle')}
    >
      <FormStatus error={formError} notice={notice} />
      {programs ? (
        <Field label={t('calls.program')} error={errorText(e.programId?.message)} required>
          <select className={inputClass} {...register('programId')}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <Field label={t('calls.year')} error={errorText(e.year?.message)} required>
          <input type="number" className={inputClass} {...register('year', { valueAsNumber: true })} />
        </Field>
        <Field label={t('calls.callTitle')} error={errorText(e.title?.message)} required>
          <input className={inputClass} {...register('title')} />
        </Field>
      </div>
      <Field label={t('calls.titleEn')} error={errorText(e.titleEn?.message)}>
        <input className={inputClass} {...register('titleEn')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('calls.opensAt')} hint={t('calls.beijingHint')} error={errorText(e.opensAt?.message)} required>
          <input type="datetime-local" step={1} className={inputClass} {...register('opensAt')} />
        </Field>
        <Field
          label={t('calls.closesAt')}
          hint={t('calls.beijingHint')}
          error={errorText(e.closesAt?.message)}
          required
        >
          <input type="datetime-local" step={1} className={inputClass} {...register('closesAt')} />
        </Field>
        <Field
          label={t('calls.institutionDeadline')}
          hint={t('calls.beijingHint')}
          error={errorText(e.institutionReviewClosesAt?.message)}
        >
          <input type="datetime-local" step={1} className={inputClass} {...register('institutionReviewClosesAt')} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('calls.plannedAwards')} error={errorText(e.plannedAwards?.message)}>
          <input
            type="number"
            className={inputClass}
            {...register('plannedAwards', { setValueAs: (v) => (v === '' || v === null ? null : Number(v)) })}
          />
        </Field>
        <Field label={t('calls.envelope')} hint={t('calls.wanHint')} error={errorText(e.fiscalEnvelopeWan?.message)}>
          <input inputMode="decimal" className={inputClass} {...register('fiscalEnvelopeWan')} />
        </Field>
      </div>
      <Field label={t('calls.guide')} hint={t('calls.guideHint')} error={errorText(e.guide?.message)}>
        <textarea className={`${textareaClass} font-mono`} rows={14} {...register('guide')} />
      </Field>
      <Field label={t('calls.guideEn')} error={errorText(e.guideEn?.message)}>
        <textarea className={`${textareaClass} font-mono`} rows={6} {...register('guideEn')} />
      </Field>
      <div>
        <Button type="submit" pending={formState.isSubmitting}>
          {formState.isSubmitting ? t('common.saving') : editing ? t('common.save') : t('calls.createDraft')}
        </Button>
      </div>
    </form>
  );
}
