'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import type { ActionResult } from '@/lib/errors';
import {
  ZAssignMentor,
  ZCancelTranche,
  ZFileExpenditure,
  ZMarkTranchePaid,
  ZMentoringEntry,
  ZReturnExpenditure,
  type TAssignMentor,
  type TCancelTranche,
  type TFileExpenditure,
  type TMarkTranchePaid,
  type TMentoringEntry,
  type TReturnExpenditure,
} from '@/lib/validation/projects';

// The small forms of the project pages. Each takes the server action of the page's role as a prop, so the office,
// the commission and the enterprise share one "mark paid" form while each page keeps its own action file.

export type ProjectAction = (input: unknown) => Promise<ActionResult<unknown>>;

/** One click, one act (confirm, activate, approve, sign, accept): the answer or the refusal shows next to it. */
export function ActionButton({
  action,
  input,
  label,
  accessibleLabel,
  done,
  variant = 'primary',
}: {
  action: ProjectAction;
  input: unknown;
  label: string;
  accessibleLabel?: string;
  done?: string;
  variant?: 'primary' | 'secondary';
}) {
  const router = useRouter();
  const form = useForm();
  const { send, formError, notice } = useActionForm(form);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <FormStatus error={formError} notice={notice} />
      <div>
        <Button
          type="button"
          size="sm"
          variant={variant}
          aria-label={accessibleLabel}
          pending={pending}
          onClick={async () => {
            setPending(true);
            if (await send(() => action(input), done)) router.refresh();
            setPending(false);
          }}
        >
          {label}
        </Button>
      </div>
    </div>
  );
}

export function MarkPaidForm({
  action,
  trancheId,
  version,
  subject,
}: {
  action: ProjectAction;
  trancheId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('projects.money');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TMarkTranchePaid>({
    resolver: formResolver(ZMarkTranchePaid),
    defaultValues: { trancheId, version, paymentReference: '' },
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
      title={t('markPaidTitle', { subject })}
      triggerLabel={t('markPaid')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('markPaid')}
      formError={formError}
    >
      <Field
        label={t('paymentReference')}
        hint={t('paymentReferenceHint')}
        error={errorText(form.formState.errors.paymentReference?.message)}
        required
      >
        <input className={inputClass} {...form.register('paymentReference')} />
      </Field>
    </DialogForm>
  );
}

export function CancelTrancheForm({
  action,
  trancheId,
  version,
  subject,
}: {
  action: ProjectAction;
  trancheId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('projects.money');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TCancelTranche>({
    resolver: formResolver(ZCancelTranche),
    defaultValues: { trancheId, version, reason: '' },
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
      title={t('cancelTitle', { subject })}
      triggerLabel={t('cancel')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('cancel')}
      formError={formError}
    >
      <Field label={t('cancelReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}

export function ReturnReportForm({
  action,
  reportId,
  version,
  subject,
}: {
  action: ProjectAction;
  reportId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('projects.money');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TReturnExpenditure>({
    resolver: formResolver(ZReturnExpenditure),
    defaultValues: { reportId, version, reason: '' },
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
      title={t('returnTitle', { subject })}
      triggerLabel={t('return')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('return')}
      formError={formError}
    >
      <Field label={t('returnReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}

/**
 * The PI's report for a year: per category and source for a line-item project, total and statement for a 包干制
 * project. "Save draft" keeps it; "Submit" also checks it against the budget and the money received.
 */
export function ExpenditureForm({
  action,
  projectId,
  mode,
  years,
  categories,
  sources,
  initial,
}: {
  action: ProjectAction;
  projectId: string;
  mode: 'LINE_ITEM' | 'SIMPLIFIED';
  years: number[];
  categories: { code: string; label: string }[];
  sources: { value: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION'; label: string }[];
  initial?: TFileExpenditure;
}) {
  const t = useTranslations('projects.money');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TFileExpenditure>({
    resolver: formResolver(ZFileExpenditure),
    defaultValues: initial ?? {
      projectId,
      year: years[0],
      totalSpentWan: '',
      statement: '',
      lines: [],
      submit: false,
    },
  });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const submitWith = (submit: boolean) =>
    form.handleSubmit(async (values) => {
      if (await send(() => action({ ...values, submit }), submit ? t('reportSubmitted') : t('reportSaved'))) {
        router.refresh();
      }
    });
  return (
    <form noValidate className="flex flex-col gap-4" aria-label={t('fileReport')} onSubmit={submitWith(true)}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('year')} error={errorText(errors.year?.message)} required>
          <select className={inputClass} {...form.register('year', { valueAsNumber: true })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('totalSpentWan')} error={errorText(errors.totalSpentWan?.message)} required>
          <input className={inputClass} inputMode="decimal" {...form.register('totalSpentWan')} />
        </Field>
      </div>
      {mode === 'SIMPLIFIED' ? (
        <Field label={t('statement')} hint={t('statementHint')} error={errorText(errors.statement?.message)} required>
          <textarea className={textareaClass} rows={5} {...form.register('statement')} />
        </Field>
      ) : (
        <fieldset className="flex flex-col gap-3">
          <legend className="text-sm font-medium text-slate-800">{t('lines')}</legend>
          {errors.lines?.message ? (
            <p className="text-sm text-accent-600" role="alert">
              {errorText(errors.lines.message)}
            </p>
          ) : null}
          {lines.fields.map((field, i) => (
            <div key={field.id} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
              <Field label={t('category')} error={errorText(errors.lines?.[i]?.categoryCode?.message)}>
                <select className={inputClass} {...form.register(`lines.${i}.categoryCode`)}>
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('source')} error={errorText(errors.lines?.[i]?.source?.message)}>
                <select className={inputClass} {...form.register(`lines.${i}.source`)}>
                  {sources.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('amountWan')} error={errorText(errors.lines?.[i]?.amountWan?.message)}>
                <input className={inputClass} inputMode="decimal" {...form.register(`lines.${i}.amountWan`)} />
              </Field>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                aria-label={t('removeLineLabel', { n: i + 1 })}
                onClick={() => lines.remove(i)}
              >
                {t('removeLine')}
              </Button>
            </div>
          ))}
          <div>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => lines.append({ categoryCode: categories[0]?.code ?? '', source: 'FISCAL', amountWan: '' })}
            >
              {t('addLine')}
            </Button>
          </div>
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('submitReport')}
        </Button>
        <Button type="button" variant="secondary" onClick={submitWith(false)}>
          {t('saveDraft')}
        </Button>
      </div>
    </form>
  );
}

export function AssignMentorForm({
  action,
  projectId,
  experts,
  current,
}: {
  action: ProjectAction;
  projectId: string;
  experts: { id: string; name: string; email: string }[];
  current: string | null;
}) {
  const t = useTranslations('projects.mentor');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TAssignMentor>({
    resolver: formResolver(ZAssignMentor),
    defaultValues: { projectId, expertUserId: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values), t('assigned'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('assignTitle')}>
      <FormStatus error={formError} notice={notice} />
      <Field
        label={current ? t('replaceWith') : t('expert')}
        error={errorText(form.formState.errors.expertUserId?.message)}
        required
      >
        <select className={inputClass} {...form.register('expertUserId')}>
          <option value="">{t('chooseExpert')}</option>
          {experts.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}（{e.email}）
            </option>
          ))}
        </select>
      </Field>
      <div>
        <Button type="submit" size="sm" pending={form.formState.isSubmitting}>
          {current ? t('replace') : t('assign')}
        </Button>
      </div>
    </form>
  );
}

export function MentoringEntryForm({
  action,
  assignmentId,
  milestones,
  today,
}: {
  action: ProjectAction;
  assignmentId: string;
  milestones: { id: string; label: string }[];
  today: string;
}) {
  const t = useTranslations('projects.mentor');
  const tKind = useTranslations('enums.MentoringKind');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TMentoringEntry>({
    resolver: formResolver(ZMentoringEntry),
    defaultValues: {
      assignmentId,
      occurredOn: today,
      kind: 'MEETING',
      milestoneId: '',
      body: '',
      visibleToPi: true,
    },
  });
  const { send, formError, notice } = useActionForm(form);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values), t('entryAdded'))) {
      form.reset({ ...values, body: '' });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('addEntry')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('occurredOn')} error={errorText(errors.occurredOn?.message)} required>
          <input type="date" className={inputClass} max={today} {...form.register('occurredOn')} />
        </Field>
        <Field label={t('kind')} error={errorText(errors.kind?.message)} required>
          <select className={inputClass} {...form.register('kind')}>
            {(['MEETING', 'SITE_VISIT', 'CALL', 'MILESTONE_OPINION'] as const).map((k) => (
              <option key={k} value={k}>
                {tKind(k)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={t('milestone')}
        hint={kind === 'MILESTONE_OPINION' ? t('milestoneHint') : undefined}
        error={errorText(errors.milestoneId?.message)}
        required={kind === 'MILESTONE_OPINION'}
      >
        <select className={inputClass} {...form.register('milestoneId')}>
          <option value="">{t('noMilestone')}</option>
          {milestones.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('body')} error={errorText(errors.body?.message)} required>
        <textarea className={textareaClass} rows={5} {...form.register('body')} />
      </Field>
      {kind === 'MILESTONE_OPINION' ? (
        <p className="text-sm text-slate-600">{t('opinionAlwaysVisible')}</p>
      ) : (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" {...form.register('visibleToPi')} />
          {t('visibleToPi')}
        </label>
      )}
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('addEntry')}
        </Button>
      </div>
    </form>
  );
}
