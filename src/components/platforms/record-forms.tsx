'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { PdfUpload } from '@/components/forms/pdf-upload';
import { useActionForm } from '@/components/forms/use-action-form';
import { useFreshVersion } from '@/components/forms/use-fresh-version';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  ZAppointManager,
  ZDecideEvaluation,
  ZEndManager,
  ZOpenEvaluation,
  ZReturnPlatformReport,
  ZSaveDirections,
  ZSaveEvaluation,
  ZSavePlatformProject,
  ZSavePlatformReport,
  type TAppointManager,
  type TDecideEvaluation,
  type TEndManager,
  type TOpenEvaluation,
  type TReturnPlatformReport,
  type TSaveDirections,
  type TSaveEvaluation,
  type TSavePlatformProject,
  type TSavePlatformReport,
} from '@/lib/validation/platform-record';
import {
  appointManagerAction,
  decideEvaluationAction,
  endManagerAction,
  openEvaluationAction,
  returnPlatformReportAction,
  saveDirectionsAction,
  saveEvaluationAction,
  savePlatformProjectAction,
  savePlatformReportAction,
} from '@/app/actions/platform-record';

// The forms of the platform record (平台档案). Wrong input stays on the page with the error on its field; a double
// click sends once (useActionForm); a success reloads the page's data.

type Option = { value: string; label: string };

export function DirectionsForm({
  platformId,
  version,
  directions,
}: {
  platformId: string;
  version: number;
  directions: {
    id: string;
    title: string;
    titleEn: string;
    leadName: string;
    description: string;
    active: boolean;
  }[];
}) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TSaveDirections>({
    resolver: formResolver(ZSaveDirections),
    defaultValues: { platformId, version, directions },
  });
  useFreshVersion(form, version, { platformId, version, directions });
  const rows = useFieldArray({ control: form.control, name: 'directions' });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => saveDirectionsAction(values), t('directionsSaved'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('directionsEdit')}>
      <FormStatus error={formError} notice={notice} />
      {errorAt(errors, 'directions') ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(errorAt(errors, 'directions'))}
        </p>
      ) : null}
      {rows.fields.map((row, i) => (
        <fieldset key={row.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium">{t('directionN', { n: i + 1 })}</legend>
          <Field label={t('directionTitle')} error={errorText(errorAt(errors, `directions.${i}.title`))} required>
            <input className={inputClass} {...form.register(`directions.${i}.title`)} />
          </Field>
          <Field label={t('directionTitleEn')} error={errorText(errorAt(errors, `directions.${i}.titleEn`))}>
            <input className={inputClass} {...form.register(`directions.${i}.titleEn`)} />
          </Field>
          <Field label={t('directionLead')} error={errorText(errorAt(errors, `directions.${i}.leadName`))}>
            <input className={inputClass} {...form.register(`directions.${i}.leadName`)} />
          </Field>
          <label className="flex items-center gap-2 self-end text-sm">
            <input type="checkbox" {...form.register(`directions.${i}.active`)} />
            {t('directionActive')}
          </label>
          <Field
            label={t('directionDescription')}
            error={errorText(errorAt(errors, `directions.${i}.description`))}
            className="sm:col-span-2"
          >
            <textarea className={textareaClass} rows={2} {...form.register(`directions.${i}.description`)} />
          </Field>
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={() => rows.append({ id: null, title: '', titleEn: '', leadName: '', description: '', active: true })}
        >
          {t('addDirection')}
        </Button>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('saveDirections')}
        </Button>
      </div>
      <p className="text-xs text-slate-600">{t('directionsHint')}</p>
    </form>
  );
}

export function AppointManagerForm({ platformId, today }: { platformId: string; today: string }) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const empty: TAppointManager = { platformId, email: '', appointedOn: today, remit: '' };
  const form = useForm<TAppointManager>({ resolver: formResolver(ZAppointManager), defaultValues: empty });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => appointManagerAction(values), t('managerAppointed'))) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('appointManager')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('managerEmail')} error={errorText(errors.email?.message)} required hint={t('managerEmailHint')}>
          <input type="email" className={inputClass} {...form.register('email')} />
        </Field>
        <Field label={t('appointedOn')} error={errorText(errors.appointedOn?.message)} required>
          <input type="date" className={inputClass} {...form.register('appointedOn')} />
        </Field>
      </div>
      <Field label={t('remit')} error={errorText(errors.remit?.message)}>
        <textarea className={textareaClass} rows={2} {...form.register('remit')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('appointManager')}
        </Button>
      </div>
    </form>
  );
}

export function EndManagerForm({
  managerId,
  version,
  name,
  today,
}: {
  managerId: string;
  version: number;
  name: string;
  today: string;
}) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TEndManager>({
    resolver: formResolver(ZEndManager),
    defaultValues: { managerId, version, endedOn: today },
  });
  useFreshVersion(form, version);
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => endManagerAction(values))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('endManagerTitle', { name })}
      triggerLabel={t('endManager')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('endManager')}
      formError={formError}
    >
      <Field label={t('endedOn')} error={errorText(form.formState.errors.endedOn?.message)} required>
        <input type="date" className={inputClass} {...form.register('endedOn')} />
      </Field>
    </DialogForm>
  );
}

export function CenterProjectForm({
  platformId,
  managers,
  initial,
}: {
  platformId: string;
  managers: Option[];
  initial?: {
    id: string;
    version: number;
    projectManagerId: string;
    title: string;
    leadName: string;
    budgetWan: string;
    startsOn: string;
    endsOn: string;
    summary: string;
  };
}) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const empty: TSavePlatformProject = {
    platformId,
    id: null,
    projectManagerId: managers[0]?.value ?? '',
    title: '',
    leadName: '',
    budgetWan: '',
    startsOn: '',
    endsOn: '',
    summary: '',
  };
  const form = useForm<TSavePlatformProject>({
    resolver: formResolver(ZSavePlatformProject),
    defaultValues: initial ? { ...initial, platformId } : empty,
  });
  useFreshVersion(form, initial?.version);
  const { send, formError } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => savePlatformProjectAction(values))) {
      setOpen(false);
      if (!initial) form.reset(empty);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={initial ? t('editCenterProjectTitle', { title: initial.title }) : t('newCenterProject')}
      triggerLabel={initial ? t('editCenterProject') : undefined}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('saveCenterProject')}
      formError={formError}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('centerProjectTitle')}
          error={errorText(errors.title?.message)}
          required
          className="sm:col-span-2"
        >
          <input className={inputClass} {...form.register('title')} />
        </Field>
        <Field label={t('projectManager')} error={errorText(errors.projectManagerId?.message)} required>
          <select className={inputClass} {...form.register('projectManagerId')}>
            {managers.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('leadName')} error={errorText(errors.leadName?.message)} required>
          <input className={inputClass} {...form.register('leadName')} />
        </Field>
        <Field label={t('budgetWan')} error={errorText(errors.budgetWan?.message)} required>
          <input inputMode="decimal" className={inputClass} {...form.register('budgetWan')} />
        </Field>
        <div />
        <Field label={t('startsOn')} error={errorText(errors.startsOn?.message)} required>
          <input type="date" className={inputClass} {...form.register('startsOn')} />
        </Field>
        <Field label={t('endsOn')} error={errorText(errors.endsOn?.message)} required>
          <input type="date" className={inputClass} {...form.register('endsOn')} />
        </Field>
        <Field label={t('summary')} error={errorText(errors.summary?.message)} className="sm:col-span-2">
          <textarea className={textareaClass} rows={3} {...form.register('summary')} />
        </Field>
      </div>
    </DialogForm>
  );
}

const SECTIONS = ['summary', 'outputs', 'talent', 'openness', 'fundingNote'] as const;

export function ReportForm({
  platformId,
  years,
  initial,
}: {
  platformId: string;
  /** The years a new report may be for (from establishment to this year). */
  years: number[];
  initial?: {
    year: number;
    version: number;
    content: Record<(typeof SECTIONS)[number], string>;
    fileId: string | null;
    filename: string | null;
  };
}) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const [file, setFile] = useState(
    initial?.fileId && initial.filename ? { id: initial.fileId, filename: initial.filename } : null,
  );
  const [uploading, setUploading] = useState(false);
  const form = useForm<TSavePlatformReport>({
    resolver: formResolver(ZSavePlatformReport),
    defaultValues: initial
      ? {
          platformId,
          year: initial.year,
          version: initial.version,
          content: initial.content,
          fileId: initial.fileId,
          submit: false,
        }
      : {
          platformId,
          year: years.at(-1) ?? new Date().getFullYear(),
          content: { summary: '', outputs: '', talent: '', openness: '', fundingNote: '' },
          fileId: null,
          submit: false,
        },
  });
  useFreshVersion(form, initial?.version);
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const save = (submit: boolean) =>
    form.handleSubmit(async (values) => {
      if (
        await send(
          () => savePlatformReportAction({ ...values, submit }),
          submit ? t('reportSubmitted') : t('reportSaved'),
        )
      )
        router.refresh();
    });
  return (
    <form onSubmit={save(true)} noValidate className="flex flex-col gap-4" aria-label={t('reportForm')}>
      <FormStatus error={formError} notice={notice} />
      {initial ? null : (
        <Field label={t('reportYear')} error={errorText(errors.year?.message)} required className="w-40">
          <select className={inputClass} {...form.register('year', { valueAsNumber: true })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
      )}
      {SECTIONS.map((s) => (
        <Field
          key={s}
          label={t(`section.${s}`)}
          error={errorText(errorAt(errors, `content.${s}`))}
          required={s !== 'fundingNote'}
        >
          <textarea className={textareaClass} rows={3} {...form.register(`content.${s}`)} />
        </Field>
      ))}
      <PdfUpload
        label={t('reportFile')}
        hint={t('reportFileHint')}
        purpose="PLATFORM_REPORT"
        maxMb={50}
        value={file}
        error={errorText(errors.fileId?.message)}
        onPendingChange={setUploading}
        onChange={(f) => {
          setFile(f);
          form.setValue('fileId', f?.id ?? null);
        }}
      />
      <div className="flex gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={save(false)}
          pending={form.formState.isSubmitting}
          disabled={uploading}
        >
          {t('saveReport')}
        </Button>
        <Button type="submit" pending={form.formState.isSubmitting} disabled={uploading}>
          {t('submitReport')}
        </Button>
      </div>
    </form>
  );
}

export function ReturnReportForm({ reportId, version, year }: { reportId: string; version: number; year: number }) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TReturnPlatformReport>({
    resolver: formResolver(ZReturnPlatformReport),
    defaultValues: { reportId, version, reason: '' },
  });
  useFreshVersion(form, version);
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => returnPlatformReportAction(values))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('returnReportTitle', { year })}
      triggerLabel={t('returnReport')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('returnReport')}
      formError={formError}
    >
      <Field label={t('returnReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}

export function OpenEvaluationForm({
  platformId,
  version,
  periodFrom,
  periodTo,
}: {
  platformId: string;
  version: number;
  periodFrom: string;
  periodTo: string;
}) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TOpenEvaluation>({
    resolver: formResolver(ZOpenEvaluation),
    defaultValues: { platformId, version, periodFrom, periodTo },
  });
  useFreshVersion(form, version);
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => openEvaluationAction(values), t('evaluationOpened'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('openEvaluation')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('periodFrom')} error={errorText(errors.periodFrom?.message)} required>
          <input type="date" className={inputClass} {...form.register('periodFrom')} />
        </Field>
        <Field label={t('periodTo')} error={errorText(errors.periodTo?.message)} required>
          <input type="date" className={inputClass} {...form.register('periodTo')} />
        </Field>
      </div>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('openEvaluation')}
        </Button>
      </div>
    </form>
  );
}

export function EvaluationForm({
  evaluationId,
  version,
  grade,
  report,
  nextPeriodYears,
}: {
  evaluationId: string;
  version: number;
  grade: string | null;
  report: string;
  nextPeriodYears: number;
}) {
  const t = useTranslations('platforms');
  const tg = useTranslations('enums.EvaluationGrade');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TSaveEvaluation>({
    resolver: formResolver(ZSaveEvaluation),
    defaultValues: { evaluationId, version, grade: (grade ?? '') as TSaveEvaluation['grade'], report, nextPeriodYears },
  });
  useFreshVersion(form, version);
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => saveEvaluationAction(values), t('evaluationSaved'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('recordEvaluation')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('grade')} error={errorText(errors.grade?.message)} required>
          <select className={inputClass} {...form.register('grade')}>
            <option value="">{t('noGrade')}</option>
            {(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const).map((g) => (
              <option key={g} value={g}>
                {tg(g)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('nextPeriodYears')} error={errorText(errors.nextPeriodYears?.message)} required>
          <input
            type="number"
            min={1}
            max={5}
            className={inputClass}
            {...form.register('nextPeriodYears', { valueAsNumber: true })}
          />
        </Field>
      </div>
      <Field label={t('evaluationReport')} error={errorText(errors.report?.message)} required>
        <textarea className={textareaClass} rows={5} {...form.register('report')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('saveEvaluation')}
        </Button>
      </div>
    </form>
  );
}

export function DecideEvaluationForm({ evaluationId, version }: { evaluationId: string; version: number }) {
  const t = useTranslations('platforms');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TDecideEvaluation>({
    resolver: formResolver(ZDecideEvaluation),
    defaultValues: { evaluationId, version, overrideWan: '', overrideReason: '' },
  });
  useFreshVersion(form, version);
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => decideEvaluationAction(values), t('evaluationDecided'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('decideEvaluation')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('overrideWan')} error={errorText(errors.overrideWan?.message)} hint={t('overrideHint')}>
          <input inputMode="decimal" className={inputClass} {...form.register('overrideWan')} />
        </Field>
        <Field label={t('overrideReason')} error={errorText(errors.overrideReason?.message)}>
          <textarea className={textareaClass} rows={2} {...form.register('overrideReason')} />
        </Field>
      </div>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('decideEvaluation')}
        </Button>
      </div>
    </form>
  );
}
