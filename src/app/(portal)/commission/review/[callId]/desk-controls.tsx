'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZDismissConflict, ZProposeAssignmentRun } from '@/lib/validation/review';
import {
  cancelAssignmentAction,
  computeCallScoresAction,
  decideAssignmentRunAction,
  detectConflictsAction,
  dismissConflictAction,
  proposeAssignmentRunAction,
} from '../actions';

/** Runs 回避 detection over the whole call; the counts stay above the button, the table below refreshes. */
export function DetectConflictsForm({ callId }: { callId: string }) {
  const t = useTranslations('review');
  const router = useRouter();
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const [result, setResult] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async () => {
    const r = await send(() => detectConflictsAction({ callId }));
    if (r) {
      setResult(t('detectedNotice', r));
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('detect')}>
      <FormStatus error={formError} notice={result} />
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting}>
          {t('detect')}
        </Button>
      </div>
    </form>
  );
}

/** Staff set aside a name-based finding they checked (a namesake, an avoidance request naming someone else). */
export function DismissConflictDialog({ conflictId, subject }: { conflictId: string; subject: string }) {
  const t = useTranslations('review');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<{ conflictId: string; reason: string }>({
    resolver: formResolver(ZDismissConflict) as never,
    defaultValues: { conflictId, reason: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => dismissConflictAction(form.getValues()))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('dismissTitle', { subject })}
      triggerLabel={t('dismiss')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('dismissSubmit')}
      formError={formError}
    >
      <p className="text-sm text-slate-700">{t('dismissExplain')}</p>
      <Field label={t('dismissReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}

type ProposeForm = { callId: string; dueAt: string; maxPairProbability?: number };

/** Asks the solver for a proposal; nothing is sent to any expert until staff commit it. */
export function ProposeRunForm({ callId, defaultDue }: { callId: string; defaultDue: string }) {
  const t = useTranslations('review');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<ProposeForm>({
    resolver: formResolver(ZProposeAssignmentRun) as never,
    defaultValues: { callId, dueAt: defaultDue },
  });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => proposeAssignmentRunAction(form.getValues()))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('proposeTitle')}>
      <FormStatus error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('dueAt')} hint={t('dueAtHint')} error={errorText(e.dueAt?.message)} required>
          <input type="datetime-local" className={inputClass} {...form.register('dueAt')} />
        </Field>
        <Field
          label={t('maxPairProbability')}
          hint={t('maxPairProbabilityHint')}
          error={errorText(e.maxPairProbability?.message)}
        >
          <input
            type="number"
            inputMode="decimal"
            step={0.05}
            min={0.1}
            max={0.9}
            className={inputClass}
            {...form.register('maxPairProbability', {
              setValueAs: (v) => (v === '' || v === null || v === undefined ? undefined : Number(v)),
            })}
          />
        </Field>
      </div>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('propose')}
        </Button>
      </div>
    </form>
  );
}

/** Commit (the invitations go out) or discard the pending proposal. */
export function DecideRunForm({ runId }: { runId: string }) {
  const t = useTranslations('review');
  const router = useRouter();
  const form = useForm<{ decision: 'COMMIT' | 'DISCARD' }>({ defaultValues: { decision: 'COMMIT' } });
  const { send, formError } = useActionForm(form);
  const [deciding, setDeciding] = useState<'COMMIT' | 'DISCARD' | null>(null);
  const onSubmit = form.handleSubmit(async ({ decision }) => {
    setDeciding(decision);
    if (await send(() => decideAssignmentRunAction({ runId, decision }))) router.refresh();
    setDeciding(null);
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('decideRunTitle')}>
      <FormStatus error={formError} />
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          pending={deciding === 'COMMIT'}
          disabled={deciding !== null}
          onClick={() => form.setValue('decision', 'COMMIT')}
        >
          {t('commitRun')}
        </Button>
        <Button
          type="submit"
          variant="secondary"
          pending={deciding === 'DISCARD'}
          disabled={deciding !== null}
          onClick={() => form.setValue('decision', 'DISCARD')}
        >
          {t('discardRun')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Staff adjust a proposal before committing it: a pair taken out is cancelled (and not proposed again by later runs,
 * since staff judged it unsuitable); the rest of the run is untouched.
 */
export function RemovePairButton({ assignmentId, subject }: { assignmentId: string; subject: string }) {
  const t = useTranslations('review');
  const router = useRouter();
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const [pending, setPending] = useState(false);
  const remove = async () => {
    setPending(true);
    if (await send(() => cancelAssignmentAction({ assignmentId, reason: t('removedFromProposal') }))) router.refresh();
    setPending(false);
  };
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" size="sm" variant="secondary" pending={pending} onClick={() => void remove()}>
        {t('removePair')}
        <span className="sr-only">：{subject}</span>
      </Button>
      {formError ? (
        <p role="alert" className="text-xs text-accent-600">
          {formError}
        </p>
      ) : null}
    </div>
  );
}

/**
 * 汇总评分, with the links to the matrix and the non-consensus list. The links are withheld while the aggregation
 * runs, so that whoever follows one reads the new figures, not the ones being replaced.
 */
export function AggregateForm({ callId }: { callId: string }) {
  const t = useTranslations('review');
  const router = useRouter();
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const [result, setResult] = useState<string | null>(null);
  const pending = form.formState.isSubmitting;
  const onSubmit = form.handleSubmit(async () => {
    const r = await send(() => computeCallScoresAction({ callId }));
    if (r) {
      setResult(t('aggregatedNotice', r));
      router.refresh();
    }
  });
  const linkClass = 'text-sm text-brand-700 underline';
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('aggregate')}>
      <FormStatus error={formError} notice={result} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={pending}>
          {t('aggregate')}
        </Button>
        {pending ? (
          <>
            <span className="text-sm text-slate-600">{t('matrix')}</span>
            <span className="text-sm text-slate-600">{t('nonConsensusList')}</span>
          </>
        ) : (
          <>
            <Link href={`/commission/review/${callId}/matrix`} className={linkClass}>
              {t('matrix')}
            </Link>
            <Link href={`/commission/review/${callId}/non-consensus`} className={linkClass}>
              {t('nonConsensusList')}
            </Link>
          </>
        )}
      </div>
    </form>
  );
}
