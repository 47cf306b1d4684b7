'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
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
  ZAssessCheck,
  ZOpenCheck,
  ZResumeProject,
  ZSubmitProgress,
  type TAssessCheck,
  type TOpenCheck,
  type TResumeProject,
  type TSubmitProgress,
} from '@/lib/validation/project-lifecycle';

type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** The PI's progress report: a summary, each KPI's progress and whether it is on track, milestones reached or missed. */
export function ProgressForm({
  action,
  checkId,
  version,
  kpis,
  milestones,
  initial,
}: {
  action: Action;
  checkId: string;
  version: number;
  kpis: { id: string; name: string; targetValue: string; unit: string }[];
  milestones: { id: string; title: string; due: string; status: 'PENDING' | 'REACHED' | 'MISSED' }[];
  initial: { summary: string; kpis: { kpiId: string; progress: string; onTrack: boolean }[] } | null;
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TSubmitProgress>({
    resolver: formResolver(ZSubmitProgress),
    defaultValues: {
      checkId,
      version,
      summary: initial?.summary ?? '',
      kpis: kpis.map((k) => {
        const was = initial?.kpis.find((x) => x.kpiId === k.id);
        return { kpiId: k.id, progress: was?.progress ?? '', onTrack: was?.onTrack ?? true };
      }),
      milestones: milestones.map((m) => ({ milestoneId: m.id, status: m.status })),
    },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values), t('reportSaved'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('reportTitle')}>
      <FormStatus error={formError} notice={notice} />
      <p className="text-sm text-slate-600">{t('reportOpenHint')}</p>
      <Field label={t('progressSummary')} error={errorText(errors.summary?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('summary')} />
      </Field>
      {errorText(errorAt(errors, 'kpis')) ? (
        <p className="text-sm text-accent-600" role="alert">
          {errorText(errorAt(errors, 'kpis'))}
        </p>
      ) : null}
      {kpis.map((k, i) => (
        <fieldset key={k.id} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">
            {k.name}（{k.targetValue} {k.unit}）
          </legend>
          <Field label={t('progress')} error={errorText(errorAt(errors, `kpis.${i}.progress`))} required>
            <textarea className={textareaClass} rows={2} {...form.register(`kpis.${i}.progress`)} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register(`kpis.${i}.onTrack`)} />
            {t('onTrackYes')}
          </label>
        </fieldset>
      ))}
      {milestones.length ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-800">{t('milestoneReport')}</legend>
          {milestones.map((m, i) => (
            <Field key={m.id} label={t('milestoneStatusLabel', { title: m.title, due: m.due })} className="max-w-sm">
              <select className={inputClass} {...form.register(`milestones.${i}.status` as const)}>
                {(['PENDING', 'REACHED', 'MISSED'] as const).map((s) => (
                  <option key={s} value={s}>
                    {te(`MilestoneStatus.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('reportSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** Staff open an annual check or the mid-term. */
export function OpenCheckForm({
  action,
  projectId,
  version,
  year,
}: {
  action: Action;
  projectId: string;
  version: number;
  year: number;
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TOpenCheck>({
    resolver: formResolver(ZOpenCheck),
    defaultValues: { projectId, version, kind: 'MIDTERM', year },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('openCheckTitle')}>
      <FormStatus error={formError} />
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('kind')} error={errorText(form.formState.errors.kind?.message)} className="w-48">
          <select className={inputClass} {...form.register('kind')}>
            {(['MIDTERM', 'ANNUAL'] as const).map((k) => (
              <option key={k} value={k}>
                {te(`CheckKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('year')} error={errorText(form.formState.errors.year?.message)} className="w-32">
          <input type="number" className={inputClass} {...form.register('year', { valueAsNumber: true })} />
        </Field>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('openCheckSubmit')}
        </Button>
      </div>
      <p className="text-xs text-slate-600">{t('openCheckHint')}</p>
    </form>
  );
}

/** Staff lift a suspension, saying why. */
export function ResumeProjectForm({
  action,
  projectId,
  version,
}: {
  action: Action;
  projectId: string;
  version: number;
}) {
  const t = useTranslations('projectLifecycle');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TResumeProject>({
    resolver: formResolver(ZResumeProject),
    defaultValues: { projectId, version, note: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('resumeTitle')}>
      <FormStatus error={formError} />
      <Field label={t('resumeNote')} error={errorText(form.formState.errors.note?.message)}>
        <textarea rows={3} className={textareaClass} {...form.register('note')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('resumeSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** Staff assess a submitted report: written assessment, score, outcome (empty for a horse-race team's mid-term). */
export function AssessCheckForm({
  action,
  checkId,
  version,
  raceTeam,
}: {
  action: Action;
  checkId: string;
  version: number;
  raceTeam: boolean;
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TAssessCheck>({
    resolver: formResolver(ZAssessCheck),
    defaultValues: { checkId, version, assessment: '', outcome: raceTeam ? '' : 'CONTINUE', reason: '' },
  });
  const { send, formError } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) router.refresh();
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3 border-t border-slate-100 pt-3"
      aria-label={t('assessTitle')}
    >
      <h3 className="font-medium text-slate-800">{t('assessTitle')}</h3>
      <p className="text-xs text-slate-600">{t('assessHint')}</p>
      <FormStatus error={formError} />
      <Field label={t('assessment')} error={errorText(errors.assessment?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('assessment')} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Field label={t('score')} error={errorText(errors.score?.message)} required className="w-32">
          <input
            type="number"
            step="0.01"
            min={0}
            max={100}
            className={inputClass}
            {...form.register('score', { valueAsNumber: true })}
          />
        </Field>
        <Field label={t('outcome')} error={errorText(errors.outcome?.message)} className="w-56">
          <select className={inputClass} {...form.register('outcome')}>
            {raceTeam ? <option value="">{t('outcomeNone')}</option> : null}
            {(['CONTINUE', 'ADJUST', 'SUSPEND', 'TERMINATE'] as const).map((o) => (
              <option key={o} value={o}>
                {te(`CheckOutcome.${o}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('terminateReason')} hint={t('reasonHint')} error={errorText(errors.reason?.message)}>
        <textarea className={textareaClass} rows={2} {...form.register('reason')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('assessSubmit')}
        </Button>
      </div>
    </form>
  );
}
