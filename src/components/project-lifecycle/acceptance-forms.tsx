'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import type { ActionResult } from '@/lib/errors';
import {
  ACCEPTANCE_RESULTS,
  KPI_ATTAINMENTS,
  ZCompleteLongCycle,
  ZDecideAcceptance,
  ZRecordEvaluation,
  ZSaveFinalReport,
  type TCompleteLongCycle,
  type TDecideAcceptance,
  type TRecordEvaluation,
  type TSaveFinalReport,
} from '@/lib/validation/project-lifecycle';

type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;
const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;

/** The PI's final report: saved as a draft, then submitted (which saves first, so what is sent is what is shown). */
export function FinalReportForm({
  save,
  submit,
  projectId,
  version,
  finalReport,
  kpis,
  works,
  linked,
}: {
  save: Action<{ id: string; version: number }>;
  submit: Action;
  projectId: string;
  version: number;
  finalReport: string;
  kpis: {
    id: string;
    name: string;
    targetValue: string;
    unit: string;
    attainedValue: string | null;
    attainment: (typeof KPI_ATTAINMENTS)[number];
  }[];
  works: { id: string; label: string }[];
  linked: string[];
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TSaveFinalReport>({
    resolver: formResolver(ZSaveFinalReport),
    defaultValues: {
      projectId,
      version,
      finalReport,
      kpis: kpis.map((k) => ({ kpiId: k.id, attainedValue: k.attainedValue ?? '', attainment: k.attainment })),
      workIds: linked,
    },
  });
  const { send, formError, notice } = useActionForm(form);
  const [submitting, setSubmitting] = useState(false);
  const workIds = useWatch({ control: form.control, name: 'workIds' }) ?? [];
  const errors = form.formState.errors;
  const err = (path: string) => errorText(errorAt(errors, path));
  const saveDraft = async (values: TSaveFinalReport) => {
    const saved = await send(() => save(values));
    if (saved) form.setValue('version', saved.version);
    return saved;
  };
  const onSave = form.handleSubmit(async (values) => {
    if (await saveDraft(values)) router.refresh();
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setSubmitting(true);
    const saved = await saveDraft(values);
    if (saved && (await send(() => submit({ projectId, version: saved.version }), t('finalSubmitted'))))
      router.refresh();
    setSubmitting(false);
  });
  return (
    <form onSubmit={onSave} noValidate className="flex flex-col gap-4" aria-label={t('finalReportTitle')}>
      <FormStatus error={formError} notice={notice} />
      <p className="text-sm text-slate-600">{t('submitFinalHint')}</p>
      <Field label={t('finalReport')} error={err('finalReport')} required>
        <textarea className={textareaClass} rows={8} {...form.register('finalReport')} />
      </Field>
      {kpis.map((k, i) => (
        <fieldset key={k.id} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">
            {k.name}（{k.targetValue} {k.unit}）
          </legend>
          <Field label={t('attainedValue')} error={err(`kpis.${i}.attainedValue`)} className="w-48">
            <input className={inputClass} {...form.register(`kpis.${i}.attainedValue`)} />
          </Field>
          <Field label={t('attainment')} error={err(`kpis.${i}.attainment`)} className="w-40">
            <select className={inputClass} {...form.register(`kpis.${i}.attainment`)}>
              {KPI_ATTAINMENTS.map((a) => (
                <option key={a} value={a}>
                  {te(`KpiAttainment.${a}`)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
      ))}
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t('outputs')}</legend>
        <p className="text-xs text-slate-600">{t('outputsHint')}</p>
        {err('workIds') ? (
          <p className="text-sm text-accent-600" role="alert">
            {err('workIds')}
          </p>
        ) : null}
        {works.length === 0 ? <p className="text-sm text-slate-700">{t('noWorks')}</p> : null}
        {works.map((w) => (
          <label key={w.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={workIds.includes(w.id)}
              onChange={(e) =>
                form.setValue('workIds', e.target.checked ? [...workIds, w.id] : workIds.filter((id) => id !== w.id))
              }
            />
            {w.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting && !submitting}>
          {t('saveDraft')}
        </Button>
        <Button type="button" pending={submitting} onClick={() => void onSubmit()}>
          {t('submitFinal')}
        </Button>
      </div>
    </form>
  );
}

/** Staff's acceptance decision, with the long-cycle review's span and international flag (empty: the default). */
export function DecideAcceptanceForm({
  action,
  projectId,
  version,
  defaultYearsHint,
}: {
  action: Action;
  projectId: string;
  version: number;
  defaultYearsHint: string;
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TDecideAcceptance>({
    resolver: formResolver(ZDecideAcceptance),
    defaultValues: {
      projectId,
      version,
      expertOpinion: '',
      result: 'PASSED',
      longCycleYears: '',
      longCycleInternational: '',
    },
  });
  const { send, formError } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('decideAcceptanceTitle')}>
      <FormStatus error={formError} />
      <Field label={t('expertOpinion')} error={errorText(errors.expertOpinion?.message)} required>
        <textarea className={textareaClass} rows={5} {...form.register('expertOpinion')} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Field label={t('result')} error={errorText(errors.result?.message)} className="w-48">
          <select className={inputClass} {...form.register('result')}>
            {ACCEPTANCE_RESULTS.map((r) => (
              <option key={r} value={r}>
                {te(`AcceptanceResult.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('longCycleYears')}
          hint={defaultYearsHint}
          error={errorText(errors.longCycleYears?.message)}
          className="w-64"
        >
          <input
            type="number"
            min={1}
            max={10}
            className={inputClass}
            {...form.register('longCycleYears', { setValueAs: (v) => (v === '' || v === null ? '' : Number(v)) })}
          />
        </Field>
        <Field label={t('longCycleInternational')} className="w-48">
          <select
            className={inputClass}
            {...form.register('longCycleInternational', { setValueAs: (v) => (v === '' ? '' : v === 'true') })}
          >
            <option value="">{t('defaultChoice')}</option>
            <option value="true">{t('internationalYes')}</option>
            <option value="false">{t('internationalNo')}</option>
          </select>
        </Field>
      </div>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('decideAcceptanceSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** Staff record a performance evaluation (its category follows the program). */
export function EvaluationForm({ action, projectId }: { action: Action; projectId: string }) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TRecordEvaluation>({
    resolver: formResolver(ZRecordEvaluation),
    defaultValues: { projectId, grade: 'GOOD', teamAssessment: '', individualAssessment: '', international: false },
  });
  const { send, formError } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) {
      setOpen(false);
      form.reset();
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('recordEvaluation')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('recordEvaluation')}
      formError={formError}
    >
      <Field label={t('grade')} error={errorText(errors.grade?.message)}>
        <select className={inputClass} {...form.register('grade')}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {te(`EvaluationGrade.${g}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('teamAssessment')} error={errorText(errors.teamAssessment?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('teamAssessment')} />
      </Field>
      <Field label={t('individualAssessment')} error={errorText(errors.individualAssessment?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('individualAssessment')} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('international')} />
        {t('international')}
      </label>
    </DialogForm>
  );
}

/** Staff complete a scheduled long-cycle review. */
export function CompleteLongCycleForm({
  action,
  evaluationId,
  version,
  date,
}: {
  action: Action;
  evaluationId: string;
  version: number;
  date: string;
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TCompleteLongCycle>({
    resolver: formResolver(ZCompleteLongCycle),
    defaultValues: { evaluationId, version, findings: '', grade: 'GOOD' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('completeLongCycleTitle', { date })}
      triggerLabel={t('completeLongCycle')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('completeLongCycle')}
      formError={formError}
    >
      <Field label={t('findings')} error={errorText(form.formState.errors.findings?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('findings')} />
      </Field>
      <Field label={t('grade')} error={errorText(form.formState.errors.grade?.message)}>
        <select className={inputClass} {...form.register('grade')}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {te(`EvaluationGrade.${g}`)}
            </option>
          ))}
        </select>
      </Field>
    </DialogForm>
  );
}
